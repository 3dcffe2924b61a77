"""Find in both panes: matches of a query in each pane's displayed text, in reading order.

Matching is case-insensitive and literal (``re.IGNORECASE`` on the escaped query keeps
character positions, which ``str.lower``/``casefold`` would not for "ß" or "İ"). Matches
are ordered by row, then A before B, then position: the order a reader meets them when
reading the comparison top to bottom. The ``FindBar`` widget only edits the query and
shows "n of m"; the controller moves the selection.

May import: PySide6, the standard library and collatio.core.model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from collatio.core.model import Side
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


@dataclass(frozen=True, slots=True)
class Match:
    side: Side
    start: int  # position in the pane's document
    end: int
    row: int


def find_matches(texts: dict[Side, str], query: str,
                 row_of: Callable[[Side, int], int]) -> list[Match]:
    """Every match of ``query`` in both panes' texts, in reading order."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found = [Match(side, m.start(), m.end(), row_of(side, m.start()))
             for side, text in texts.items() for m in pattern.finditer(text)]
    found.sort(key=lambda m: (m.row, m.side != Side.A, m.start))
    return found


def status_text(matches: Sequence[Match], current: int | None) -> str:
    if not matches:
        return "No matches"
    if current is None:
        return f"{len(matches)} matches"
    pane = "original" if matches[current].side is Side.A else "revision"
    return f"{current + 1} of {len(matches)} · {pane}"


class FindBar(QWidget):
    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(QLabel("Find:", self))
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("Find text in both panes")
        self.edit.setPlaceholderText("text in the original or the revision")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.installEventFilter(self)  # Enter / Shift+Enter / Esc, before QLineEdit
        layout.addWidget(self.edit, 1)
        for text, tip, signal in (("↑", "Previous match (Shift+F3, Shift+Enter)",
                                   self.previous_requested),
                                  ("↓", "Next match (F3, Enter)", self.next_requested)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(signal)
            layout.addWidget(button)
        self.status = QLabel("", self)
        self.status.setMinimumWidth(160)
        layout.addWidget(self.status)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close the find bar")
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                (self.previous_requested if shift else self.next_requested).emit()
                return True
        return super().eventFilter(watched, event)
