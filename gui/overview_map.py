"""The overview strip: every change of the document at a glance, plus the viewport.

As in Meld's chunkmap, the change layer is rendered once into a QPixmap and reused; it is
re-rendered only when the changes, the widget size or the palette change. Each paint draws
the cached pixmap and the viewport rectangle on top. Clicking or dragging scrolls there.
Geometry comes from ``overview`` (pure).

May import: PySide6, the standard library and collatio.gui.{marks,navigation,overview,palette}.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .marks import Mark
from .navigation import Change, ChangeKind
from .overview import change_rects, map_extent, scroll_for, viewport_rect
from .palette import Palette

MAP_WIDTH = 16
_KIND_MARK = {
    ChangeKind.REMOVED: Mark.REMOVED,
    ChangeKind.ADDED: Mark.ADDED,
    ChangeKind.MOVED: Mark.MOVED,
    ChangeKind.REWORDED: Mark.BAND_REWORDED,
    ChangeKind.MINOR: Mark.BAND_MINOR,
    ChangeKind.QUOTE: Mark.QUOTE,
    # Not a main kind while a changed figure makes a link reworded (core.compare); kept
    # so that every kind has a colour (a missing one raised in paintEvent, every repaint).
    ChangeKind.FIGURE: Mark.FIGURE_B,
    ChangeKind.NEGATION: Mark.BAND_REWORDED,  # likewise: such a link is always reworded
}


class OverviewMap(QWidget):
    scroll_requested = Signal(float)  # the document y to scroll to (top of the viewport)

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self.changes: tuple[Change, ...] = ()
        self.tops: Sequence[float] = ()
        self.total = 0.0
        self.scroll_y = 0.0
        self.viewport = 0.0
        self._pixmap: QPixmap | None = None
        self.renders = 0  # how often the change layer was rendered (tests check the cache)
        self.setFixedWidth(MAP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Overview map")
        self.setAccessibleDescription("Every change in the document; click to go there.")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_changes(self, changes: tuple[Change, ...], tops: Sequence[float], total: float) -> None:
        self.changes, self.tops, self.total = changes, tuple(tops), total
        self._pixmap = None
        self.update()

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self._pixmap = None
        self.update()

    def set_view(self, scroll: float, viewport: float) -> None:
        if (scroll, viewport) != (self.scroll_y, self.viewport):
            if map_extent(self.total, viewport) != self.extent:
                self._pixmap = None  # a short document: the marks follow the viewport's height
            self.scroll_y, self.viewport = scroll, viewport
            self.update()

    @property
    def extent(self) -> float:
        return map_extent(self.total, self.viewport)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pixmap = None

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(self._palette.header_bg))
        painter = QPainter(pixmap)
        try:
            w = float(self.width())
            for rect in change_rects(self.changes, self.tops, self.extent, float(self.height())):
                colour = QColor(self._palette.style(_KIND_MARK[rect.kind]).bar
                                or self._palette.muted)
                if rect.kind is ChangeKind.QUOTE:  # a marker at the right edge
                    painter.fillRect(QRectF(w - 4, rect.y, 4, max(3.0, rect.height)), colour)
                else:
                    painter.fillRect(QRectF(2, rect.y, w - 7, rect.height), colour)
        finally:
            painter.end()
        self.renders += 1
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap is None:
            self._pixmap = self._render()
        painter = QPainter(self)
        try:
            painter.drawPixmap(0, 0, self._pixmap)
            if self.total > 0:
                y, h = viewport_rect(self.scroll_y, self.viewport, self.extent, float(self.height()))
                frame = QColor(self._palette.text)
                shade = QColor(frame)
                shade.setAlpha(40)
                painter.fillRect(QRectF(0, y, self.width(), h), shade)
                painter.setPen(QPen(frame, 1))
                painter.drawRect(QRectF(0.5, y + 0.5, self.width() - 1, h - 1))
        finally:
            painter.end()

    def _jump(self, y: float) -> None:
        if self.total > 0:
            self.scroll_requested.emit(scroll_for(y, self.viewport, self.extent,
                                                  float(self.height())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())
