"""The render plan: computed by the comparison job in the worker, re-planned on the UI thread
only when a view option changed; the aligner pads a long comparison in chunks (pytest-qt)."""

from __future__ import annotations

import threading

import pytest
from collatio.core import Comparison, LoadedText, Side
from collatio.core.model import LinkKind
from collatio.gui import compared as compared_module
from collatio.gui import plan as plan_module
from collatio.gui import rendering as rendering_module
from collatio.gui.aligner import SMALL_ROWS
from collatio.gui.cells import plan_side
from collatio.gui.layoutopts import fold_unchanged
from collatio.gui.navigation import changes
from collatio.gui.plan import RenderPlan, ViewState, plan_render
from collatio.gui.rows import build_rows
from collatio.gui.window import MainWindow
from pytestqt.qtbot import QtBot

from .conftest import sample_texts
from .factory import L, make

pytestmark = pytest.mark.gui
TIMEOUT = 20_000


@pytest.mark.parametrize("view", [ViewState(), ViewState(False, True, True), ViewState(True, True)])
def test_plan_is_what_the_pure_modules_give(sample_comparison: Comparison, view: ViewState) -> None:
    plan = plan_render(sample_comparison, view)
    rows = build_rows(sample_comparison, show_boilerplate=view.show_boilerplate)
    if view.changes_only:
        rows = fold_unchanged(sample_comparison, rows, hide_minor=view.hide_minor)
    assert plan.rows == rows
    assert plan.blocks(Side.A) == plan_side(sample_comparison, rows, Side.A, view.hide_minor)
    assert plan.blocks(Side.B) == plan_side(sample_comparison, rows, Side.B, view.hide_minor)
    assert plan.changes == changes(sample_comparison, rows, hide_minor=view.hide_minor)
    assert plan.fits(sample_comparison, view)
    assert not plan.fits(sample_comparison, ViewState(not view.show_boilerplate))


@pytest.fixture
def plan_threads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ViewState]]:
    """Which thread planned what: (thread name, view state) per ``plan_render`` call."""
    calls: list[tuple[str, ViewState]] = []

    def recording(comparison: Comparison, view: ViewState) -> RenderPlan:
        calls.append((threading.current_thread().name, view))
        return plan_render(comparison, view)

    monkeypatch.setattr(compared_module, "plan_render", recording)  # the job's
    monkeypatch.setattr(rendering_module, "plan_render", recording)  # the window's re-plans
    return calls


def _start_run(w: MainWindow) -> None:
    a, b = sample_texts()
    w.set_text(Side.A, LoadedText(a, "", "text"))
    w.set_text(Side.B, LoadedText(b, "", "text"))  # starts the comparison job


