"""Row padding and row-mapped scrolling, on hand-measured numbers."""

from __future__ import annotations

import pytest
from collatio.gui.geometry import heights, map_position, paddings


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
