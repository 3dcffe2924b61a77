"""Give each paragraph a role: title, heading, body, boilerplate or duplicate.

Roles never delete text: boilerplate and duplicates stay in the document, dimmed in the
view and left out of alignment and statistics unless the user includes them.

Order of decisions, each only for paragraphs still undecided:
1. boilerplate: a rule of collatio.core.boilerplate matches the whole paragraph;
2. duplicate: most of the paragraph's word trigrams occur again in the other
   paragraphs (a teaser repeating the opening, a block printed twice). Of two copies
   the earlier is marked, so the full later text is what gets aligned;
3. title/heading: short, without sentence-final punctuation and no bulleted item, or
   marked as a heading by the source format (``heading_hints``); the first one before
   any body text is the title. A list item or table cell the format marked
   (``body_hints``) is body text however short.

May import: the standard library and collatio.core.{model,normalise,boilerplate,credits}.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .boilerplate import boilerplate_rule
from .credits import CREDIT_LABEL
from .model import Role
from .normalise import fold_typography

_TERMINAL = re.compile(r"[.!?:;,…][\"'”“»«›‹’)\]]*$")
_WORD = re.compile(r"\w+")
# A plain-text list item ("- Milch", "• Brot"). Numbers are left out: "1. Einleitung" is
# a numbered heading as often as an item.
_BULLET = re.compile(r"[-*•◦▪‣·]\s")

HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
# A duplicate needs this many words (shorter repeats, like a heading, are normal) and
# this share of its word trigrams found elsewhere in the document.
DUPLICATE_MIN_WORDS = 12
DUPLICATE_CONTAINMENT = 0.8


def is_heading_like(text: str) -> bool:
    """Short, without sentence-final punctuation, and no bulleted list item."""
    # Speed trick: the length test first, so a long paragraph is not split into words.
    return (
        len(text) <= HEADING_MAX_CHARS
        and 0 < len(text.split()) <= HEADING_MAX_WORDS
        and not _TERMINAL.search(text)
        and not _BULLET.match(text)
        # A credit line ("Mitarbeit: Olena Petrenko") is short without a full stop.
        and not CREDIT_LABEL.match(text)
    )


def _words(text: str) -> list[str]:
    # Speed trick: fold_typography only replaces non-word characters by non-word
    # characters that lower() leaves alone, so the words found are the same without it.
    # Except for one case: lower() turns "Σ" into "σ" or final "ς" depending on its
    # neighbours, and folding can change whether a neighbour counts ("‛" → "'"); so
    # text holding a "Σ" is still folded.
    if "Σ" in text:
        text = fold_typography(text)
    return _WORD.findall(text.lower())


def find_duplicates(texts: Sequence[str], candidates: Sequence[bool]) -> list[bool]:
    """Which candidate paragraphs are largely repeated by the other candidates."""
    words = [_words(t) if c else [] for t, c in zip(texts, candidates, strict=True)]
    owns = [set(zip(w, w[1:], w[2:], strict=False)) for w in words]  # word trigrams
    # Speed trick: the grams in more than one paragraph, kept as a set (built with set
    # operations, C loops), so that counting a paragraph's repeated grams is one set
    # intersection instead of a Python loop over pool lookups. The pool of counts is
    # only needed once a duplicate is found (most documents have none), so it is built
    # then; only ``pool.subtract`` changes counts, and only of that paragraph's grams,
    # so those are the only ones whose membership in ``repeated`` is rechecked.
    seen: set[tuple[str, str, str]] = set()
    repeated: set[tuple[str, str, str]] = set()
    for own in owns:
        repeated |= own & seen
        seen |= own
    pool: Counter[tuple[str, str, str]] | None = None
    duplicate = [False] * len(texts)
    for i, w in enumerate(words):
        if len(w) < DUPLICATE_MIN_WORDS:  # fewer than DUPLICATE_MIN_WORDS - 2 trigrams
            continue
        own = owns[i]
        found = len(own & repeated)  # grams of ``own`` in more than one paragraph
        if found >= DUPLICATE_CONTAINMENT * len(own):
            duplicate[i] = True
            if pool is None:
                pool = Counter()
                for other in owns:
                    pool.update(other)
            pool.subtract(own)  # the later copy is no longer repeated elsewhere
            repeated.difference_update([gram for gram in own if pool[gram] <= 1])
    return duplicate


def assign_roles(texts: Sequence[str], heading_hints: Sequence[bool] | None = None,
                 body_hints: Sequence[bool] | None = None) -> list[Role]:
    """Roles for paragraphs given their normalised texts, in document order.

    ``heading_hints[i]`` is True where the source format marked paragraph i a heading;
    ``body_hints[i]`` where it marked it a list item or table cell (short, yet body).
    """
    hints = list(heading_hints) if heading_hints is not None else [False] * len(texts)
    body = list(body_hints) if body_hints is not None else [False] * len(texts)
    roles = [Role.BODY] * len(texts)
    for i, text in enumerate(texts):
        if boilerplate_rule(text) is not None:
            roles[i] = Role.BOILERPLATE
    duplicates = find_duplicates(texts, [r is Role.BODY for r in roles])
    for i, is_duplicate in enumerate(duplicates):
        if is_duplicate:
            roles[i] = Role.DUPLICATE
    seen_body = False
    have_title = False
    for i, text in enumerate(texts):
        if roles[i] is not Role.BODY:
            continue
        if hints[i] or (not body[i] and is_heading_like(text)):
            if not have_title and not seen_body:
                roles[i] = Role.TITLE
                have_title = True
            else:
                roles[i] = Role.HEADING
        else:
            seen_body = True
    return roles
