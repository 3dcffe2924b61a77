"""A one-line label that ends in "…" when its text is wider than the room it has, and
shows the whole text as its tooltip then: the status line at 1000 px cut "credit
added: …" off mid-word, with no sign that anything was missing.

May import: PySide6.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""  # a tooltip of its own, shown under the whole text when elided
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def text(self) -> str:
        """The whole text, as set (``shown`` is what fits)."""
        return self._full

    def shown(self) -> str:
        return super().text()

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._elide()

    def minimumSizeHint(self) -> QSize:
        # Any width: the text is elided to fit, rather than the label pushing the
        # status bar's other widgets (progress, Cancel) off the window.
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width()))
        super().setText(shown)
        self.setAccessibleName(self._full)  # a screen reader reads all of it
        tips = [self._full] if shown != self._full else []
        super().setToolTip("\n".join([*tips, self._tip] if self._tip else tips))
