"""Overview map geometry: where each change and the viewport sit on a strip of given height.

The strip shows the whole document (the aligned rows, so both sides at once) scaled to its
height: document y ↔ strip y is a proportion. Every change is a rectangle over its row's
extent, at least ``MIN_MARK`` pixels tall so a one-line change in a long document still
shows. Quote changes get their own narrow marker (drawn at the strip's edge).

Pure: no Qt. May import: the standard library and collatio.gui.navigation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .navigation import Change, ChangeKind

MIN_MARK = 2.0


@dataclass(frozen=True, slots=True)
class MapRect:
    y: float
    height: float
    kind: ChangeKind


def to_strip(doc_y: float, total: float, height: float) -> float:
    return doc_y / total * height if total > 0 else 0.0


def to_document(strip_y: float, total: float, height: float) -> float:
    if height <= 0:
        return 0.0
    return max(0.0, min(total, strip_y / height * total))


def map_extent(total: float, viewport: float) -> float:
    """The document height the strip stands for: the document's, or the viewport's when
    the document is shorter, so that a short text's marks sit where its text is on the
    screen instead of being stretched over the whole strip."""
    return max(total, viewport)


def change_rects(items: Sequence[Change], tops: Sequence[float], total: float,
                 height: float) -> list[MapRect]:
    """One rectangle per change (its main kind) and one per quote change (kind QUOTE)."""
    rects: list[MapRect] = []
    quotes: list[MapRect] = []
    for change in items:
        if not 0 <= change.row < len(tops):
            continue
        top = tops[change.row]
        bottom = tops[change.row + 1] if change.row + 1 < len(tops) else total
        y0, y1 = to_strip(top, total, height), to_strip(bottom, total, height)
        h = max(MIN_MARK, y1 - y0)
        y = min(y0, max(0.0, height - h))
        rects.append(MapRect(y, h, change.kind))
        if change.quote:
            quotes.append(MapRect(y, h, ChangeKind.QUOTE))
    return rects + quotes


def viewport_rect(scroll: float, viewport: float, total: float, height: float) -> tuple[float, float]:
    """(y, height) of the visible part of the document on the strip; at least 4 px tall."""
    if total <= 0:
        return 0.0, height
    y = to_strip(scroll, total, height)
    h = max(4.0, to_strip(min(viewport, total), total, height))
    return min(y, max(0.0, height - h)), h


def scroll_for(strip_y: float, viewport: float, total: float, height: float) -> float:
    """The scroll value that centres the viewport on a clicked strip position."""
    return max(0.0, min(total - viewport, to_document(strip_y, total, height) - viewport / 2))
