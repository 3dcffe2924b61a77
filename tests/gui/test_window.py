"""The window end to end (offscreen): worker, highlights, aligned rows, errors, cancel."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import collatio.gui.compared as compared_module
import collatio.gui.window as window_module
import pytest
from collatio.core import LoadedText, Outcome, SentenceStatus, Side
from collatio.core import compare as real_compare
from collatio.core.classify import marks_word_changes
from collatio.core.model import Role
from collatio.gui.cells import position_of
from collatio.gui.changelist import default_width
from collatio.gui.rows import RowKind
from collatio.gui.textdoc import MARK_PROPERTY
from collatio.gui.window import MainWindow
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from .factory import L, make

pytestmark = pytest.mark.gui
TIMEOUT = 20_000


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    yield w
    w.cancel()
    w.runner.wait(5000)


@pytest.fixture
def shown(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window with the sample pair compared (through the worker) and on screen."""
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.open_sample()
    return window


def _format_at(window: MainWindow, side: Side, sentence: str, source_offset: int) -> QTextCharFormat:
    found = position_of(window.blocks[side], sentence, source_offset)
    assert found is not None, f"{sentence}@{source_offset} is not displayed"
    block_number, offset = found
    doc = window.panes[side].view.document()
    cursor = QTextCursor(doc)
    # The format of the character *after* the position is the one before position + 1.
    cursor.setPosition(doc.findBlockByNumber(block_number).position() + offset + 1)
    return cursor.charFormat()


def _sentence_containing(window: MainWindow, side: Side, needle: str) -> Any:
    assert window.comparison is not None
    doc = window.comparison.document(side)
    matches = [s for s in doc.sentences if needle in doc.text[s.start : s.end].replace("\n", " ")]
    assert matches, f"no sentence on {side.value} contains {needle!r}"
    return matches[0]


def test_added_sentence_is_marked_added_in_the_revision(shown: MainWindow) -> None:
    assert "G20-Treffen in Johannesburg" in shown.panes[Side.B].view.toPlainText()
    sentence = _sentence_containing(shown, Side.B, "G20-Treffen in Johannesburg")
    assert shown.comparison is not None
    assert shown.comparison.status(sentence) is SentenceStatus.ADDED, "core no longer calls it added"
    offset = shown.comparison.b.text.index("G20-Treffen", sentence.start)
    fmt = _format_at(shown, Side.B, sentence.id, offset)
    assert fmt.property(MARK_PROPERTY) == "added"
    assert fmt.background().color().name().upper() == "#E6F1FA"


def test_removed_sentence_is_marked_removed_in_the_original(shown: MainWindow) -> None:
    sentence = _sentence_containing(shown, Side.A, "„Ein Fenster für Frieden öffnet sich“")
    assert shown.comparison is not None
    assert shown.comparison.status(sentence) is SentenceStatus.REMOVED, "core no longer drops it"
    fmt = _format_at(shown, Side.A, sentence.id, sentence.start + 1)
    assert fmt.property(MARK_PROPERTY) == "removed"
    assert not fmt.fontStrikeOut()  # whole removed sentences stay readable


def test_deleted_words_are_struck_and_inserted_words_underlined(shown: MainWindow) -> None:
    assert shown.comparison is not None
    # Heavy rewrites show kept words instead (test_rewrite_marks.py); take the light ones.
    reworded = [link for link in shown.comparison.links if link.kind.value == "reworded"
                and marks_word_changes(link, shown.comparison.b)]
    deletes = [(link, op) for link in reworded for op in link.ops if op.op.value == "delete"]
    inserts = [(link, op) for link in reworded for op in link.ops if op.op.value == "insert"]
    assert deletes and inserts
    link, op = deletes[0]
    assert op.a is not None
    sid = next(s for s in link.a if shown.comparison.a.sentence(s).start <= op.a[0]
               < shown.comparison.a.sentence(s).end)
    fmt = _format_at(shown, Side.A, sid, op.a[0])
    assert fmt.property(MARK_PROPERTY) == "deleted" and fmt.fontStrikeOut()
    link, op = inserts[0]
    assert op.b is not None
    sid = next(s for s in link.b if shown.comparison.b.sentence(s).start <= op.b[0]
               < shown.comparison.b.sentence(s).end)
    fmt = _format_at(shown, Side.B, sid, op.b[0])
    assert fmt.property(MARK_PROPERTY) == "inserted" and fmt.fontUnderline()


