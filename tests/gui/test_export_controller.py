"""File ▸ Export… in the window (gui/export_controller.py), pytest-qt: every format is
written off the UI thread and reads back as that format; inputs are never written; a
failure is a message naming the file; the action waits for a comparison."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest
from collatio.core import Comparison, compare
from collatio.core.export_csv import COLUMNS
from collatio.gui import export_controller as module
from collatio.gui.export_controller import ExportController, default_page_size
from collatio.gui.exportchoice import EXPORT_FORMATS
from collatio.gui.window import MainWindow
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from .conftest import sample_texts

pytestmark = pytest.mark.gui
TIMEOUT = 30_000
BY_KEY = {f.key: f for f in EXPORT_FORMATS}


def _controller(window: MainWindow) -> ExportController:
    return window.comforts.export


@pytest.fixture
def shown(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    """The sample pair, loaded from files (so the comparison has sources) and compared."""
    a, b = sample_texts()
    (tmp_path / "original.txt").write_text(a, encoding="utf-8")
    (tmp_path / "rewrite.txt").write_text(b, encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.load_files(tmp_path / "original.txt", tmp_path / "rewrite.txt")
    return window


def _export(window: MainWindow, qtbot: QtBot, path: Path, key: str) -> str:
    with qtbot.waitSignal(_controller(window).exported, timeout=TIMEOUT) as blocker:
        _controller(window).export_to(str(path), BY_KEY[key].filter)
    return str(blocker.args[0])


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(pdf[k].get_textpage().get_text_range().split()) for k in range(len(pdf)))
    finally:
        pdf.close()


def _check_html(path: Path, c: Comparison) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html") and "Xi betont enge" in text


def _check_pdf(path: Path, c: Comparison) -> None:
    assert path.read_bytes().startswith(b"%PDF") and "Xi betont enge" in _pdf_text(path)


def _check_csv(path: Path, c: Comparison) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == COLUMNS and len(rows) > len(c.links)


def _check_json(path: Path, c: Comparison) -> None:
    assert json.loads(path.read_text(encoding="utf-8")) == c.to_json()


def _check_text(path: Path, c: Comparison) -> None:
    assert "Xi betont enge" in path.read_text(encoding="utf-8")


CHECKS = {"html": _check_html, "pdf": _check_pdf, "csv": _check_csv, "json": _check_json,
          "text": _check_text}


@pytest.mark.parametrize("key", list(CHECKS))
def test_each_format_is_written_off_the_ui_thread_and_reads_back(
        shown: MainWindow, qtbot: QtBot, tmp_path: Path, key: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    write = module.write_comparison

    def watched(*args: object) -> str:
        threads.append(threading.current_thread())
        return write(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "write_comparison", watched)
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    written = _export(shown, qtbot, target, key)
    assert written == str(target) + BY_KEY[key].suffix  # the filter's suffix was added
    assert threads and threading.main_thread() not in threads
    assert shown.comparison is not None
    CHECKS[key](Path(written), shown.comparison)
    assert str(written) in shown.statusBar().currentMessage()


def test_an_input_file_is_never_written(shown: MainWindow, tmp_path: Path) -> None:
    messages: list[str] = []
    shown._warn = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    original = tmp_path / "original.txt"
    before = original.read_bytes()
    _controller(shown).export_to(str(original), BY_KEY["text"].filter)
    assert original.read_bytes() == before
    assert messages and str(original) in messages[0] and "never writes" in messages[0]


def test_a_failed_export_names_the_file(shown: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    messages: list[str] = []
    shown._warn = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    target = tmp_path / "no such folder" / "report.html"
    with qtbot.waitSignal(_controller(shown).failed, timeout=TIMEOUT):
        _controller(shown).export_to(str(target), BY_KEY["html"].filter)
    assert len(messages) == 1 and str(target) in messages[0]
    assert "Traceback" not in messages[0]
    assert not target.parent.exists()


def test_the_dialog_suggests_a_name_beside_the_revision_then_the_last_folder(
        shown: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[tuple[str, str]] = []
    answers = [str(tmp_path / "elsewhere" / "first.csv"), ""]

    def dialog(parent: object, title: str, start: str, filters: str, selected: str,
               **options: object) -> tuple[str, str]:
        offered.append((start, selected))
        return answers.pop(0), BY_KEY["html"].filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    (tmp_path / "elsewhere").mkdir()
    controller = _controller(shown)
    with qtbot.waitSignal(controller.exported, timeout=TIMEOUT):
        controller.action.trigger()
    controller.action.trigger()  # cancelled: nothing written
    assert offered[0] == (str(tmp_path / "original vs rewrite.html"), BY_KEY["html"].filter)
    # The second time: the folder and the format of the last export.
    assert offered[1] == (str(tmp_path / "elsewhere" / "original vs rewrite.csv"), BY_KEY["csv"].filter)
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["first.csv"]


@pytest.mark.parametrize("replace", [True, False])
def test_an_existing_file_is_replaced_only_when_the_user_agrees(
        shown: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        replace: bool) -> None:
    """Asked after the choice of format: "report" names "report.html", which the save
    dialog did not know."""
    asked: list[str] = []

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    existing = tmp_path / "report.html"
    existing.write_text("old", encoding="utf-8")
    controller = _controller(shown)
    if replace:
        with qtbot.waitSignal(controller.exported, timeout=TIMEOUT):
            controller.export_to(str(tmp_path / "report"), BY_KEY["html"].filter, confirm_overwrite=True)
        assert existing.read_text(encoding="utf-8") != "old"
    else:
        controller.export_to(str(tmp_path / "report"), BY_KEY["html"].filter, confirm_overwrite=True)
        assert existing.read_text(encoding="utf-8") == "old"
    assert len(asked) == 1 and "report.html already exists" in asked[0]


def test_an_input_is_refused_before_any_question(shown: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args))
    messages: list[str] = []
    shown._warn = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    _controller(shown).export_to(str(tmp_path / "original.txt"), BY_KEY["text"].filter,
                                 confirm_overwrite=True)
    assert not asked and messages and "never writes" in messages[0]


def test_export_waits_for_a_comparison(window: MainWindow, qtbot: QtBot) -> None:
    action = _controller(window).action
    assert not action.isEnabled()
    assert action in window.file_menu.actions()
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.show_comparison(compare("Ein Satz.", "Ein Satz.", source_a="/x/a.txt"))
    assert action.isEnabled()


# (locale, paper of the PDF report)
PAPERS = [
    ("de_DE", "A4"),
    ("en_GB", "A4"),
    ("en_US", "Letter"),
]


@pytest.mark.parametrize("locale,paper", PAPERS)
def test_the_pdf_paper_follows_the_locale(locale: str, paper: str) -> None:
    assert default_page_size(QLocale(locale)) == paper


