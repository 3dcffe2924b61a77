"""Find in both panes, as the window does it: matches highlighted, the current one in view.

The matching and ordering are ``find.find_matches`` (pure); the bar is ``find.FindBar``.
This controller keeps the matches and the current one, paints them as extra selections
(colours from the palette's FIND_MATCH/FIND_CURRENT marks) and scrolls the current one
into view; the row-mapped scroll sync then brings the other pane along.

May import: PySide6, the standard library, collatio.core.model and collatio.gui.{cells,find,marks,palette,pane}.
"""

from __future__ import annotations

from collections.abc import Callable

from collatio.core.model import Side
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from .cells import Block
from .find import FindBar, Match, find_matches, status_text
from .marks import Mark
from .palette import Palette
from .pane import TextView


class Finder(QObject):
    def __init__(self, views: dict[Side, TextView], bar: FindBar,
                 blocks: Callable[[Side], tuple[Block, ...]], top_row: Callable[[], int],
                 palette: Callable[[], Palette], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.find_bar = bar
        self._blocks = blocks
        self._top_row = top_row
        self._palette = palette
        self.matches: list[Match] = []
        self.match: int | None = None
        bar.query_changed.connect(self._on_query)
        bar.next_requested.connect(lambda: self.find_step(True))
        bar.previous_requested.connect(lambda: self.find_step(False))
        bar.closed.connect(self._on_find_closed)

    def refresh(self) -> None:
        """After a re-render: search the new documents again."""
        if self.find_bar.isVisible():
            self._on_query(self.find_bar.edit.text())

    def _row_of_position(self, side: Side, position: int) -> int:
        number = self.views[side].document().findBlock(position).blockNumber()
        blocks = self._blocks(side)
        return blocks[number].row if 0 <= number < len(blocks) else -1

    def _on_query(self, query: str) -> None:
        texts = {side: view.document().toPlainText() for side, view in self.views.items()}
        self.matches = find_matches(texts, query, self._row_of_position)
        top = self._top_row()
        self.match = next((k for k, m in enumerate(self.matches) if m.row >= top),
                          0 if self.matches else None)
        self._show_match()

    def find_step(self, forward: bool) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        if not self.matches:
            return
        if self.match is None:
            self.match = 0
        else:
            self.match = (self.match + (1 if forward else -1)) % len(self.matches)
        self._show_match()

    def _show_match(self) -> None:
        self.find_bar.status.setText(status_text(self.matches, self.match))
        for side, view in self.views.items():
            selections = []
            for k, m in enumerate(self.matches):
                if m.side is not side:
                    continue
                mark = Mark.FIND_CURRENT if k == self.match else Mark.FIND_MATCH
                style = self._palette().style(mark)
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(view.document())
                cursor.setPosition(m.start)
                cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(style.background or "#FFF1A8"))
                if style.foreground:
                    fmt.setForeground(QColor(style.foreground))
                selection.cursor, selection.format = cursor, fmt
                selections.append(selection)
            view.setExtraSelections(selections)
        if self.match is not None:
            m = self.matches[self.match]
            view = self.views[m.side]
            cursor = QTextCursor(view.document())
            cursor.setPosition(m.start)
            rect = view.cursorRect(cursor)
            if rect.top() < 0 or rect.bottom() > view.viewport().height():
                bar = view.verticalScrollBar()
                bar.setValue(bar.value() + rect.top() - view.viewport().height() // 3)

    def _on_find_closed(self) -> None:
        self.matches, self.match = [], None
        for view in self.views.values():
            view.setExtraSelections([])
        self.views[Side.A].setFocus(Qt.FocusReason.OtherFocusReason)
