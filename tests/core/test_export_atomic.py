"""Exports replace the old file only when the new one is complete."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from collatio.core import atomic, compare
from collatio.core.cli import write_export


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


class _DiskFull:
    """A file handle that writes half of what it is given, then fails like a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(28, "No space left on device")


def test_a_failure_mid_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _DiskFull(real_fdopen(fd, mode)))
    comparison = compare("Ein Satz steht hier.\n", "Ein Satz steht dort.\n")
    with pytest.raises(OSError, match="No space"):
        write_export(comparison, target, "html")
    assert target.read_text(encoding="utf-8") == "old report"
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "table.csv"
    target.write_text("old,table\n", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_export(compare("Ein Satz.\n", "Ein Satz.\n"), target, "csv")
    assert target.read_text(encoding="utf-8") == "old,table\n"
    assert _leftovers(tmp_path) == []


def test_new_files_are_readable_by_others_as_usual(tmp_path: Path) -> None:
    # mkstemp makes 0600 files; a report saved to a shared folder must follow the umask.
    old = os.umask(0o022)
    try:
        atomic.write_text_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic.write_text_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == "new"
