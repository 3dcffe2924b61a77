"""Preferences persist through QSettings, in a temporary scope (see conftest.private_settings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.gui.palette import DARK
from collatio.gui.recent import MAX_RECENT, menu_items, pushed
from collatio.gui.settings import Preferences, read_preferences, store, write_preferences
from collatio.gui.themes import ThemeChoice
from collatio.gui.window import MainWindow
from pytestqt.qtbot import QtBot

from .comforts_helpers import action

pytestmark = pytest.mark.gui


def test_the_store_lives_in_the_temporary_folder(private_settings: str) -> None:
    assert store().fileName().startswith(private_settings)


def test_preferences_survive_closing_and_reopening_the_window(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(760, 520)  # inside the offscreen screen (800×600): no clamping
    first.show()
    try:
        action(first, "Dark").trigger()
        first.reader.set_zoom(3)
        first.boilerplate_action.setChecked(False)
        first.legend_action.trigger()  # View ▸ Legend off
        assert not first.legend.isVisibleTo(first)
        first.comforts.view.stats.show()
        first.reader.dock.hide()  # the change list: room for the split below
        first.reader.threshold.setValue(0.45)
        first.options = first.options.__class__(link_threshold=0.45)
        qtbot.wait(50)  # the dock takes its width first
        first.splitter.setSizes([300, 40, 100, 16])
        qtbot.wait(50)
        sizes = first.splitter.sizes()
        assert sizes[0] > 2 * sizes[2], "the uneven split to restore was not applied"
        first.close()
        stored = read_preferences(store())
        assert stored.theme is ThemeChoice.DARK and stored.zoom == 3

        second = MainWindow()
        qtbot.addWidget(second)
        second.show()
        assert second.palette_ is DARK
        assert second.reader.zoom == 3
        assert not second.boilerplate_action.isChecked()
        assert not second.legend_action.isChecked() and not second.legend.isVisibleTo(second)
        assert second.comforts.view.stats.isVisibleTo(second)
        assert not second.reader.dock.isVisibleTo(second)
        assert second.options.link_threshold == pytest.approx(0.45)
        assert second.reader.threshold.value() == pytest.approx(0.45)
        qtbot.waitUntil(lambda: second.splitter.sizes() == sizes, timeout=2000)
        assert second.width() == 760
    finally:
        action(first, "System").trigger()


def test_bad_values_fall_back_to_defaults() -> None:
    settings = store()
    settings.setValue("view/theme", "purple")
    settings.setValue("view/zoom", "huge")
    settings.setValue("compare/link_threshold", 7)
    settings.setValue("view/show_boilerplate", "maybe")
    settings.setValue("view/show_legend", "sometimes")
    prefs = read_preferences(settings)
    assert prefs.theme is ThemeChoice.SYSTEM and prefs.zoom == 0
    assert prefs.link_threshold == 0.95  # clamped
    assert prefs.show_boilerplate is True and prefs.show_legend is True


def test_recent_lists_round_trip_even_with_one_entry(tmp_path: Path) -> None:
    prefs = Preferences(recent_files=[str(tmp_path / "a.txt")], recent_sessions=[])
    write_preferences(store(), prefs)
    again = read_preferences(store())
    assert again.recent_files == [str(tmp_path / "a.txt")] and again.recent_sessions == []


def test_recent_moves_to_front_and_is_capped(tmp_path: Path) -> None:
    entries: list[str] = []
    for k in range(MAX_RECENT + 3):
        entries = pushed(entries, str(tmp_path / f"f{k}.txt"))
    entries = pushed(entries, str(tmp_path / "f5.txt"))
    assert len(entries) == MAX_RECENT
    assert entries[0].endswith("f5.txt") and sum(e.endswith("f5.txt") for e in entries) == 1


def test_missing_recent_files_are_disabled(tmp_path: Path) -> None:
    there = tmp_path / "there.txt"
    there.write_text("x", encoding="utf-8")
    items = menu_items([str(there), str(tmp_path / "gone.txt")])
    assert [enabled for _, _, enabled in items] == [True, False]
    assert "there.txt" in items[0][0]
