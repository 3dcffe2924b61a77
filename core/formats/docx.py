"""Word documents (.docx) via python-docx: body paragraphs and tables, in order.

A paragraph whose style is a heading ("Heading 2", "Überschrift 2", or any style with
an outline level) is recorded as a heading span; the "Title" style as the title span.
Table cells and list items (numbered, or a list style) are recorded as body spans: short,
yet no headings.
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
_LIST_STYLE = re.compile(r"^(list|liste|aufzählung)\b", re.IGNORECASE)
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


def _is_list_item(paragraph: Paragraph, style: str) -> bool:
    """Numbered or bulleted: numbering properties, or a list style ("List Bullet")."""
    ppr = paragraph._p.pPr
    if ppr is not None and any(child.tag.endswith("}numPr") for child in ppr.iterchildren()):
        return True
    return bool(_LIST_STYLE.match(style))


def _paragraphs(container: object, in_table: bool = False) -> Iterator[tuple[Paragraph, bool]]:
    """Paragraphs of a document body (or table cell) in reading order, tables included,
    each with whether it is inside a table."""
    for item in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell, True)
        else:
            yield item, in_table


def extract(data: bytes) -> Extracted:
    try:
        document = open_docx(io.BytesIO(data))
        paragraphs = list(_paragraphs(document))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError) as exc:
        raise FormatError(f"is not a readable DOCX file ({type(exc).__name__}: {exc})") from exc
    writer = BlockWriter()
    for paragraph, in_table in paragraphs:
        style = _style_name(paragraph)
        is_title = bool(_TITLE_STYLE.match(style))
        is_heading = bool(_HEADING_STYLE.match(style)) or _has_outline_level(paragraph)
        writer.add(paragraph.text, heading=is_heading, title=is_title,
                   body=in_table or _is_list_item(paragraph, style))
    result = writer.result("utf-8")
    if not result.text.strip():
        raise FormatError("the DOCX document contains no text")
    return result
