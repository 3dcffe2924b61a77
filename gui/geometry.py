"""Row geometry: how much to pad each cell, and where a scroll position maps to.

The view measures, on each side, where each row starts (``tops``, one per row, in pixels,
increasing) and how tall the whole document is. From those numbers alone:

* ``paddings`` says how much space to add below each cell so both cells of a row are as
  tall as the taller one (rows then start at the same height on both sides);
* ``padded_rows`` says where the rows of a side will lie once padded, from what was
  measured before padding: each padding moves everything below it down by itself;
* ``map_position`` maps a vertical position on one side to the other side by row: the
  same row, the same fraction of the way through it. After padding it is the identity;
  while padding is stale (during a resize) it still keeps the same row in view.

Pure: no Qt. May import: the standard library.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate


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


@dataclass(frozen=True, slots=True)
class SideRows:
    """Where one side's rows lie: each row's top, its text's (top, bottom) and the
    document's height."""

    tops: tuple[float, ...]
    extents: tuple[tuple[float, float], ...]
    total: float


def padded_rows(measured: SideRows, pads: Sequence[float]) -> SideRows:
    """``measured`` (before padding) once each row ``k`` has ``pads[k]`` of space below it.

    The padding of a row sits above the next row (``textdoc.building``), so it moves
    every later row down; the last row's padding lengthens the document."""
    if len(pads) != len(measured.tops):
        raise ValueError("one padding per row")
    shift = [0.0, *accumulate(pads)]  # shift[k]: the padding of the rows above row k
    return SideRows(
        tuple(top + shift[k] for k, top in enumerate(measured.tops)),
        tuple((top + shift[k], bottom + shift[k])
              for k, (top, bottom) in enumerate(measured.extents)),
        measured.total + shift[-1],
    )


def align_sides(a: SideRows, b: SideRows) -> tuple[SideRows, SideRows, list[float], list[float]]:
    """Both sides padded so every row is as tall as its taller cell, and the paddings."""
    pad_a, pad_b = paddings(heights(a.tops, a.total), heights(b.tops, b.total))
    return padded_rows(a, pad_a), padded_rows(b, pad_b), pad_a, pad_b


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
