"""Navigation, change list, gutter clicks, find, zoom and threshold in the window (pytest-qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from collatio.core import Side
from collatio.core.model import LinkKind
from collatio.gui.cells import position_of
from collatio.gui.connectors import edge_at
from collatio.gui.navigation import ChangeKind
from collatio.gui.themes import ThemeChoice
from collatio.gui.window import MainWindow
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from .factory import L, make

pytestmark = pytest.mark.gui
TIMEOUT = 20_000


@pytest.fixture
def shown(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.comparison_shown, timeout=TIMEOUT):
        w.open_sample()
    yield w
    w.cancel()
    w.runner.wait(5000)


def _visible(w: MainWindow, side: Side, row: int) -> bool:
    view = w.panes[side].view
    top, bottom = w.aligner.extents[0 if side is Side.A else 1][row]
    value = view.verticalScrollBar().value()
    return bool(top >= value - 1 and min(bottom, top + 40) <= value + view.viewport().height() + 1)


def test_next_and_previous_change_move_the_selection_and_scroll_both_panes(
        shown: MainWindow, qtbot: QtBot) -> None:
    reader = shown.reader
    changes = reader.changes
    assert len(changes) > 5
    shown.activateWindow()
    shown.panes[Side.A].view.setFocus()
    for k in range(4):
        QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert reader.selected_row == changes[k].row
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert reader.selected_row == changes[2].row
    # Previous from the first change wraps to the last one, far down: both panes scroll.
    reader.select_row(changes[0].row)
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    last = changes[-1].row
    assert reader.selected_row == last
    assert "Wrapped" in shown.statusBar().currentMessage()
    assert shown.panes[Side.A].view.verticalScrollBar().value() > 0
    assert _visible(shown, Side.A, last) and _visible(shown, Side.B, last)
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_F7)
    assert reader.selected_row == changes[0].row
    assert _visible(shown, Side.A, changes[0].row) and _visible(shown, Side.B, changes[0].row)
    # The next plain step clears the stale "Wrapped around" message.
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_F7)
    assert shown.statusBar().currentMessage() == ""


def test_next_change_steps_through_what_the_change_list_shows(shown: MainWindow) -> None:
    reader, dock = shown.reader, shown.reader.dock
    for kind, box in dock.filters.items():
        box.setChecked(kind is ChangeKind.ADDED)
    added = [c.row for c in dock.model.items]
    assert 0 < len(added) < len(reader.changes)
    shown.activateWindow()
    view = shown.panes[Side.A].view
    view.setFocus()
    reader.select_row(reader.changes[0].row)
    visited = []
    for _ in added:
        QTest.keyClick(view, Qt.Key.Key_F7)
        visited.append(reader.selected_row)
    assert sorted(visited) == added
    # Next quotation change goes to quote changes only, though the list hides them.
    quoted = [c.row for c in reader.changes if c.quote]
    assert quoted
    reader.select_row(reader.changes[0].row)
    QTest.keyClick(view, Qt.Key.Key_F7, Qt.KeyboardModifier.ControlModifier)
    assert reader.selected_row == next(r for r in quoted if r > reader.changes[0].row)
    figures = [c.row for c in reader.changes if c.figure]
    QTest.keyClick(view, Qt.Key.Key_F6, Qt.KeyboardModifier.ControlModifier)
    assert reader.selected_row in figures
    # With nothing ticked, the status bar says why F7 goes nowhere.
    dock.filters[ChangeKind.ADDED].setChecked(False)
    QTest.keyClick(view, Qt.Key.Key_F7)
    assert "change list" in shown.statusBar().currentMessage()


def test_change_list_filters_by_kind_and_selects_both_ways(shown: MainWindow) -> None:
    dock = shown.reader.dock
    total = dock.model.rowCount()
    assert total == len(shown.reader.changes)
    dock.filters[ChangeKind.REWORDED].setChecked(False)
    # A change shows while any of its kinds is ticked: reworded ones with a changed quotation
    # or figure stay under "Quote" or "Figures".
    assert all(c.quote or c.figure for c in dock.model.items if c.kind is ChangeKind.REWORDED)
    assert any(c.figure for c in dock.model.items)
    dock.filters[ChangeKind.QUOTE].setChecked(False)
    dock.filters[ChangeKind.FIGURE].setChecked(False)
    kinds = {c.kind for c in dock.model.items}
    assert ChangeKind.REWORDED not in kinds and 0 < dock.model.rowCount() < total
    # List → view: choosing the last row selects its change and scrolls there.
    last = dock.model.rowCount() - 1
    dock.table.setCurrentIndex(dock.model.index(last, 0))
    change = dock.model.items[last]
    assert shown.reader.selected_row == change.row
    assert _visible(shown, Side.A, change.row)
    # View → list: clicking a sentence of another change selects its list row.
    target = dock.model.items[1]
    sid = (target.a or target.b)[0]
    side = Side.A if target.a else Side.B
    shown.panes[side].view.sentence_clicked.emit(sid)
    assert shown.reader.selected_row == target.row
    assert dock.current() == target
    dock.filters[ChangeKind.REWORDED].setChecked(True)
    dock.filters[ChangeKind.QUOTE].setChecked(True)
    assert dock.model.rowCount() == total and dock.current() == target


def test_clicking_a_band_selects_its_link(shown: MainWindow, qtbot: QtBot) -> None:
    gutter = shown.reader.gutter
    bands = [b for b in gutter.visible() if not b.origin]
    assert bands
    band = bands[-1]
    shift_a, shift_b = gutter.shifts()
    top = edge_at(0.5, band.a[0] + shift_a, band.b[0] + shift_b)
    bottom = edge_at(0.5, band.a[1] + shift_a, band.b[1] + shift_b)
    point = QPoint(gutter.width() // 2, round((top + bottom) / 2))
    assert gutter.band_at_point(point.x(), point.y()) == band
    QTest.mouseClick(gutter, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert gutter.selected == band.link
    assert shown.reader.selected_row == band.row
    assert shown.reader.dock.current() is not None
    current = shown.reader.dock.current()
    assert current is not None and current.link == band.link
    # A click between bands selects nothing new.
    gap_y = round(bottom) + 3
    if gutter.band_at_point(point.x(), gap_y) is None:
        QTest.mouseClick(gutter, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(point.x(), gap_y))
        assert gutter.selected == band.link


def test_find_searches_both_panes(shown: MainWindow, qtbot: QtBot) -> None:
    reader = shown.reader
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    reader.find_bar.edit.setText("moskau")  # case-insensitive
    sides = {m.side for m in reader.finder.matches}
    assert sides == {Side.A, Side.B}
    assert reader.find_bar.status.text().startswith(f"1 of {len(reader.finder.matches)}")
    first_b = next(k for k, m in enumerate(reader.finder.matches) if m.side is Side.B)
    for _ in range(first_b):
        QTest.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)
    assert reader.finder.match == first_b
    assert reader.find_bar.status.text().endswith("revision")
    m = reader.finder.matches[first_b]
    view = shown.panes[Side.B].view
    text = view.document().toPlainText()[m.start:m.end]
    assert text.lower() == "moskau"
    selections = view.extraSelections()
    assert any(s.cursor.selectionStart() == m.start for s in selections)
    QTest.keyClick(reader.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.finder.match == first_b - 1
    QTest.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible() and view.extraSelections() == []


def _row_tops(w: MainWindow, side: Side) -> list[float]:
    doc = w.panes[side].view.document()
    layout = doc.documentLayout()
    return [layout.blockBoundingRect(doc.findBlockByNumber(n)).top()
            for n, b in enumerate(w.blocks[side]) if b.first_in_row]


def test_zoom_realigns_rows(shown: MainWindow, qtbot: QtBot) -> None:
    before = shown.panes[Side.A].view.document().defaultFont().pointSizeF()
    height_before = shown.aligner.totals[0]
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert shown.reader.zoom == 2
    assert shown.panes[Side.A].view.document().defaultFont().pointSizeF() > before
    assert shown.aligner.totals[0] > height_before
    tops_a, tops_b = _row_tops(shown, Side.A), _row_tops(shown, Side.B)
    assert len(tops_a) == len(tops_b) > 10
    assert max(abs(x - y) for x, y in zip(tops_a, tops_b, strict=True)) <= 2
    QTest.keyClick(shown.panes[Side.A].view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert shown.panes[Side.A].view.document().defaultFont().pointSizeF() == before


def test_threshold_change_reruns_and_keeps_the_top_sentence(shown: MainWindow,
                                                           qtbot: QtBot) -> None:
    reader = shown.reader
    middle = len(shown.rows) // 2
    shown.panes[Side.A].view.verticalScrollBar().setValue(round(shown.aligner.tops[0][middle]))
    top = reader.top_sentence()
    assert top is not None
    with qtbot.waitSignal(shown.comparison_shown, timeout=TIMEOUT):
        reader.threshold.setValue(0.6)
    assert shown.comparison is not None
    assert shown.comparison.options["link_threshold"] == pytest.approx(0.6)
    view = shown.panes[Side.A].view
    assert view.verticalScrollBar().value() > 0
    # The line where that sentence starts is the first line of the pane again (another
    # sentence may start on the same line, so compare positions, not top_sentence()).
    sentence = shown.comparison.a.sentence(top)
    found = position_of(shown.blocks[Side.A], top, sentence.start)
    assert found is not None
    cursor = QTextCursor(view.document().findBlockByNumber(found[0]))
    cursor.setPosition(cursor.position() + found[1])
    rect = view.cursorRect(cursor)
    assert 0 <= rect.top() < rect.height()


def test_overview_caches_its_change_layer(shown: MainWindow, qtbot: QtBot) -> None:
    overview = shown.reader.overview
    overview.repaint()
    renders = overview.renders
    assert renders >= 1
    shown.panes[Side.A].view.verticalScrollBar().setValue(400)
    overview.repaint()
    assert overview.renders == renders  # scrolling redraws only the viewport frame
    shown.resize(1400, 700)
    qtbot.wait(50)
    overview.repaint()
    assert overview.renders > renders  # a new size renders the layer again
    qtbot.wait(300)  # let the resize and the debounced re-alignment settle
    overview.repaint()
    renders = overview.renders
    overview.repaint()
    assert overview.renders == renders
    overview.set_changes(shown.reader.changes[:3], shown.aligner.tops[0], shown.aligner.totals[0])
    overview.repaint()
    assert overview.renders == renders + 1  # new changes render it again


def test_hovering_a_sentence_outlines_its_partners(shown: MainWindow) -> None:
    assert shown.comparison is not None
    link = next(lk for lk in shown.comparison.links if lk.a and lk.b)
    view_a, view_b = shown.panes[Side.A].view, shown.panes[Side.B].view
    view_a.sentence_hovered.emit(link.a[0])
    row = shown.reader._row_of_key(link.a[0])
    assert (*shown.aligner.extents[1][row], True) in view_b.outlines
    view_a.sentence_hovered.emit("")
    assert not [o for o in view_b.outlines if o[2]]
    # A removed sentence has no partner: nothing is outlined.
    removed = next(s for s in shown.comparison.a.sentences
                   if shown.comparison.status(s).value == "removed")
    view_a.sentence_hovered.emit(removed.id)
    assert not [o for o in view_b.outlines if o[2]]


def test_realigning_after_a_resize_keeps_the_row_at_the_top(shown: MainWindow,
                                                            qtbot: QtBot) -> None:
    middle = len(shown.rows) // 2
    bar = shown.panes[Side.A].view.verticalScrollBar()
    bar.setValue(round(shown.aligner.tops[0][middle]))
    assert shown.reader.top_row() == middle
    shown.resize(1000, 900)  # narrower: every row re-wraps and the paddings change
    qtbot.wait(400)  # the debounced re-alignment
    assert shown.reader.top_row() == middle
    tops_a, tops_b = _row_tops(shown, Side.A), _row_tops(shown, Side.B)
    assert max(abs(x - y) for x, y in zip(tops_a, tops_b, strict=True)) <= 2


def test_substantive_only_and_hide_minor_skip_minor_changes(qtbot: QtBot) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    sents = [f"Satz Nummer {k} steht hier." for k in range(6)]
    b = list(sents)
    b[1] = "Satz Nummer 1 steht dort."  # minor
    b[3] = "Ganz anders formuliert: der dritte Satz."  # reworded
    c = make([sents], [b], [L((k,), (k,), kind) for k, kind in enumerate(
        [LinkKind.IDENTICAL, LinkKind.MINOR, LinkKind.IDENTICAL, LinkKind.REWORDED,
         LinkKind.IDENTICAL, LinkKind.MINOR])])
    w.show_comparison(c)
    reader = w.reader
    rows_of = {r.link: k for k, r in enumerate(w.rows)}
    reader.go(True)
    assert reader.selected_row == rows_of["l1"]  # minor changes are stops by default
    reader.substantive_action.setChecked(True)
    reader.go(True)
    assert reader.selected_row == rows_of["l3"]
    reader.go(True)  # l5 is minor: skipped, wraps to l3
    assert reader.selected_row == rows_of["l3"]
    reader.substantive_action.setChecked(False)
    reader.hide_minor_action.trigger()  # minor shown as unchanged, and no longer a change
    assert [ch.link for ch in reader.changes] == ["l3"]
    assert reader.dock.model.rowCount() == 1


def _top_line_starts(w: MainWindow, sid: str) -> bool:
    """The line where sentence ``sid`` starts is the first line of the A pane."""
    assert w.comparison is not None
    view = w.panes[Side.A].view
    found = position_of(w.blocks[Side.A], sid, w.comparison.a.sentence(sid).start)
    assert found is not None
    cursor = QTextCursor(view.document().findBlockByNumber(found[0]))
    cursor.setPosition(cursor.position() + found[1])
    rect = view.cursorRect(cursor)
    return 0 <= rect.top() < rect.height()


# (what re-renders the view), one comment each.
RERENDERS = [
    lambda w: w.boilerplate_action.trigger(),  # a view option the window holds
    lambda w: w.reader.changes_only_action.trigger(),  # one the reader holds
    # The theme, light and dark in turn: same rows, new colours.
    lambda w: w.comforts.view.set_theme(
        ThemeChoice.LIGHT if w.comforts.view.prefs.theme is ThemeChoice.DARK else ThemeChoice.DARK),
]


@pytest.mark.parametrize("rerender", RERENDERS)
def test_a_re_render_keeps_the_sentence_at_the_top(shown: MainWindow, qtbot: QtBot,
                                                   rerender: Callable[[MainWindow], None]) -> None:
    middle = len(shown.rows) // 2
    bar = shown.panes[Side.A].view.verticalScrollBar()
    bar.setValue(round(shown.aligner.tops[0][middle]))
    top = shown.reader.top_sentence()
    assert top is not None and bar.value() > 0
    rerender(shown)
    assert _top_line_starts(shown, top)
    # At the very top the view stays at the top: the rows above the first original
    # sentence (the revision's site navigation) stay in view.
    bar.setValue(0)
    rerender(shown)
    assert bar.value() == 0


def test_a_resize_keeps_each_panes_top_text_before_the_rows_are_measured_again(
        shown: MainWindow, qtbot: QtBot) -> None:
    middle = len(shown.rows) // 2
    view_a = shown.panes[Side.A].view
    view_a.verticalScrollBar().setValue(round(shown.aligner.tops[0][middle]))
    top = shown.reader.top_sentence()
    width = view_a.viewport().width()
    shown.aligner._timer.setInterval(1500)  # the debounce: long enough to look in between
    shown.resize(1000, 900)
    qtbot.waitUntil(lambda: view_a.viewport().width() != width, timeout=2000)
    # Re-wrapped at once by Qt, measured again only after a debounce: the text at the top
    # stayed, and the other pane is not moved by the old width's row positions meanwhile.
    assert shown.aligner.stale and shown.aligner._timer.isActive()
    assert shown.reader.top_sentence() == top
    qtbot.waitUntil(lambda: not shown.aligner.stale, timeout=5000)
    assert shown.reader.top_sentence() == top
