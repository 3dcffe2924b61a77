"""Decide the kind of a link: identical, minor (copy-edit) or reworded.

Identical: the texts match after folding typography and whitespace. Minor: only
punctuation or letter case changed, or at most ``MINOR_WORDS`` words on either side
(and no more than a fifth of the words). Everything else is reworded.

May import: the standard library and collatio.core.{model,normalise,tokens}.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .model import DiffOp, Document, Link, LinkKind, OpKind
from .normalise import collapse_whitespace, fold_typography
from .tokens import Token

MINOR_WORDS = 2
MINOR_SHARE = 0.2


def _words_in(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> int:
    """Word tokens lying inside one of ``spans`` (a diff's spans: they never overlap)."""
    if not spans:
        return 0
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    count = 0
    for t in tokens:
        if t.is_word:
            # Only the last span starting at or before the token can hold it.
            k = bisect_right(starts, t.start) - 1
            if k >= 0 and t.end <= ordered[k][1]:
                count += 1
    return count


def classify_link(
    text_a: str,
    text_b: str,
    ops: Sequence[DiffOp],
    tokens_a: Sequence[Token],
    tokens_b: Sequence[Token],
) -> LinkKind:
    folded_a = collapse_whitespace(fold_typography(text_a))
    folded_b = collapse_whitespace(fold_typography(text_b))
    if folded_a == folded_b:
        return LinkKind.IDENTICAL
    if folded_a.lower() == folded_b.lower():
        return LinkKind.MINOR
    deleted = [op.a for op in ops if op.op is OpKind.DELETE and op.a is not None]
    inserted = [op.b for op in ops if op.op is OpKind.INSERT and op.b is not None]
    changed = max(_words_in(tokens_a, deleted), _words_in(tokens_b, inserted))
    words = max(1, sum(t.is_word for t in tokens_a), sum(t.is_word for t in tokens_b))
    if changed <= MINOR_WORDS and changed <= MINOR_SHARE * words:
        return LinkKind.MINOR
    return LinkKind.REWORDED


# Below this share of kept words a reworded link is shown as a rewrite: its kept words
# are marked as anchors instead of striking and underlining nearly everything, which
# would bring back the wall of red and green that line-based tools show.
REWRITE_KEPT_SHARE = 0.4
_WORD = re.compile(r"\w+")


def kept_share(link: Link, b: Document) -> float:
    """Share of the revision's words in this link that the word diff found unchanged."""
    total = sum(len(_WORD.findall(b.text[s.start : s.end])) for s in map(b.sentence, link.b))
    kept = sum(
        len(_WORD.findall(b.text[op.b[0] : op.b[1]])) for op in link.ops if op.op is OpKind.EQUAL and op.b
    )
    return kept / total if total else 1.0


def marks_word_changes(link: Link, b: Document) -> bool:
    """Show deleted/inserted words (True), or only the kept words as anchors (False)."""
    return link.kind is not LinkKind.REWORDED or kept_share(link, b) >= REWRITE_KEPT_SHARE
