"""Row padding and row-mapped scrolling, on hand-measured numbers."""

from __future__ import annotations

import pytest
from collatio.gui.geometry import (
    SideRows,
    align_sides,
    heights,
    map_position,
    padded_rows,
    paddings,
)


def test_heights_from_tops_and_total() -> None:
    assert heights([0, 10, 30], 45) == [10, 20, 15]


# (heights A, heights B, expected pad A, expected pad B), one comment each.
PAD_CASES = [
    # Equal rows need no padding.
    ([10, 20], [10, 20], [0, 0], [0, 0]),
    # The shorter side of each row is padded up to the taller one, row by row.
    ([10, 50], [30, 20], [20, 0], [0, 30]),
    # An empty cell (0 high) is padded to the full height of the other.
    ([0, 12], [40, 12], [40, 0], [0, 0]),
]


@pytest.mark.parametrize(("ha", "hb", "pa", "pb"), PAD_CASES)
def test_paddings(ha: list[float], hb: list[float], pa: list[float], pb: list[float]) -> None:
    assert paddings(ha, hb) == (pa, pb)


def test_paddings_make_rows_start_together() -> None:
    ha, hb = [10.0, 50.0, 5.0], [30.0, 20.0, 8.0]
    pa, pb = paddings(ha, hb)
    tops_a = [sum(h + p for h, p in zip(ha[:k], pa[:k], strict=True)) for k in range(3)]
    tops_b = [sum(h + p for h, p in zip(hb[:k], pb[:k], strict=True)) for k in range(3)]
    assert tops_a == tops_b


def test_paddings_reject_unequal_row_counts() -> None:
    with pytest.raises(ValueError):
        paddings([1.0], [1.0, 2.0])


# Source rows start at 0, 100, 300 (total 400); destination rows at 0, 50, 250 (total 260).
SRC, SRC_TOTAL = [0.0, 100.0, 300.0], 400.0
DST, DST_TOTAL = [0.0, 50.0, 250.0], 260.0
MAP_CASES = [
    # The top of a row maps to the top of the same row.
    (100.0, 50.0),
    # Halfway through row 0 (100 high) maps halfway through row 0 (50 high).
    (50.0, 25.0),
    # A quarter into row 1 (200 high) maps a quarter into row 1 (200 high).
    (150.0, 100.0),
    # Halfway through the last row (100 high, ends at total) maps halfway through 10 px.
    (350.0, 255.0),
    # Past the end clamps to the end of the last row.
    (1000.0, 260.0),
    # Negative positions clamp to 0.
    (-5.0, 0.0),
]


@pytest.mark.parametrize(("y", "expected"), MAP_CASES)
def test_map_position(y: float, expected: float) -> None:
    assert map_position(y, SRC, SRC_TOTAL, DST, DST_TOTAL) == pytest.approx(expected)


def test_map_position_is_identity_when_rows_are_equal() -> None:
    for y in (0.0, 33.0, 120.0, 399.0):
        assert map_position(y, SRC, SRC_TOTAL, SRC, SRC_TOTAL) == pytest.approx(y)


def test_map_position_without_rows_uses_the_same_fraction() -> None:
    assert map_position(50.0, [], 100.0, [], 300.0) == pytest.approx(150.0)


# (row tops, extents, total, pads, expected tops, expected extents, expected total).
PADDED_CASES = [
    # No padding: nothing moves.
    ((0.0, 10.0), ((0.0, 8.0), (10.0, 15.0)), 20.0, (0.0, 0.0),
     (0.0, 10.0), ((0.0, 8.0), (10.0, 15.0)), 20.0),
    # The first row's padding moves the second row down; the text keeps its height.
    ((0.0, 10.0), ((0.0, 8.0), (10.0, 15.0)), 20.0, (5.0, 0.0),
     (0.0, 15.0), ((0.0, 8.0), (15.0, 20.0)), 25.0),
    # The last row's padding only lengthens the document.
    ((0.0, 10.0), ((0.0, 8.0), (10.0, 15.0)), 20.0, (0.0, 7.0),
     (0.0, 10.0), ((0.0, 8.0), (10.0, 15.0)), 27.0),
    # Paddings add up down the document.
    ((4.0, 10.0, 30.0), ((4.0, 9.0), (10.0, 28.0), (30.0, 31.0)), 40.0, (1.0, 2.0, 3.0),
     (4.0, 11.0, 33.0), ((4.0, 9.0), (11.0, 29.0), (33.0, 34.0)), 46.0),
]


@pytest.mark.parametrize(("tops", "extents", "total", "pads", "want_tops", "want_extents",
                          "want_total"), PADDED_CASES)
def test_padded_rows(tops: tuple[float, ...], extents: tuple[tuple[float, float], ...],
                     total: float, pads: tuple[float, ...], want_tops: tuple[float, ...],
                     want_extents: tuple[tuple[float, float], ...], want_total: float) -> None:
    assert padded_rows(SideRows(tops, extents, total), pads) == SideRows(
        want_tops, want_extents, want_total)


def test_padded_rows_need_one_padding_per_row() -> None:
    with pytest.raises(ValueError):
        padded_rows(SideRows((0.0,), ((0.0, 1.0),), 2.0), (1.0, 1.0))


def test_aligned_sides_start_every_row_together() -> None:
    a = SideRows((12.0, 30.0, 90.0), ((12.0, 25.0), (30.0, 85.0), (90.0, 95.0)), 110.0)
    b = SideRows((12.0, 60.0, 70.0), ((12.0, 55.0), (60.0, 65.0), (70.0, 100.0)), 115.0)
    padded_a, padded_b, pad_a, pad_b = align_sides(a, b)
    assert padded_a.tops == padded_b.tops == (12.0, 60.0, 120.0)
    assert padded_a.total == padded_b.total == 165.0
    assert (pad_a, pad_b) == ([30.0, 0.0, 25.0], [0.0, 50.0, 0.0])
    # Each text keeps its own height, moved with its row.
    assert padded_b.extents[2] == (120.0, 150.0) and padded_a.extents[1] == (60.0, 115.0)
