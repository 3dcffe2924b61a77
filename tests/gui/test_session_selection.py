"""Which sentences a selection or a click covers, from a hand-made block plan."""

from __future__ import annotations

import pytest
from collatio.core.model import Role
from collatio.gui.cells import Block, Piece
from collatio.gui.marks import Mark
from collatio.gui.session_selection import sentences_in

# Block 0: "+ " (a piece of no sentence, like a placeholder), "Eins. " (s0), "Zwei." (s1); block 1: "Drei." (s2).
BLOCKS = (
    Block(0, True, True, Role.BODY, None, (
        Piece("+ ", Mark.GLYPH_ADDED, None),
        Piece("Eins. ", Mark.REWORDED, "a.s0", 0),
        Piece("Zwei.", Mark.REWORDED, "a.s1", 6),
    )),
    Block(1, True, False, Role.BODY, None, (Piece("Drei.", Mark.ADDED, "a.s2", 13),)),
)

CASES = [
    # A click inside a sentence picks it.
    ((0, 3), (0, 3), ["a.s0"]),
    # A click on a boundary picks the sentence that starts there, not the one ending there.
    ((0, 8), (0, 8), ["a.s1"]),
    # A click at the very end of a block picks the sentence just before the caret.
    ((0, 13), (0, 13), ["a.s1"]),
    # A click on text of no sentence picks nothing.
    ((0, 0), (0, 0), []),
    # A selection across blocks picks every sentence it touches, in order, once.
    ((0, 4), (1, 2), ["a.s0", "a.s1", "a.s2"]),
    # A selection given backwards is the same selection.
    ((1, 2), (0, 9), ["a.s1", "a.s2"]),
    # A selection ending exactly where a sentence begins does not take that sentence.
    ((0, 2), (0, 8), ["a.s0"]),
    # Positions outside the plan pick nothing.
    ((5, 0), (5, 0), []),
]


@pytest.mark.parametrize(("start", "end", "expected"), CASES)
def test_sentences_in(start: tuple[int, int], end: tuple[int, int], expected: list[str]) -> None:
    assert sentences_in(BLOCKS, start, end) == expected
