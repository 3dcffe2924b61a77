"""Read an input file into decoded text, or fail with a message naming file and problem.

Files are opened read-only and never written to.

May import: the standard library and collatio.core.options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .options import CompareOptions

DEFAULT_MAX_BYTES = CompareOptions().max_file_bytes


class LoadError(Exception):
    """A file that cannot be compared; ``str()`` is one line naming the file and reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    source: str
    format: str  # "text", "markdown", "html", "docx", "pdf"
    encoding: str = "utf-8"


def load_text(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    p = Path(path)
    if not p.exists():
        raise LoadError(path, "no such file")
    if p.is_dir():
        raise LoadError(path, "is a folder, not a file")
    size = p.stat().st_size
    if size > max_bytes:
        raise LoadError(path, f"file is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.0f} MB")
    try:
        with open(p, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise LoadError(path, "file is empty")
    if b"\x00" in data[:8192]:
        raise LoadError(path, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"is not valid UTF-8 (byte {exc.start})") from exc
    return LoadedText(text, str(path), "text")
