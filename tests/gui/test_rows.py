"""The row model: which sentences start at the same height, in which order."""

from __future__ import annotations

import pytest
from collatio.core import Comparison, compare
from collatio.core.model import Role
from collatio.gui.rows import Hidden, Row, RowKind, build_rows
from hypothesis import given, settings
from hypothesis import strategies as st

from .factory import L, make

S3 = [["A0.", "A1.", "A2."]]
B3 = [["B0.", "B1.", "B2."]]

# (name, comparison, show_boilerplate, expected rows as (kind, a, b, link)), one comment each.
CASES = [
    # Every sentence linked in order: one LINK row per link, nothing else.
    ("all linked", make(S3, B3, [L((0,), (0,)), L((1,), (1,)), L((2,), (2,))]), True,
     [("link", ("a.s0",), ("b.s0",), "l0"), ("link", ("a.s1",), ("b.s1",), "l1"),
      ("link", ("a.s2",), ("b.s2",), "l2")]),
    # B added a sentence in the middle: a GAP row with an empty A cell between the links.
    ("added in middle", make([["A0.", "A1."]], B3, [L((0,), (0,)), L((1,), (2,))]), True,
     [("link", ("a.s0",), ("b.s0",), "l0"), ("gap", (), ("b.s1",), None),
      ("link", ("a.s1",), ("b.s2",), "l1")]),
    # A's last sentence was dropped: a trailing GAP row with an empty B cell.
    ("removed at end", make(S3, [["B0.", "B1."]], [L((0,), (0,)), L((1,), (1,))]), True,
     [("link", ("a.s0",), ("b.s0",), "l0"), ("link", ("a.s1",), ("b.s1",), "l1"),
      ("gap", ("a.s2",), (), None)]),
    # A sentence replaced by an unrelated one: both sit in one GAP row, side by side.
    ("replaced", make(S3, B3, [L((0,), (0,)), L((2,), (2,))]), True,
     [("link", ("a.s0",), ("b.s0",), "l0"), ("gap", ("a.s1",), ("b.s1",), None),
      ("link", ("a.s2",), ("b.s2",), "l1")]),
    # A split into two (1:n): one LINK row holds both B sentences.
    ("split 1:2", make([["A0.", "A1."]], B3, [L((0,), (0, 1)), L((1,), (2,))]), True,
     [("link", ("a.s0",), ("b.s0", "b.s1"), "l0"), ("link", ("a.s1",), ("b.s2",), "l1")]),
    # Two merged into one (n:1): one LINK row holds both A sentences.
    ("merge 2:1", make(S3, [["B0.", "B1."]], [L((0, 1), (0,)), L((2,), (1,))]), True,
     [("link", ("a.s0", "a.s1"), ("b.s0",), "l0"), ("link", ("a.s2",), ("b.s1",), "l1")]),
    # A0 moved to B's end: MOVED row at A's position pairs it with B2; a STUB marks B2's
    # real place, after B1.
    ("moved to end", make(S3, B3, [L((0,), (2,), moved=True), L((1,), (0,)), L((2,), (1,))]),
     True,
     [("moved", ("a.s0",), ("b.s2",), "l0"), ("link", ("a.s1",), ("b.s0",), "l1"),
      ("link", ("a.s2",), ("b.s1",), "l2"), ("stub", (), (), "l0")]),
    # Crossing links core did not flag: the longest in-order run (l1, l2) stays anchored
    # and the odd one out (l0) is shown as moved, exactly as if core had flagged it.
    ("crossing, unflagged", make(S3, B3, [L((0,), (2,)), L((1,), (0,)), L((2,), (1,))]), True,
     [("moved", ("a.s0",), ("b.s2",), "l0"), ("link", ("a.s1",), ("b.s0",), "l1"),
      ("link", ("a.s2",), ("b.s1",), "l2"), ("stub", (), (), "l0")]),
    # Boilerplate shown: it sits in the gap like any unlinked sentence.
    ("boilerplate shown",
     make([["A0."], (Role.BOILERPLATE, ["Ad.", "More ad."]), ["A1."]], [["B0.", "B1."]],
          [L((0,), (0,)), L((3,), (1,))]), True,
     [("link", ("a.s0",), ("b.s0",), "l0"), ("gap", ("a.s1", "a.s2"), (), None),
      ("link", ("a.s3",), ("b.s1",), "l1")]),
    # Boilerplate hidden: the run collapses into one Hidden entry.
    ("boilerplate hidden",
     make([["A0."], (Role.BOILERPLATE, ["Ad.", "More ad."]), ["A1."]], [["B0.", "B1."]],
          [L((0,), (0,)), L((3,), (1,))]), False,
     [("link", ("a.s0",), ("b.s0",), "l0"), ("gap", (Hidden(("a.s1", "a.s2")),), (), None),
      ("link", ("a.s3",), ("b.s1",), "l1")]),
    # No links at all: one GAP row with everything, both sides starting together.
    ("nothing linked", make([["A0."]], [["B0."]]), True, [("gap", ("a.s0",), ("b.s0",), None)]),
    # A non-contiguous link (A0+A2): A1 is not lost, it follows in a gap.
    ("non-contiguous", make(S3, [["B0."]], [L((0, 2), (0,))]), True,
     [("link", ("a.s0", "a.s2"), ("b.s0",), "l0"), ("gap", ("a.s1",), (), None)]),
]


