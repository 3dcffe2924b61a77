"""The render plan: computed by the comparison job in the worker, re-planned when a view
option changed; a long comparison's documents are staged in slices (pytest-qt)."""

from __future__ import annotations

import threading

import pytest
from collatio.core import Comparison, LoadedText, Side
from collatio.core.model import LinkKind
from collatio.gui import compared as compared_module
from collatio.gui import plan as plan_module
from collatio.gui import staging as staging_module
from collatio.gui import textdoc as textdoc_module
from collatio.gui.cells import plan_side
from collatio.gui.geometry import SideRows
from collatio.gui.layoutopts import fold_unchanged
from collatio.gui.navigation import changes
from collatio.gui.plan import RenderPlan, ViewState, plan_render
from collatio.gui.rows import build_rows
from collatio.gui.staging import Stager
from collatio.gui.textdoc import document_height, row_extents
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
    monkeypatch.setattr(staging_module, "plan_render", recording)  # re-plans for a view
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
    adopt = window.aligner.adopt

    def aligning(first: tuple[list[int], list[int]], rows: tuple[SideRows, SideRows],
                 widths: tuple[int, int]) -> None:
        aligned_here.append(len(first[0]))
        adopt(first, rows, widths)

    monkeypatch.setattr(window.aligner, "adopt", aligning)
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


@pytest.fixture
def staged_in_slices(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every comparison is staged in slices (as a book would be); records the staging's
    generation at each slice."""
    monkeypatch.setattr(staging_module, "AT_ONCE_CHARS", 0)
    slices: list[int] = []
    real = Stager._slice

    def counting(self: Stager) -> None:
        slices.append(self.generation)
        real(self)

    monkeypatch.setattr(Stager, "_slice", counting)
    return slices


def _laid_out_rows(window: MainWindow, side: Side) -> SideRows:
    """Where Qt itself puts the shown document's rows, laid out in full."""
    doc = window.panes[side].view.document()
    first = window.aligner.first_blocks[0 if side is Side.A else 1]
    extents = row_extents(doc, first)
    return SideRows(tuple(top for top, _ in extents), tuple(extents), document_height(doc))


def test_a_long_comparison_is_staged_in_slices_while_the_old_view_stays(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int]) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(40))
    before = window.panes[Side.A].view.document()
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(450))
        # Nothing is built in the call: the panes still show the previous documents.
        assert window.panes[Side.A].view.document() is before
        assert window.stager.busy and len(window.rows) == 40
        assert window.statusBar().currentMessage() == "Laying out the view…"
    assert len(window.rows) == 450 and not window.stager.busy
    assert window.panes[Side.A].view.document() is not before
    assert window.statusBar().currentMessage() == ""
    # Built over many turns of the event loop, not in one.
    assert staged_in_slices.count(staged_in_slices[-1]) > 1


def test_staged_geometry_is_what_qt_lays_out(window: MainWindow, qtbot: QtBot,
                                             staged_in_slices: list[int]) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(450))
    aligner = window.aligner
    assert aligner.rows == 450
    # Every row needed padding, and both sides' rows start at the same height.
    assert aligner.tops[0] == aligner.tops[1]
    assert aligner.totals[0] == aligner.totals[1]
    for k, side in enumerate((Side.A, Side.B)):
        qt = _laid_out_rows(window, side)
        assert list(qt.tops) == aligner.tops[k]
        assert list(qt.extents) == aligner.extents[k]
        assert qt.total == aligner.totals[k]


def test_a_newer_render_supersedes_one_under_way(window: MainWindow, qtbot: QtBot,
                                                 staged_in_slices: list[int]) -> None:
    shown: list[int] = []
    window.stager.staged.connect(lambda staged: shown.append(len(staged.plan.rows)))
    window.show_comparison(_long_comparison(300))
    qtbot.wait(1)
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(200))
    qtbot.wait(50)
    assert shown == [200] and len(window.rows) == 200


def test_a_long_comparison_is_planned_in_a_worker_after_a_toggle(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int],
        plan_threads: list[tuple[str, ViewState]]) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(300))
    ui = threading.current_thread().name
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.reader.changes_only_action.trigger()
    assert [view for _, view in plan_threads] == [ViewState(True, False, False),
                                                  ViewState(True, True, False)]
    assert plan_threads[-1][0] != ui
    assert window.plan is not None and window.plan.view == ViewState(True, True, False)


def test_a_jump_reaches_rows_qt_has_not_laid_out_yet(window: MainWindow, qtbot: QtBot,
                                                     staged_in_slices: list[int]) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(450))
    reader, aligner = window.reader, window.aligner
    last = reader.changes[-1].row
    reader.select_row(last)  # Qt lays a new document out lazily: its scroll range is short
    for k, side in enumerate((Side.A, Side.B)):
        view = window.panes[side].view
        top = aligner.extents[k][last][0]
        value = view.verticalScrollBar().value()
        assert value <= top <= value + view.viewport().height()


