"""The two inputs of the session: load both at once, reload (F5), swap sides, watch the files.

Loading both sides in one job and comparing once avoids a half-updated comparison (new
original against old revision) flashing by when a session opens or both files change.
When a watched file changes on disk, the pair is reloaded and compared again after a
short quiet period, and the status bar says so. Input files are only ever read.

May import: PySide6, the standard library, collatio.core and collatio.gui.{filewatch,jobs,window}.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from collatio.core import LoadedText, Side, load_text
from collatio.core.session import Input
from PySide6.QtCore import QObject, Signal

from .actions import make_action
from .filewatch import InputWatcher
from .jobs import Job

if TYPE_CHECKING:
    from .window import MainWindow

ROLE = {Side.A: "original", Side.B: "revision"}


def _load(item: Input | LoadedText) -> LoadedText:
    if isinstance(item, LoadedText):
        return item  # kept as it is (pasted text, or a URL: nothing to read again)
    if item.path is None:
        return LoadedText(item.text or "", "", "text")
    return load_text(item.path)


def current_input(loaded: LoadedText | None) -> Input | None:
    """How a loaded side is reloaded or saved: by its file when it has one, else inline."""
    if loaded is None:
        return None
    if loaded.source and os.path.isfile(loaded.source):
        return Input(Path(loaded.source))
    return Input(None, loaded.text)


class InputsController(QObject):
    pair_loaded = Signal()  # both sides were replaced and a comparison started
    pair_failed = Signal(str)  # the message shown to the user
    changed_on_disk = Signal(list)  # the roles ("original", "revision") that changed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.generation = 0
        self._quiet = False
        self.watcher = InputWatcher(self)
        self.watcher.changed.connect(self._on_disk_change)
        window.loaded.connect(self._rewatch)
        self.swap_action = make_action(self.window, "S&wap sides", self.swap, "Ctrl+Shift+X")
        self.recompare_action = make_action(self.window, "&Compare again", lambda: self.reload(), "F5")

    # ---- loading both sides -------------------------------------------------------------
    def load_pair(self, a: Input | LoadedText, b: Input | LoadedText, quiet: bool = False) -> None:
        """Load both inputs off-thread; then show them and compare once.

        ``quiet``: a failure goes to the status bar only (automatic reloads must not pop
        up a dialog while the reader is elsewhere, e.g. mid-save in an editor).
        """
        self.generation += 1
        self._quiet = quiet
        job = Job("pair", self.generation, lambda _progress: (_load(a), _load(b)))
        job.signals.finished.connect(self._on_loaded)
        job.signals.failed.connect(self._on_failed)
        self.window.runner.start(job)

    def _on_loaded(self, tag: str, generation: int, pair: tuple[LoadedText, LoadedText]) -> None:
        if generation != self.generation:
            return
        self.set_pair(*pair)
        self.pair_loaded.emit()

    def _on_failed(self, tag: str, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.window.summary.setText(f"Cannot open: {message}")
        if self._quiet:
            self.window.statusBar().showMessage(
                f"Could not read the changed file; the previous comparison is still shown. "
                f"({message})", 15_000)
        else:
            self.window._warn("Cannot open the inputs", message)
        self.pair_failed.emit(message)

    def set_pair(self, a: LoadedText, b: LoadedText) -> None:
        w = self.window
        for side, loaded in ((Side.A, a), (Side.B, b)):
            w.load_generation[side] += 1  # a pending single-file load is now stale
            w.load_paths[side] = loaded.source
            w.texts[side] = loaded
            w.panes[side].set_source(loaded.source or "(pasted text)")
            w.loaded.emit(side)
        w.recompare()

    # ---- commands -----------------------------------------------------------------------
    def reload(self, quiet: bool = False) -> None:
        """F5: read both files again (they may have changed) and compare."""
        texts = [self.window.texts[s] for s in (Side.A, Side.B)]
        if texts[0] is None or texts[1] is None:
            self.window.summary.setText("Open both texts first.")
            return
        items: list[Input | LoadedText] = []
        for side, loaded in zip((Side.A, Side.B), texts, strict=True):
            assert loaded is not None
            if loaded.source and os.path.isfile(loaded.source):
                items.append(Input(Path(loaded.source)))
            elif loaded.source and not loaded.source.startswith(("http://", "https://")):
                # Gone (deleted, or renamed by an editor that has not written it back yet).
                self.window.statusBar().showMessage(
                    f"The {ROLE[side]} {loaded.source} is no longer on disk; "
                    "the comparison stays as it was.", 15_000)
                return
            else:
                items.append(loaded)
        self.load_pair(items[0], items[1], quiet)

    def swap(self) -> None:
        """Exchange original and revision, corrections included, and compare again."""
        w = self.window
        a, b = w.texts[Side.A], w.texts[Side.B]
        if a is None or b is None:
            w.summary.setText("Open both texts first.")
            return
        w.overrides = w.overrides.swapped()
        self.set_pair(b, a)
        w.statusBar().showMessage("Swapped original and revision.", 5_000)

    # ---- watching -----------------------------------------------------------------------
    def _rewatch(self, _side: object = None) -> None:
        paths = []
        for side in (Side.A, Side.B):
            loaded = self.window.texts[side]
            paths.append(loaded.source if loaded and loaded.source else "")
        self.watcher.watch(paths)

    def _on_disk_change(self, paths: list[str]) -> None:
        roles = []
        for side in (Side.A, Side.B):
            loaded = self.window.texts[side]
            if loaded and loaded.source and os.path.abspath(loaded.source) in paths:
                roles.append(ROLE[side])
        if not roles:
            return
        # A transient message: the summary label is overwritten by the run that follows.
        self.window.statusBar().showMessage(
            f"The {' and the '.join(roles)} changed on disk — compared again.", 10_000)
        self.changed_on_disk.emit(roles)
        self.reload(quiet=True)
