"""Everything a render needs that is pure computation, decided in one call: a ``RenderPlan``.

The comparison job computes the plan in the worker, for the view options captured when the
run started (``ViewState``); the window then only builds the Qt documents and aligns them.
When the options changed meanwhile (or on a later toggle) the window plans again with the
same function, so both paths give the same result.

Pure: no Qt. May import: the standard library, collatio.core.model and
collatio.gui.{cells,layoutopts,navigation,rows}.
"""

from __future__ import annotations

from dataclasses import dataclass

from collatio.core.model import Comparison, Side

from .cells import Block, plan_side
from .layoutopts import fold_unchanged
from .navigation import Change, changes
from .rows import Row, build_rows


@dataclass(frozen=True, slots=True)
class ViewState:
    """The view options a plan depends on."""

    show_boilerplate: bool = True
    changes_only: bool = False
    hide_minor: bool = False


@dataclass(frozen=True, slots=True)
class RenderPlan:
    comparison: Comparison
    view: ViewState
    rows: tuple[Row, ...]
    blocks_a: tuple[Block, ...]
    blocks_b: tuple[Block, ...]
    changes: tuple[Change, ...]

    def blocks(self, side: Side) -> tuple[Block, ...]:
        return self.blocks_a if side is Side.A else self.blocks_b

    def first_blocks(self, side: Side) -> list[int]:
        """Block numbers of each row's first block (what the aligner pads)."""
        return [n for n, b in enumerate(self.blocks(side)) if b.first_in_row]

    def fits(self, comparison: Comparison, view: ViewState) -> bool:
        return self.comparison is comparison and self.view == view


def plan_render(comparison: Comparison, view: ViewState) -> RenderPlan:
    """Rows (folded when showing changes only), both sides' blocks and the changes."""
    rows = build_rows(comparison, show_boilerplate=view.show_boilerplate)
    if view.changes_only:
        rows = fold_unchanged(comparison, rows, hide_minor=view.hide_minor)
    return RenderPlan(
        comparison,
        view,
        rows,
        plan_side(comparison, rows, Side.A, hide_minor=view.hide_minor),
        plan_side(comparison, rows, Side.B, hide_minor=view.hide_minor),
        changes(comparison, rows, hide_minor=view.hide_minor),
    )
