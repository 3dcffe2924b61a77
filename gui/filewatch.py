"""Watch the two input files and report, debounced, when either changed on disk.

Editors save in bursts (truncate, write, rename), and a rename makes
``QFileSystemWatcher`` forget the path; so the watcher re-adds a path that exists again
after a change, and one quiet period (``DEBOUNCE_MS``) after the last event reports all
sides that changed at once.

May import: PySide6 and the standard library.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 400


class InputWatcher(QObject):
    changed = Signal(list)  # the watched paths that changed, in watch order

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._report)
        self._paths: list[str] = []
        self._pending: set[str] = set()

    def watch(self, paths: list[str]) -> None:
        """Watch exactly these files (others are dropped); missing files are skipped."""
        wanted = [os.path.abspath(p) for p in paths if p]
        self._paths = wanted
        current = self._watcher.files()
        if current:
            self._watcher.removePaths(current)
        existing = [p for p in dict.fromkeys(wanted) if os.path.isfile(p)]
        if existing:
            self._watcher.addPaths(existing)
        self._pending.clear()
        self._timer.stop()

    @property
    def paths(self) -> list[str]:
        return list(self._paths)

    def _on_changed(self, path: str) -> None:
        self._pending.add(os.path.abspath(path))
        self._timer.start()

    def _report(self) -> None:
        # An atomic save replaced the file: the watcher dropped it, watch the new one.
        watched = set(self._watcher.files())
        for path in self._paths:
            if path not in watched and os.path.isfile(path):
                self._watcher.addPath(path)
        changed = [p for p in self._paths if p in self._pending]
        self._pending.clear()
        if changed:
            self.changed.emit(changed)
