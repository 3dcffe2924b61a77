"""Packaging pitfalls: every subpackage and asset is in the built wheel; no bare imports."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"core": "collatio/core", "gui": "collatio/gui", "assets": "collatio/assets"}


def _expected_modules() -> set[str]:
    expected: set[str] = set()
    for folder, target in FOLDERS.items():
        for path in (ROOT / folder).rglob("*.py"):
            if "__pycache__" in path.parts:
                continue
            expected.add(f"{target}/{path.relative_to(ROOT / folder).as_posix()}")
    return expected


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("collatio-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_contains_every_module(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    missing = _expected_modules() - names
    assert not missing, f"pip install . would drop: {sorted(missing)}"


def test_wheel_contains_the_sample_pair(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "collatio/assets/samples/xi-putin-original.txt" in names
    assert "collatio/assets/samples/xi-putin-rewrite.txt" in names


def test_sample_pair_is_package_data() -> None:
    sample = files("collatio.assets") / "samples" / "xi-putin-original.txt"
    assert sample.read_text(encoding="utf-8").startswith(" Xi betont")


def test_no_bare_imports_of_the_top_level_folders() -> None:
    bare = re.compile(r"^\s*(from|import)\s+(core|gui|assets)(\.|\s|$)", re.MULTILINE)
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("core", "gui", "tests", "bench", "scripts")
        if (ROOT / folder).exists()
        for p in (ROOT / folder).rglob("*.py")
        if bare.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_core_does_not_import_qt() -> None:
    code = (
        "import sys, collatio.core, collatio.core.cli, collatio.gui.launcher;"
        "bad=[m for m in sys.modules if m.startswith('PySide6')]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_wheel_contains_the_icon_and_desktop_entry(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "collatio/assets/icons/collatio.svg" in names
    for size in (16, 32, 48, 256):
        assert f"collatio/assets/icons/collatio-{size}.png" in names
    assert "collatio/assets/collatio.desktop" in names
