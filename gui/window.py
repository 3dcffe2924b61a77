"""The main window: two panes, menus, status bar; loads inputs and runs comparisons off-thread.

Decisions (rows, marks, geometry) come from the pure modules; this module wires them to
widgets. Files are loaded with ``collatio.core.load_text`` and compared with
``collatio.core.compare``, both in the job pool. Input files are only ever read.

May import: PySide6, the standard library, collatio.core and collatio.gui.*.
"""

from __future__ import annotations

import time
from dataclasses import replace
from importlib.resources import as_file, files
from pathlib import Path

from collatio.core import (
    FILE_DIALOG_FILTER,
    CancelToken,
    Comparison,
    LoadedText,
    Outcome,
    Side,
    compare,
    load_text,
)
from collatio.core.gcpause import gc_paused
from collatio.core.options import CompareOptions
from collatio.core.overrides import Overrides, Resolution
from collatio.core.summary import summary_line
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .actions import make_action
from .aligner import RowAligner
from .cells import Block
from .compared import Compared, prepare
from .elided import ElidedLabel
from .jobs import Job, JobRunner, Progress
from .legend import legend_html
from .palette import LIGHT, Palette
from .pane import Pane
from .plan import RenderPlan, ViewState
from .reader import Reader
from .rendering import render_comparison, show_staged
from .rows import Row
from .semantic_toggle import SemanticToggle, semantic_note
from .staging import Staged, Stager

HINTS = {
    Side.A: "No original yet.\n\nFile ▸ Open original… (Ctrl+O), File ▸ Paste as original, "
    "or drop a file here.\n\nTo try Collatio, use File ▸ Open sample pair.",
    Side.B: "No revision yet.\n\nFile ▸ Open revision… (Ctrl+Shift+O), File ▸ Paste as "
    "revision, or drop a file here.",
}
SAMPLE_FILES = {Side.A: "xi-putin-original.txt", Side.B: "xi-putin-rewrite.txt"}
FILE_FILTER = FILE_DIALOG_FILTER  # one list of supported formats, kept by the loader


def sample_path(side: Side) -> Path:
    with as_file(files("collatio.assets") / "samples" / SAMPLE_FILES[side]) as path:
        return Path(path)


def reading_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    return font


