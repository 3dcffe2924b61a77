"""Word tokens of a sentence, with source offsets and a folded matching key.

May import: the standard library and collatio.core.normalise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import MappedText, fold_typography

# A word keeps inner hyphens and apostrophes ("Trump-Administration", "don't");
# any other non-space character is a token of its own.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    key: str  # folded form used for matching
    text: str  # normalised form
    start: int  # source offsets
    end: int
    is_word: bool


def tokenize(mapped: MappedText) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(mapped.text):
        start, end = mapped.source_span(match.start(), match.end())
        text = match.group(0)
        tokens.append(
            Token(fold_typography(text), text, start, end, text[0].isalnum() or text[0] == "_")
        )
    return tokens
