"""Checks shared by the tests of rows laid out in a worker (prelayout, relayout)."""

from __future__ import annotations

from collatio.core import Side
from collatio.gui.plan import RenderPlan
from collatio.gui.prelayout import LaidOut
from collatio.gui.textdoc import row_extents
from collatio.gui.window import MainWindow

SIDES = (Side.A, Side.B)


def largest_gap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    assert len(a) == len(b)
    return max(abs(x - y) for ea, eb in zip(a, b, strict=True) for x, y in zip(ea, eb, strict=True))


def assert_shown_as_measured(window: MainWindow, plan: RenderPlan, laid: LaidOut) -> None:
    """The window shows ``laid``'s rows, and they are where the panes' own layout puts them."""
    assert window.shown_laid_out
    for k, side in enumerate(SIDES):
        doc = window.panes[side].view.document()
        # Measured again through the pane's own layout, at the pane's width.
        shown = row_extents(doc, plan.first_blocks(side))
        assert largest_gap(shown, list(laid.geometry.extents[k])) < 0.5
        assert window.aligner.extents[k] == list(laid.geometry.extents[k])
    tops_a, tops_b = window.aligner.tops
    assert len(tops_a) == len(plan.rows) and tops_a[-1] > tops_a[0] + 1000  # spread down the page
    assert max(abs(a - b) for a, b in zip(tops_a, tops_b, strict=True)) < 0.5  # padded to match
