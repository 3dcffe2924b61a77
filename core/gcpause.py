"""Pause Python's cyclic garbage collector while a comparison runs.

The pipeline allocates millions of small, acyclic objects (tuples, spans, tokens), so
reference counting frees them and cyclic collections find nothing. Yet each full
collection walks every live object, 50–70 ms on a large comparison, and it holds the
GIL while it does: in the GUI the comparison runs in a worker thread, so those pauses
froze the window. Collection is paused while any comparison runs and resumes when the
last one ends; concurrent comparisons share one counter.

May import: the standard library only.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_running = 0
_was_enabled = True


def pause() -> None:
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1


def resume() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _was_enabled:
            gc.enable()


def gc_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with cyclic garbage collection paused (see the module docstring)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        pause()
        try:
            return function(*args, **kwargs)
        finally:
            resume()

    return wrapper


def exempt_live_objects() -> None:
    """Exempt every object alive now from later collections (``gc.freeze``).

    For a result kept for long, such as the comparison the window shows: once the pause
    ends, the collector would walk its objects again, first in young collections (all of
    them were allocated during the pause) and then in full ones, each holding the GIL for
    100-300 ms on a book-length pair, on whichever thread allocates next: the UI thread.
    The pipeline makes no reference cycles (a collection after a comparison of the
    DEplain ×1 pair finds nothing to free), so its objects are still freed by reference
    counting when they are dropped.
    """
    gc.freeze()


def readmit_exempted() -> None:
    """Let collections walk the exempted objects again (``gc.unfreeze``): at exit, so
    that the last collection still finds any cycle among them (extension modules report
    objects left uncollected at exit as leaks)."""
    gc.unfreeze()