@pytest.mark.parametrize(("name", "comparison", "show", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_build_rows(
    name: str, comparison: Comparison, show: bool, expected: list[tuple[object, ...]]
) -> None:
    rows = build_rows(comparison, show_boilerplate=show)
    assert [(r.kind.value, r.a, r.b, r.link) for r in rows] == expected


def _shown_once(rows: tuple[Row, ...], side: str) -> list[str]:
    return [sid for row in rows for sid in row.sentence_ids(side)]


def test_every_sentence_of_the_sample_shown_exactly_once(sample_comparison: Comparison) -> None:
    rows = build_rows(sample_comparison)
    for side, doc in (("a", sample_comparison.a), ("b", sample_comparison.b)):
        shown = _shown_once(rows, side)
        assert sorted(shown) == sorted(s.id for s in doc.sentences)
        assert len(shown) == len(set(shown))


def test_tiny_real_comparison_keeps_order() -> None:
    """On a real (tiny) comparison, A reads in order and the added sentence is a gap row."""
    a = "Der Hund bellt laut im Garten. Die Katze schläft auf dem Sofa."
    b = ("Der Hund bellt laut im Garten. Völlig neue Zeile über Börsenkurse heute. "
         "Die Katze schläft auf dem Sofa.")
    rows = build_rows(compare(a, b))
    assert [r.kind for r in rows] == [RowKind.LINK, RowKind.GAP, RowKind.LINK]
    assert rows[1].b == ("b.s1",) and rows[1].a == ()


POOL = [f"Satz {w} über das Thema {k}." for k, w in enumerate(
    ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht"])]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=6),
       st.lists(st.sampled_from(POOL), min_size=1, max_size=6))
def test_rows_cover_each_side_once_and_in_order(picks_a: list[str], picks_b: list[str]) -> None:
    """Whatever the aligner does, every sentence is shown once and A reads in order."""
    comparison = compare(" ".join(picks_a), " ".join(picks_b))
    rows = build_rows(comparison)
    for side, doc in (("a", comparison.a), ("b", comparison.b)):
        shown = _shown_once(rows, side)
        assert sorted(shown) == sorted(s.id for s in doc.sentences)
    order_a = [doc_index for row in rows for doc_index in
               (comparison.a.sentence(s).index for s in row.sentence_ids("a"))]
    assert order_a == sorted(order_a)
