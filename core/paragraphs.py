"""Rebuild paragraphs from hard-wrapped text, with source offsets.

Text copied out of a PDF breaks lines at the page width and even puts blank lines (page
breaks) in the middle of a sentence. A block of lines is joined to the next block when
the first does not end a sentence and either the next starts in lower case, or the
first block's last line runs to the wrap margin (the text was cut, not ended).

Lines that are chrome on their own (a bare URL, a bare domain, a label such as
"Quelle" or "Kurze Werbeeinblendung"; see collatio.core.boilerplate) become blocks of
their own even without blank lines around them, and such a block is never joined to
a neighbour: a URL block does not swallow the heading after it. A label line inside
hard-wrapped prose is left alone (only URLs/domains split there), since a wrapped
line may happen to be a single word like "Anzeige".

May import: the standard library and collatio.core.{normalise,boilerplate}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import is_standalone_chrome_line, is_url_line, is_url_tail
from .normalise import normalise_span

# A sentence (or paragraph) may end in these, possibly followed by closing quotes/brackets.
_TERMINAL = re.compile(r"[.!?:;…][\"'”“»«›‹’)\]]*$")


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    lines: tuple[tuple[int, int], ...]  # stripped (start, end) of each line
    standalone: bool = False  # one chrome line: never joined to a neighbour


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


def _raw_blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, as stripped line spans."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _lines(text):
        s, e = _strip(text, start, end)
        if s == e:
            if current:
                blocks.append(current)
                current = []
            continue
        current.append((s, e))
    if current:
        blocks.append(current)
    return blocks


def _width_of(blocks: list[list[tuple[int, int]]]) -> int:
    """A high percentile of the lengths of lines that were wrapped (not last in a block)."""
    lengths = sorted(e - s for b in blocks if len(b) > 1 for s, e in b[:-1])
    if len(lengths) < 3:
        return 0  # not hard-wrapped
    return lengths[int(0.9 * (len(lengths) - 1))]


def _stands_alone(text: str, lines: list[tuple[int, int]], k: int, width: int) -> bool:
    """Is line k of a block chrome that must be a block of its own?"""
    line = text[lines[k][0] : lines[k][1]]
    if is_url_line(line):
        return True
    if not is_standalone_chrome_line(line):
        return False
    if k == 0 or width == 0:
        return True
    # Inside wrapped prose a short label may just be a wrapped word: split only after a
    # line that ended a sentence, was itself chrome, or stopped well short of the margin.
    prev_start, prev_end = lines[k - 1]
    prev = text[prev_start:prev_end]
    return (
        bool(_TERMINAL.search(prev))
        or is_standalone_chrome_line(prev)
        or (prev_end - prev_start) < 0.6 * width
    )


def split_blocks(text: str) -> list[Block]:
    """Runs of non-blank lines; a standalone chrome line is a block of its own."""
    raw = _raw_blocks(text)
    width = _width_of(raw)
    blocks: list[Block] = []
    for lines in raw:
        current: list[tuple[int, int]] = []
        url_open = False  # the previous line was (part of) a URL block
        for k, span in enumerate(lines):
            line = text[span[0] : span[1]]
            if url_open and not is_url_line(line) and is_url_tail(line):
                last = blocks[-1]  # a URL wrapped at the margin: extend its block
                blocks[-1] = Block(last.start, span[1], (*last.lines, span), standalone=True)
                continue
            url_open = False
            if _stands_alone(text, lines, k, width):
                if current:
                    blocks.append(Block(current[0][0], current[-1][1], tuple(current)))
                    current = []
                blocks.append(Block(span[0], span[1], (span,), standalone=True))
                url_open = is_url_line(line)
            else:
                current.append(span)
        if current:
            blocks.append(Block(current[0][0], current[-1][1], tuple(current)))
    return blocks


def wrap_width(blocks: list[Block]) -> int:
    """The width the text was wrapped at: a high percentile of wrapped line lengths."""
    return _width_of([list(b.lines) for b in blocks])


def ends_sentence(text: str, block: Block) -> bool:
    tail = normalise_span(text, max(block.start, block.end - 40), block.end).text
    return bool(_TERMINAL.search(tail))


def _continues(text: str, prev: Block, nxt: Block, width: int) -> bool:
    if prev.standalone or nxt.standalone or ends_sentence(text, prev):
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
    """Presegmented input: one sentence per line, blank lines between paragraphs.

    The user's paragraphs are kept as given: chrome lines are not split out here.
    """
    return _raw_blocks(text)
