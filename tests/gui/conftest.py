"""GUI tests run offscreen; the sample comparison is computed once per session.

A QApplication is created when this file is imported, i.e. during collection, before any
test runs: a test elsewhere (e.g. a PDF export) may otherwise create a bare QGuiApplication
first, and widgets cannot be built on one (Qt aborts the process).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib.resources import files
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collatio.core import Comparison, compare
from collatio.core.gcpause import readmit_exempted
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from collatio.gui.window import MainWindow

_APP = QApplication.instance() or QApplication(["collatio-tests"])


def sample_texts() -> tuple[str, str]:
    folder = files("collatio.assets") / "samples"
    return ((folder / "xi-putin-original.txt").read_text(encoding="utf-8"),
            (folder / "xi-putin-rewrite.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def readmitted_at_the_end() -> Iterator[None]:
    """The comparison job exempts what is alive from later collections, as the app does;
    like the app at exit, let the last collections walk it again."""
    yield
    readmit_exempted()


@pytest.fixture(scope="session")
def sample_comparison() -> Comparison:
    return compare(*sample_texts())


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Every test gets its own empty preferences folder: no test reads or writes the
    user's configuration, and no test sees another's theme or geometry (gui/settings.py)."""
    folder = str(tmp_path_factory.mktemp("settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return folder


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A shown, exposed window of 1200×800 (test modules that need another define their own);
    closing it cancels and waits for its jobs."""
    from collatio.gui.window import MainWindow  # after the QApplication above

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.cancel()
    w.runner.wait(5000)
