"""File ▸ Export…: the comparison on screen written as a report, a table or the alignment.

The dialog suggests "<original> vs <revision>.html" in the folder of this run's last
export, else the revision's. The choice of format and path, and the refusals, are
``exportchoice``'s. Every format but PDF is written by ``collatio.core.cli.write_export``,
the command line's writer; the PDF is laid out by Qt (``pdf_export.export_pdf``) in a
child process (``export_pdf_apart``). Both write atomically (a failed export leaves an
older file as it was) and both run in the job pool: a PDF of a book takes 15 s. The status bar says where the file went; a failure
is a message naming the file and the reason.

What is exported is the comparison as computed, with the reader's corrections (the
comparison job applies them) and all rows: the view's folding and hiding are ways of
reading, not of editing.

May import: PySide6, the standard library, collatio.core and
collatio.gui.{actions,exportchoice,jobs,pdf_export} (the window only for type checking).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from collatio.core import Comparison
from collatio.core.cli import write_export
from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .actions import make_action
from .exportchoice import (
    EXPORT_FORMATS,
    FILTERS,
    ExportFormat,
    choose_format,
    format_of_filter,
    refusal,
    suggested_name,
)
from .jobs import Job, Progress
from .pdf_export import export_pdf

if TYPE_CHECKING:
    from .window import MainWindow


def default_page_size(locale: QLocale) -> str:
    """Letter where US measures are used, else A4."""
    imperial = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


def export_pdf_apart(comparison: Comparison, target: Path, page_size: str) -> None:
    """``export_pdf`` in a child process.

    Qt holds the GIL through each of its calls, and laying a report out is a few long
    ones (setHtml 2 s, paginating 5 s for a book): from a worker thread that froze the
    window for 5.8 s. A child process has its own GIL; and a crash in Qt's layout there
    takes only the child down, not the window with the reader's corrections."""
    context = multiprocessing.get_context("spawn")  # no copy of this process's Qt state
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            pool.submit(export_pdf, comparison, target, page_size).result()
    except BrokenProcessPool as exc:
        raise OSError("the PDF writer stopped unexpectedly") from exc


def write_comparison(comparison: Comparison, target: Path, fmt: ExportFormat,
                     page_size: str) -> str:
    """Write ``comparison`` to ``target`` (run it off the UI thread); the path written.
    Raises OSError with a message that names the file."""
    try:
        if fmt.key == "pdf":
            export_pdf_apart(comparison, target, page_size)
        else:
            write_export(comparison, target, fmt.key)
    except OSError as exc:
        raise OSError(f"{target}: {exc.strerror or exc}") from exc
    return str(target)


class ExportController(QObject):
    exported = Signal(str)  # the path written
    failed = Signal(str)  # the message shown to the user

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = make_action(window, "&Export…", self.ask, "Ctrl+E")
        self.action.setStatusTip("Save the comparison as an HTML or PDF report, a CSV "
                                 "table, the JSON alignment or a text summary")
        self.action.setEnabled(False)  # until there is a comparison to export
        window.file_menu.insertAction(window.quit_action, self.action)
        window.file_menu.insertSeparator(window.quit_action)
        window.comparison_shown.connect(self._on_comparison)
        self.folder = ""  # of this run's last export
        self.selected_filter = EXPORT_FORMATS[0].filter
        self.page_size = default_page_size(QLocale())

    def _on_comparison(self, _comparison: Comparison) -> None:
        self.action.setEnabled(True)

    def start_folder(self, comparison: Comparison) -> str:
        if self.folder:
            return self.folder
        source = comparison.b.source or comparison.a.source
        if source and Path(source).parent.is_dir():
            return str(Path(source).parent)
        return ""

    def ask(self) -> None:
        comparison = self.window.comparison
        if comparison is None:
            self.window.statusBar().showMessage("Compare two texts before exporting.", 6_000)
            return
        name = suggested_name(comparison, format_of_filter(self.selected_filter))
        folder = self.start_folder(comparison)
        start = str(Path(folder) / name) if folder else name
        # The dialog's own question comes before the refusal of an input, and misses a
        # file the format's suffix names ("report" → "report.html"): ask here instead.
        path, selected = QFileDialog.getSaveFileName(
            self.window, "Export comparison", start, FILTERS, self.selected_filter,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.export_to(path, selected, confirm_overwrite=True)

    def export_to(self, path: str, selected_filter: str, *, confirm_overwrite: bool = False) -> None:
        """Export the comparison on screen to ``path`` (format by suffix, else filter);
        ``confirm_overwrite``: ask before replacing a file, once it may be written."""
        comparison = self.window.comparison
        if comparison is None:
            return
        fmt, target = choose_format(path, selected_filter)
        problem = refusal(target, (comparison.a.source, comparison.b.source))
        if problem is not None:
            self._fail(problem)
            return
        if confirm_overwrite and target.exists() and not self._may_replace(target):
            return
        self.folder, self.selected_filter = str(target.parent), fmt.filter
        page_size = self.page_size

        def work(_progress: Progress) -> str:
            return write_comparison(comparison, target, fmt, page_size)

        job = Job("export", 0, work)  # every export stands alone: no generation to compare
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.window.statusBar().showMessage(f"Exporting the {fmt.label} to {target}…")
        self.window.runner.start(job)

    def _on_finished(self, _tag: str, _generation: int, path: str) -> None:
        self.window.statusBar().showMessage(f"Exported to {path}.", 10_000)
        self.exported.emit(path)

    def _on_failed(self, _tag: str, _generation: int, message: str) -> None:
        self.window.statusBar().clearMessage()
        self._fail(message)

    def _may_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self.window, "Replace the file?", f"{target.name} already exists in {target.parent}. "
            "Replace it?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _fail(self, message: str) -> None:
        self.window._warn("Cannot export", message)
        self.failed.emit(message)
