"""Atomic file writes: write a temporary file beside the target, then rename it over.

A crash mid-write leaves the old file intact, never a half-written one. An input file
is never a target: every writer asks ``input_refusal`` first (exports on the command line
and in the window, the batch journal). The new file
gets the old file's permissions, or the usual ones (0666 less the umask) for a new file:
``mkstemp`` creates 0600 files, and a report saved to a shared folder must stay readable.
``write_output`` writes a command's text there, or to standard output.

May import: the standard library only.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)  # reading the umask means setting it; put it back at once
        return 0o666 & ~umask


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links and ``..`` too)."""
    try:
        return a.samefile(b)
    except OSError:  # one of them does not exist (yet): compare the paths
        return a.resolve() == b.resolve()


def input_refusal(target: str | os.PathLike[str],
                  inputs: Iterable[str | os.PathLike[str] | None]) -> str | None:
    """Why ``target`` may not be written, or None: it is one of ``inputs``."""
    path = Path(target)
    for source in inputs:
        if source and same_file(path, Path(source)):
            return (f"{path} is one of the compared files. Collatio never writes to its "
                    "inputs: choose another name.")
    return None


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


# Standard output is written in pieces: CPython's text stream takes a pipe's partial
# write of one large string as a success, so `… | head` lost the rest silently and the
# command exited 0; the next piece's write fails instead (BrokenPipeError, exit 141).
_STDOUT_PIECE = 1 << 16


def write_output(text: str, path: str | os.PathLike[str] | None) -> None:
    """A command's text output: to ``path`` atomically, or to standard output (None),
    ending in a newline there."""
    if path is not None:
        write_text_atomic(path, text)
        return
    if not text.endswith("\n"):
        text += "\n"
    for start in range(0, len(text), _STDOUT_PIECE):
        sys.stdout.write(text[start : start + _STDOUT_PIECE])
    sys.stdout.flush()
