"""Rows measured and padded by the comparison job off the UI thread (gui/prelayout.py),
pytest-qt: they are where the panes show them, they are used only while they fit, and a
jump right after showing them reaches its row although Qt is still laying it out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from collatio.core import Comparison, Side
from collatio.core.model import LinkKind
from collatio.gui.plan import RenderPlan, plan_render
from collatio.gui.prelayout import LaidOut, LayoutRequest, lay_out
from collatio.gui.themes import DARK
from collatio.gui.window import MainWindow
from PySide6.QtCore import QThread
from PySide6.QtGui import QFont

from .factory import L, make
from .layout_helpers import SIDES, assert_shown_as_measured

pytestmark = pytest.mark.gui


class _Worker(QThread):
    def __init__(self, plan: RenderPlan, request: LayoutRequest) -> None:
        super().__init__()
        self.plan, self.request = plan, request
        self.result: LaidOut | None = None

    def run(self) -> None:
        self.result = lay_out(self.plan, self.request)


def _laid_out_in_a_thread(plan: RenderPlan, request: LayoutRequest) -> LaidOut:
    worker = _Worker(plan, request)
    worker.start()
    assert worker.wait(20_000)
    assert worker.result is not None
    return worker.result


def test_rows_measured_in_a_worker_are_where_the_panes_show_them(
        window: MainWindow, sample_comparison: Comparison) -> None:
    plan = plan_render(sample_comparison, window.view_state())
    laid = _laid_out_in_a_thread(plan, window.layout_request())
    # The worker thread has ended: nothing shown may depend on it (its fonts are gone).
    assert laid.documents is not None
    window.show_comparison(sample_comparison, plan, laid)
    assert_shown_as_measured(window, plan, laid)
    assert [window.panes[s].view.document() for s in SIDES] == list(laid.documents)
    # Rendered again for the same plan (a pane took the job's documents over): built here,
    # padded with the job's numbers, and still where the job measured them.
    window.renderer.render()
    assert [window.panes[s].view.document() for s in SIDES] != list(laid.documents)
    assert_shown_as_measured(window, plan, laid)


# What the job's documents depend on besides the plan; each case changes one of them.
MISFITS: list[tuple[str, Callable[[LayoutRequest], LayoutRequest]]] = [
    # The pane was resized while the comparison ran.
    ("width", lambda r: replace(r, widths=(r.widths[0] + 40, r.widths[1]))),
    # The reader zoomed in meanwhile.
    ("font", lambda r: replace(r, font=_bigger(r))),
    # The theme changed meanwhile.
    ("palette", lambda r: replace(r, palette=DARK)),
]


def _bigger(request: LayoutRequest) -> str:
    font = QFont()
    assert font.fromString(request.font)
    font.setPointSizeF(font.pointSizeF() + 2)
    return font.toString()


@pytest.mark.parametrize("name,change", MISFITS, ids=[m[0] for m in MISFITS])
def test_documents_that_no_longer_fit_are_not_shown(
        window: MainWindow, sample_comparison: Comparison, name: str,
        change: Callable[[LayoutRequest], LayoutRequest]) -> None:
    plan = plan_render(sample_comparison, window.view_state())
    laid = lay_out(plan, change(window.layout_request()))
    assert laid is not None
    window.show_comparison(sample_comparison, plan, laid)
    assert not window.shown_laid_out
    tops_a, tops_b = window.aligner.tops  # measured and aligned here instead
    assert len(tops_a) == len(plan.rows) and tops_a == tops_b


def test_a_layout_cancelled_midway_gives_nothing(
        window: MainWindow, sample_comparison: Comparison) -> None:
    plan = plan_render(sample_comparison, window.view_state())
    assert lay_out(plan, window.layout_request(), cancelled=lambda: True) is None


def _padded_towards_the_end(rows: int) -> Comparison:
    """Long rows alike on both sides, then short rows in the original beside long ones in
    the revision: most of the original's second half is padding, height without text.
    Qt sizes the scroll range of a document it has not laid out yet by the text laid out
    so far, so it guesses the original too short."""
    long = "A rather long sentence that wraps over a few lines in a narrow pane, " * 3
    half = rows // 2
    a = [[f"{long}number {k}."] if k < half else [f"Short {k}."] for k in range(rows)]
    b = [[f"{long}number {k}."] for k in range(rows)]
    return make(a, b, [L((k,), (k,), LinkKind.REWORDED) for k in range(rows)])


def test_a_jump_right_after_showing_reaches_the_last_rows(window: MainWindow) -> None:
    comparison = _padded_towards_the_end(600)
    plan = plan_render(comparison, window.view_state())
    laid = _laid_out_in_a_thread(plan, window.layout_request())
    window.show_comparison(comparison, plan, laid)
    assert window.shown_laid_out
    view = window.panes[Side.A].view
    row = len(plan.rows) - 20  # far enough from the end that the view can scroll it up
    top = window.aligner.extents[0][row][0]
    # Qt's guess falls short of the row: a jump without help would stop short.
    assert view.verticalScrollBar().maximum() < top
    window.reader.ensure_row_visible(row)  # before Qt's lazy layout got anywhere near it
    bar, height = view.verticalScrollBar(), view.viewport().height()
    assert bar.value() == round(top - height / 4)
    # The other pane followed to the same row.
    assert window.panes[Side.B].view.verticalScrollBar().value() == bar.value()
