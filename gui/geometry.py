"""Row geometry: how much to pad each cell, and where a scroll position maps to.

The view measures, on each side, where each row starts (``tops``, one per row, in pixels,
increasing) and how tall the whole document is. From those numbers alone:

* ``paddings`` says how much space to add below each cell so both cells of a row are as
  tall as the taller one (rows then start at the same height on both sides);
* ``map_position`` maps a vertical position on one side to the other side by row: the
  same row, the same fraction of the way through it. After padding it is the identity;
  while padding is stale (during a resize) it still keeps the same row in view.

Pure: no Qt. May import: the standard library.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def heights(tops: Sequence[float], total: float) -> list[float]:
    """Row heights from row tops and the document height."""
    ends = [*tops[1:], total]
    return [max(0.0, end - top) for top, end in zip(tops, ends, strict=True)]


def _height(tops: Sequence[float], total: float, row: int) -> float:
    end = tops[row + 1] if row + 1 < len(tops) else total
    return max(0.0, end - tops[row])


def paddings(
    heights_a: Sequence[float], heights_b: Sequence[float]
) -> tuple[list[float], list[float]]:
    """Extra space below each cell so both cells of every row are equally tall."""
    if len(heights_a) != len(heights_b):
        raise ValueError("both sides must have the same number of rows")
    pad_a = [max(0.0, hb - ha) for ha, hb in zip(heights_a, heights_b, strict=True)]
    pad_b = [max(0.0, ha - hb) for ha, hb in zip(heights_a, heights_b, strict=True)]
    return pad_a, pad_b


def map_position(
    y: float,
    src_tops: Sequence[float],
    src_total: float,
    dst_tops: Sequence[float],
    dst_total: float,
) -> float:
    """The position on the destination side showing what ``y`` shows on the source side."""
    if len(src_tops) != len(dst_tops):
        raise ValueError("both sides must have the same number of rows")
    if not src_tops:
        # No rows: fall back to the same fraction of the document.
        return y / src_total * dst_total if src_total > 0 else 0.0
    if y <= src_tops[0]:
        return max(0.0, dst_tops[0] + (y - src_tops[0]))
    row = bisect_right(src_tops, y) - 1
    src_h = _height(src_tops, src_total, row)
    dst_h = _height(dst_tops, dst_total, row)
    fraction = (y - src_tops[row]) / src_h if src_h > 0 else 0.0
    return dst_tops[row] + min(1.0, fraction) * dst_h