def test_the_worker_plans_and_the_ui_thread_only_paints(
        window: MainWindow, qtbot: QtBot, plan_threads: list[tuple[str, ViewState]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ui = threading.current_thread().name
    cells_on_ui: list[Side] = []

    def watched(comparison: Comparison, rows: tuple, side: Side, hide_minor: bool = False) -> tuple:
        if threading.current_thread().name == ui:
            cells_on_ui.append(side)
        return plan_side(comparison, rows, side, hide_minor)

    monkeypatch.setattr(plan_module, "plan_side", watched)
    aligned_here: list[int] = []  # rows measured and padded by the window
    set_rows = window.aligner.set_rows

    def aligning(first: tuple[list[int], list[int]]) -> None:
        aligned_here.append(len(first[0]))
        set_rows(first)

    monkeypatch.setattr(window.aligner, "set_rows", aligning)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        _start_run(window)
    assert [name for name, _ in plan_threads] != [] and ui not in [n for n, _ in plan_threads]
    assert cells_on_ui == []
    # The window builds, lays out and aligns the documents: Qt objects stay on its thread.
    assert aligned_here == [len(window.rows)]
    shown = window.plan
    assert shown is not None and shown.fits(window.comparison, window.view_state())
    assert window.rows == shown.rows and window.blocks[Side.B] == shown.blocks_b
    assert window.reader.changes == shown.changes
    # The corrections were mapped in the worker too; the status bar reads the same.
    assert window.resolution is not None and window.resolution[0] is window.comparison

    # A view option toggled later re-plans here, for the new state.
    window.boilerplate_action.trigger()
    assert plan_threads[-1] == (ui, ViewState(False, False, False))
    assert cells_on_ui == [Side.A, Side.B]
    assert aligned_here == [len(window.rows)] * 2
    expected = plan_render(window.comparison, ViewState(False, False, False))
    assert expected.rows != shown.rows  # the sample's boilerplate is folded away now
    assert window.rows == expected.rows and window.blocks[Side.B] == expected.blocks_b
    assert window.reader.changes == expected.changes
    # A re-render with the same options (a theme, a zoom) keeps the plan.
    planned = len(plan_threads)
    window.reader.set_zoom(1)
    assert len(plan_threads) == planned


def test_a_view_option_toggled_during_the_run_is_honoured(
        window: MainWindow, qtbot: QtBot, plan_threads: list[tuple[str, ViewState]]) -> None:
    ui = threading.current_thread().name
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        _start_run(window)
        window.boilerplate_action.trigger()  # after the job captured the options
    worker_views = [view for name, view in plan_threads if name != ui]
    assert worker_views == [ViewState(True, False, False)]
    assert plan_threads[-1] == (ui, ViewState(False, False, False))
    expected = plan_render(window.comparison, ViewState(False, False, False))
    assert expected.rows != plan_render(window.comparison, ViewState()).rows
    assert window.rows == expected.rows and window.blocks[Side.A] == expected.blocks_a


def _long_comparison(rows: int) -> Comparison:
    """Linked sentence pairs of very different lengths, so every row needs padding."""
    long = "A rather long sentence that wraps over a few lines in a narrow pane, " * 3
    a = [[f"Short {k}."] if k % 2 else [f"{long}number {k}."] for k in range(rows)]
    b = [[f"{long}number {k}."] if k % 2 else [f"Short {k}."] for k in range(rows)]
    return make(a, b, [L((k,), (k,), LinkKind.REWORDED) for k in range(rows)])


def test_a_long_comparison_is_aligned_in_chunks_as_a_whole_would_be(
        window: MainWindow, qtbot: QtBot) -> None:
    c = _long_comparison(SMALL_ROWS + 200)
    window.show_comparison(c)
    aligner = window.aligner
    n = len(window.rows)
    assert n > SMALL_ROWS
    aligned = len(aligner.tops[0])
    assert not aligner.complete and 0 < aligned < n  # the first screens only, at once
    assert aligner.tops[0] == aligner.tops[1]
    bar = window.panes[Side.A].view.viewport().height()
    assert aligner.tops[0][-1] >= bar  # at least the first screen
    qtbot.waitUntil(lambda: aligner.complete, timeout=TIMEOUT)
    tops, extents = (list(aligner.tops[0]), list(aligner.tops[1])), aligner.extents
    assert len(tops[0]) == n and tops[0] == tops[1]
    aligner.equalise()  # the whole at once: nothing left to change
    assert (aligner.tops[0], aligner.tops[1]) == tops and aligner.extents == extents


def test_a_jump_ahead_of_the_chunks_aligns_up_to_its_row(window: MainWindow) -> None:
    window.show_comparison(_long_comparison(SMALL_ROWS + 200))
    aligner, reader = window.aligner, window.reader
    assert not aligner.complete
    last = reader.changes[-1].row
    reader.select_row(last)
    assert len(aligner.tops[0]) > last and aligner.tops[0] == aligner.tops[1]
    view = window.panes[Side.A].view
    top = aligner.extents[0][last][0]
    assert view.verticalScrollBar().value() <= top <= view.verticalScrollBar().value() + view.viewport().height()
