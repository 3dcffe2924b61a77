"""Keep the two panes in step: equal row heights and row-mapped scrolling.

After the documents are laid out at the current width, the aligner pads the shorter cell
of every row (see ``textdoc.set_paddings``) so each row starts at the same height on
both sides; a width change re-runs it (``equalise``) after a short debounce. Scrolling
either pane moves the other to the same row, via ``geometry.map_position``.

Laying out and padding a long comparison takes a while, and the UI thread must stay
responsive: ``set_rows`` aligns the rows of the first screens at once and the rest in
chunks, one per event-loop turn (Qt lays a document out lazily, as far as it is
measured). Until the last chunk, ``tops``/``extents`` cover the rows aligned so far
(``complete`` is False); ``ensure`` aligns further at once, for a jump to a later row.

May import: PySide6, the standard library and collatio.gui.{geometry,pane,textdoc}.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import partial

from PySide6.QtCore import QObject, QPoint, QTimer, Signal

from .geometry import heights, map_position, paddings
from .pane import TextView
from .textdoc import current_paddings, document_height, row_extents, row_tops, set_paddings

RESIZE_DEBOUNCE_MS = 120
FIRST_SCREENS = 2.0  # set_rows aligns the rows of this many viewport heights at once ...
CHUNK_CHARS = 25_000  # ... and the rest about this much text per event-loop turn
SMALL_ROWS = 250  # a comparison with fewer rows is aligned at once


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
        self._pads: tuple[list[float], list[float]] = ([], [])  # of the rows of set_rows
        self._starts: list[int] = []  # text position of each row of set_rows
        self._done = 0  # rows aligned so far (all of them unless chunks are pending)
        self._run = 0  # counts set_rows/equalise calls: a pending chunk of an older one stops
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
        """Block numbers of each row's first block, per side; [] for no rows.

        The documents are new (no row padded yet). The first screens are aligned now, the
        rest in chunks on the following event-loop turns.
        """
        self.first_blocks = first
        self._run += 1
        # This measures at the current width: a resize pending in the debounce is covered
        # (showing a long document adds a scroll bar, which narrows the view).
        self._timer.stop()
        self.tops, self.extents, self._done = ([], []), ([], []), 0
        if not self.active:
            self.equalise()
            return
        # Natural row heights, all in one pass before any padding. Laying the documents
        # out completely first also matters: a padding edit while Qt's lazy layout is
        # still behind leaves the blocks it lays out later at stale positions.
        docs = [view.document() for view in self.views]
        natural = [heights(row_tops(doc, rows), document_height(doc))
                   for doc, rows in zip(docs, first, strict=True)]
        self._pads = paddings(natural[0], natural[1])
        # The first screens: rows whose aligned top lies within them (aligned heights are
        # the larger of the two natural ones); a short comparison is aligned at once.
        screen = FIRST_SCREENS * max(1, self.views[0].viewport().height())
        y, count = 0.0, 0
        for ha, hb in zip(natural[0], natural[1], strict=True):
            if y > screen:
                break
            y += max(ha, hb)
            count += 1
        # Where each row starts in the text (the longer side): a chunk's padding relayouts
        # its text, so chunks hold about the same amount of text.
        self._starts = [max(docs[0].findBlockByNumber(a).position(),
                            docs[1].findBlockByNumber(b).position())
                        for a, b in zip(first[0], first[1], strict=True)]
        self._advance(count if self.rows > SMALL_ROWS else self.rows)
        self._schedule()
        self.aligned.emit()

    @property
    def active(self) -> bool:
        return bool(self.first_blocks[0]) and len(self.first_blocks[0]) == len(self.first_blocks[1])

    @property
    def rows(self) -> int:
        return len(self.first_blocks[0]) if self.active else 0

    @property
    def complete(self) -> bool:
        """Every row is aligned (no chunk pending)."""
        return self._done >= self.rows

    def ensure(self, row: int | None = None) -> None:
        """Align at once the rows up to ``row`` (all rows if None) if chunks are pending."""
        end = self.rows if row is None else min(self.rows, row + 1)
        if self._done < end:
            self._advance(end)
            self.aligned.emit()

    def _schedule(self) -> None:
        if not self.complete:
            QTimer.singleShot(0, partial(self._next_chunk, self._run))

    def _next_chunk(self, run: int) -> None:
        if run != self._run or self.complete:
            return  # new rows or a full equalise came in between
        end = bisect_right(self._starts, self._starts[self._done] + CHUNK_CHARS)
        self._advance(max(end, self._done + 1))
        self._schedule()
        self.aligned.emit()

    def _advance(self, end: int) -> None:
        """Pad rows ``_done``..``end`` (of ``set_rows``) and measure them."""
        start, end = self._done, min(end, self.rows)
        if end <= start:
            return
        docs = [view.document() for view in self.views]
        view_a = self.views[0]
        # Padding these rows moves what lies below them: keep the text at the top of A
        # where it is (the user, a find or a restored position may be further down).
        anchor = None
        if start > 0:
            block = view_a.cursorForPosition(QPoint(0, 0)).block()
            layout = docs[0].documentLayout()
            anchor = (block, view_a.verticalScrollBar().value() - layout.blockBoundingRect(block).top())
        # Changing the paddings may clamp B's scroll value, which would drag A along.
        self._syncing = True
        try:
            for doc, rows, pads in zip(docs, self.first_blocks, self._pads, strict=True):
                set_paddings(doc, rows, pads[start:end], start)
        finally:
            self._syncing = False
        for k, (doc, rows) in enumerate(zip(docs, self.first_blocks, strict=True)):
            ext = row_extents(doc, rows, start, end)  # a row's extent starts at its top
            self.extents[k].extend(ext)
            self.tops[k].extend(top for top, _ in ext)
        self.totals = (document_height(docs[0]), document_height(docs[1]))
        self._done = end
        if anchor is not None and anchor[0].isValid():
            block, offset = anchor
            y = docs[0].documentLayout().blockBoundingRect(block).top() + offset
            self._syncing = True
            try:
                view_a.verticalScrollBar().setValue(round(y))
            finally:
                self._syncing = False
        self._sync(0)

    def equalise(self) -> None:
        """Re-pad every row and measure them (after a width change), keeping the row at
        the top of A in view."""
        self._run += 1
        self._timer.stop()
        if not self.active:
            self.tops = ([], [])
            self.extents = ([], [])
            self.aligned.emit()
            return
        docs = [view.document() for view in self.views]
        bar_a = self.views[0].verticalScrollBar()
        old_tops, old_y = self.tops[0], float(bar_a.value())
        anchor = None
        if old_tops and (len(old_tops) == self.rows or old_y < old_tops[-1]):
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
        # One pass per side: a row's extent starts at its top.
        ext_a, ext_b = (row_extents(doc, first) for doc, first in zip(docs, self.first_blocks,
                                                                        strict=True))
        tops_a, tops_b = [top for top, _ in ext_a], [top for top, _ in ext_b]
        self.tops = (tops_a, tops_b)
        self.totals = (document_height(docs[0]), document_height(docs[1]))
        self.extents = (ext_a, ext_b)
        self._done = self.rows
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
