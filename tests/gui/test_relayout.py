"""A long comparison is rendered again in a worker (gui/relayout.py, gui/rendering.py),
pytest-qt: after a view toggle, a zoom or a resize the UI thread plans, lays out and
aligns nothing; the panes keep what they show until the job's documents arrive; a stale
job is never shown; a short comparison is still rendered at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from collatio.core import Comparison, compare
from collatio.gui import relayout as relayout_module
from collatio.gui.plan import RenderPlan, ViewState, plan_render
from collatio.gui.prelayout import LaidOut, lay_out
from collatio.gui.relayout import OFF_THREAD_CHARS, renders_off_thread
from collatio.gui.window import MainWindow
from pytestqt.qtbot import QtBot

from .factory import L, make
from .layout_helpers import SIDES, assert_shown_as_measured

pytestmark = pytest.mark.gui
TIMEOUT = 20_000


def _sized(chars_a: int, chars_b: int) -> Comparison:
    return compare("x" * chars_a, "y" * chars_b)


# (characters in A, in B, rendered in a worker?)
SIZES = [
    (0, 0, False),  # nothing to lay out
    (4_000, 5_000, False),  # the sample pair's size: at once, no delay
    (OFF_THREAD_CHARS // 2, OFF_THREAD_CHARS // 2, False),  # both together at the limit
    (OFF_THREAD_CHARS // 2, OFF_THREAD_CHARS // 2 + 1, True),  # one character past it
    (OFF_THREAD_CHARS + 1, 0, True),  # one long side is enough
]


@pytest.mark.parametrize("chars_a,chars_b,off_thread", SIZES)
def test_which_comparisons_are_rendered_in_a_worker(chars_a: int, chars_b: int,
                                                    off_thread: bool) -> None:
    assert renders_off_thread(_sized(chars_a, chars_b)) is off_thread


class _Watch:
    """What the UI thread did: rows aligned by the window, re-alignments after a width
    change, plans made; and the plans made in other threads."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        self.aligned_here: list[int] = []
        self.equalised = 0
        self.planned_here: list[ViewState] = []
        self.planned_elsewhere: list[ViewState] = []
        ui = threading.current_thread()
        set_rows, equalise = window.aligner.set_rows, window.aligner.equalise

        def aligning(first: tuple[list[int], list[int]]) -> None:
            self.aligned_here.append(len(first[0]))
            set_rows(first)

        def equalising() -> None:
            self.equalised += 1
            equalise()

        def planning(comparison: Comparison, view: ViewState) -> RenderPlan:
            here = threading.current_thread() is ui
            (self.planned_here if here else self.planned_elsewhere).append(view)
            return plan_render(comparison, view)

        monkeypatch.setattr(window.aligner, "set_rows", aligning)
        monkeypatch.setattr(window.aligner, "equalise", equalising)
        monkeypatch.setattr(relayout_module, "plan_render", planning)
        from collatio.gui import rendering

        monkeypatch.setattr(rendering, "plan_render", planning)

    @property
    def ui_work(self) -> tuple[list[int], int, list[ViewState]]:
        return self.aligned_here, self.equalised, self.planned_here


