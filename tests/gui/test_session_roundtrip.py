"""Corrections made in the window survive saving a session, closing and opening it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from collatio.core import Side
from collatio.gui.window import MainWindow, sample_path
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from .comforts_helpers import TIMEOUT, action, put_caret

pytestmark = pytest.mark.gui


def _window(qtbot: QtBot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    return w


def _manual(window: MainWindow) -> set[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    assert window.comparison is not None
    return {(link.a, link.b, link.moved) for link in window.comparison.links if link.manual}


def _links(window: MainWindow) -> set[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    assert window.comparison is not None
    return {(link.a, link.b, link.moved) for link in window.comparison.links}


def test_corrections_round_trip_through_a_session_file(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(sample_path(Side.A), sample_path(Side.B))
    c = window.comparison
    assert c is not None and not _manual(window)
    removed = next(s.id for s in c.a.content_sentences() if c.link_of(s.id) is None)
    added = next(s.id for s in c.b.content_sentences() if c.link_of(s.id) is None)
    automatic = [link for link in c.links if len(link.a) == 1 and len(link.b) == 1]
    to_unlink, to_move = automatic[0], automatic[1]
    assert not to_move.moved

    # Link a removed sentence to an added one (caret in each pane, then Ctrl+L's action).
    put_caret(window, Side.A, removed)
    put_caret(window, Side.B, added)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Link selected sentences").trigger()
    assert ((removed,), (added,), False) in _manual(window)

    # Unlink an automatic link.
    window.reader.selected_row = None
    put_caret(window, Side.A, to_unlink.a[0])
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Unlink").trigger()
    after = window.comparison
    assert after is not None
    relinked = after.link_of(to_unlink.a[0])
    assert relinked is None or to_unlink.b[0] not in relinked.b

    # Mark another automatic link as moved.
    window.reader.selected_row = None
    put_caret(window, Side.B, to_move.b[0])
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Mark as moved / not moved").trigger()
    assert (to_move.a, to_move.b, True) in _manual(window)

    manual, links = _manual(window), _links(window)
    path = tmp_path / "review.collatio"
    assert window.comforts.session.save_to(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert len(saved["overrides"]["links"]) == 2 and saved["overrides"]["unlinked"]
    window.close()

    again = _window(qtbot)
    with qtbot.waitSignal(again.comparison_shown, timeout=TIMEOUT):
        assert again.comforts.session.open_session(path)
    assert _manual(again) == manual
    assert _links(again) == links
    assert again.windowTitle().startswith("review.collatio · ")
    assert again.comforts.corrections.dropped == ()


def test_link_without_a_selection_on_both_sides_explains(qtbot: QtBot) -> None:
    window = _window(qtbot)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.open_sample()
    before = window.generation
    window.panes[Side.B].view.setTextCursor(window.panes[Side.B].view.textCursor())
    window.comforts.corrections.selected = lambda side: [] if side is Side.B else ["a.s1"]
    action(window, "Link selected sentences").trigger()
    assert window.generation == before, "a link with one side must not re-run"
    assert "both panes" in window.statusBar().currentMessage()


def test_a_session_naming_a_missing_file_says_which(qtbot: QtBot, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Eins. Zwei.", encoding="utf-8")
    b.write_text("Eins. Drei.", encoding="utf-8")
    window = _window(qtbot)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(a, b)
    path = tmp_path / "s.collatio"
    assert window.comforts.session.save_to(path)
    b.unlink()
    messages: list[str] = []
    window._warn = lambda title, text: messages.append(text)
    assert not window.comforts.session.open_session(path)
    assert messages and "b.txt" in messages[0] and "revision" in messages[0]


def test_a_correction_whose_sentence_was_edited_away_is_dropped_and_reported(
        qtbot: QtBot, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Der Hafen wurde im Mai eröffnet. Die Stadt feierte drei Tage lang.",
                 encoding="utf-8")
    b.write_text("Im Mai wurde der Hafen eröffnet. Ein Feuerwerk beendete das Fest.",
                 encoding="utf-8")
    window = _window(qtbot)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(a, b)
    c = window.comparison
    assert c is not None
    put_caret(window, Side.A, "a.s1")
    put_caret(window, Side.B, "b.s1")
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Link selected sentences").trigger()
    assert (("a.s1",), ("b.s1",), False) in _manual(window)
    path = tmp_path / "s.collatio"
    assert window.comforts.session.save_to(path)
    window.close()

    # The linked sentence of the original is rewritten; the other one only moves down.
    a.write_text("Ganz neu am Anfang. Der Hafen wurde im Mai eröffnet. Die Stadt jubelte.",
                 encoding="utf-8")
    again = _window(qtbot)
    with qtbot.waitSignal(again.comparison_shown, timeout=TIMEOUT):
        assert again.comforts.session.open_session(path)
    assert not _manual(again)
    assert len(again.comforts.corrections.dropped) == 1
    assert "1 correction no longer applies" in again.summary.text()
    assert "a.s1" in again.summary.toolTip()


def test_closing_with_unsaved_corrections_asks_first(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.open_sample()
    c = window.comparison
    assert c is not None
    put_caret(window, Side.A, c.links[2].a[0])
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Mark as moved / not moved").trigger()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(parent: object, title: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.close()
    assert asked == ["Unsaved corrections"] and window.isVisible(), "Cancel keeps the window"
    window.close()
    assert len(asked) == 2 and not window.isVisible(), "Discard closes it"


def test_a_session_brings_back_the_reading_position_and_panels(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot)
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(sample_path(Side.A), sample_path(Side.B))
    middle = len(window.rows) // 2
    window.panes[Side.A].view.verticalScrollBar().setValue(round(window.aligner.tops[0][middle]))
    window.comforts.view.stats.show()
    window.legend_action.trigger()  # hide the legend
    top = window.reader.top_sentence()
    assert top is not None and top != "a.s0"
    path = tmp_path / "place.collatio"
    assert window.comforts.session.save_to(path)
    window.close()

    again = _window(qtbot)
    again.comforts.view.stats.hide()  # the preferences remembered it; the session must too
    with qtbot.waitSignal(again.comparison_shown, timeout=TIMEOUT):
        assert again.comforts.session.open_session(path)
    qtbot.waitUntil(lambda: again.reader.top_sentence() == top, timeout=5000)
    assert again.comforts.view.stats.isVisibleTo(again)
    assert not again.legend.isVisibleTo(again)
