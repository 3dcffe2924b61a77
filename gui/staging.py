"""Build and measure the panes' documents in steps, so that a long comparison never
stalls the window.

Qt objects must be made on the UI thread: made in a worker they deadlocked the window (see
``compared.prepare``). Building and laying out the documents of a book-length pair takes
the UI thread a second or more, so ``staging`` does it in small steps and a ``Stager``
runs the steps in slices of a few milliseconds, one slice per turn of the event loop.
Until the last slice the panes keep showing what they showed, and stay usable.

The steps:

1. build each side's document without padding ("scratch"), set it to the panes' width and
   lay it out row by row, measuring where each row lies;
2. from those numbers alone, the padding that makes both cells of every row equally tall
   and where every row then lies (``geometry.align_sides``);
3. build the documents to show, with the paddings in their block formats.

The documents shown are never edited after they are built: padding a document while Qt
is still laying it out lazily leaves the blocks it lays out later at stale positions.
Step 2's geometry is exact, which a test checks against Qt's own layout.

A comparison of article size is staged at once (``stages_at_once``): it takes a few
milliseconds, and the window then shows the result in the same call. When the view
options need a new render plan (after a toggle), a worker job computes it first: the plan
is pure Python.

May import: PySide6, the standard library, collatio.core and
collatio.gui.{geometry,jobs,palette,plan,textdoc}.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass

from collatio.core import Comparison, Side
from PySide6.QtCore import QObject, QSizeF, QTimer, Signal
from PySide6.QtGui import QFont, QTextDocument

from .geometry import SideRows, align_sides
from .jobs import Job, JobRunner, Progress
from .palette import Palette
from .plan import RenderPlan, ViewState, plan_render
from .textdoc import building, measuring, run_through

AT_ONCE_CHARS = 200_000  # both texts together: below this, staging takes a few ms
SLICE_SECONDS = 0.015  # work per turn of the event loop


def stages_at_once(comparison: Comparison) -> bool:
    """Whether a comparison is short enough to stage in one go."""
    return len(comparison.a.text) + len(comparison.b.text) <= AT_ONCE_CHARS


@dataclass(frozen=True, slots=True)
class Staged:
    """Both documents to show, built for ``plan`` at ``widths``, and where their rows lie."""

    plan: RenderPlan
    docs: tuple[QTextDocument, QTextDocument]
    first_blocks: tuple[list[int], list[int]]  # each row's first block, per side
    rows: tuple[SideRows, SideRows]
    widths: tuple[int, int]


def staging(plan: RenderPlan, palette: Palette, font: QFont,
            widths: tuple[int, int]) -> Generator[None, None, Staged]:
    """The steps of building both documents for ``plan`` (see the module's docstring)."""
    first = (plan.first_blocks(Side.A), plan.first_blocks(Side.B))
    measured: list[SideRows] = []
    for side, rows, width in zip((Side.A, Side.B), first, widths, strict=True):
        scratch = yield from building(plan.blocks(side), palette, font)
        # What a text view sets on the document it shows: its viewport's width.
        scratch.setPageSize(QSizeF(width, -1))
        measured.append((yield from measuring(scratch, rows)))
        del scratch  # freed now, not at the end of the staging
    rows_a, rows_b, pads_a, pads_b = align_sides(measured[0], measured[1])
    doc_a = yield from building(plan.blocks(Side.A), palette, font, pads_a)
    doc_b = yield from building(plan.blocks(Side.B), palette, font, pads_b)
    return Staged(plan, (doc_a, doc_b), first, (rows_a, rows_b), widths)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A staging waiting for its plan from a worker."""

    comparison: Comparison
    view: ViewState
    palette: Palette
    font: QFont
    widths: tuple[int, int]

    def fits(self, comparison: Comparison, view: ViewState) -> bool:
        return self.comparison is comparison and self.view == view


class Stager(QObject):
    """Runs one staging at a time; a newer one supersedes it."""

    staged = Signal(object)  # Staged: the documents are ready to show
    failed = Signal(str)  # the render plan's job failed (a one-line message)

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.generation = 0
        self._steps: Generator[None, None, Staged] | None = None
        # While a worker plans: what for, and what to stage the plan with. A render asked
        # for again meanwhile (a resize, a zoom) reuses that plan, and a later one the
        # plan last staged (``plan``), rather than plan anew.
        self._pending: _Pending | None = None
        self.plan: RenderPlan | None = None
        # The next slice, one turn of the event loop later. A timer of the stager's own
        # dies with it: no slice runs for a window that is gone.
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(0)
        self._next.timeout.connect(self._slice)

    @property
    def busy(self) -> bool:
        """A staging is under way (its plan in a worker, or its slices)."""
        return self._steps is not None or self._pending is not None

    def stage(self, comparison: Comparison, view: ViewState, hint: RenderPlan | None,
              palette: Palette, font: QFont, widths: tuple[int, int]) -> Staged | None:
        """Stage ``comparison`` for ``view``; ``hint`` is a plan at hand (the comparison
        job's), used if it fits.

        A short comparison is staged now and returned; a long one returns None and
        reports ``staged`` later. Either way a staging under way is dropped (but for the
        plan a worker is computing, if it is the one needed)."""
        plan = next((p for p in (hint, self.plan) if p is not None and p.fits(comparison, view)),
                    None)
        pending = self._pending
        if plan is None and pending is not None and pending.fits(comparison, view):
            self._pending = _Pending(comparison, view, palette, font, widths)
            return None  # the plan under way is the one needed
        self.cancel()
        if stages_at_once(comparison):
            self.plan = plan if plan is not None else plan_render(comparison, view)
            return run_through(staging(self.plan, palette, font, widths))
        if plan is not None:
            self._start(plan, palette, font, widths)
            return None
        self._pending = _Pending(comparison, view, palette, font, widths)

        def work(progress: Progress) -> RenderPlan:
            return plan_render(comparison, view)

        job = Job("plan", self.generation, work)
        job.signals.finished.connect(self._on_planned)
        job.signals.failed.connect(self._on_plan_failed)
        self.runner.start(job)
        return None

    def cancel(self) -> None:
        """Drop the staging under way, if any (its late reports are ignored)."""
        self.generation += 1
        self._steps = None
        self._pending = None
        self._next.stop()

    def _on_planned(self, tag: str, generation: int, plan: RenderPlan) -> None:
        pending = self._pending
        if generation != self.generation or pending is None:
            return
        self._pending = None
        self._start(plan, pending.palette, pending.font, pending.widths)

    def _on_plan_failed(self, tag: str, generation: int, message: str) -> None:
        if generation == self.generation:
            self._pending = None
            self.failed.emit(message)

    def _start(self, plan: RenderPlan, palette: Palette, font: QFont,
               widths: tuple[int, int]) -> None:
        self.plan = plan
        self._steps = staging(plan, palette, font, widths)
        self._next.start()

    def _slice(self) -> None:
        steps = self._steps
        if steps is None:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        try:
            next(steps)  # at least one step per slice
            while time.perf_counter() < deadline:
                next(steps)
        except StopIteration as done:
            self._steps = None
            self.staged.emit(done.value)
            return
        self._next.start()
