"""Render a long comparison again in a worker: after a resize, a view toggle, a zoom step,
a theme or a font change.

Rendering anew on the UI thread means building both documents, laying them out in full
and padding every row. On the DEplain ×1 book pair (2,000 rows) that froze the window
for 0.29 s after a resize, 0.39 s after a zoom step and 0.72 s after the boilerplate
toggle, and four times that on ×4. For a long comparison (``renders_off_thread``) the
window keeps showing what it shows while a job plans the rows (if a view option
changed), builds the documents, lays them out and pads them (``prelayout.lay_out``), as
the comparison job does for a new result; the window then shows them the same way. A
short comparison is rendered at once, as before: that takes a few milliseconds, and the
view changes without a delay.

What a job renders for is captured on the UI thread when it starts. A newer request
cancels the older job, and a result is shown only if it is still for the current
request (``BackgroundRender.generation``); the window also checks that it still fits
what it shows.

May import: PySide6, the standard library, collatio.core and
collatio.gui.{jobs,plan,prelayout}.
"""

from __future__ import annotations

from collections.abc import Callable

from collatio.core import CancelToken, Comparison
from collatio.core.gcpause import gc_paused
from PySide6.QtCore import QObject, Signal

from .jobs import Job, JobRunner, Progress
from .plan import RenderPlan, ViewState, plan_render
from .prelayout import LaidOut, LayoutRequest, lay_out

# Both texts together, in characters. The sample pair has 9,000 and renders on the UI
# thread in about 10 ms; rendering costs about 1 ms per 1,000 characters, so up to this
# size the window stalls for no more than about 60 ms.
OFF_THREAD_CHARS = 60_000


def renders_off_thread(comparison: Comparison) -> bool:
    """Whether the window renders ``comparison`` again in a worker rather than at once."""
    return len(comparison.a.text) + len(comparison.b.text) > OFF_THREAD_CHARS


class BackgroundRender(QObject):
    """Plans and lays out a comparison in the job pool and hands the result to ``show``."""

    busy_changed = Signal(bool)  # a job started (True) or the last one ended (False)
    failed = Signal(str)  # the job's one-line message; nothing was shown

    def __init__(self, runner: JobRunner, show: Callable[[LaidOut], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._show = show
        self.generation = 0
        self._token: CancelToken | None = None

    @property
    def pending(self) -> bool:
        return self._token is not None

    def start(self, comparison: Comparison, plan: RenderPlan | None, view: ViewState,
              request: LayoutRequest) -> None:
        """Render ``comparison`` for ``view`` and ``request``; ``plan`` is reused if it
        fits the view. An older job still running is cancelled."""
        was_pending = self.pending
        self._stop()
        token = self._token = CancelToken()

        @gc_paused  # a collection in the worker holds the GIL: the UI thread would stall
        def work(_progress: Progress) -> LaidOut | None:
            fitting = plan if plan is not None and plan.fits(comparison, view) else None
            fitting = fitting or plan_render(comparison, view)
            return lay_out(fitting, request, lambda: token.cancelled)

        job = Job("render", self.generation, work)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._runner.start(job)
        if not was_pending:
            self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Stop the job in progress, if any; its result will not be shown."""
        if self._stop():
            self.busy_changed.emit(False)

    def _stop(self) -> bool:
        self.generation += 1
        token, self._token = self._token, None
        if token is None:
            return False
        token.cancel()
        return True

    def _on_finished(self, tag: str, generation: int, laid: LaidOut | None) -> None:
        if generation != self.generation:
            return  # cancelled, or a newer request came in
        self._token = None
        self.busy_changed.emit(False)
        if laid is not None:
            self._show(laid)

    def _on_failed(self, tag: str, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self._token = None
        self.busy_changed.emit(False)
        self.failed.emit(message)