def test_a_resize_during_staging_ends_in_rows_measured_at_the_new_width(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # One step per slice, each a few blocks or rows: a staging of many event-loop turns.
    monkeypatch.setattr(staging_module, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(textdoc_module, "BUILD_STEP", 5)
    monkeypatch.setattr(textdoc_module, "MEASURE_STEP", 5)
    window.aligner._timer.setInterval(600)  # the resize's debounce outlasts the staging
    window.show_comparison(_long_comparison(450))
    assert window.stager.busy
    view = window.panes[Side.A].view
    width = view.viewport().width()
    window.resize(window.width() - 200, window.height())  # the text re-wraps: taller rows
    qtbot.waitUntil(lambda: view.viewport().width() != width, timeout=TIMEOUT)
    aligner = window.aligner
    # The panes took their new width while the staging for the old one went on.
    assert window.stager.busy and aligner._timer.isActive()

    def settled() -> bool:
        return (not window.stager.busy and not aligner._timer.isActive()
                and aligner.rows == 450)

    qtbot.waitUntil(settled, timeout=TIMEOUT)
    for k, side in enumerate((Side.A, Side.B)):
        qt = _laid_out_rows(window, side)
        assert list(qt.tops) == aligner.tops[k] and qt.total == aligner.totals[k]


def _scroll_to_row(window: MainWindow, row: int) -> None:
    window.panes[Side.A].view.verticalScrollBar().setValue(round(window.aligner.tops[0][row]))


def test_scrolling_while_the_view_is_laid_out_is_where_it_comes_back(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int]) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(450))
    _scroll_to_row(window, 100)
    window.reader.set_zoom(2)  # staged in slices: the old documents stay meanwhile
    assert window.stager.busy
    _scroll_to_row(window, 300)  # the reader moves on while the view is being laid out
    wanted = window.reader.top_sentence()
    assert wanted is not None
    qtbot.waitUntil(lambda: not window.stager.busy, timeout=TIMEOUT)
    assert window.reader.top_sentence() == wanted


def test_a_new_theme_colours_the_panes_with_the_documents_in_its_colours(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int]) -> None:
    from collatio.gui.palette import DARK, LIGHT
    from collatio.gui.themes import ThemeChoice

    window.comforts.view.set_theme(ThemeChoice.DARK)  # nothing shown: at once
    view = window.panes[Side.A].view
    assert DARK.window in view.styleSheet()
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(300))
    window.comforts.view.set_theme(ThemeChoice.LIGHT)
    # Until the documents in light colours are shown, the old ones keep their dark page:
    # light text on a white page would be unreadable.
    assert window.stager.busy and DARK.window in view.styleSheet()
    assert window.reader.palette_ is DARK
    with qtbot.waitSignal(window.documents_shown, timeout=TIMEOUT):
        pass
    assert LIGHT.window in view.styleSheet() and window.reader.palette_ is LIGHT


def test_a_render_asked_for_again_while_planning_reuses_the_plan_under_way(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int],
        plan_threads: list[tuple[str, ViewState]]) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(300))  # no plan yet: a worker plans
        window._render()  # as a resize or a zoom would, before the plan is back
        window._render()
    assert [view for _, view in plan_threads] == [ViewState()]
    # Once staged, a zoom re-renders with the same plan: none is computed.
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.reader.set_zoom(1)
    assert len(plan_threads) == 1


def test_a_render_asked_for_while_staging_reuses_the_plan_being_staged(
        window: MainWindow, qtbot: QtBot, staged_in_slices: list[int],
        plan_threads: list[tuple[str, ViewState]], monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window.show_comparison(_long_comparison(300))
    # One small step per slice: the staging lasts many turns of the event loop.
    monkeypatch.setattr(staging_module, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(textdoc_module, "BUILD_STEP", 5)
    monkeypatch.setattr(textdoc_module, "MEASURE_STEP", 5)
    window.reader.changes_only_action.trigger()  # a worker plans, then the slices begin
    qtbot.waitUntil(lambda: window.stager._steps is not None, timeout=TIMEOUT)
    assert window.plan is not None and not window.plan.view.changes_only  # not swapped yet
    with qtbot.waitSignal(window.stager.staged, timeout=TIMEOUT):
        window._render()  # as a resize would, while the new plan is being staged
    assert [view for _, view in plan_threads] == [ViewState(), ViewState(True, True, False)]
    assert window.plan is not None and window.plan.view.changes_only
