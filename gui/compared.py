"""What the comparison job does after ``compare``, off the UI thread, and hands over.

Everything the window would otherwise compute when a result arrives: the rewrite anchors,
the render plan for the view state of the run's start, the reader's corrections mapped
onto the new comparison and, when asked, the rows measured and padded (``prelayout``).

May import: PySide6 (through collatio.gui.prelayout), the standard library,
collatio.core and collatio.gui.{marks,plan,prelayout}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from collatio.core import Comparison, Outcome
from collatio.core.gcpause import exempt_live_objects, gc_paused
from collatio.core.overrides import Overrides, Resolution, resolve

from .marks import prepare_rewrites
from .plan import RenderPlan, ViewState, plan_render
from .prelayout import LaidOut, LayoutRequest, lay_out


@dataclass(frozen=True, slots=True)
class Compared:
    """What the comparison job hands to the UI thread: the comparison and, when it
    completed, what the worker already decided for the view state of the run's start."""

    comparison: Comparison
    plan: RenderPlan | None = None
    overrides: Overrides | None = None  # the corrections the run started with ...
    resolution: Resolution | None = None  # ... mapped onto this comparison
    laid_out: LaidOut | None = None  # the rows measured and padded, if the job was asked to


@gc_paused  # like compare: a full collection over a long comparison would stall the UI thread
def prepare(comparison: Comparison, view: ViewState, overrides: Overrides,
            layout: LayoutRequest | None = None,
            cancelled: Callable[[], bool] = lambda: False) -> Compared:
    """The comparison job's work after ``compare`` (run it off the UI thread); with
    ``layout``, the rows measured and padded too (see ``prelayout``)."""
    if comparison.outcome is not Outcome.COMPLETED:
        return Compared(comparison)
    prepare_rewrites(comparison)  # the rewrite anchors
    plan = plan_render(comparison, view)
    boilerplate = bool(comparison.options.get("include_boilerplate", False))
    resolution = resolve(overrides, comparison.a, comparison.b, boilerplate)
    laid_out = lay_out(plan, layout, cancelled) if layout is not None else None
    exempt_live_objects()  # the window keeps all of it: no collection need walk it again
    return Compared(comparison, plan, overrides, resolution, laid_out)
