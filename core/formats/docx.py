"""Word documents (.docx) via python-docx: body paragraphs and tables, in order.

A paragraph whose style is a heading ("Heading 2", "Überschrift 2", or any style with
an outline level) is recorded as a heading span; the "Title" style as the title span.
Empty paragraphs are skipped, so paragraphs are separated by exactly one blank line.

May import: the standard library, python-docx, lxml and collatio.core.formats.base.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError

from .base import BlockWriter, Extracted, FormatError

_HEADING_STYLE = re.compile(r"^(heading|überschrift|titre|título|titolo|kop)\s*\d", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(title|titel|titre|título|titolo)$", re.IGNORECASE)


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return ""
    return (style.name or "") if style is not None else ""


def _has_outline_level(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is None:
        return False
    return any(child.tag.endswith("}outlineLvl") for child in ppr.iterchildren())


def _paragraphs(container: object) -> Iterator[Paragraph]:
    """Paragraphs of a document body (or table cell) in reading order, tables included."""
    for item in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell)
        else:
            yield item


def extract(data: bytes) -> Extracted:
    try:
        document = open_docx(io.BytesIO(data))
        paragraphs = list(_paragraphs(document))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError) as exc:
        raise FormatError(f"is not a readable DOCX file ({type(exc).__name__}: {exc})") from exc
    writer = BlockWriter()
    for paragraph in paragraphs:
        style = _style_name(paragraph)
        is_title = bool(_TITLE_STYLE.match(style))
        is_heading = bool(_HEADING_STYLE.match(style)) or _has_outline_level(paragraph)
        writer.add(paragraph.text, heading=is_heading, title=is_title)
    result = writer.result("utf-8")
    if not result.text.strip():
        raise FormatError("the DOCX document contains no text")
    return result
