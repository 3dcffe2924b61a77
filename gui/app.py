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
    app.setDesktopFileName("collatio")  # Wayland matches the window to collatio.desktop
    from .about import app_icon  # local: keeps the import list of this module short

    app.setWindowIcon(app_icon())
    return app


def open_window(*, sample: bool = False, paths: tuple[str, str] | None = None,
                session: str | None = None) -> MainWindow:
    window = MainWindow()
    if window.comforts.prefs.geometry.isEmpty():
        window.resize(1400, 900)  # first start; afterwards the saved geometry
    window.show()
    if session is not None:
        window.comforts.session.open_session(session)
    elif sample:
        window.open_sample()
    elif paths is not None:
        window.load_files(*paths)
    return window


def run_window(*, sample: bool = False, paths: tuple[str, str] | None = None,
               session: str | None = None) -> int:
    app = application()
    window = open_window(sample=sample, paths=paths, session=session)
    code = app.exec()
    del window
    return int(code)
