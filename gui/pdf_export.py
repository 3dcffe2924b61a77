"""PDF export: the HTML report laid out by Qt's rich-text engine and printed to a PDF.

The core builds the HTML (collatio.core.export_html) but cannot import Qt, so this
module lives in the GUI package and ``register()`` adds the ``pdf`` format to the
command line's exporter registries (collatio.core.cli). The GUI's File > Export calls
``export_pdf`` directly.

The file is written to a temporary name beside the target and renamed over it, as the
other exports are (collatio.core.atomic), so a failed export never leaves half a PDF.

May import: PySide6 (QtCore, QtGui), the standard library and collatio.core.*.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from collatio.core.atomic import write_bytes_atomic
from collatio.core.export_html import export_html
from collatio.core.model import Comparison
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
_RESOLUTION = 300  # dpi of the PDF's layout grid; text stays vector either way.
_MARGIN_MM = 12.0
_FONT_PT = 7.5  # two text columns on A4 or Letter: about 55 characters a line
_FOOTER_PT = 20.0  # strip below the text for "page k of n"

_app: QGuiApplication | None = None  # kept alive when we had to create one (command line)


def _ensure_gui_application() -> None:
    """QTextDocument needs fonts, hence a QGuiApplication; the command line has none."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    # No window is shown: the offscreen platform works without a display (ssh, CI).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "collatio"])


def page_size_for(name: str) -> QPageSize:
    try:
        return QPageSize(PAGE_SIZES[name])
    except KeyError:
        raise ValueError(f"unknown page size {name!r} (choose from {', '.join(PAGE_SIZES)})") from None


def render_pdf(comparison: Comparison, path: str | os.PathLike[str], page_size: str = "A4") -> None:
    """Write the report to ``path`` (not atomic; see ``export_pdf``)."""
    _ensure_gui_application()
    size = page_size_for(page_size)
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Collatio report: {Path(comparison.a.source or 'original').name}")
    writer.setCreator("Collatio")
    writer.setResolution(_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(_FONT_PT)
    document.setDefaultFont(font)
    # Lay the text out on the printable area in points (so 7.5 pt is 7.5 pt on paper),
    # less a strip at the bottom for the page footer.
    printable = writer.pageLayout().paintRectPoints()
    width, body_height = printable.width(), printable.height() - _FOOTER_PT
    document.setPageSize(QSizeF(width, body_height))
    # No repeated table header: Qt paints a row split across pages over the repeated
    # header cells. Page footers say where the reader is instead.
    document.setDocumentMargin(0)  # the page layout has the margins
    document.setHtml(export_html(comparison, font_size_pt=_FONT_PT, repeat_header=False, body_margin="0"))
    _paint_pages(writer, document, width, body_height, _footer_label(comparison))
    # Finish the file now rather than whenever the writer is collected.
    del writer


def _footer_label(comparison: Comparison) -> str:
    names = [Path(d.source).name if d.source else "pasted text" for d in (comparison.a, comparison.b)]
    return f"Collatio · {names[0]} → {names[1]}"


def _paint_pages(writer: QPdfWriter, document: QTextDocument, width: float, height: float, label: str) -> None:
    """Each page of the laid-out document, with "label … page k of n" below it.

    QTextDocument.print_ numbers pages only when it chooses the layout itself; painting
    the pages ourselves keeps our page size and adds the footer an editor needs to put
    a dropped printout back in order.
    """
    pages = document.pageCount()
    scale = writer.resolution() / 72.0  # document units are points; the writer's are dots
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(_FONT_PT - 1)
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            # The footer in device units: a point-sized font on a scaled painter would be
            # scaled twice.
            painter.setFont(footer_font)
            painter.setPen(QColor("#666666"))
            strip = QRectF(0, (height + 6) * scale, width * scale, (_FOOTER_PT - 6) * scale)
            painter.drawText(strip, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
            painter.drawText(
                strip,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"page {page + 1} of {pages}",
            )
    finally:
        painter.end()


def export_pdf(comparison: Comparison, path: str | os.PathLike[str], page_size: str = "A4") -> None:
    """Write the report as a PDF to ``path`` atomically; ``page_size`` is "A4" or "Letter".

    Qt renders into a private temporary file; the finished bytes then go through
    ``write_bytes_atomic``, so a crash never leaves a half-written report.
    """
    page_size_for(page_size)  # fail before creating any file
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    try:
        render_pdf(comparison, tmp, page_size)
        if Path(tmp).stat().st_size == 0:
            raise OSError(f"{target}: Qt wrote an empty PDF")
        # Hand the bytes to the shared atomic writer: it gives the file the permissions
        # a new file gets (umask), where mkstemp's file would stay private (0600).
        write_bytes_atomic(target, Path(tmp).read_bytes())
    finally:
        Path(tmp).unlink(missing_ok=True)


def _export_pdf_cli(comparison: Comparison, out: Path | None, page_size: str = "A4") -> None:
    if out is None:
        raise OSError("PDF is a binary format: give an output file with -o FILE")
    export_pdf(comparison, out, page_size)


def register() -> None:
    """Add ``--format pdf`` to the command line (call before collatio.core.cli.main)."""
    from collatio.core import cli

    cli.EXPORTERS["pdf"] = _export_pdf_cli
    cli.PAGED_EXPORTERS["pdf"] = _export_pdf_cli
