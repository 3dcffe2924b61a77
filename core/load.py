"""Read an input file, byte string or URL into decoded text, or fail with one line.

Formats (chosen by suffix and sniffed content, see collatio.core.formats): plain text
and Markdown in any common encoding, HTML (main text only), DOCX and PDF (text layer).
``LoadedText.text`` is what the view shows and what every offset points into: line
ends are normalised to ``\\n`` and a BOM is dropped; HTML, DOCX and PDF become text
with a blank line between paragraphs.

Files are opened read-only and never written to. Every failure is a ``LoadError``
whose ``str()`` is one line, "SOURCE: reason".

May import: the standard library and collatio.core.{options,formats}.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from .formats import FORMAT_SUFFIXES, Extracted, FormatError, extract, sniff
from .options import CompareOptions

DEFAULT_MAX_BYTES = CompareOptions().max_file_bytes
URL_TIMEOUT_SECONDS = 20.0

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(s for suffixes in FORMAT_SUFFIXES.values() for s in suffixes)
# For QFileDialog.getOpenFileName(filter=...): ";;"-separated, first entry is the default.
FILE_DIALOG_FILTER = ";;".join(
    [
        "Articles (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ")",
        "Text and Markdown (*.txt *.text *.md *.markdown)",
        "Web pages (*.html *.htm *.xhtml)",
        "Word documents (*.docx)",
        "PDF documents (*.pdf)",
        "All files (*)",
    ]
)


class LoadError(Exception):
    """An input that cannot be compared; ``str()`` is one line naming the source and reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        reason = " ".join(reason.split())  # one line, whatever a library said
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    source: str
    format: str  # "text", "markdown", "html", "docx", "pdf"
    encoding: str = "utf-8"
    # Offsets into ``text`` of paragraphs the source marked as headings / as the title.
    heading_spans: tuple[tuple[int, int], ...] = ()
    title_span: tuple[int, int] | None = None
    # Paragraphs the source marked as list items or table cells: never headings.
    body_spans: tuple[tuple[int, int], ...] = ()

    @property
    def role_hints(self) -> tuple[tuple[int, int], ...]:
        """Title and heading spans, for ``segment_document(..., heading_spans=...)``."""
        return ((self.title_span,) if self.title_span else ()) + self.heading_spans


def _size_reason(size: int, max_bytes: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.0f} MB"


def load_bytes(
    data: bytes,
    source: str,
    *,
    suffix: str = "",
    content_type: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadedText:
    """Decode ``data`` (from a file, a drop or a download) named ``source`` in messages."""
    if len(data) > max_bytes:
        raise LoadError(source, _size_reason(len(data), max_bytes))
    if not data.strip():
        raise LoadError(source, "file is empty" if not data else "file is empty (only white space)")
    try:
        fmt = sniff(data, suffix, content_type)
        extracted: Extracted = extract(data, fmt)
    except FormatError as exc:
        raise LoadError(source, str(exc)) from exc
    return LoadedText(
        extracted.text, source, fmt, extracted.encoding, extracted.heading_spans,
        extracted.title_span, extracted.body_spans,
    )


def load_text(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Load a file for File>Open and drag-and-drop."""
    p = Path(path)
    if not p.exists():
        raise LoadError(path, "no such file")
    if p.is_dir():
        raise LoadError(path, "is a folder, not a file")
    if not p.is_file():  # reading a named pipe or a device would wait for ever
        raise LoadError(path, "is not a regular file (a pipe, socket or device)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(path, _size_reason(size, max_bytes))
        with open(p, "rb") as handle:
            data = handle.read(max_bytes + 1)  # a file growing meanwhile is still capped
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from exc
    return load_bytes(data, str(path), suffix=p.suffix, max_bytes=max_bytes)


def load_url(
    url: str, *, timeout: float = URL_TIMEOUT_SECONDS, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadedText:
    """Download ``url`` (http/https only) with a timeout and a size cap, then load it."""
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise LoadError(url, "only http:// and https:// addresses can be opened")
    request = urllib.request.Request(url, headers={"User-Agent": "collatio/0.1 (article comparison)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise LoadError(url, _size_reason(int(declared), max_bytes))
            data = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "")
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise LoadError(url, f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise LoadError(url, f"cannot be downloaded ({exc.reason})") from exc
    except TimeoutError as exc:
        raise LoadError(url, f"no answer within {timeout:g} seconds") from exc
    except OSError as exc:
        raise LoadError(url, f"cannot be downloaded ({exc.strerror or exc})") from exc
    suffix = PurePosixPath(urlparse(final_url).path).suffix
    if suffix.lower() not in SUPPORTED_SUFFIXES:
        suffix = ""  # "/article/123" or ".php": let the content decide
    return load_bytes(data, url, suffix=suffix, content_type=content_type, max_bytes=max_bytes)
