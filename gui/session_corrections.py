"""Corrections to the alignment: link, unlink, mark as moved, made in the window.

They act on the sentences selected (or holding the caret) in the panes, or on the link of
the row selected in the reader; they edit ``window.overrides`` with the pure functions of
collatio.core.overrides and compare again, keeping the reading position. After each run,
corrections that no longer apply are counted in the status bar (listed in its tooltip).

May import: PySide6, the standard library, collatio.core and collatio.gui.{session_selection,
window}.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collatio.core import Comparison, Link, Side
from collatio.core.overrides import Overrides, add_link, mark_moved, refs, remove_link, resolve
from collatio.core.summary import summary_line
from PySide6.QtCore import QObject, Signal

from .actions import make_action
from .session_selection import sentences_in

if TYPE_CHECKING:
    from .window import MainWindow


class CorrectionsController(QObject):
    changed = Signal()  # window.overrides was edited (a run follows)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dropped: tuple[str, ...] = ()  # corrections the last run could not apply
        self._build_menu()
        window.comparison_shown.connect(self._on_comparison)

    def _build_menu(self) -> None:
        bar = self.window.menuBar()
        align = bar.addMenu("&Alignment")
        align.addAction(make_action(self.window, "&Link selected sentences", self.link, "Ctrl+L"))
        align.addAction(make_action(self.window, "&Unlink", self.unlink, "Ctrl+Shift+L"))
        align.addAction(make_action(self.window, "Mark as &moved / not moved", self.toggle_moved, "Ctrl+M"))
        align.addSeparator()
        align.addAction(make_action(self.window, "&Clear all corrections", self.clear))
        # Help stays the last menu.
        help_action = next((a for a in bar.actions() if a.text() == "&Help"), None)
        if help_action is not None:
            bar.insertMenu(help_action, align)

    # ---- selection ----------------------------------------------------------------------
    def selected(self, side: Side) -> list[str]:
        """Sentences covered by the selection in a pane, or the one holding the caret."""
        view = self.window.panes[side].view
        cursor = view.textCursor()
        doc = view.document()
        positions = []
        for position in (cursor.selectionStart(), cursor.selectionEnd()):
            block = doc.findBlock(position)
            positions.append((block.blockNumber(), position - block.position()))
        return sentences_in(self.window.blocks[side], positions[0], positions[1])

    def selected_link(self) -> Link | None:
        """The link of the row selected in the reader, else of the selected sentences."""
        comparison = self.window.comparison
        if comparison is None:
            return None
        reader = getattr(self.window, "reader", None)
        row = reader.selected_row if reader is not None else None
        if reader is not None and row is not None and 0 <= row < len(reader.rows):
            link_id = reader.rows[row].link
            if link_id is not None:
                return comparison.link(link_id)
        focused = [s for s in (Side.A, Side.B) if self.window.panes[s].view.hasFocus()]
        for side in (*focused, Side.A, Side.B):
            for sid in self.selected(side):
                link = comparison.link_of(sid)
                if link is not None:
                    return link
        return None

    # ---- corrections --------------------------------------------------------------------
    def base(self) -> Overrides:
        """The corrections with ids of the comparison on screen (dropped ones left out)."""
        comparison = self.window.comparison
        if comparison is None:
            return self.window.overrides
        boilerplate = bool(comparison.options.get("include_boilerplate", False))
        return resolve(self.window.overrides, comparison.a, comparison.b, boilerplate).overrides

    def _apply(self, overrides: Overrides, message: str) -> None:
        reader = getattr(self.window, "reader", None)
        if reader is not None:
            reader.keep_position()  # the reader brings the top sentence back after the run
        self.window.overrides = overrides
        self.changed.emit()
        self.window.statusBar().showMessage(message, 6_000)
        self.window.recompare()

    def link(self) -> None:
        comparison = self.window.comparison
        ids_a, ids_b = self.selected(Side.A), self.selected(Side.B)
        if comparison is None or not ids_a or not ids_b:
            self.window.statusBar().showMessage(
                "To link, select sentences in both panes, then Alignment ▸ Link (Ctrl+L).", 6_000)
            return
        overrides = add_link(self.base(), refs(comparison.a, ids_a), refs(comparison.b, ids_b))
        self._apply(overrides, f"Linked {', '.join(ids_a)} ↔ {', '.join(ids_b)}.")

    def unlink(self) -> None:
        comparison, link = self.window.comparison, self.selected_link()
        if comparison is None or link is None:
            self.window.statusBar().showMessage("Select a linked sentence to unlink.", 6_000)
            return
        overrides = remove_link(self.base(), refs(comparison.a, link.a), refs(comparison.b, link.b))
        self._apply(overrides, f"Unlinked {', '.join(link.a)} ↔ {', '.join(link.b)}.")

    def toggle_moved(self) -> None:
        comparison, link = self.window.comparison, self.selected_link()
        if comparison is None or link is None:
            self.window.statusBar().showMessage("Select a linked sentence to mark it moved.", 6_000)
            return
        overrides = mark_moved(self.base(), refs(comparison.a, link.a),
                               refs(comparison.b, link.b), not link.moved)
        state = "not moved" if link.moved else "moved"
        self._apply(overrides, f"Marked {', '.join(link.a)} ↔ {', '.join(link.b)} as {state}.")

    def clear(self) -> None:
        if self.window.overrides:
            self._apply(Overrides(), "Cleared all corrections.")

    def _on_comparison(self, comparison: Comparison) -> None:
        # The comparison job usually mapped the corrections already (off the UI thread).
        done = self.window.resolution
        if done is not None and done[0] is comparison and done[1] == self.window.overrides:
            result = done[2]
        else:
            boilerplate = bool(comparison.options.get("include_boilerplate", False))
            result = resolve(self.window.overrides, comparison.a, comparison.b, boilerplate)
        self.dropped = result.dropped
        if result.dropped:
            n = len(result.dropped)
            note = f" · {n} correction{'s' if n > 1 else ''} no longer appl{'y' if n > 1 else 'ies'}"
            self.window.summary.setText(summary_line(comparison) + note)
            self.window.summary.setToolTip("\n".join(result.dropped))
        else:
            self.window.overrides = result.overrides  # same corrections, ids of this run
            self.window.summary.setToolTip("")
