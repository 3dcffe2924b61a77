"""One side of the view: a header with the file name above a read-only text view.

The view paints the left bars of removed/added/moved blocks, accepts a dropped file (it
only reports the path; the window loads it) and shows a sentence's description on hover.

May import: PySide6, the standard library, collatio.core.model and collatio.gui.{cells,details,palette,textdoc}.
"""

from __future__ import annotations

from pathlib import PurePath

from collatio.core.model import Comparison, Side
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from .cells import Block, sentence_at
from .details import tooltip_text
from .palette import Palette
from .textdoc import BAR_PROPERTY, bar_colour

BAR_WIDTH = 4.0


def _dropped_path(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> str | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return str(url.toLocalFile())
    return None


class TextView(QTextBrowser):
    """Read-only text with bars in the left margin, file drops and sentence tooltips."""

    file_dropped = Signal(str)
    resized = Signal()  # about to be laid out for a new width (the rows' geometry is stale)
    sentence_clicked = Signal(str)  # a click (not a drag-select) on a sentence
    sentence_hovered = Signal(str)  # the sentence under the mouse changed ("" for none)

    def __init__(self, side: Side, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self._palette = palette
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # Always there, so a new document never changes the text width: a scroll bar that
        # came and went would re-wrap the text and re-align every row.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # The text wraps at the widget's width, anywhere if it must: nothing to scroll
        # sideways. Qt still showed a bar for a line a fraction of a pixel too wide, which
        # took a bar's height from one pane only.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comparison: Comparison | None = None
        self.blocks: tuple[Block, ...] = ()
        # Row outlines drawn over the text, in document y: (top, bottom, dashed).
        # The selected change is outlined solid; the hovered sentence's partners dashed.
        self.outlines: list[tuple[float, float, bool]] = []
        self._hovered = ""
        self.viewport().setMouseTracking(True)

    # Drops: accept local files, report the first one.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.file_dropped.emit(path)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.oldSize().width() == event.size().width():
            super().resizeEvent(event)
            return
        self.resized.emit()
        # Qt re-wraps the text for the new width and keeps the scroll value, so other text
        # would come to the top: keep the text that was at the top there, as an editor does
        # (the window then measures and pads the rows again, keeping that sentence).
        bar = self.verticalScrollBar()
        anchor = self.cursorForPosition(QPoint(0, 0)).position() if bar.value() > 0 else None
        super().resizeEvent(event)
        if anchor is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(anchor)
            bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def sentence_id_at(self, pos: QPoint) -> str | None:
        """The id of the sentence under a viewport position, if any."""
        if self.comparison is None:
            return None
        cursor = self.cursorForPosition(pos)
        block = cursor.block()
        rect = self.document().documentLayout().blockBoundingRect(block)
        y = pos.y() + self.verticalScrollBar().value()
        if not rect.top() <= y <= rect.bottom():
            return None
        piece = sentence_at(self.blocks, block.blockNumber(), cursor.positionInBlock())
        return piece.sentence if piece is not None else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() is Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            sid = self.sentence_id_at(event.position().toPoint())
            if sid:
                self.sentence_clicked.emit(sid)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        sid = self.sentence_id_at(event.position().toPoint()) or ""
        if sid != self._hovered:
            self._hovered = sid
            self.sentence_hovered.emit(sid)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hovered:
            self._hovered = ""
            self.sentence_hovered.emit("")

    def tooltip_at(self, pos: QPoint) -> str | None:
        """The description of the sentence under a viewport position, if any."""
        sid = self.sentence_id_at(pos)
        if sid is None or self.comparison is None:
            return None
        sentence = self.comparison.document(self.side).sentence(sid)
        return tooltip_text(self.comparison, sentence)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            text = self.tooltip_at(self.viewport().mapFromGlobal(e.globalPos()))
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            self._paint_bars(painter)
            self._paint_outlines(painter)
        finally:
            painter.end()

    def _paint_outlines(self, painter: QPainter) -> None:
        if not self.outlines:
            return
        offset = self.verticalScrollBar().value()
        colour = QColor(self._palette.text)
        colour.setAlpha(150)
        width = self.viewport().width()
        for top, bottom, dashed in self.outlines:
            pen = QPen(colour, 1.0 if dashed else 1.5,
                       Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(4.0, top - offset - 3.0, width - 8.0,
                                           bottom - top + 6.0), 4.0, 4.0)

    def _paint_bars(self, painter: QPainter) -> None:
        doc = self.document()
        layout = doc.documentLayout()
        offset = self.verticalScrollBar().value()
        height = self.viewport().height()
        x = doc.documentMargin() + 2.0
        block = self.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(0, -offset)
            if rect.top() > height:
                break
            fmt = block.blockFormat()
            # Most blocks have no bar: ask hasProperty rather than converting an empty variant.
            colour: QColor | None = (
                bar_colour(fmt.property(BAR_PROPERTY), self._palette)
                if fmt.hasProperty(BAR_PROPERTY) else None
            )
            if colour is not None:
                painter.fillRect(QRectF(x, rect.top(), BAR_WIDTH, rect.height()), colour)
            block = block.next()


class Pane(QWidget):
    """Header (side and file name) above a TextView."""

    def __init__(self, side: Side, palette: Palette, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self._palette = palette
        self._font = font
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setContentsMargins(10, 6, 10, 6)
        self.header.setStyleSheet(
            f"background: {palette.header_bg}; color: {palette.text}; font-weight: 600;"
        )
        self.view = TextView(side, palette, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.set_source(None)

    @property
    def role_name(self) -> str:
        return "Original" if self.side is Side.A else "Revision"

    def set_source(self, source: str | None) -> None:
        name = PurePath(source).name if source else "(none)"
        self.header.setText(f"{self.role_name} — {name}")
        self.header.setToolTip(source or "")

    def show_document(self, doc: QTextDocument, comparison: Comparison | None,
                      blocks: tuple[Block, ...]) -> None:
        self.view.comparison = comparison
        self.view.blocks = blocks
        # Parented to the view, the previous document is deleted by setDocument (Qt docs).
        doc.setParent(self.view)
        self.view.setDocument(doc)

    def show_plain(self, text: str, muted: bool = False) -> None:
        """Text without a comparison: a hint, or one loaded side awaiting the other."""
        doc = QTextDocument()
        doc.setDefaultFont(self._font)
        doc.setDocumentMargin(12.0)
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(self._palette.muted if muted else self._palette.text))
        QTextCursor(doc).insertText(text, fmt)
        self.show_document(doc, None, ())
