"""The connector gutter between the panes: paints the visible link bands, reports clicks.

What to draw and what a click hits come from ``connectors`` (pure); this widget only
converts coordinates (document y → gutter y via each view's scroll value and position)
and paints. It repaints when either pane scrolls and when the rows are re-aligned.

May import: PySide6, the standard library, collatio.core.model and collatio.gui.{connectors,marks,palette,pane,rows}.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from collatio.core.model import Comparison
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .connectors import Band, band_at, build_bands, ribbon_points, visible_bands
from .marks import Mark
from .palette import Palette
from .pane import TextView
from .rows import Row

GUTTER_WIDTH = 44
_KIND_MARK = {"identical": Mark.BAND_IDENTICAL, "minor": Mark.BAND_MINOR,
              "reworded": Mark.BAND_REWORDED}


class ConnectorGutter(QWidget):
    link_clicked = Signal(str)  # link id

    def __init__(self, view_a: TextView, view_b: TextView, palette: Palette,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = (view_a, view_b)
        self._palette = palette
        self.bands: tuple[Band, ...] = ()
        self.origins: tuple[Band, ...] = ()
        self.selected: str | None = None
        self.last_paint_count = 0  # bands drawn by the last paint (tests, benchmarks)
        self.last_paint_ms = 0.0
        # We fill every pixel: Qt need not paint the splitter behind us first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAccessibleName("Connector gutter")
        self.setAccessibleDescription("Bands joining linked sentences; click one to select it.")
        self.setFixedWidth(GUTTER_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        for view in self.views:
            view.verticalScrollBar().valueChanged.connect(self.update)

    def set_rows(self, comparison: Comparison | None, rows: Sequence[Row],
                 extents_a: Sequence[tuple[float, float]],
                 extents_b: Sequence[tuple[float, float]]) -> None:
        if comparison is None:
            self.bands, self.origins = (), ()
        else:
            self.bands, self.origins = build_bands(comparison, rows, extents_a, extents_b)
        self.update()

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.update()

    def set_selected(self, link: str | None) -> None:
        if link != self.selected:
            self.selected = link
            self.update()

    def shifts(self) -> tuple[float, float]:
        """Document y + shift = gutter y, per side."""
        out = []
        for view in self.views:
            origin = view.viewport().mapTo(self.window(), QPoint(0, 0)).y()
            mine = self.mapTo(self.window(), QPoint(0, 0)).y()
            out.append(float(origin - mine - view.verticalScrollBar().value()))
        return out[0], out[1]

    def visible(self) -> list[Band]:
        shift_a, shift_b = self.shifts()
        return visible_bands(self.bands, self.origins, shift_a, shift_b, float(self.height()),
                             self.selected)

    def band_at_point(self, x: float, y: float) -> Band | None:
        shift_a, shift_b = self.shifts()
        return band_at(self.visible(), x / max(1, self.width()), y, shift_a, shift_b)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        band = self.band_at_point(event.position().x(), event.position().y())
        if band is not None:
            self.link_clicked.emit(band.link)
        event.accept()

    # ---- painting -----------------------------------------------------------------------
    def _colour(self, band: Band) -> QColor:
        mark = Mark.MOVED if band.moved else _KIND_MARK.get(band.kind, Mark.BAND_IDENTICAL)
        return QColor(self._palette.style(mark).bar or self._palette.muted)

    def _path(self, band: Band, shift_a: float, shift_b: float) -> QPainterPath:
        w = float(self.width())
        a0, a1 = band.a[0] + shift_a, band.a[1] + shift_a
        b0, b1 = band.b[0] + shift_b, band.b[1] + shift_b
        path = QPainterPath(QPointF(0, a0))
        path.cubicTo(QPointF(w / 2, a0), QPointF(w / 2, b0), QPointF(w, b0))
        path.lineTo(QPointF(w, b1))
        path.cubicTo(QPointF(w / 2, b1), QPointF(w / 2, a1), QPointF(0, a1))
        path.closeSubpath()
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor(self._palette.header_bg))
            # Bands live beside the text, not beside the panes' headers above it.
            view = self.views[0].viewport()
            top = view.mapTo(self.window(), QPoint(0, 0)).y() - self.mapTo(
                self.window(), QPoint(0, 0)).y()
            painter.setClipRect(0, top, self.width(), view.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            shift_a, shift_b = self.shifts()
            bands = visible_bands(self.bands, self.origins, shift_a, shift_b,
                                  float(self.height()), self.selected)
            self.last_paint_count = len(bands)
            for band in bands:
                self._paint_band(painter, band, shift_a, shift_b)
        finally:
            painter.end()
        self.last_paint_ms = (time.perf_counter() - started) * 1000

    def _paint_origin(self, painter: QPainter, band: Band, shift_a: float, shift_b: float) -> None:
        """A dashed line from the moved sentences to their place in the revision."""
        w = float(self.width())
        points = ribbon_points((band.a[0] + band.a[1]) / 2 + shift_a,
                               (band.b[0] + band.b[1]) / 2 + shift_b, float(self.height()))
        if len(points) < 2:
            return
        selected = band.link == self.selected
        colour = QColor(self._palette.text) if selected else self._colour(band)
        painter.setPen(QPen(colour, 2.5 if selected else 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline([QPointF(x * w, y) for x, y in points])

    def _paint_band(self, painter: QPainter, band: Band, shift_a: float, shift_b: float) -> None:
        if band.origin:
            self._paint_origin(painter, band, shift_a, shift_b)
            return
        colour = self._colour(band)
        selected = band.link == self.selected
        fill = QColor(colour)
        fill.setAlpha(230 if selected else (150 if band.kind != "identical" else 110))
        path = self._path(band, shift_a, shift_b)
        if band.moved:
            # Moved: hatched fill and a dashed outline, so it differs by more than hue.
            painter.setBrush(QBrush(fill, Qt.BrushStyle.BDiagPattern))
            pen = QPen(colour, 1.2, Qt.PenStyle.DashLine)
        else:
            painter.setBrush(QBrush(fill))
            pen = QPen(Qt.PenStyle.NoPen)
        if selected:
            pen = QPen(QColor(self._palette.text), 1.6,
                       Qt.PenStyle.DashLine if band.moved else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawPath(path)
