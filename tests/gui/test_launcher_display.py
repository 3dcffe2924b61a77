"""The launcher: a clear line instead of a Qt abort without a display; PDF always listed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from collatio.gui.launcher import main, missing_display

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"

CASES = [
    # No display at all on Linux: say so.
    ({}, True),
    # An X11 session.
    ({"DISPLAY": ":0"}, False),
    # A Wayland session.
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    # The user (or the tests) chose a platform plugin such as offscreen: trust it.
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
]


@pytest.mark.parametrize(("env", "refused"), CASES)
def test_missing_display(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], refused: bool) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", "linux")
    assert (missing_display() is not None) is refused


def test_window_without_display_exits_with_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "collatio.gui", "--sample"], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "no display" in proc.stderr


def test_pdf_is_listed_and_written_readable_by_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert "pdf" in capsys.readouterr().out
    out = tmp_path / "report.pdf"
    old = os.umask(0o022)
    try:
        code = main(["compare", str(SAMPLES / "xi-putin-original.txt"), str(SAMPLES / "xi-putin-rewrite.txt"),
                     "--format", "pdf", "-o", str(out)])
    finally:
        os.umask(old)
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


SIZES = [
    # First start: the default, which fits a 1920×1080 screen.
    (None, (1920, 1080), (1400, 900)),
    # First start on a small laptop screen: fitted to it.
    (None, (1280, 720), (1280, 720)),
    # A sensible saved size is kept.
    ((1200, 800), (1920, 1080), (1200, 800)),
    # Saved on a bigger screen: does not fit any more, use the fitted default.
    ((1404, 926), (1400, 900), (1400, 900)),
    # Qt shrank an oversized geometry into something cramped: use the default.
    ((786, 543), (1400, 900), (1400, 900)),
]


@pytest.mark.parametrize(("saved", "available", "expected"), SIZES)
def test_initial_size(saved: tuple[int, int] | None, available: tuple[int, int], expected: tuple[int, int]) -> None:
    from collatio.gui.app import initial_size

    assert initial_size(saved, available) == expected
