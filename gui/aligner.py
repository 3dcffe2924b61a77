"""Keep the two panes in step: row-mapped scrolling over documents padded to equal rows.

The documents come padded (``staging``: the shorter cell of every row has space below
it, so each row starts at the same height on both sides) with where their rows lie;
``adopt`` takes both. Scrolling either pane moves the other to the same row, via
``geometry.map_position``. A width change re-wraps the text, so the rows must be
measured and padded again: after a short debounce the aligner asks for that
(``width_changed``; the window stages the documents again).

May import: PySide6, the standard library and collatio.gui.{geometry,pane}.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal

from .geometry import SideRows, map_position
from .pane import TextView

RESIZE_DEBOUNCE_MS = 120


class RowAligner(QObject):
    aligned = Signal()  # new rows: tops/extents are current (gutter, overview redraw)
    width_changed = Signal()  # the panes' width changed: the rows need measuring again

    def __init__(self, view_a: TextView, view_b: TextView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = (view_a, view_b)
        self.first_blocks: tuple[list[int], list[int]] = ([], [])
        self.tops: tuple[list[float], list[float]] = ([], [])
        self.totals = (0.0, 0.0)
        # Per side, (top, bottom) of each row's text, for the connector bands.
        self.extents: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
        self._syncing = False
        # From a width change until the rows are measured again: the panes are not kept
        # in step meanwhile, as the rows' positions are the old width's (each pane keeps
        # its own text at the top through the re-wrap, see ``TextView.resizeEvent``).
        self.stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESIZE_DEBOUNCE_MS)
        self._timer.timeout.connect(self.width_changed)
        for k, view in enumerate(self.views):
            view.resized.connect(self._on_resized)
            view.verticalScrollBar().valueChanged.connect(
                self._on_scroll_a if k == 0 else self._on_scroll_b
            )

    def adopt(self, first: tuple[list[int], list[int]], rows: tuple[SideRows, SideRows],
              widths: tuple[int, int]) -> None:
        """The panes show new documents: block numbers of each row's first block per side
        ([] for no rows), and where the rows lie, measured at the panes' ``widths``."""
        if widths == tuple(view.viewport().width() for view in self.views):
            self._timer.stop()  # a resize pending in the debounce is covered
            self.stale = False
        else:
            self._on_resized()  # the panes changed width meanwhile: measure again
        self.first_blocks = first
        self.tops = (list(rows[0].tops), list(rows[1].tops))
        self.extents = (list(rows[0].extents), list(rows[1].extents))
        self.totals = (rows[0].total, rows[1].total)
        self._sync(0)
        self.aligned.emit()

    @property
    def rows(self) -> int:
        return len(self.tops[0]) if len(self.tops[0]) == len(self.tops[1]) else 0

    def reach(self, k: int, y: float) -> None:
        """Let view ``k`` scroll to ``y`` now.

        Qt lays a newly shown document out lazily, in steps, and sizes the scroll range by
        what it has laid out so far: a jump further down would stop short. Lay it out as
        far as the screen at ``y`` (what Qt would do in its next steps anyway), no further:
        the whole of a book would stall the window."""
        view = self.views[k]
        bar = view.verticalScrollBar()
        if y <= bar.maximum():
            return
        height = view.viewport().height()
        view.document().documentLayout().hitTest(QPointF(0.0, y + height),
                                                 Qt.HitTestAccuracy.FuzzyHit)
        if y > bar.maximum():  # Qt sizes the range on its own schedule
            bar.setRange(0, max(bar.maximum(), round(self.totals[k]) - height))

    def scroll_to(self, y: float) -> None:
        """Scroll A to ``y`` (B follows)."""
        self.reach(0, y)
        self.views[0].verticalScrollBar().setValue(round(y))

    def _on_resized(self) -> None:
        self.stale = True
        self._timer.start()

    def _on_scroll_a(self, value: int) -> None:
        self._sync(0)

    def _on_scroll_b(self, value: int) -> None:
        self._sync(1)

    def _sync(self, source: int) -> None:
        if self._syncing or self.stale:
            return
        target = 1 - source
        src, dst = self.views[source], self.views[target]
        y = float(src.verticalScrollBar().value())
        if self.tops[0] and self.tops[1]:
            mapped = map_position(y, self.tops[source], self.totals[source],
                                  self.tops[target], self.totals[target])
        else:
            mapped = y
        self.reach(target, mapped)
        self._syncing = True
        try:
            dst.verticalScrollBar().setValue(round(mapped))
        finally:
            self._syncing = False
