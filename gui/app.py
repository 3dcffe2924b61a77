"""Create the QApplication and show the main window (the only place that calls ``exec``).

May import: PySide6, the standard library, collatio.core.gcpause and collatio.gui.window.
"""

from __future__ import annotations

import sys

from collatio.core.gcpause import readmit_exempted
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


DEFAULT_SIZE = (1400, 900)


def initial_size(saved: tuple[int, int] | None, available: tuple[int, int]) -> tuple[int, int]:
    """The window size to open at: the saved one when it still makes sense on this screen.

    A geometry saved on a larger screen (or slightly larger than this one, window frame
    included) is shrunk by Qt into something cramped; then the default fitted to the
    screen reads better than what was saved.
    """
    fitted = (min(DEFAULT_SIZE[0], available[0]), min(DEFAULT_SIZE[1], available[1]))
    if saved is None:
        return fitted
    width, height = saved
    too_big = width > available[0] or height > available[1]
    too_small = width < fitted[0] * 0.6 or height < fitted[1] * 0.6
    return fitted if too_big or too_small else saved


def open_window(*, sample: bool = False, paths: tuple[str, str] | None = None,
                session: str | None = None) -> MainWindow:
    window = MainWindow()
    screen = window.screen().availableGeometry()
    saved = None if window.comforts.prefs.geometry.isEmpty() else (window.width(), window.height())
    width, height = initial_size(saved, (screen.width(), screen.height()))
    if (width, height) != saved:
        window.resize(width, height)
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
    readmit_exempted()  # see MainWindow's comparison job
    return int(code)
