"""Which sentences a text selection in a pane covers (pure, from the pane's block plan).

A reader selects a stretch of text, or just clicks into a sentence; either way the
corrections (link, unlink, mark moved) act on whole sentences. Positions are (block
number, offset in block), as Qt reports them; glyphs and placeholders belong to no
sentence and are skipped.

Pure: no Qt. May import: the standard library and collatio.gui.cells.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cells import Block

Position = tuple[int, int]  # (block number, offset within the block)


def sentences_in(blocks: Sequence[Block], start: Position, end: Position) -> list[str]:
    """Sentence ids shown between two positions, in display order, each once.

    An empty range (a click) gives the sentence at that position, or at the character
    just before it when the click landed at a sentence's end.
    """
    if end < start:
        start, end = end, start
    if start == end:
        return _sentence_at(blocks, start)
    found: list[str] = []
    for number in range(max(start[0], 0), min(end[0], len(blocks) - 1) + 1):
        at = 0
        for piece in blocks[number].pieces:
            lo, hi = at, at + len(piece.text)
            at = hi
            if piece.sentence is None or piece.sentence in found:
                continue
            if (number, lo) < end and start < (number, hi):
                found.append(piece.sentence)
    return found


def _sentence_at(blocks: Sequence[Block], position: Position) -> list[str]:
    number, offset = position
    if not 0 <= number < len(blocks):
        return []
    at = 0
    before: str | None = None
    for piece in blocks[number].pieces:
        lo, hi = at, at + len(piece.text)
        at = hi
        if piece.sentence is None:
            continue
        if lo <= offset < hi:
            return [piece.sentence]
        if hi == offset:
            before = piece.sentence
    return [before] if before else []
