"""Build the panes' documents and measure and pad their rows in the comparison's worker.

Showing a long comparison means building both documents, laying them out in full at the
panes' widths, measuring every row and padding the shorter cell of each: on the UI
thread about 0.35 s for the DEplain ×1 book pair and 1.3 s for ×4, during which the
window would not respond. The comparison job does it instead (``lay_out``): it builds
each document twice, lays one out to measure the rows (and deletes it), and pads the
other, which it hands over with the numbers (each row's padding and where it lies). The
window shows the handed-over documents as they are (``LaidOut.documents``); Qt then
lays them out lazily, in steps of its own, to the same geometry, as nothing differs.

Why two: a document laid out in a worker holds fonts resolved in that thread's font
cache, which Qt frees when the thread ends (the window crashed on such a document). A
document that was only built has resolved no font, so it may change threads; the
laid-out twin is deleted in the worker, while its fonts are alive.

The window uses all this only if nothing it depends on changed meanwhile (the plan, the
palette, the font and the panes' widths: ``LayoutRequest``); otherwise it builds and
aligns the rows itself (``RowAligner.set_rows``). A document can be shown once (a pane
takes it over): a later render of the same plan builds anew and pads with the numbers.

May import: PySide6 (QtCore, QtGui: no widgets), shiboken6, the standard library and
collatio.gui.{geometry,palette,plan,textdoc}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from collatio.core.model import Side
from PySide6.QtCore import QCoreApplication
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


@dataclass(frozen=True, eq=False)
class LaidOut:
    """The padding of every row on both sides, and where the rows then lie, for one plan
    laid out for one request; and the documents to show, padded but never laid out."""

    plan: RenderPlan
    request: LayoutRequest
    pads: tuple[tuple[float, ...], tuple[float, ...]]  # see textdoc.set_paddings
    geometry: RowGeometry
    # In the application's thread; a pane takes one over, so the window shows them once.
    documents: tuple[QTextDocument, QTextDocument] | None = None

    def fits(self, plan: RenderPlan, request: LayoutRequest) -> bool:
        return self.plan is plan and self.request == request


def lay_out(plan: RenderPlan, request: LayoutRequest,
            cancelled: Callable[[], bool] = lambda: False) -> LaidOut | None:
    """Lay out, measure and pad both documents of ``plan`` (call it off the UI thread).
    None if cancelled midway."""
    measured: list[QTextDocument] = []
    shown: list[QTextDocument] = []
    result = None
    try:
        result = _measure(plan, request, cancelled, measured, shown)
    finally:
        # Here, while this thread's fonts are alive (see the module docstring).
        for doc in measured if result is not None else measured + shown:
            shiboken6.delete(doc)
    return result


def _measure(plan: RenderPlan, request: LayoutRequest, cancelled: Callable[[], bool],
             measured: list[QTextDocument], shown: list[QTextDocument]) -> LaidOut | None:
    firsts = [plan.first_blocks(side) for side in SIDES]
    font = QFont()
    font.fromString(request.font)
    for side, width in zip(SIDES, request.widths, strict=True):
        # One document to show, never laid out here (no font of this thread resolved in
        # it: safe to hand over), and a twin to lay out and measure. (QTextDocument.clone
        # would do, but PySide deletes a clone with its original.)
        shown.append(build_document(plan.blocks(side), request.palette, font))
        doc = build_document(plan.blocks(side), request.palette, font)
        doc.setTextWidth(width)  # what the pane sets as its page width
        measured.append(doc)
        if cancelled():
            return None
    natural = [heights(row_tops(doc, first), document_height(doc))
               for doc, first in zip(measured, firsts, strict=True)]
    if cancelled():
        return None
    pads = paddings(natural[0], natural[1])
    for doc, copy, first, pad in zip(measured, shown, firsts, pads, strict=True):
        set_paddings(copy, first, pad)  # not laid out: no relayout
        # A slice at a time: each ends in one relayout call, and PySide holds the GIL
        # through it, so one call for every row would stall the UI thread (0.5 s at ×4).
        for start in range(0, len(first), PAD_SLICE_ROWS):
            set_paddings(doc, first, pad[start:start + PAD_SLICE_ROWS], start)
            if cancelled():
                return None
    ext_a, ext_b = (tuple(row_extents(doc, first)) for doc, first in zip(measured, firsts, strict=True))
    geometry = RowGeometry((ext_a, ext_b), (document_height(measured[0]), document_height(measured[1])))
    app = QCoreApplication.instance()
    for copy in shown:
        if app is not None:  # a QObject is used in the thread it belongs to
            copy.moveToThread(app.thread())
    return LaidOut(plan, request, (tuple(pads[0]), tuple(pads[1])), geometry, (shown[0], shown[1]))
