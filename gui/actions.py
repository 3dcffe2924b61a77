"""Menu actions: one way to make a QAction with a shortcut and a slot.

May import: the standard library and PySide6.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: Shortcut | None = None) -> QAction:
    """An action owned by ``parent`` that calls ``slot`` when triggered."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action
