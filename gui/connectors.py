"""Connector bands between the panes: which links to draw, where, and which one a click hits.

Each link shown in a LINK or MOVED row gets one band from the vertical extent of its A
sentences (in the A pane) to the extent of its B sentences (in the B pane); an n:m link is
one band from group to group. A moved link's B sentences are shown beside its A sentences,
so its band is short; a second, thin *origin* band runs from the A sentences to the stub
that marks where the B sentences really are in the revision. Origin bands cross the
others: that is the move, made visible.

As in Meld's linkmap, the painter asks only for the bands that are visible
(``visible_bands``: binary search on the in-order bands, whose extents increase on both
sides; the few origin bands are scanned) and draws only those.

Coordinates: extents are document y (pixels from the top of each pane's document);
``shift_a``/``shift_b`` turn them into gutter y (gutter offset minus scroll value).

Pure: no Qt. May import: the standard library, collatio.core.model and collatio.gui.rows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from collatio.core.model import Comparison

from .rows import Row, RowKind

Extent = tuple[float, float]  # (top, bottom) in document pixels


@dataclass(frozen=True, slots=True)
class Band:
    link: str
    row: int
    kind: str  # the link kind: identical / minor / reworded
    moved: bool
    a: Extent
    b: Extent
    origin: bool = False  # the moved link's band to its place in the revision (a stub row)


def build_bands(comparison: Comparison, rows: Sequence[Row], extents_a: Sequence[Extent],
                extents_b: Sequence[Extent]) -> tuple[tuple[Band, ...], tuple[Band, ...]]:
    """(in-order bands sorted by row, origin bands of moved links)."""
    if len(extents_a) != len(rows) or len(extents_b) != len(rows):
        return (), ()
    kinds = {link.id: link.kind.value for link in comparison.links}
    stub_row = {row.link: k for k, row in enumerate(rows) if row.kind is RowKind.STUB}
    bands: list[Band] = []
    origins: list[Band] = []
    for k, row in enumerate(rows):
        if row.kind not in (RowKind.LINK, RowKind.MOVED) or row.link is None:
            continue
        moved = row.kind is RowKind.MOVED
        bands.append(Band(row.link, k, kinds[row.link], moved, extents_a[k], extents_b[k]))
        if moved and row.link in stub_row:
            s = stub_row[row.link]
            origins.append(Band(row.link, k, kinds[row.link], True, extents_a[k], extents_b[s],
                                origin=True))
    return tuple(bands), tuple(origins)


def _overlaps(extent: Extent, shift: float, top: float, bottom: float) -> bool:
    return extent[1] + shift >= top and extent[0] + shift <= bottom


def visible_bands(bands: Sequence[Band], origins: Sequence[Band], shift_a: float,
                  shift_b: float, height: float, selected: str | None = None) -> list[Band]:
    """The bands touching the gutter (0..height) on either side; in-order ones first.

    In-order bands have increasing extents on both sides, so the visible ones form one
    contiguous range that starts at the first band reaching the top on either side.
    An origin band is shown when one of its ends is visible; one that only passes through
    (both ends off screen) is shown only for the selected link: in a long document dozens
    of far moves would otherwise stripe the gutter and hide the bands that matter.
    """
    bottoms_a = [b.a[1] + shift_a for b in bands]
    bottoms_b = [b.b[1] + shift_b for b in bands]
    start = min(bisect_left(bottoms_a, 0.0), bisect_left(bottoms_b, 0.0))
    out: list[Band] = []
    for band in bands[start:]:
        if band.a[0] + shift_a > height and band.b[0] + shift_b > height:
            break
        if _overlaps(band.a, shift_a, 0.0, height) or _overlaps(band.b, shift_b, 0.0, height):
            out.append(band)
    out.extend(o for o in origins
               if _overlaps(o.a, shift_a, 0.0, height) or _overlaps(o.b, shift_b, 0.0, height)
               or (o.link == selected  # passing through the view
                   and (o.a[0] + shift_a < 0.0) != (o.b[0] + shift_b < 0.0)))
    return out


def curve_x(t: float) -> float:
    """x (as a fraction of the width) of the band edge's cubic at parameter t.

    The edge is the cubic from (0, y0) via (w/2, y0) and (w/2, y1) to (w, y1); its x is
    1.5·t·(1−t) + t³ (of w), which increases with t.
    """
    return 1.5 * t * (1.0 - t) + t**3


def curve_y(t: float, y0: float, y1: float) -> float:
    u = 1.0 - t
    return y0 * (u**3 + 3 * u * u * t) + y1 * (3 * u * t * t + t**3)


def edge_at(fraction: float, y0: float, y1: float) -> float:
    """y of an edge going from y0 (left) to y1 (right) at x = fraction of the width."""
    lo, hi = 0.0, 1.0
    for _ in range(30):  # bisection: x(t) is monotonic
        mid = (lo + hi) / 2
        if curve_x(mid) < fraction:
            lo = mid
        else:
            hi = mid
    return curve_y((lo + hi) / 2, y0, y1)


def ribbon_points(y0: float, y1: float, height: float, samples: int = 16,
                  margin: float = 8.0) -> list[tuple[float, float]]:
    """The centre line of an origin ribbon from y0 (left) to y1 (right), as (x fraction, y)
    points, only over the part that crosses the gutter (0..height, plus a margin).

    A move can span a hundred thousand pixels; a painter given the whole curve rasterises
    all of it (milliseconds per ribbon). y(t) = y0 + (y1 − y0)·(3t² − 2t³) is monotonic, so
    the visible t-range is found by bisection and only that is sampled.
    """
    lo_y, hi_y = -margin, height + margin
    if max(y0, y1) < lo_y or min(y0, y1) > hi_y:
        return []

    def t_at(y: float) -> float:
        # The t where the centre line reaches y (clamped to the ends).
        if (y - y0) * (y1 - y0) <= 0:
            return 0.0
        if (y - y1) * (y0 - y1) <= 0:
            return 1.0
        lo, hi = 0.0, 1.0
        for _ in range(40):
            mid = (lo + hi) / 2
            if (curve_y(mid, y0, y1) - y) * (y1 - y0) < 0:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    t0, t1 = sorted((t_at(lo_y), t_at(hi_y)))
    steps = max(1, samples)
    points = []
    for k in range(steps + 1):
        t = t0 + (t1 - t0) * k / steps
        points.append((curve_x(t), curve_y(t, y0, y1)))
    return points


def band_at(candidates: Sequence[Band], fraction: float, y: float, shift_a: float,
            shift_b: float, slack: float = 2.0) -> Band | None:
    """The band under gutter point (fraction of the width, y), or None.

    Origin bands are drawn on top, so they are tried first; among overlapping bands the
    thinnest wins (it is the one the user can see at that point).
    """
    best: tuple[int, float, Band] | None = None
    for band in candidates:
        top = edge_at(fraction, band.a[0] + shift_a, band.b[0] + shift_b)
        bottom = edge_at(fraction, band.a[1] + shift_a, band.b[1] + shift_b)
        if band.origin:  # drawn as a thin ribbon along the middle of its ends
            mid = (top + bottom) / 2
            top, bottom = mid - 3.0, mid + 3.0
        if top - slack <= y <= bottom + slack:
            key = (0 if band.origin else 1, bottom - top)
            if best is None or key < best[:2]:
                best = (key[0], key[1], band)
    return best[2] if best is not None else None