@pytest.fixture
def long_window(window: MainWindow, sample_comparison: Comparison,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The sample comparison shown in a window that takes every comparison for long."""
    window.show_comparison(sample_comparison)
    monkeypatch.setattr(relayout_module, "OFF_THREAD_CHARS", 0)
    yield window
    window.renderer.background.cancel()


def _wait_rendered(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.renderer.background.pending, timeout=TIMEOUT)


def test_a_view_toggle_is_planned_and_laid_out_in_a_worker(
        long_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    w = long_window
    watch = _Watch(w, monkeypatch)
    before = w.rows
    w.boilerplate_action.trigger()
    # Until the job is done the panes show what they showed, and say they are busy.
    assert w.renderer.background.pending and w.rows == before
    assert w.statusBar().currentMessage() == "Laying out…"
    _wait_rendered(w, qtbot)
    folded = ViewState(False, False, False)
    assert watch.planned_elsewhere == [folded]
    assert watch.ui_work == ([], 0, [])
    assert w.rows == plan_render(w.comparison, folded).rows != before
    assert w.plan is not None and w.laid_out is not None
    assert_shown_as_measured(w, w.plan, w.laid_out)
    assert w.statusBar().currentMessage() == ""


def test_a_resize_is_laid_out_in_a_worker(
        long_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    w = long_window
    watch = _Watch(w, monkeypatch)
    widths = w.layout_request().widths
    w.resize(900, 800)
    qtbot.waitUntil(lambda: w.renderer.background.pending, timeout=TIMEOUT)  # after the debounce
    _wait_rendered(w, qtbot)
    assert w.layout_request().widths != widths
    assert w.laid_out is not None and w.laid_out.request == w.layout_request()
    assert watch.ui_work == ([], 0, [])  # the plan was kept, and nothing aligned here
    assert watch.planned_elsewhere == []
    assert w.plan is not None
    assert_shown_as_measured(w, w.plan, w.laid_out)


def test_a_short_comparison_is_still_aligned_at_once_after_a_resize(
        window: MainWindow, sample_comparison: Comparison, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window.show_comparison(sample_comparison)
    watch = _Watch(window, monkeypatch)
    window.resize(900, 800)
    qtbot.waitUntil(lambda: watch.equalised == 1, timeout=TIMEOUT)
    assert not window.renderer.background.pending and not window.shown_laid_out


def test_the_top_sentence_stays_at_the_top_after_a_zoom(
        long_window: MainWindow, qtbot: QtBot) -> None:
    w = long_window
    w.reader.ensure_row_visible(len(w.rows) - 5)
    top = w.reader.top_sentence()
    assert top is not None and top != w.comparison.a.sentences[0].id  # scrolled down
    w.reader.set_zoom(2)
    assert w.renderer.background.pending
    _wait_rendered(w, qtbot)
    assert w.shown_laid_out and w.reader.top_sentence() == top


def test_only_the_latest_request_is_shown(
        long_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    w = long_window
    # Jobs that do not stop when cancelled: each one reports a result.
    monkeypatch.setattr(relayout_module, "lay_out", lambda plan, request, _cancelled: lay_out(plan, request))
    shown: list[LaidOut] = []
    show = w.renderer._show_relaid
    monkeypatch.setattr(w.renderer.background, "_show", lambda laid: (shown.append(laid), show(laid)))
    w.boilerplate_action.trigger()
    w.boilerplate_action.trigger()  # and back, before the first job is done
    _wait_rendered(w, qtbot)
    qtbot.wait(200)  # the first job's report, if it came, came by now
    assert len(shown) == 1 and shown[0].plan.view == w.view_state()
    assert w.plan is shown[0].plan


def test_the_top_sentence_stays_at_the_top_after_a_resize(
        long_window: MainWindow, qtbot: QtBot) -> None:
    w = long_window
    w.reader.ensure_row_visible(len(w.rows) - 8)
    top = w.reader.top_sentence()
    assert top is not None and top != w.comparison.a.sentences[0].id
    # Narrower: Qt re-wraps the text at once and keeps the scroll value in pixels, so
    # until the job is done other text would be at the top.
    w.resize(800, 800)
    qtbot.waitUntil(lambda: w.renderer.background.pending, timeout=TIMEOUT)
    assert w.reader.top_sentence() == top  # while the job runs ...
    _wait_rendered(w, qtbot)
    assert w.shown_laid_out and w.reader.top_sentence() == top  # ... and after


def test_the_reader_may_scroll_while_a_job_runs(long_window: MainWindow, qtbot: QtBot) -> None:
    w = long_window
    w.reader.set_zoom(2)
    w.reader.ensure_row_visible(len(w.rows) - 5)  # before the job's result is delivered
    top = w.reader.top_sentence()
    assert top is not None and top != w.comparison.a.sentences[0].id
    _wait_rendered(w, qtbot)
    assert w.shown_laid_out and w.reader.top_sentence() == top


def test_a_change_the_job_did_not_see_is_rendered_again(
        long_window: MainWindow, qtbot: QtBot) -> None:
    w = long_window
    w.boilerplate_action.trigger()  # the job plans for boilerplate folded away ...
    w.boilerplate_action.setChecked(True)  # ... which is shown again, without a request
    qtbot.wait(100)
    _wait_rendered(w, qtbot)
    assert w.plan is not None and w.plan.view == w.view_state() and w.view_state().show_boilerplate
    assert w.shown_laid_out


def test_a_render_for_a_comparison_no_longer_shown_is_dropped(
        long_window: MainWindow, sample_comparison: Comparison, qtbot: QtBot) -> None:
    w = long_window
    w.boilerplate_action.trigger()
    other = make([["Ein anderer Satz."]], [["Ein anderer Satz, umformuliert."]], [L((0,), (0,))])
    w.show_comparison(other)  # a new comparison arrives while the old one is laid out
    assert not w.renderer.background.pending
    qtbot.wait(300)
    assert w.comparison is other and w.plan is not None and w.plan.comparison is other


def test_documents_for_other_widths_are_shown_and_laid_out_again(
        long_window: MainWindow, sample_comparison: Comparison, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The panes were resized while the comparison job laid the documents out."""
    w = long_window
    watch = _Watch(w, monkeypatch)
    request = w.layout_request()
    narrow = replace(request, widths=(request.widths[0] - 120, request.widths[1] - 120))
    plan = plan_render(sample_comparison, w.view_state())
    watch.planned_here.clear()
    laid = lay_out(plan, narrow)
    assert laid is not None and laid.documents is not None
    w.show_comparison(sample_comparison, plan, laid)
    # Shown at once, as the job made them, and laid out again for the panes' widths.
    assert [w.panes[s].view.document() for s in SIDES] == list(laid.documents)
    assert w.renderer.background.pending
    _wait_rendered(w, qtbot)
    assert w.laid_out is not None and w.laid_out.request == request
    assert watch.ui_work == ([], 0, [])
    assert_shown_as_measured(w, plan, w.laid_out)


def test_a_failed_background_render_is_done_here_and_said(
        long_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> LaidOut:
        raise MemoryError("out of memory")

    monkeypatch.setattr(relayout_module, "lay_out", broken)
    w = long_window
    w.boilerplate_action.trigger()
    _wait_rendered(w, qtbot)
    assert "out of memory" in w.statusBar().currentMessage()
    assert w.plan is not None and w.plan.view == w.view_state()  # rendered here instead
    assert not w.shown_laid_out