def _row_tops(window: MainWindow, side: Side) -> list[int]:
    """Each row's first block's top, measured through the view (not the aligner's cache)."""
    view = window.panes[side].view
    doc = view.document()
    tops = []
    for number, block in enumerate(window.blocks[side]):
        if block.first_in_row:
            cursor = QTextCursor(doc.findBlockByNumber(number))
            tops.append(view.cursorRect(cursor).top() + view.verticalScrollBar().value())
    return tops


def _assert_rows_aligned(window: MainWindow) -> None:
    tops_a, tops_b = _row_tops(window, Side.A), _row_tops(window, Side.B)
    assert len(tops_a) == len(tops_b) == len(window.rows)
    link_rows = [k for k, row in enumerate(window.rows) if row.kind is RowKind.LINK]
    assert link_rows
    off = [(k, tops_a[k], tops_b[k]) for k in range(len(tops_a)) if abs(tops_a[k] - tops_b[k]) > 2]
    assert not off, f"rows (index, y on A, y on B) not aligned: {off[:5]}"
    # The rows really are spread down the page (a trivial layout would pass the check above).
    assert tops_a[-1] > tops_a[0] + 1000


def test_rows_start_at_the_same_height_and_stay_so_after_resize(
    shown: MainWindow, qtbot: QtBot
) -> None:
    _assert_rows_aligned(shown)
    shown.resize(900, 700)
    # Re-alignment is debounced; wait until it has run.
    qtbot.waitUntil(lambda: not shown.aligner._timer.isActive(), timeout=3000)
    qtbot.wait(50)
    _assert_rows_aligned(shown)
    # The text wraps at any width: no pane ever scrolls sideways (a sideways bar in one
    # pane only would also make the two viewports unequally tall).
    for pane in shown.panes.values():
        assert not pane.view.horizontalScrollBar().isVisible()
        assert (pane.view.horizontalScrollBarPolicy()
                is Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def test_scrolling_one_pane_scrolls_the_other_to_the_same_row(shown: MainWindow) -> None:
    bar_a = shown.panes[Side.A].view.verticalScrollBar()
    bar_b = shown.panes[Side.B].view.verticalScrollBar()
    assert bar_a.maximum() > 500
    bar_a.setValue(bar_a.maximum() // 2)
    assert bar_b.value() > 0 and abs(bar_b.value() - bar_a.value()) <= 2
    bar_b.setValue(100)
    assert abs(bar_a.value() - 100) <= 2


def test_tooltip_names_status_and_similarity(shown: MainWindow) -> None:
    view = shown.panes[Side.B].view
    assert shown.comparison is not None
    sentence = _sentence_containing(shown, Side.B, "G20-Treffen in Johannesburg")
    found = position_of(shown.blocks[Side.B], sentence.id, sentence.start + 3)
    assert found is not None
    cursor = QTextCursor(view.document().findBlockByNumber(found[0]))
    cursor.setPosition(cursor.position() + found[1])
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    assert view.tooltip_at(QPoint(rect.left() + 2, rect.center().y())) == "Added — not in the original"
    # A reworded link's sentence names its similarity, two decimals.
    link = next(lk for lk in shown.comparison.links if lk.kind.value == "reworded")
    found = position_of(shown.blocks[Side.B], link.b[0], shown.comparison.b.sentence(link.b[0]).start)
    assert found is not None
    cursor = QTextCursor(view.document().findBlockByNumber(found[0]))
    cursor.setPosition(cursor.position() + found[1])
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    text = view.tooltip_at(QPoint(rect.left() + 2, rect.center().y()))
    assert text is not None and text.startswith(f"Reworded · similarity {link.similarity:.2f}")


def test_status_bar_shows_the_counts(shown: MainWindow) -> None:
    assert shown.comparison is not None
    assert shown.summary.text() == shown.comparison.stats.summary()


def test_load_error_shows_a_message_and_keeps_everything(
    shown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown_messages: list[tuple[str, str]] = []
    monkeypatch.setattr(window_module.QMessageBox, "warning",
                        lambda parent, title, text: shown_messages.append((title, text)))
    before = shown.comparison
    text_a = shown.panes[Side.A].view.toPlainText()
    text_b = shown.panes[Side.B].view.toPlainText()
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(shown.load_failed, timeout=TIMEOUT):
        shown.load_file(Side.A, bad)
    assert len(shown_messages) == 1
    title, text = shown_messages[0]
    assert "original" in title and str(bad) in text and "empty" in text
    assert shown.comparison is before
    assert shown.panes[Side.A].view.toPlainText() == text_a
    assert shown.panes[Side.B].view.toPlainText() == text_b
    assert shown.texts[Side.A] is not None and shown.texts[Side.A].source.endswith("original.txt")


def test_an_input_over_the_size_limit_is_said_aloud_where_the_texts_would_be(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown_messages: list[tuple[str, str]] = []
    monkeypatch.setattr(window_module.QMessageBox, "warning",
                        lambda parent, title, text: shown_messages.append((title, text)))
    window.options = replace(window.options, max_chars=20)
    window.set_text(Side.A, LoadedText("Ein kurzer Satz.", "/texts/a.txt", "text"))
    with qtbot.waitSignal(window.run_ended, timeout=TIMEOUT) as ended:
        window.set_text(Side.B, LoadedText("Ein viel zu langer Satz für die Grenze.", "/texts/b.txt", "text"))
    assert ended.args == ["skipped"]
    assert len(shown_messages) == 1 and "/texts/b.txt" in shown_messages[0][1]
    # Not "No revision yet" under a loaded file: both panes say why nothing is shown.
    for pane in window.panes.values():
        assert "size limit" in pane.view.toPlainText()
    assert window.comparison is None


def test_missing_file_at_start_still_opens_the_other_side(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(window_module.QMessageBox, "warning",
                        lambda parent, title, text: messages.append(text))
    good = tmp_path / "b.txt"
    good.write_text("Ein Satz steht hier.", encoding="utf-8")
    with qtbot.waitSignal(window.load_failed, timeout=TIMEOUT), \
            qtbot.waitSignal(window.loaded, timeout=TIMEOUT):
        window.load_files(tmp_path / "missing.txt", good)
    assert messages and "missing.txt" in messages[0] and "no such file" in messages[0]
    assert window.panes[Side.B].view.toPlainText() == "Ein Satz steht hier."
    assert window.comparison is None


def _slow_compare(started: threading.Event) -> Any:
    """A compare that waits until cancelled, then runs the real one with the set token."""

    def slow(text_a: str, text_b: str, **kwargs: Any) -> Any:
        started.set()
        token = kwargs["cancel"]
        for _ in range(200):
            if token.cancelled:
                break
            threading.Event().wait(0.05)
        return real_compare(text_a, text_b, **kwargs)

    return slow


def test_cancel_keeps_the_previous_view(
    shown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = shown.comparison
    text_b = shown.panes[Side.B].view.toPlainText()
    started = threading.Event()
    monkeypatch.setattr(window_module, "compare", _slow_compare(started))
    shown.set_text(Side.B, LoadedText("Ganz anderer Text. Zweiter Satz.", "", "text"))
    assert shown.cancel_button.isVisibleTo(shown)
    assert started.wait(5)
    with qtbot.waitSignal(shown.run_ended, timeout=TIMEOUT) as ended:
        shown.cancel_button.click()
    assert ended.args == [Outcome.CANCELLED.value]
    assert shown.comparison is before
    assert shown.panes[Side.B].view.toPlainText() == text_b
    assert "Cancelled" in shown.summary.text()
    assert not shown.cancel_button.isVisibleTo(shown)


def test_cancel_while_preparing_the_view_keeps_the_previous_view(
    shown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = shown.comparison
    started = threading.Event()
    real_plan_render = compared_module.plan_render

    def slow_plan_render(comparison: Any, view: Any) -> Any:
        started.set()
        for _ in range(100):  # until the reader cancels (5 s at most)
            if shown.token is None or shown.token.cancelled:
                break
            threading.Event().wait(0.05)
        return real_plan_render(comparison, view)

    monkeypatch.setattr(compared_module, "plan_render", slow_plan_render)
    shown.set_text(Side.B, LoadedText("Ganz anderer Text. Zweiter Satz.", "", "text"))
    assert started.wait(5)  # the comparison itself is done
    with qtbot.waitSignal(shown.run_ended, timeout=TIMEOUT) as ended:
        shown.cancel_button.click()
    assert ended.args == [Outcome.CANCELLED.value]
    assert shown.comparison is before and "Cancelled" in shown.summary.text()


def test_a_stale_result_never_replaces_a_newer_one(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    calls: list[str] = []

    def gated(text_a: str, text_b: str, **kwargs: Any) -> Any:
        calls.append(text_a)
        if len(calls) == 1:
            release.wait(10)  # the first run is slow and ignores its token
        kwargs.pop("cancel")
        return real_compare(text_a, text_b, **kwargs)

    monkeypatch.setattr(window_module, "compare", gated)
    window.set_text(Side.B, LoadedText("Der Hund bellt. Die Katze schläft.", "b", "text"))
    window.set_text(Side.A, LoadedText("Erste Fassung hier. Die Katze schläft.", "a1", "text"))
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.set_text(Side.A, LoadedText("Der Hund bellt. Zweite Fassung.", "a2", "text"))
    assert window.comparison is not None and window.comparison.a.source == "a2"
    release.set()
    window.runner.wait(5000)
    qtbot.wait(100)  # let the stale report arrive and be dropped
    assert window.comparison.a.source == "a2"
    assert "Zweite Fassung" in window.panes[Side.A].view.toPlainText()


def test_boilerplate_toggle_collapses_to_a_placeholder(window: MainWindow) -> None:
    c = make([["Erster Satz."], (Role.BOILERPLATE, ["Werbung eins.", "Werbung zwei."])],
             [["Erster Satz."]], [L((0,), (0,))])
    window.show_comparison(c)
    assert "Werbung eins." in window.panes[Side.A].view.toPlainText()
    window.boilerplate_action.trigger()
    assert not window.boilerplate_action.isChecked()
    text = window.panes[Side.A].view.toPlainText()
    assert "Werbung" not in text and "⋯ 2 boilerplate lines hidden" in text


def test_dropping_a_file_loads_it_as_that_side(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("Abgelegter Text.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT) as got:
        window.panes[Side.B].view.dropEvent(event)
    assert got.args == [Side.B]
    assert window.texts[Side.B] is not None and window.texts[Side.B].source == str(path)
    assert window.texts[Side.A] is None
    assert "dropped.txt" in window.panes[Side.B].header.text()


def test_paste_as_revision_uses_the_clipboard(window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("Eingefügter Text.")
    window.paste(Side.B)
    assert window.texts[Side.B] is not None and window.texts[Side.B].text == "Eingefügter Text."
    assert window.panes[Side.B].view.toPlainText() == "Eingefügter Text."


def test_list_items_of_an_html_page_are_body_text_in_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    prose = "Der Laden am Markt verkauft seit Montag wieder regionale Waren an alle Kunden."
    page = (f"<html><body><article><h1>Markt</h1><p>{prose}</p><p>{prose} Noch ein Satz.</p>"
            "<ul><li>Milch und Butter</li><li>Frisches Brot</li></ul></article></body></html>")
    path = tmp_path / "liste.html"
    path.write_text(page, encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(path, path)
    assert window.comparison is not None
    doc = window.comparison.a
    roles = {doc.text[p.start : p.end]: p.role for p in doc.paragraphs}
    assert roles["Milch und Butter"] is Role.BODY



def test_the_status_line_says_when_the_rewrite_drops_a_credit(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    body = "Die Bahn streikt am Mittwoch im ganzen Land. Die Gewerkschaft fordert mehr Lohn."
    (tmp_path / "a.txt").write_text(f"BERLIN (dpa) – {body}\n\nVon Max Muster\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Berlin – {body}\n", encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(tmp_path / "a.txt", tmp_path / "b.txt")
    assert "credit dropped: dpa, Max Muster" in window.summary.text()


@pytest.mark.parametrize(("window_width", "dock_width"), [
    (900, 260),  # a small screen: the narrowest dock that still reads
    (1600, 400),  # a quarter of a wide window: the excerpts need the room
    (2600, 480),  # no wider than that: the panes hold the texts
])
def test_changes_dock_width_follows_the_window_on_a_first_start(window_width: int, dock_width: int) -> None:
    assert default_width(window_width) == dock_width


def test_a_first_show_sizes_the_changes_dock_for_the_window(qtbot: QtBot) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1600, 900)
    assert not w.reader.dock.sized  # fresh preferences: no dock layout of the user's
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: abs(w.reader.dock.width() - default_width(1600)) <= 12, timeout=2000)
