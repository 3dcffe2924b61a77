"""Run work off the UI thread and report back through Qt signals, tagged with a generation.

The UI thread never computes: loading files and comparing run in a ``QThreadPool``. Each
job carries the generation number it was started with; the receiver drops reports whose
generation is no longer current, so a slow old run can never overwrite a newer result.

May import: PySide6 and the standard library.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[float, str], None]
Work = Callable[[Progress], Any]


class JobSignals(QObject):
    """Signals of one job; emitted from the worker thread, delivered queued to the UI."""

    progress = Signal(str, int, float, str)  # tag, generation, fraction, stage
    finished = Signal(str, int, object)  # tag, generation, result
    failed = Signal(str, int, str)  # tag, generation, one-line message


class Job(QRunnable):
    """One unit of work. Connect its signals to methods of a QObject living in the UI
    thread (not to lambdas), so Qt queues the reports into that thread."""

    def __init__(self, tag: str, generation: int, work: Work) -> None:
        super().__init__()
        self.tag = tag
        self.generation = generation
        self.work = work
        self.signals = JobSignals()

    def run(self) -> None:
        def progress(fraction: float, stage: str) -> None:
            self.signals.progress.emit(self.tag, self.generation, fraction, stage)

        try:
            result = self.work(progress)
        except Exception as exc:  # reported to the user, never swallowed silently
            message = str(exc) or type(exc).__name__
            self.signals.failed.emit(self.tag, self.generation, message)
            return
        self.signals.finished.emit(self.tag, self.generation, result)


class JobRunner(QObject):
    """Starts jobs on a private pool and keeps them alive until they report."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        # Python must own recent jobs (and their signal objects) until their queued reports
        # are delivered; a short history is enough and needs no cross-thread bookkeeping.
        self._recent: deque[Job] = deque(maxlen=32)

    def start(self, job: Job) -> Job:
        job.setAutoDelete(False)
        self._recent.append(job)
        self.pool.start(job)
        return job

    def wait(self, msecs: int = 5000) -> bool:
        return bool(self.pool.waitForDone(msecs))
