"""Helpers for the session, theme and comfort tests: find actions, place the caret."""

from __future__ import annotations

from collatio.core import Side
from collatio.gui.cells import position_of
from collatio.gui.window import MainWindow
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

TIMEOUT = 30_000


def all_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            found.append(action)
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())

    walk(window.menuBar().actions())
    return found


def action(window: MainWindow, text: str) -> QAction:
    matches = [a for a in all_actions(window) if a.text().replace("&", "") == text]
    assert len(matches) == 1, f"{text!r}: {len(matches)} actions"
    return matches[0]


def put_caret(window: MainWindow, side: Side, sentence_id: str) -> None:
    """Place the text cursor inside a sentence, as a click would."""
    assert window.comparison is not None
    sentence = window.comparison.document(side).sentence(sentence_id)
    found = position_of(window.blocks[side], sentence_id, sentence.start + 1)
    assert found is not None, f"{sentence_id} is not displayed"
    view = window.panes[side].view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document().findBlockByNumber(found[0]).position() + found[1])
    view.setTextCursor(cursor)