class MainWindow(QMainWindow):
    comparison_shown = Signal(object)  # the Comparison now on screen
    documents_shown = Signal()  # the panes show newly built documents (gui/rendering.py)
    run_ended = Signal(str)  # outcome value of a finished run: completed/cancelled/skipped/failed
    load_failed = Signal(str)  # the message shown to the user
    loaded = Signal(object)  # Side whose text was (re)loaded

    def __init__(self, palette: Palette = LIGHT) -> None:
        super().__init__()
        self.palette_ = palette
        self.setWindowTitle("Collatio")
        self.texts: dict[Side, LoadedText | None] = {Side.A: None, Side.B: None}
        self.comparison: Comparison | None = None
        self.rows: tuple[Row, ...] = ()
        self.blocks: dict[Side, tuple[Block, ...]] = {Side.A: (), Side.B: ()}
        self.plan: RenderPlan | None = None  # the plan on screen, or one computed by the job
        # Corrections mapped onto the comparison by the job: (comparison, overrides, result).
        self.resolution: tuple[Comparison, Overrides, Resolution] | None = None
        self.generation = 0
        self.load_generation = {Side.A: 0, Side.B: 0}
        self.load_paths = {Side.A: "", Side.B: ""}
        self.token: CancelToken | None = None
        self.timings: dict[str, float] = {}
        self.runner = JobRunner(self)
        font = reading_font()
        self.reading_font = font  # the font preference sets its family (session_view); zoom scales it (reader)
        self.options = CompareOptions()  # threshold etc.; a session or the preferences set it
        self.overrides = Overrides()  # the reader's corrections, kept across re-runs
        self.panes = {side: Pane(side, palette, font) for side in (Side.A, Side.B)}
        self.aligner = RowAligner(self.panes[Side.A].view, self.panes[Side.B].view, self)
        # Builds the panes' documents, in slices for a long comparison (gui/staging.py).
        self.stager = Stager(self.runner, self)
        self.stager.staged.connect(self._on_staged)
        self.stager.failed.connect(self._on_stage_failed)
        # Gutter, overview, change list, navigation, find, zoom, threshold (gui/reader.py).
        self.reader = Reader(self, self.panes, self.aligner, palette, self._render,
                             self._set_link_threshold)
        self._build_central()
        self._build_menus()
        self._build_status()
        self.reader.build_menus(self.view_menu)
        self.semantic = SemanticToggle(self, self.view_menu)  # View ▸ Semantic matching
        self.addToolBar(self.reader.build_toolbar())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.reader.dock)
        self.run_ended.connect(self.reader.run_ended)
        for side, pane in self.panes.items():
            pane.view.file_dropped.connect(lambda path, s=side: self.load_file(s, path))
            pane.show_plain(HINTS[side], muted=True)
        # Sessions, corrections, themes, preferences, file watching (collatio.gui.session_*).
        from .session_controller import attach  # local: those modules import this one

        self.comforts = attach(self)
        # A dock layout the user made was restored, or the first show sizes the dock.
        self.reader.dock.sized = not self.comforts.view.prefs.window_state.isEmpty()

    # ---- construction -------------------------------------------------------------------
    def _build_central(self) -> None:
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panes[Side.A])
        splitter.addWidget(self.reader.gutter)
        splitter.addWidget(self.panes[Side.B])
        splitter.addWidget(self.reader.overview)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setHandleWidth(1)
        self.legend = QLabel(legend_html(self.palette_), self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setContentsMargins(10, 4, 10, 4)
        # The legend may be clipped on a narrow window; it must not widen the window.
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setWordWrap(True)  # nine entries: wrap beside the change list dock
        self.legend.setStyleSheet(f"background: {self.palette_.header_bg};")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.reader.find_bar)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(make_action(self, "Open &original…", lambda: self.ask_open(Side.A),
                                         QKeySequence.StandardKey.Open))
        file_menu.addAction(make_action(self, "Open &revision…", lambda: self.ask_open(Side.B),
                                         "Ctrl+Shift+O"))
        file_menu.addSeparator()
        file_menu.addAction(make_action(self, "Paste as original", lambda: self.paste(Side.A)))
        file_menu.addAction(make_action(self, "Paste as revision", lambda: self.paste(Side.B)))
        file_menu.addSeparator()
        file_menu.addAction(make_action(self, "Open &sample pair", self.open_sample))
        file_menu.addSeparator()
        self.quit_action = make_action(self, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quit_action)
        view_menu = self.view_menu = self.menuBar().addMenu("&View")
        self.boilerplate_action = make_action(self, "Show boilerplate and duplicates",
                                               self._on_boilerplate_toggled)
        self.boilerplate_action.setCheckable(True)
        self.boilerplate_action.setChecked(True)
        view_menu.addAction(self.boilerplate_action)
        self.legend_action = make_action(self, "Legend", self._on_legend_toggled)
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        view_menu.addAction(self.legend_action)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.summary = ElidedLabel("Open two versions of a text to compare them.", self)
        self.summary.setStyleSheet(f"color: {self.palette_.muted};")
        bar.addWidget(self.summary, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    # ---- inputs ---------------------------------------------------------------------------
    def ask_open(self, side: Side) -> None:
        title = "Open original" if side is Side.A else "Open revision"
        path, _ = QFileDialog.getOpenFileName(self, title, "", FILE_FILTER)
        if path:
            self.load_file(side, path)

    def open_sample(self) -> None:
        self.load_files(sample_path(Side.A), sample_path(Side.B))

    def load_files(self, path_a: str | Path, path_b: str | Path) -> None:
        self.load_file(Side.A, path_a)
        self.load_file(Side.B, path_b)

    def load_file(self, side: Side, path: str | Path) -> None:
        """Read a file off-thread; on failure tell the user and keep everything as it was."""
        self.load_generation[side] += 1
        self.load_paths[side] = str(path)
        job = Job(side.value, self.load_generation[side], lambda _progress: load_text(path))
        job.signals.finished.connect(self._on_loaded)
        job.signals.failed.connect(self._on_load_failed)
        self.runner.start(job)

    def paste(self, side: Side) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._warn("Nothing to paste", "The clipboard holds no plain text.")
            return
        self.load_generation[side] += 1  # a pending file load for this side is now stale
        self.set_text(side, LoadedText(text, "", "text"))

    def _on_loaded(self, tag: str, generation: int, loaded: LoadedText) -> None:
        side = Side(tag)
        if generation != self.load_generation[side]:
            return
        self.set_text(side, loaded)

    def _on_load_failed(self, tag: str, generation: int, message: str) -> None:
        side = Side(tag)
        if generation != self.load_generation[side]:
            return
        path = self.load_paths[side]
        # LoadError's message already names the file; other errors get the path prepended.
        text = message if path in message else f"{path}: {message}"
        what = "original" if side is Side.A else "revision"
        self._warn(f"Cannot open the {what}", text)
        self.load_failed.emit(text)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def set_text(self, side: Side, loaded: LoadedText) -> None:
        self.texts[side] = loaded
        self.panes[side].set_source(loaded.source or "(pasted text)")
        self.loaded.emit(side)
        other = self.texts[Side.B if side is Side.A else Side.A]
        if other is None:
            self.panes[side].show_plain(loaded.text)
            return
        self.recompare()

    # ---- comparing ------------------------------------------------------------------------
    def recompare(self) -> None:
        a, b = self.texts[Side.A], self.texts[Side.B]
        if a is None or b is None:
            return
        if self.token is not None:
            self.token.cancel()  # the older run is stale; stop it early
        self.generation += 1
        token = self.token = CancelToken()
        options, overrides = self.options, self.overrides
        view = self.view_state()  # the view is planned for these; a later toggle re-plans

        @gc_paused  # from compare to the end of prepare: no collection between them either
        def work(progress: Progress) -> Compared:
            result = compare(a.text, b.text, source_a=a.source or None,
                             source_b=b.source or None, format_a=a.format, format_b=b.format,
                             cancel=token, progress=progress, options=options,
                             overrides=overrides, heading_spans_a=a.role_hints,
                             heading_spans_b=b.role_hints, body_spans_a=a.body_spans,
                             body_spans_b=b.body_spans)
            if token.cancelled:
                return Compared(result)
            # Everything the UI thread would otherwise compute on arrival.
            progress(1.0, "Preparing the view")
            prepared = prepare(result, view, overrides, lambda: token.cancelled)
            if token.cancelled:  # while preparing: as cancelled as during the comparison
                return Compared(replace(result, outcome=Outcome.CANCELLED, message="Cancelled."))
            return prepared

        job = Job("compare", self.generation, work)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_compared)
        job.signals.failed.connect(self._on_compare_failed)
        self._set_busy(True)
        self.summary.setText("Comparing…")
        self.timings["started"] = time.perf_counter()
        self.runner.start(job)

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()

    def _on_progress(self, tag: str, generation: int, fraction: float, stage: str) -> None:
        if generation == self.generation:
            self.progress.setValue(round(fraction * 100))
            self.progress.setFormat(f"{stage} %p%")

    def _on_compare_failed(self, tag: str, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self._set_busy(False)
        self.summary.setText(f"Comparison failed: {message}")
        self._warn("Comparison failed", message)
        self.run_ended.emit("failed")

    def _on_compared(self, tag: str, generation: int, compared: Compared) -> None:
        if generation != self.generation:
            return  # an older run finished after a newer one started
        comparison = compared.comparison
        self._set_busy(False)
        self.token = None
        if comparison.outcome is not Outcome.COMPLETED:
            # Cancelled or skipped: the previous view stays as it was.
            kept = " The previous comparison is still shown." if self.comparison else ""
            self.summary.setText(f"{comparison.message}{kept}")
            if comparison.outcome is Outcome.SKIPPED:  # the user must act: say it aloud
                if self.comparison is None:  # not "No revision yet" under a loaded file
                    for pane in self.panes.values():
                        pane.show_plain(comparison.message, muted=True)
                self._warn("Not compared", comparison.message)
            self.run_ended.emit(comparison.outcome.value)
            return
        received = time.perf_counter()
        self.show_compared(compared)
        self.timings["compute"] = received - self.timings.get("started", received)
        self.timings["paint"] = time.perf_counter() - received
        self.run_ended.emit(comparison.outcome.value)

    def show_compared(self, compared: Compared) -> None:
        """Show what the comparison job prepared (see ``prepare``)."""
        if compared.overrides is not None and compared.resolution is not None:
            self.resolution = (compared.comparison, compared.overrides, compared.resolution)
        self.show_comparison(compared.comparison, compared.plan)

    def show_comparison(self, comparison: Comparison, plan: RenderPlan | None = None) -> None:
        """Show a comparison; ``plan`` is the worker's plan for it, used if the view state
        still matches (else the view is planned here)."""
        self.comparison = comparison
        self.plan = plan
        for side, pane in self.panes.items():
            source = comparison.document(side).source
            if source:
                pane.set_source(source)
        names = [Path(doc.source).name for doc in (comparison.a, comparison.b) if doc.source]
        self.setWindowTitle(f"{' ↔ '.join(names)} — Collatio" if names else "Collatio")
        self._render()
        self.summary.setText(summary_line(comparison) + semantic_note(comparison.options))
        self.comparison_shown.emit(comparison)

    def _render(self) -> None:
        render_comparison(self)

    def _on_staged(self, staged: Staged) -> None:
        show_staged(self, staged)

    def _on_stage_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        self._warn("The view could not be laid out", message)

    def view_state(self) -> ViewState:
        """The view options the rows and cells depend on, as they are now."""
        return self.reader.view_state(self.boilerplate_action.isChecked())

    def _set_link_threshold(self, threshold: float) -> None:
        """Re-run the comparison with another link threshold (the reader keeps the position)."""
        self.options = replace(self.options, link_threshold=threshold)
        self.recompare()

    # ---- view options ---------------------------------------------------------------------
    def _on_boilerplate_toggled(self) -> None:
        self.reader.keep_position()  # the sentence at the top stays there
        self._render()

    def _on_legend_toggled(self) -> None:
        self.legend.setVisible(self.legend_action.isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        self.stager.cancel()  # no slice of a staging may run on a closed window
        self.runner.wait(3000)
        super().closeEvent(event)
