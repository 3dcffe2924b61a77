"""Connector bands: which are visible, and which one a click hits (pure, no display)."""

from __future__ import annotations

import pytest
from collatio.core.model import LinkKind
from collatio.gui.connectors import (
    Band,
    band_at,
    build_bands,
    edge_at,
    ribbon_points,
    visible_bands,
)
from collatio.gui.rows import build_rows

from .factory import L, make


def _bands(n: int, height: float = 50.0) -> tuple[Band, ...]:
    # In-order bands, one per 60 px on A; B rows are 10 px lower (shorter cells padded).
    return tuple(Band(f"l{k}", k, "reworded", False, (k * 60.0, k * 60.0 + height),
                      (k * 60.0 + 10, k * 60.0 + height)) for k in range(n))


def test_visible_bands_are_those_touching_the_gutter_on_either_side() -> None:
    bands = _bands(1000)
    # Scrolled 6000 px down on both sides, 300 px tall: row 99 ends at 5990 (above), row 100
    # starts at 6000, row 105 at 6300 (touching the bottom), row 106 below.
    got = [b.link for b in visible_bands(bands, (), -6000.0, -6000.0, 300.0)]
    assert got == [f"l{k}" for k in range(100, 106)]
    # The B side scrolled less (its top shows row 90's end): bands visible on B count too.
    got = [b.link for b in visible_bands(bands, (), -6000.0, -5420.0, 300.0)]
    assert got[0] == "l90" and got[-1] == "l105"


def test_no_bands_when_nothing_visible() -> None:
    assert visible_bands(_bands(10), (), -10_000.0, -10_000.0, 300.0) == []
    assert visible_bands((), (), 0.0, 0.0, 300.0) == []


def test_origin_band_passing_through_shows_only_when_selected() -> None:
    origin = Band("m", 0, "identical", True, (-500.0, -450.0), (900.0, 920.0), origin=True)
    assert visible_bands((), (origin,), 0.0, 0.0, 300.0) == []
    assert visible_bands((), (origin,), 0.0, 0.0, 300.0, selected="m") == [origin]
    one_end = Band("n", 0, "identical", True, (-500.0, -450.0), (100.0, 120.0), origin=True)
    assert visible_bands((), (one_end,), 0.0, 0.0, 300.0) == [one_end]
    far = Band("m", 0, "identical", True, (900.0, 950.0), (1000.0, 1020.0), origin=True)
    assert visible_bands((), (far,), 0.0, 0.0, 300.0) == []


def test_edge_follows_the_curve_from_left_to_right() -> None:
    assert edge_at(0.0, 10.0, 110.0) == pytest_approx(10.0)
    assert edge_at(1.0, 10.0, 110.0) == pytest_approx(110.0)
    assert edge_at(0.5, 10.0, 110.0) == pytest_approx(60.0)  # symmetric cubic: midpoint
    assert 10.0 < edge_at(0.25, 10.0, 110.0) < 60.0


def pytest_approx(value: float) -> object:
    return pytest.approx(value, abs=0.5)


def test_band_at_hits_the_band_under_the_point() -> None:
    bands = _bands(5)
    assert band_at(bands, 0.0, 70.0, 0.0, 0.0) == bands[1]  # left edge: A extent 60..110
    assert band_at(bands, 1.0, 65.0, 0.0, 0.0) is None  # right edge: B starts at 70
    assert band_at(bands, 1.0, 75.0, 0.0, 0.0) == bands[1]
    assert band_at(bands, 0.5, 200.0, 0.0, 0.0) == bands[3]
    assert band_at(bands, 0.5, 57.0, 0.0, 0.0) is None  # between bands (slack 2 px)
    assert band_at(bands, 0.5, 170.0, -100.0, -100.0) == bands[4]  # scrolled by 100


def test_origin_band_wins_over_the_band_below_it() -> None:
    under = Band("l0", 0, "identical", False, (0.0, 300.0), (0.0, 300.0))
    origin = Band("m", 1, "reworded", True, (0.0, 20.0), (280.0, 300.0), origin=True)
    # At the middle of the gutter the origin ribbon is around y = (10 + 290) / 2 = 150.
    assert band_at([under, origin], 0.5, 150.0, 0.0, 0.0) == origin
    assert band_at([under, origin], 0.5, 100.0, 0.0, 0.0) == under


def test_build_bands_makes_one_band_per_link_row_and_an_origin_per_move() -> None:
    c = make([["P.", "Q.", "R."]], [["Q.", "R.", "P."]],
             [L((0,), (2,), LinkKind.IDENTICAL, moved=True), L((1,), (0,), LinkKind.IDENTICAL),
              L((2,), (1,), LinkKind.MINOR)])
    rows = build_rows(c)
    extents = [(k * 20.0, k * 20.0 + 15) for k in range(len(rows))]
    bands, origins = build_bands(c, rows, extents, extents)
    assert [(b.link, b.moved) for b in bands] == [("l0", True), ("l1", False), ("l2", False)]
    stub = next(k for k, r in enumerate(rows) if r.kind.value == "stub")
    assert len(origins) == 1 and origins[0].b == extents[stub] and origins[0].a == extents[0]
    # Mismatched extents (a render in progress): no bands rather than wrong ones.
    assert build_bands(c, rows, extents[:-1], extents) == ((), ())


def test_ribbon_points_cover_only_the_visible_part_of_a_long_move() -> None:
    points = ribbon_points(-100_000.0, 250_000.0, 300.0, samples=8)
    ys = [y for _, y in points]
    assert len(points) == 9 and ys == sorted(ys)
    assert -9.0 <= ys[0] <= -7.0 and 307.0 <= ys[-1] <= 309.0  # clipped to the margin
    assert all(0.0 <= x <= 1.0 for x, _ in points)
    # A short ribbon inside the view is sampled end to end, from x=0 to x=1.
    short = ribbon_points(50.0, 120.0, 300.0, samples=4)
    assert short[0] == pytest.approx((0.0, 50.0)) and short[-1] == pytest.approx((1.0, 120.0))
    assert ribbon_points(400.0, 900.0, 300.0) == []  # entirely below
