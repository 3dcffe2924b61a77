"""Rebuild paragraphs from hard-wrapped text, with source offsets.

Text copied out of a PDF breaks lines at the page width and even puts blank lines (page
breaks) in the middle of a sentence. A block of lines is joined to the next block when
the first does not end a sentence and either the next starts in lower case, or the
first block's last line runs to the wrap margin (the text was cut, not ended).

May import: the standard library and collatio.core.normalise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import normalise_span

# A sentence (or paragraph) may end in these, possibly followed by closing quotes/brackets.
_TERMINAL = re.compile(r"[.!?:;…][\"'”“»«›‹’)\]]*$")


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    lines: tuple[tuple[int, int], ...]  # stripped (start, end) of each line


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, trailing line break excluded."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_blocks(text: str) -> list[Block]:
    """Runs of non-blank lines."""
    blocks: list[Block] = []
    current: list[tuple[int, int]] = []
    for start, end in _lines(text):
        s, e = _strip(text, start, end)
        if s == e:
            if current:
                blocks.append(Block(current[0][0], current[-1][1], tuple(current)))
                current = []
            continue
        current.append((s, e))
    if current:
        blocks.append(Block(current[0][0], current[-1][1], tuple(current)))
    return blocks


def wrap_width(blocks: list[Block]) -> int:
    """The width the text was wrapped at: a high percentile of wrapped line lengths."""
    lengths = sorted(e - s for b in blocks if len(b.lines) > 1 for s, e in b.lines[:-1])
    if len(lengths) < 3:
        return 0  # not hard-wrapped
    return lengths[int(0.9 * (len(lengths) - 1))]


def ends_sentence(text: str, block: Block) -> bool:
    tail = normalise_span(text, max(block.start, block.end - 40), block.end).text
    return bool(_TERMINAL.search(tail))


def _continues(text: str, prev: Block, nxt: Block, width: int) -> bool:
    if ends_sentence(text, prev):
        return False
    first = text[nxt.start]
    if first.islower():
        return True
    if width == 0:
        return False
    last_start, last_end = prev.lines[-1]
    # The last line reaches the wrap margin: the text was cut by a page break.
    return len(prev.lines) > 1 and (last_end - last_start) >= 0.75 * width


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (start, end) of stripped content, reflowed across page breaks."""
    blocks = split_blocks(text)
    width = wrap_width(blocks)
    spans: list[tuple[int, int]] = []
    previous: Block | None = None
    for block in blocks:
        if previous is not None and spans and _continues(text, previous, block, width):
            spans[-1] = (spans[-1][0], block.end)
        else:
            spans.append((block.start, block.end))
        previous = block
    return spans


def split_presegmented(text: str) -> list[list[tuple[int, int]]]:
    """Presegmented input: one sentence per line, blank lines between paragraphs."""
    paragraphs: list[list[tuple[int, int]]] = []
    for block in split_blocks(text):
        paragraphs.append(list(block.lines))
    return paragraphs
