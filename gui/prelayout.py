"""Measure and pad the panes' rows in the comparison's worker, so the UI thread need not.

Aligning the rows of a long comparison means laying both documents out in full at the
panes' widths, measuring every row and padding the shorter cell of each: on the UI
thread about 0.3 s for the DEplain ×1 book pair and 1.3 s for ×4, during which the
window would not respond. The comparison job does it off the UI thread instead, on
documents of its own (``lay_out``), and hands over plain numbers: each row's padding
and where each row then lies. The window builds its documents as before, pads them
before they are ever laid out (no relayout), and shows them; Qt then lays them out
lazily, in steps of its own, to the same geometry, because nothing differs.

No Qt object crosses threads: a document laid out in a worker holds fonts resolved in
that thread's font cache, which Qt frees when the thread ends (the window crashed on
such a document). The worker's documents are deleted in the worker.

The window uses the numbers only if nothing they depend on changed meanwhile (the
plan, the palette, the font and the panes' widths: ``LayoutRequest``); otherwise it
aligns the rows itself (``RowAligner.set_rows``).

May import: PySide6 (QtGui: no widgets), shiboken6, the standard library and
collatio.gui.{geometry,palette,plan,textdoc}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from collatio.core.model import Side
from PySide6.QtGui import QFont, QTextDocument

from .geometry import heights, paddings
from .palette import Palette
from .plan import RenderPlan
from .textdoc import build_document, document_height, row_extents, row_tops, set_paddings

SIDES = (Side.A, Side.B)
PAD_SLICE_ROWS = 100  # rows padded per edit: about 30 ms of relayout on a long comparison


@dataclass(frozen=True)
class LayoutRequest:
    """What the documents depend on besides the plan, captured on the UI thread."""

    palette: Palette
    # The reading font as QFont.toString(): a QFont object shares its resolved fonts with
    # its copies, so the worker makes its own from this.
    font: str
    widths: tuple[int, int]  # of the panes' viewports, A then B


@dataclass(frozen=True)
class RowGeometry:
    """Where the rows lie in both padded documents (see ``RowAligner``)."""

    extents: tuple[tuple[tuple[float, float], ...], tuple[tuple[float, float], ...]]
    totals: tuple[float, float]

    def tops(self, k: int) -> list[float]:
        return [top for top, _ in self.extents[k]]


@dataclass(frozen=True, eq=False)
class LaidOut:
    """The padding of every row on both sides, and where the rows then lie, for one plan
    laid out for one request."""

    plan: RenderPlan
    request: LayoutRequest
    pads: tuple[tuple[float, ...], tuple[float, ...]]  # see textdoc.set_paddings
    geometry: RowGeometry

    def fits(self, plan: RenderPlan, request: LayoutRequest) -> bool:
        return self.plan is plan and self.request == request


def lay_out(plan: RenderPlan, request: LayoutRequest,
            cancelled: Callable[[], bool] = lambda: False) -> LaidOut | None:
    """Lay out, measure and pad both documents of ``plan`` (call it off the UI thread).
    None if cancelled midway."""
    docs: list[QTextDocument] = []
    try:
        return _measure(plan, request, cancelled, docs)
    finally:
        for doc in docs:  # here, while this thread's fonts are alive (see the docstring)
            shiboken6.delete(doc)


def _measure(plan: RenderPlan, request: LayoutRequest, cancelled: Callable[[], bool],
             docs: list[QTextDocument]) -> LaidOut | None:
    firsts = [plan.first_blocks(side) for side in SIDES]
    font = QFont()
    font.fromString(request.font)
    for side, width in zip(SIDES, request.widths, strict=True):
        doc = build_document(plan.blocks(side), request.palette, font)
        doc.setTextWidth(width)  # what the pane sets as its page width
        docs.append(doc)
        if cancelled():
            return None
    natural = [heights(row_tops(doc, first), document_height(doc))
               for doc, first in zip(docs, firsts, strict=True)]
    if cancelled():
        return None
    pads = paddings(natural[0], natural[1])
    for doc, first, pad in zip(docs, firsts, pads, strict=True):
        # A slice at a time: each ends in one relayout call, and PySide holds the GIL
        # through it, so one call for every row would stall the UI thread (0.5 s at ×4).
        for start in range(0, len(first), PAD_SLICE_ROWS):
            set_paddings(doc, first, pad[start:start + PAD_SLICE_ROWS], start)
            if cancelled():
                return None
    ext_a, ext_b = (tuple(row_extents(doc, first)) for doc, first in zip(docs, firsts, strict=True))
    geometry = RowGeometry((ext_a, ext_b), (document_height(docs[0]), document_height(docs[1])))
    return LaidOut(plan, request, (tuple(pads[0]), tuple(pads[1])), geometry)
