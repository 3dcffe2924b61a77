"""The `collatio` command: CLI subcommands go to the core, anything else opens a window."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest
from collatio.gui import launcher


def test_importing_the_launcher_does_not_import_qt() -> None:
    code = ("import sys, collatio.gui, collatio.gui.launcher, collatio.gui.rows, "
            "collatio.gui.cells, collatio.gui.geometry, collatio.gui.legend; "
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("argv", "cli"), [
    (["compare", "a", "b"], True),
    (["batch", "x"], True),
    (["rank", "x"], True),
    (["--help"], True),
    (["-h"], True),
    (["--version"], True),
    (["a.txt", "b.txt"], False),
    (["--sample"], False),
    ([], False),
])
def test_is_cli(argv: list[str], cli: bool) -> None:
    assert launcher.is_cli(argv) is cli


def test_cli_arguments_go_to_the_core_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    fake = types.ModuleType("collatio.core.cli")

    def fake_main(argv: list[str]) -> int:
        seen.append(list(argv))
        return 3

    fake.main = fake_main  # type: ignore[attr-defined]
    fake.EXPORTERS = {}  # type: ignore[attr-defined]
    fake.PAGED_EXPORTERS = {}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "collatio.core.cli", fake)
    import collatio.core

    monkeypatch.setattr(collatio.core, "cli", fake, raising=False)
    assert launcher.main(["compare", "a.txt", "b.txt"]) == 3
    assert seen == [["compare", "a.txt", "b.txt"]]
    assert "pdf" in fake.EXPORTERS  # type: ignore[attr-defined]  # registered before the CLI runs


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (False, None)),
    (["--sample"], (True, None)),
    (["a.txt", "b.txt"], (False, ("a.txt", "b.txt"))),
])
def test_window_arguments(argv: list[str], expected: object) -> None:
    assert launcher.window_paths(argv) == expected


def test_bad_window_arguments_print_usage_and_return_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["only-one.txt"]) == 2
    assert "usage: collatio" in capsys.readouterr().err


def test_window_arguments_open_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    fake = types.ModuleType("collatio.gui.app")

    def run_window(**kw: object) -> int:
        calls.append(kw)
        return 0

    fake.run_window = run_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "collatio.gui.app", fake)
    import collatio.gui

    monkeypatch.setattr(collatio.gui, "app", fake, raising=False)
    assert launcher.main(["a.txt", "b.txt"]) == 0
    assert launcher.main(["--sample"]) == 0
    assert calls == [{"sample": False, "paths": ("a.txt", "b.txt")},
                     {"sample": True, "paths": None}]
