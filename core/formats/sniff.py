"""Choose an input's format from its name and its first bytes.

Content wins over the suffix where the content is unambiguous (a PDF saved as .txt is
read as PDF); a suffix that promises a binary format the content lacks is an error
rather than a silent fallback to text, so a corrupt .docx is reported as corrupt.

May import: the standard library and collatio.core.formats.base.
"""

from __future__ import annotations

import io
import re
import zipfile

from .base import FormatError

FORMAT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm", ".xhtml"),
    "docx": (".docx",),
    "pdf": (".pdf",),
}
_BY_SUFFIX = {suffix: fmt for fmt, suffixes in FORMAT_SUFFIXES.items() for suffix in suffixes}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            return head[len(bom):]
    return head


def looks_like_html(data: bytes) -> bool:
    head = _strip_bom(data[:2048])
    if head[:2] in (b"<\x00", b"\x00<"):  # UTF-16 without BOM: compare on the ASCII bytes
        head = head.replace(b"\x00", b"")
    return bool(_HTML_START.match(head))


def sniff(data: bytes, suffix: str = "", content_type: str = "") -> str:
    """One of "pdf", "docx", "html", "markdown", "text"; FormatError if none fits."""
    suffix = suffix.lower()
    claimed = _BY_SUFFIX.get(suffix)
    if data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, ValueError) as exc:
            raise FormatError(f"is a damaged ZIP archive, not a readable DOCX file ({exc})") from exc
        if "word/document.xml" in names:
            return "docx"
        raise FormatError("is a ZIP archive but not a Word document (no word/document.xml)")
    if data.startswith(_OLE_MAGIC):
        raise FormatError("is an old Word/Office binary file; save it as .docx and open that")
    if claimed == "pdf":
        raise FormatError("is not a readable PDF file (no %PDF header)")
    if claimed == "docx":
        raise FormatError("is not a readable DOCX file (not a ZIP archive)")
    if claimed in ("html", "markdown", "text"):
        return claimed
    if "html" in content_type.lower() or looks_like_html(data):
        return "html"
    return "text"
