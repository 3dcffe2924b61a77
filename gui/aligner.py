"""Keep the two panes in step: equal row heights and row-mapped scrolling.

After the documents are laid out at the current width, ``equalise`` pads the shorter cell
of every row (see ``textdoc.set_paddings``) so each row starts at the same height on
both sides; a width change re-runs it after a short debounce. Scrolling either pane moves
the other to the same row, via ``geometry.map_position``.

May import: PySide6, the standard library and collatio.gui.{geometry,pane,textdoc}.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QObject, QTimer, Signal

from .geometry import heights, map_position, paddings
from .pane import TextView
from .textdoc import current_paddings, document_height, row_extents, row_tops, set_paddings

RESIZE_DEBOUNCE_MS = 120


class RowAligner(QObject):
    aligned = Signal()  # rows re-measured: tops/extents are current (gutter, overview redraw)

    def __init__(self, view_a: TextView, view_b: TextView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = (view_a, view_b)
        self.first_blocks: tuple[list[int], list[int]] = ([], [])
        self.tops: tuple[list[float], list[float]] = ([], [])
        self.totals = (0.0, 0.0)
        # Per side, (top, bottom) of each row's text, for the connector bands.
        self.extents: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
        self._syncing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESIZE_DEBOUNCE_MS)
        self._timer.timeout.connect(self.equalise)
        for k, view in enumerate(self.views):
            view.resized.connect(self._timer.start)
            view.verticalScrollBar().valueChanged.connect(
                self._on_scroll_a if k == 0 else self._on_scroll_b
            )

    def set_rows(self, first: tuple[list[int], list[int]]) -> None:
        """Block numbers of each row's first block, per side; [] for no rows."""
        self.first_blocks = first
        self.tops = ([], [])  # new rows: no old position to keep (the anchor is by row)
        self.equalise()

    @property
    def active(self) -> bool:
        return bool(self.first_blocks[0]) and len(self.first_blocks[0]) == len(self.first_blocks[1])

    def equalise(self) -> None:
        if not self.active:
            self.tops = ([], [])
            self.extents = ([], [])
            self.aligned.emit()
            return
        docs = [view.document() for view in self.views]
        bar_a = self.views[0].verticalScrollBar()
        old_tops, old_y = self.tops[0], float(bar_a.value())
        anchor = None
        if old_tops and len(old_tops) == len(self.first_blocks[0]):
            row = max(0, bisect_right(old_tops, old_y) - 1)
            anchor = (row, old_y - old_tops[row])
        # Natural row heights are the measured ones minus the padding they carry now: one
        # relayout per document instead of two (reset to zero, then pad), which on a long
        # comparison is most of the cost of re-aligning.
        natural = []
        for doc, first in zip(docs, self.first_blocks, strict=True):
            measured = heights(row_tops(doc, first), document_height(doc))
            pads_now = current_paddings(doc, first)
            natural.append([max(0.0, h - p) for h, p in zip(measured, pads_now, strict=True)])
        pads = paddings(natural[0], natural[1])
        # Changing the paddings may clamp B's scroll value, which would drag A along: hold
        # syncing, and put A back on the same row after.
        self._syncing = True
        try:
            for doc, first, pad in zip(docs, self.first_blocks, pads, strict=True):
                set_paddings(doc, first, pad)
        finally:
            self._syncing = False
        tops_a, tops_b = (row_tops(doc, first) for doc, first in zip(docs, self.first_blocks,
                                                                        strict=True))
        self.tops = (tops_a, tops_b)
        self.totals = (document_height(docs[0]), document_height(docs[1]))
        ext_a, ext_b = (row_extents(doc, first) for doc, first in zip(docs, self.first_blocks,
                                                                        strict=True))
        self.extents = (ext_a, ext_b)
        if anchor is not None:
            row, offset = anchor
            height = heights(tops_a, self.totals[0])[row]
            self._syncing = True
            try:
                bar_a.setValue(round(tops_a[row] + min(offset, height)))
            finally:
                self._syncing = False
        self._sync(0)
        self.aligned.emit()

    def _on_scroll_a(self, value: int) -> None:
        self._sync(0)

    def _on_scroll_b(self, value: int) -> None:
        self._sync(1)

    def _sync(self, source: int) -> None:
        if self._syncing:
            return
        target = 1 - source
        src, dst = self.views[source], self.views[target]
        y = float(src.verticalScrollBar().value())
        if self.tops[0] and self.tops[1]:
            mapped = map_position(y, self.tops[source], self.totals[source],
                                  self.tops[target], self.totals[target])
        else:
            mapped = y
        self._syncing = True
        try:
            dst.verticalScrollBar().setValue(round(mapped))
        finally:
            self._syncing = False
