"""PDF via pypdfium2: the text layer, page by page, line by line.

PDF text has no paragraphs, only positioned lines. A vertical gap clearly larger than
the usual line spacing becomes a blank line, and each page break becomes a blank line,
so the output looks like text copied out of a PDF; collatio.core.paragraphs then
reflows it (joining sentences cut by page breaks). A PDF without a text layer
(scanned pages) is an error: there is no OCR.

Running headers and footers (a line at the top or bottom of most pages that repeats,
digits aside) and bare page numbers are left out of the text: they are page furniture,
like a web page's menu that trafilatura leaves out, and kept they would sit inside
every sentence that runs across a page break.

May import: the standard library, pypdfium2 and collatio.core.formats.base.
"""

from __future__ import annotations

import itertools
import re
import statistics
import threading

import pypdfium2 as pdfium

from .base import Extracted, FormatError

# A gap between line tops above this multiple of the typical spacing starts a paragraph.
PARAGRAPH_GAP = 1.5
# Lines looked at for furniture at each end of a page, and the share of pages a line
# (digits aside) must appear on to count as a running header or footer.
FURNITURE_LINES = 2
FURNITURE_SHARE = 0.5
_PAGE_NUMBER = re.compile(
    r"(?:seite|page|s\.|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|\||of|von|sur)\s*\d{1,4})?\s*[-–—]?", re.IGNORECASE
)


def _page_lines(page: pdfium.PdfPage) -> list[str]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        raw = textpage.get_text_range(0, count)
        lines: list[str] = []
        tops: list[float | None] = []
        index = 0  # raw string index == pdfium char index (generated "\r\n" included)
        for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", raw):
            line = match.group(0).rstrip("\r\n")
            if not match.group(0):
                break
            top: float | None = None
            for k, ch in enumerate(line):
                if not ch.isspace() and index + k < count:
                    top = textpage.get_charbox(index + k, loose=True)[3]
                    break
            lines.append(line.rstrip())
            tops.append(top)
            index = match.end()
    finally:
        textpage.close()
    return _with_paragraph_gaps(lines, tops)


def _with_paragraph_gaps(lines: list[str], tops: list[float | None]) -> list[str]:
    gaps = [
        a - b for a, b in itertools.pairwise(tops) if a is not None and b is not None and a > b
    ]
    if not gaps:
        return lines
    usual = statistics.median(gaps)
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and out and tops[k] is not None and tops[k - 1] is not None:
            gap = tops[k - 1] - tops[k]  # type: ignore[operator]
            if gap > PARAGRAPH_GAP * usual:
                out.append("")
        out.append(line)
    return out


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [k for k, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:FURNITURE_LINES] + filled[-FURNITURE_LINES:]))


def drop_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without running headers/footers and bare page numbers at their edges."""
    if len(pages) < 2:
        return pages
    seen: dict[str, int] = {}
    for lines in pages:
        for key in {_furniture_key(lines[k]) for k in _edge_indices(lines)}:
            seen[key] = seen.get(key, 0) + 1
    needed = max(2, int(FURNITURE_SHARE * len(pages) + 0.999))
    out: list[list[str]] = []
    for lines in pages:
        drop = {
            k
            for k in _edge_indices(lines)
            if seen[_furniture_key(lines[k])] >= needed or _PAGE_NUMBER.fullmatch(lines[k].strip())
        }
        kept = [line for k, line in enumerate(lines) if k not in drop]
        while kept and not kept[0].strip():
            kept.pop(0)
        while kept and not kept[-1].strip():
            kept.pop()
        out.append(kept)
    return out


# PDFium is not thread-safe: two documents read at once from two threads crash the
# process (the window loads both sides in parallel workers; batch and Dask use threads).
_PDFIUM = threading.Lock()


def _read_pages(data: bytes) -> list[list[str]]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).split("\n")[0]
        if "password" in reason.lower():
            raise FormatError("is a password-protected PDF") from exc
        raise FormatError(f"is not a readable PDF file ({reason})") from exc
    try:
        return [_page_lines(document[i]) for i in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise FormatError(f"is a damaged PDF file ({exc})") from exc
    finally:
        document.close()


def extract(data: bytes) -> Extracted:
    with _PDFIUM:
        page_lines = _read_pages(data)
    pages = ["\n".join(lines) for lines in drop_page_furniture(page_lines)]
    text = "\n\n".join(page for page in pages if page.strip())
    # pdfium reports a hyphen it found at a line end as U+FFFE (or STX) and drops the
    # break; restore "-\n" so normalise decides, with evidence, whether to join the word.
    text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
    if not text.strip():
        raise FormatError(
            f"the PDF has no text layer ({len(pages)} page(s) of images?); OCR is not supported"
        )
    return Extracted(text, "pdf")
