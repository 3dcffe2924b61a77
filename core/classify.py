"""Decide the kind of a link: identical, minor (copy-edit) or reworded.

Identical: the texts match after folding typography and whitespace. Minor: only
punctuation or letter case changed, or at most ``MINOR_WORDS`` words on either side
(and no more than a fifth of the words). A figure written another way with the same
value ("1,000" → "1000", "drei" → "3") is a copy-edit and counts as no changed word.
Everything else is reworded, and so is a minor link that changed a figure or a
quotation, or put in or took out a negation ("has approved" → "has not approved": one
word, but the opposite meaning) (``facts_reword``, once those are checked).

May import: the standard library and collatio.core.{figurescan,model,negation,normalise,tokens}.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .figurescan import find_figures
from .model import DiffOp, Document, Link, LinkKind, OpKind
from .negation import edit_runs
from .normalise import collapse_whitespace, fold_typography
from .tokens import Token

MINOR_WORDS = 2
MINOR_SHARE = 0.2
def _tokens_in(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """The word tokens lying inside one of ``spans`` (a diff's spans: they never overlap)."""
    if not spans:
        return []
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    found = []
    for t in tokens:
        if t.is_word:
            # Only the last span starting at or before the token can hold it.
            k = bisect_right(starts, t.start) - 1
            if k >= 0 and t.end <= ordered[k][1]:
                found.append(t)
    return found


def _words_in(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> Counter[str]:
    """Words (folded, lower-cased) of the tokens inside one of ``spans``."""
    return Counter(t.key.lower() for t in _tokens_in(tokens, spans))


_WORD_CHAR = re.compile(r"\w")


def _figure_values(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> list[tuple[str, str, str | None]] | None:
    """Values of the figures the tokens inside ``spans`` write, or None when those tokens
    hold any word that is not part of a figure."""
    text = " ".join(t.text for t in _tokens_in(tokens, spans))
    figures = find_figures(text)
    rest = text
    for f in reversed(figures):
        rest = rest[: f.start] + rest[f.end :]
    if not figures or _WORD_CHAR.search(rest):
        return None
    return sorted((f.sort, f.value, f.unit) for f in figures)


def _respelled(tokens_a: Sequence[Token], tokens_b: Sequence[Token],
               deleted: list[tuple[int, int]], inserted: list[tuple[int, int]]) -> bool:
    """Does this replacement only write the same figures another way?"""
    if not deleted or not inserted:
        return False
    values = _figure_values(tokens_a, deleted)
    return values is not None and values == _figure_values(tokens_b, inserted)


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
    # Words changed on each side, run by run. Semantic cleanup widens a replacement to
    # whole phrases ("3.5 million dollars" → "35 million euros"); a word found on both
    # sides of one replacement ("million") is not a change.
    dropped = brought = 0
    for run_a, run_b in edit_runs(ops):
        if not _respelled(tokens_a, tokens_b, run_a, run_b):
            words_a, words_b = _words_in(tokens_a, run_a), _words_in(tokens_b, run_b)
            dropped += (words_a - words_b).total()
            brought += (words_b - words_a).total()
    changed = max(dropped, brought)
    words = max(1, sum(t.is_word for t in tokens_a), sum(t.is_word for t in tokens_b))
    if changed <= MINOR_WORDS and changed <= MINOR_SHARE * words:
        return LinkKind.MINOR
    return LinkKind.REWORDED


def facts_reword(links: Sequence[Link]) -> tuple[Link, ...]:
    """The links, a minor one made reworded when it changed a figure or a quotation or
    turned a statement round, however few its words: an editor skips minor edits, and
    "24-stündigen" → "36-stündigen" is a new fact. Runs once quotes, figures and
    negations are checked."""
    return tuple(
        replace(link, kind=LinkKind.REWORDED)
        if link.kind is LinkKind.MINOR
        and (link.figure_changes or link.quote_changed or link.negation_change) else link
        for link in links)


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
