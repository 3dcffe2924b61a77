"""Desktop comforts: swap sides, compare again on a file change, cancel a long run,
About, the icon, the desktop entry, shortcuts, the command line with a session."""

from __future__ import annotations

import configparser
import itertools
import random
import time
from importlib.resources import files
from pathlib import Path
from typing import Any

import collatio.gui.window as window_module
import pytest
from collatio.core import CancelToken, Comparison, LoadedText, Side
from collatio.gui.about import about_text, version
from collatio.gui.launcher import window_paths, window_session
from collatio.gui.window import MainWindow
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from .comforts_helpers import TIMEOUT, action, all_actions

pytestmark = pytest.mark.gui

A_TEXT = "Der Hafen wurde im Mai eröffnet. Die Stadt feierte drei Tage lang. Es regnete nie."
B_TEXT = "Im Mai wurde der Hafen eröffnet. Ein Feuerwerk beendete das Fest am Sonntag."


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(760, 520)
    w.show()
    return w


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "original.txt", tmp_path / "revision.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def test_swap_sides_compares_again_with_a_and_b_exchanged(
        window: MainWindow, qtbot: QtBot, pair: tuple[Path, Path]) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(*pair)
    before = window.comparison
    assert before is not None and before.a.source == str(pair[0])
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Swap sides").trigger()
    after = window.comparison
    assert after is not None and after is not before
    assert (after.a.source, after.b.source) == (str(pair[1]), str(pair[0]))
    assert after.stats.added == before.stats.removed and after.stats.removed == before.stats.added
    assert window.panes[Side.A].header.text().endswith("revision.txt")


def test_a_file_changed_on_disk_is_compared_again(
        window: MainWindow, qtbot: QtBot, pair: tuple[Path, Path]) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(*pair)
    assert window.comparison is not None and "Regenbogen" not in window.comparison.b.text
    with qtbot.waitSignal(window.comforts.inputs.changed_on_disk, timeout=TIMEOUT) as changed:
        pair[1].write_text(B_TEXT + " Ein Regenbogen stand über dem Hafen.", encoding="utf-8")
    assert changed.args == [["revision"]]
    assert "changed on disk" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.comparison is not None
                    and "Regenbogen" in window.comparison.b.text, timeout=TIMEOUT)
    assert pair[1].read_text(encoding="utf-8").endswith("Hafen."), "inputs are never written"


def test_a_file_removed_from_disk_keeps_the_comparison_quietly(
        window: MainWindow, qtbot: QtBot, pair: tuple[Path, Path]) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(*pair)
    shown = window.comparison
    warnings: list[str] = []
    window._warn = lambda title, text: warnings.append(text)
    with qtbot.waitSignal(window.comforts.inputs.changed_on_disk, timeout=TIMEOUT):
        pair[0].unlink()
    assert "no longer on disk" in window.statusBar().currentMessage()
    qtbot.wait(300)
    assert window.comparison is shown and not warnings


def test_compare_again_reads_the_files_again(
        window: MainWindow, qtbot: QtBot, pair: tuple[Path, Path]) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(*pair)
    window.comforts.inputs.watcher.watch([])  # only F5 may notice the change here
    pair[0].write_text(A_TEXT + " Ein Nachsatz.", encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        action(window, "Compare again").trigger()
    assert window.comparison is not None and "Nachsatz" in window.comparison.a.text


def _synthetic(paragraphs: int, seed: int) -> str:
    r = random.Random(seed)
    words = ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(3, 10)))
             for _ in range(3000)]
    return "\n\n".join(
        " ".join(" ".join(r.choice(words) for _ in range(12)).capitalize() + "." for _ in range(4))
        for _ in range(paragraphs))


def test_cancelling_a_long_run_keeps_the_view_and_the_ui_responsive(
        window: MainWindow, qtbot: QtBot, pair: tuple[Path, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(*pair)
    previous = window.comparison
    # A comparison that runs until it is cancelled, checking the token as the real
    # pipeline does between stages: the test then measures the window, not how fast
    # the engine happens to be on this machine today.
    real_compare = window_module.compare

    def endless_compare(*args: Any, cancel: CancelToken, **kwargs: Any) -> Comparison:
        deadline = time.perf_counter() + 20
        while not cancel.cancelled and time.perf_counter() < deadline:
            _busy_python(0.02)
        return real_compare(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(window_module, "compare", endless_compare)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    window.comforts.inputs.set_pair(LoadedText(_synthetic(80, 1), "", "text"),
                                    LoadedText(_synthetic(80, 2), "", "text"))
    assert window.cancel_button.isVisibleTo(window)
    qtbot.wait(1500)
    # The worker computes in Python all the while; the event loop must keep running: a
    # 10 ms timer keeps ticking, with no pause a user would notice as a frozen window.
    # (Bounds are loose because CI machines are shared and loaded.)
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) >= 15, f"the event loop stalled while comparing ({len(ticks)} ticks)"
    assert max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"
    started = time.perf_counter()
    with qtbot.waitSignal(window.run_ended, timeout=TIMEOUT) as ended:
        window.cancel_button.click()
    timer.stop()
    assert ended.args == ["cancelled"]
    assert time.perf_counter() - started < 5.0
    assert window.comparison is previous
    assert "previous comparison is still shown" in window.summary.text()
    assert not window.cancel_button.isVisibleTo(window)


def _busy_python(seconds: float) -> None:
    end = time.perf_counter() + seconds
    total = 0
    while time.perf_counter() < end:
        total += sum(range(100))


def test_every_shortcut_is_unique(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    actions = [*all_actions(window), *window.actions()]
    for act in actions:
        for key in act.shortcuts():
            name = key.toString()
            if name and seen.get(name, act.text()) != act.text():
                pytest.fail(f"{name} is both {seen[name]!r} and {act.text()!r}")
            seen[name] = act.text()
    for name in ("Ctrl+L", "Ctrl+Shift+L", "Ctrl+M", "Ctrl+S", "Ctrl+Shift+S",
                 "Ctrl+Alt+O", "Ctrl+Shift+X", "F5", "F9"):
        assert name in seen, f"no action on {name}"


def test_about_and_icon(window: MainWindow) -> None:
    text = about_text()
    assert version() in text and "MIT" in text and "side by side" in text
    assert not window.windowIcon().isNull()
    assert {s.width() for s in window.windowIcon().availableSizes()} >= {16, 32, 48, 256}
    assert window.panes[Side.A].view.accessibleName() == "Original text"


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string((files("collatio.assets") / "collatio.desktop").read_text(encoding="utf-8"))
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "collatio %F" and desktop["Icon"] == "collatio"
    assert "application/pdf" in desktop["MimeType"].split(";")
    assert desktop["Categories"] == "Office;Viewer;"


def test_command_line_opens_a_session() -> None:
    assert window_session(["review.collatio"]) == "review.collatio"
    assert window_session(["a.txt", "b.collatio"]) is None
    assert window_paths(["a.txt", "b.txt"]) == (False, ("a.txt", "b.txt"))
