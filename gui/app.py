"""Create the QApplication and show the main window (the only place that calls ``exec``).

May import: PySide6, the standard library and collatio.gui.window.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from .window import MainWindow


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1] or ["collatio"])
    app.setApplicationName("Collatio")
    app.setOrganizationName("Collatio")
    return app


def open_window(*, sample: bool = False, paths: tuple[str, str] | None = None) -> MainWindow:
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    if sample:
        window.open_sample()
    elif paths is not None:
        window.load_files(*paths)
    return window


def run_window(*, sample: bool = False, paths: tuple[str, str] | None = None) -> int:
    app = application()
    window = open_window(sample=sample, paths=paths)
    code = app.exec()
    del window
    return int(code)
