"""What the comparison job does after ``compare``, off the UI thread, and hands over.

Everything the window would otherwise compute when a result arrives that needs no Qt
object: the rewrite anchors, the render plan for the view state of the run's start and
the reader's corrections mapped onto the new comparison. The documents themselves are
built and laid out by the window, on the UI thread: Qt objects made in a worker thread
deadlocked the window (see ``prepare``).

May import: the standard library, collatio.core and collatio.gui.{marks,plan} (no Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from collatio.core import Comparison, Outcome
from collatio.core.gcpause import exempt_live_objects, gc_paused
from collatio.core.overrides import Overrides, Resolution, resolve

from .marks import prepare_rewrites
from .plan import RenderPlan, ViewState, plan_render


@dataclass(frozen=True, slots=True)
class Compared:
    """What the comparison job hands to the UI thread: the comparison and, when it
    completed, what the worker already decided for the view state of the run's start."""

    comparison: Comparison
    plan: RenderPlan | None = None
    overrides: Overrides | None = None  # the corrections the run started with ...
    resolution: Resolution | None = None  # ... mapped onto this comparison


@gc_paused  # like compare: a full collection over a long comparison would stall the UI thread
def prepare(comparison: Comparison, view: ViewState, overrides: Overrides,
            cancelled: Callable[[], bool] = lambda: False) -> Compared:
    """The comparison job's work after ``compare`` (run it off the UI thread).

    No Qt object is made here. Building and laying the documents out in the worker
    (session 15) kept the window responsive on books, but PySide holds the GIL through
    some Qt calls that take Qt's signal-slot locks (``documentLayout()``, deleting a
    QObject), while the UI thread, deleting a widget, holds such a lock and waits for the
    GIL to ask Python for an override: the two threads waited on each other for ever (the
    test suite hung in 2 runs of 6)."""
    if comparison.outcome is not Outcome.COMPLETED:
        return Compared(comparison)
    prepare_rewrites(comparison)  # the rewrite anchors
    comparison.credits  # noqa: B018 - found here, read by the status line and the dock
    plan = plan_render(comparison, view)
    if cancelled():
        return Compared(comparison)
    boilerplate = bool(comparison.options.get("include_boilerplate", False))
    resolution = resolve(overrides, comparison.a, comparison.b, boilerplate)
    exempt_live_objects()  # the window keeps all of it: no collection need walk it again
    return Compared(comparison, plan, overrides, resolution)
