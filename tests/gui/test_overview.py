"""Overview map geometry (pure, no display)."""

from __future__ import annotations

import pytest
from collatio.gui.navigation import Change, ChangeKind
from collatio.gui.overview import (
    MIN_MARK,
    change_rects,
    map_extent,
    scroll_for,
    to_document,
    to_strip,
    viewport_rect,
)


def _change(row: int, kind: ChangeKind, quote: bool = False) -> Change:
    kinds = frozenset({kind, ChangeKind.QUOTE} if quote else {kind})
    return Change(row, kind, kinds, None, (), (), "")


def test_document_and_strip_positions_are_proportional() -> None:
    assert to_strip(500.0, 10_000.0, 400.0) == pytest.approx(20.0)
    assert to_document(20.0, 10_000.0, 400.0) == pytest.approx(500.0)
    assert to_document(-5.0, 10_000.0, 400.0) == 0.0  # clamped
    assert to_document(999.0, 10_000.0, 400.0) == 10_000.0
    assert to_strip(10.0, 0.0, 400.0) == 0.0  # empty document: no division by zero


def test_change_rects_cover_their_rows_and_stay_visible() -> None:
    tops = [0.0, 100.0, 110.0, 5000.0]
    total = 10_000.0
    rects = change_rects([_change(0, ChangeKind.REMOVED), _change(1, ChangeKind.ADDED),
                          _change(3, ChangeKind.REWORDED, quote=True)], tops, total, 400.0)
    assert [(r.kind, round(r.y, 2), round(r.height, 2)) for r in rects] == [
        (ChangeKind.REMOVED, 0.0, 4.0),  # rows 0..100 of 10 000 px → 4 px of 400
        (ChangeKind.ADDED, 4.0, MIN_MARK),  # 10 px → 0.4 px, shown at the 2 px minimum
        (ChangeKind.REWORDED, 200.0, 200.0),  # the last row runs to the document's end
        (ChangeKind.QUOTE, 200.0, 200.0),  # quote markers come after (drawn on top)
    ]


def test_change_rects_skip_rows_out_of_range() -> None:
    assert change_rects([_change(7, ChangeKind.ADDED)], [0.0, 10.0], 20.0, 100.0) == []


def test_a_minimum_mark_at_the_very_end_stays_inside_the_strip() -> None:
    rects = change_rects([_change(1, ChangeKind.ADDED)], [0.0, 9999.0], 10_000.0, 400.0)
    assert rects[0].y + rects[0].height <= 400.0


def test_viewport_rect_and_click_to_scroll() -> None:
    assert viewport_rect(2500.0, 1000.0, 10_000.0, 400.0) == pytest.approx((100.0, 40.0))
    assert viewport_rect(0.0, 1000.0, 0.0, 400.0) == (0.0, 400.0)
    # A click at strip y=200 (document 5000) centres the 1000 px viewport there.
    assert scroll_for(200.0, 1000.0, 10_000.0, 400.0) == pytest.approx(4500.0)
    assert scroll_for(0.0, 1000.0, 10_000.0, 400.0) == 0.0
    assert scroll_for(400.0, 1000.0, 10_000.0, 400.0) == pytest.approx(9000.0)


@pytest.mark.parametrize(("total", "viewport", "extent"), [
    (10_000.0, 600.0, 10_000.0),  # a long document: the strip stands for all of it
    (240.0, 600.0, 600.0),  # a short one: for the viewport, marks where the text is
    (600.0, 600.0, 600.0),  # exactly one screen
])
def test_map_extent(total: float, viewport: float, extent: float) -> None:
    assert map_extent(total, viewport) == extent
    # A change at the top of a short text stays at the top of the strip.
    (rect,) = change_rects([_change(0, ChangeKind.REWORDED)], [0.0, 48.0], map_extent(total, viewport), 600.0)
    assert rect.y == 0.0 and rect.height == pytest.approx(max(MIN_MARK, 48.0 * 600.0 / extent))
