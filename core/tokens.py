"""Word tokens of a sentence, with source offsets and a folded matching key.

May import: the standard library and collatio.core.normalise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .normalise import MappedText, fold_typography

# A number keeps its inner separators ("3.5", "1,000", "19.02.2025": one word, so that
# "3.5" → "35" is one changed word); a word keeps inner hyphens and apostrophes
# ("Trump-Administration", "don't"); any other non-space character is a token of its own.
NUMBER = r"\d+(?:[.,]\d+)+"  # a number with inner separators, one word wherever words are cut
_TOKEN = re.compile(NUMBER + r"|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """One token. A named tuple, not a frozen dataclass: a book has a few hundred
    thousand tokens, and a frozen dataclass's __init__ (one object.__setattr__ per
    field) cost more than finding them."""

    key: str  # folded form used for matching
    text: str  # normalised form
    start: int  # source offsets
    end: int
    is_word: bool


# Speed trick: a book has far fewer distinct tokens than tokens, so the fold (a regex
# search per call) is cached; it is a pure function of the token's text.
_fold = lru_cache(maxsize=1 << 16)(fold_typography)


def tokenize(mapped: MappedText) -> list[Token]:
    starts, ends = mapped.starts, mapped.ends
    tokens: list[Token] = []
    for match in _TOKEN.finditer(mapped.text):
        text = match.group(0)
        first, last = match.span()
        # A token is never empty, so its source span is that of its first and last
        # characters (MappedText.source_span without the empty-slice case).
        tokens.append(
            Token(_fold(text), text, starts[first], ends[last - 1], text[0].isalnum() or text[0] == "_")
        )
    return tokens


def token_extent(mapped: MappedText) -> tuple[int, int] | None:
    """Source span from the first token's start to the last token's end (None: no token).

    Every character that is not white space belongs to a token (a word, or a mark of its
    own), so the tokens run from the first to the last non-space character.
    """
    text = mapped.text
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if first >= last:
        return None
    return mapped.starts[first], mapped.ends[last - 1]
