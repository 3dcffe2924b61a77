"""Decide the kind of a link: identical, minor (copy-edit) or reworded.

Identical: the texts match after folding typography and whitespace. Minor: only
punctuation or letter case changed, or at most ``MINOR_WORDS`` words on either side
(and no more than a fifth of the words). Everything else is reworded.

May import: the standard library and collatio.core.{model,normalise,tokens}.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import DiffOp, LinkKind, OpKind
from .normalise import collapse_whitespace, fold_typography
from .tokens import Token

MINOR_WORDS = 2
MINOR_SHARE = 0.2


def _words_in(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> int:
    return sum(
        1 for t in tokens if t.is_word and any(s <= t.start and t.end <= e for s, e in spans)
    )


def classify_link(
    text_a: str,
    text_b: str,
    ops: Sequence[DiffOp],
    tokens_a: Sequence[Token],
    tokens_b: Sequence[Token],
) -> LinkKind:
    if collapse_whitespace(fold_typography(text_a)) == collapse_whitespace(fold_typography(text_b)):
        return LinkKind.IDENTICAL
    if (
        collapse_whitespace(fold_typography(text_a)).lower()
        == collapse_whitespace(fold_typography(text_b)).lower()
    ):
        return LinkKind.MINOR
    deleted = [op.a for op in ops if op.op is OpKind.DELETE and op.a is not None]
    inserted = [op.b for op in ops if op.op is OpKind.INSERT and op.b is not None]
    changed = max(_words_in(tokens_a, deleted), _words_in(tokens_b, inserted))
    words = max(1, sum(t.is_word for t in tokens_a), sum(t.is_word for t in tokens_b))
    if changed <= MINOR_WORDS and changed <= MINOR_SHARE * words:
        return LinkKind.MINOR
    return LinkKind.REWORDED
