"""'Show changes only': folding runs of unchanged rows (pure, no display)."""

from __future__ import annotations

from dataclasses import replace

from collatio.core.model import Comparison, FigureChange, LinkKind, Side
from collatio.gui.cells import plan_side
from collatio.gui.layoutopts import fold_unchanged
from collatio.gui.rows import Hidden, Row, RowKind, build_rows

from .factory import L, make

SAME, M, R = LinkKind.IDENTICAL, LinkKind.MINOR, LinkKind.REWORDED


def _doc(kinds: list[LinkKind]) -> Comparison:
    sents = [f"S{k}." for k in range(len(kinds))]
    return make([sents], [sents], [L((k,), (k,), kind) for k, kind in enumerate(kinds)])


def _shape(rows: tuple[Row, ...]) -> list[str]:
    out = []
    for row in rows:
        if row.a and isinstance(row.a[0], Hidden):
            out.append(f"fold{len(row.a[0].sentences)}")
        else:
            out.append(row.link or "")
    return out


def test_fold_keeps_context_around_changes() -> None:
    c = _doc([SAME, SAME, SAME, SAME, SAME, R, SAME, SAME, SAME, SAME, SAME, SAME, R, SAME, SAME, SAME])
    got = _shape(fold_unchanged(c, build_rows(c), context=1))
    # Before the first change no context is needed above: 4 folded, 1 kept; between the
    # changes 6 unchanged → 1 + fold of 4 + 1; after the last, 1 kept and 2 folded.
    assert got == ["fold4", "l4", "l5", "l6", "fold4", "l11", "l12", "l13", "fold2"]


def test_short_runs_are_not_folded() -> None:
    c = _doc([R, SAME, SAME, SAME, R])
    assert _shape(fold_unchanged(c, build_rows(c), context=1)) == ["l0", "l1", "l2", "l3", "l4"]


def test_context_zero_and_hide_minor() -> None:
    c = _doc([SAME, M, SAME, R, SAME])
    assert _shape(fold_unchanged(c, build_rows(c), context=0)) == ["l0", "l1", "l2", "l3", "l4"]
    # With minor hidden, the first three rows are one unchanged run.
    got = _shape(fold_unchanged(c, build_rows(c), context=0, hide_minor=True))
    assert got == ["fold3", "l3", "l4"]


def test_all_identical_folds_into_one_placeholder_with_its_text() -> None:
    c = _doc([SAME] * 12)
    rows = fold_unchanged(c, build_rows(c), context=2)
    assert _shape(rows) == ["fold12"] and rows[0].kind is RowKind.GAP
    blocks = plan_side(c, rows, Side.A)
    assert blocks[0].text == "⋯ 12 unchanged sentences"


def test_removed_and_added_rows_are_changes() -> None:
    c = make([["S0.", "S1.", "S2.", "S3.", "Gone."]], [["S0.", "S1.", "S2.", "S3."]],
             [L((k,), (k,), SAME) for k in range(4)])
    rows = fold_unchanged(c, build_rows(c), context=1)
    assert _shape(rows) == ["fold3", "l3", ""]
    assert rows[-1].a == ("a.s4",)


def test_a_minor_link_that_changed_a_figure_is_never_folded() -> None:
    # "3 Jahre" → "4 Jahre" is a minor edit by its words, but a changed figure.
    c = _doc([SAME, SAME, M, SAME, SAME])
    assert _shape(fold_unchanged(c, build_rows(c), context=0, hide_minor=True)) == ["fold5"]
    flagged = replace(c.links[2], figure_changes=(FigureChange("changed", (1, 2), (1, 2), "l2"),))
    c = replace(c, links=(*c.links[:2], flagged, *c.links[3:]))
    assert _shape(fold_unchanged(c, build_rows(c), context=0, hide_minor=True)) == [
        "fold2", "l2", "fold2"]
