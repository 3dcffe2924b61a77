"""Turn the bytes of one input into decoded text, one module per format.

``sniff`` picks the format from the file name's suffix and the content; each format
module exposes ``extract(data) -> Extracted`` and raises ``FormatError`` with a short
reason (no file name: the loader adds it). Nothing here touches the file system.

May import: the standard library and collatio.core.formats.*; the format modules import
their one library each (charset-normalizer, trafilatura, python-docx, pypdfium2).
"""

from __future__ import annotations

from .base import Extracted, FormatError
from .sniff import FORMAT_SUFFIXES, sniff

__all__ = ["FORMAT_SUFFIXES", "Extracted", "FormatError", "extract", "sniff"]


def extract(data: bytes, fmt: str) -> Extracted:
    """Decoded text of ``data`` read as format ``fmt`` (a name ``sniff`` returns)."""
    if fmt == "pdf":
        from . import pdf

        return pdf.extract(data)
    if fmt == "docx":
        from . import docx

        return docx.extract(data)
    if fmt == "html":
        from . import html

        return html.extract(data)
    from . import plain

    return plain.extract(data, markdown=fmt == "markdown")
