"""Session files and recent lists, wired into the main window; ``attach`` sets everything up.

``attach(window)`` is the one call the window makes: it reads the preferences and creates
the view, inputs, corrections and session controllers. Sessions are read and written with
collatio.core.session; opening one loads both inputs at once, applies its options and
corrections, and brings the reading position and panels back after the first run.

May import: PySide6, the standard library, collatio.core and collatio.gui.{export_controller,
recent,session_*,settings,window}.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from collatio.core import Comparison, Side
from collatio.core.session import (
    SUFFIX,
    Session,
    SessionError,
    ViewState,
    load_session,
    save_session,
)
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QMessageBox

from .actions import make_action
from .export_controller import ExportController
from .recent import fill_menu, pushed
from .session_corrections import CorrectionsController
from .session_inputs import InputsController, current_input
from .session_view import ViewController
from .settings import Preferences, read_preferences, store, write_preferences

if TYPE_CHECKING:
    from .window import MainWindow

SESSION_FILTER = f"Collatio sessions (*{SUFFIX});;All files (*)"


class SessionController(QObject):
    session_saved = Signal(str)
    session_opened = Signal(str)
    session_failed = Signal(str)

    def __init__(self, window: MainWindow, prefs: Preferences, inputs: InputsController,
                 corrections: CorrectionsController) -> None:
        super().__init__(window)
        self.window, self.prefs, self.inputs = window, prefs, inputs
        self.corrections = corrections
        self.path: Path | None = None
        self.pending_view: ViewState | None = None
        self._build_menus()
        window.comparison_shown.connect(self._on_comparison)
        window.loaded.connect(self._remember_file)
        self.unsaved = False  # corrections made since the session was last saved or opened
        corrections.changed.connect(self._mark_unsaved)
        window.installEventFilter(self)

    # ---- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        w = self.window
        menu, before = w.file_menu, w.quit_action
        self.recent_menu = QMenu("Open &recent", menu)
        menu.insertMenu(before, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for action in (
            make_action(self.window, "Open s&ession…", self.ask_open_session, "Ctrl+Alt+O"),
            make_action(self.window, "&Save session", self.save, QKeySequence.StandardKey.Save),
            make_action(self.window, "Save session &as…", self.save_as, "Ctrl+Shift+S"),
        ):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        menu.insertAction(before, self.inputs.swap_action)
        menu.insertAction(before, self.inputs.recompare_action)
        menu.insertSeparator(before)

    def _fill_recent(self) -> None:
        fill_menu(self.recent_menu, self.prefs.recent_sessions, self.prefs.recent_files,
                  self.open_session, self._open_recent_file, self._clear_recent)

    def _open_recent_file(self, path: str, as_original: bool) -> None:
        self.window.load_file(Side.A if as_original else Side.B, path)

    def _clear_recent(self) -> None:
        self.prefs.recent_sessions, self.prefs.recent_files = [], []
        self._write_recent()

    def _write_recent(self) -> None:
        settings = store()
        current = read_preferences(settings)
        current.recent_sessions = self.prefs.recent_sessions
        current.recent_files = self.prefs.recent_files
        write_preferences(settings, current)

    def _remember_file(self, side: Side) -> None:
        loaded = self.window.texts[side]
        if loaded is not None and loaded.source and os.path.isfile(loaded.source):
            self.prefs.recent_files = pushed(self.prefs.recent_files, loaded.source)
            self._write_recent()

    def _mark_unsaved(self) -> None:
        self.unsaved = True

    def ask_keep_corrections(self) -> bool:
        """Before closing with unsaved corrections: True to go on (saved or discarded)."""
        answer = QMessageBox.question(
            self.window, "Unsaved corrections",
            "Your corrections to the alignment are not saved in a session.\n"
            "Save them before closing?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return not self.unsaved  # a cancelled file dialog keeps the window open
        return answer == QMessageBox.StandardButton.Discard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.window and event.type() == QEvent.Type.Close and self.unsaved
                and not self.ask_keep_corrections()):
            event.ignore()
            return True  # the window stays open
        return False

    def _retitle(self) -> None:
        """Name the session in the title, after the window named the two files."""
        title = self.window.windowTitle()
        prefix = f"{self.path.name} · " if self.path else ""
        base = title.split(" · ", 1)[1] if " · " in title else title
        self.window.setWindowTitle(prefix + base)

    def _on_comparison(self, _comparison: Comparison) -> None:
        self._retitle()
        if self.pending_view is not None:
            view, self.pending_view = self.pending_view, None
            QTimer.singleShot(0, lambda: self.restore_view(view))

    # ---- view state ---------------------------------------------------------------------
    def top_sentence(self, side: Side) -> str | None:
        view = self.window.panes[side].view
        cursor = view.cursorForPosition(QPoint(40, 8))
        block = cursor.block()
        blocks = self.window.blocks[side]
        number = block.blockNumber()
        while 0 <= number < len(blocks):
            for piece in blocks[number].pieces:
                if piece.sentence is not None:
                    return piece.sentence
            number += 1
        return None

    def panels(self) -> dict[str, bool]:
        shown = {"legend": self.window.legend_action.isChecked()}
        for dock in self.window.findChildren(QDockWidget):
            if dock.objectName():
                shown[dock.objectName()] = dock.isVisibleTo(self.window)
        return shown

    def view_state(self) -> ViewState:
        if self.window.comparison is None:
            return ViewState(panels=self.panels())
        reader = getattr(self.window, "reader", None)
        top_a = reader.top_sentence() if reader is not None else self.top_sentence(Side.A)
        return ViewState(top_a, self.top_sentence(Side.B), self.panels())

    def restore_view(self, view: ViewState) -> None:
        w = self.window
        w.legend_action.setChecked(view.panels.get("legend", True))
        w.legend.setVisible(w.legend_action.isChecked())
        for dock in w.findChildren(QDockWidget):
            if dock.objectName() in view.panels:
                dock.setVisible(view.panels[dock.objectName()])
        if view.top_a and w.comparison is not None:
            reader = getattr(w, "reader", None)
            if reader is not None:
                reader.scroll_to_sentence(view.top_a)
            else:
                self.scroll_to(Side.A, view.top_a)

    def scroll_to(self, side: Side, sentence_id: str) -> None:
        blocks = self.window.blocks[side]
        view = self.window.panes[side].view
        for number, block in enumerate(blocks):
            if any(p.sentence == sentence_id for p in block.pieces):
                doc = view.document()
                rect = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(number))
                view.verticalScrollBar().setValue(round(rect.top()))
                return

    # ---- session files ------------------------------------------------------------------
    def session(self) -> Session | None:
        w = self.window
        a, b = current_input(w.texts[Side.A]), current_input(w.texts[Side.B])
        if a is None or b is None:
            return None
        return Session(a, b, w.options, self.corrections.base(), self.view_state())

    def save(self) -> None:
        if self.path is None:
            self.save_as()
        else:
            self.save_to(self.path)

    def save_as(self) -> None:
        if self.session() is None:
            self.window.statusBar().showMessage("Open both texts before saving a session.", 6_000)
            return
        path, _ = QFileDialog.getSaveFileName(self.window, "Save session",
                                              str(self.path or ""), SESSION_FILTER)
        if path:
            self.save_to(Path(path if path.endswith(SUFFIX) else path + SUFFIX))

    def save_to(self, path: Path) -> bool:
        session = self.session()
        if session is None:
            return False
        try:
            save_session(session, path)
        except OSError as exc:
            self.window._warn("Cannot save the session", f"{path}: {exc.strerror or exc}")
            return False
        self.path = Path(path)
        self.prefs.recent_sessions = pushed(self.prefs.recent_sessions, str(path))
        self._write_recent()
        self.window.statusBar().showMessage(f"Saved session {path}.", 6_000)
        self.unsaved = False
        self._retitle()
        self.session_saved.emit(str(path))
        return True

    def ask_open_session(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open session",
                                              str(self.path.parent if self.path else ""),
                                              SESSION_FILTER)
        if path:
            self.open_session(path)

    def open_session(self, path: str | Path) -> bool:
        try:
            session = load_session(Path(path))
        except SessionError as exc:
            self.window._warn("Cannot open the session", str(exc))
            self.session_failed.emit(str(exc))
            return False
        w = self.window
        w.options = session.options
        w.overrides = session.overrides
        reader = getattr(w, "reader", None)
        if reader is not None:  # the toolbar shows the session's threshold; no extra run
            reader.threshold.blockSignals(True)
            reader.threshold.setValue(session.options.link_threshold)
            reader.threshold.blockSignals(False)
        self.pending_view = session.view
        self.path = Path(path)
        self.prefs.recent_sessions = pushed(self.prefs.recent_sessions, str(path))
        self._write_recent()
        self.inputs.load_pair(session.a, session.b)
        self.unsaved = False
        self.session_opened.emit(str(path))
        return True


@dataclass
class Comforts:
    """What ``attach`` created, for tests and the screenshot script."""

    prefs: Preferences
    view: ViewController
    inputs: InputsController
    corrections: CorrectionsController
    session: SessionController
    export: ExportController


def attach(window: MainWindow) -> Comforts:
    prefs = read_preferences(store())
    window.options = replace(window.options, link_threshold=prefs.link_threshold)
    view = ViewController(window, prefs)
    inputs = InputsController(window)
    corrections = CorrectionsController(window)
    session = SessionController(window, prefs, inputs, corrections)
    export = ExportController(window)  # File ▸ Export…, after the session entries
    return Comforts(prefs, view, inputs, corrections, session, export)
