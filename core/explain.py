"""Why two sentences were linked: the content words they share, with source offsets.

Used for the link details (tooltip, panel, reports) and, for heavy rewrites, as the
anchors a reader's eye can follow instead of a wall of struck and underlined words.
Words count as shared when their stems match (lower-cased, stop words left out), so
"Außenpolitik"/"Außenpolitiken" and "betont"/"betonte" are shared.

It also names a negation the rewrite put in or took out (``negation_edits``, found by
core.negation): one word that turns a statement into its opposite.

May import: the standard library and collatio.core.{model,similarity,tokens}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document, Link
from .similarity import content_terms
from .tokens import NUMBER

# A number keeps its separators ("1,500", "3.5"), as in collatio.core.tokens: its parts
# ("1") are no words two sentences share.
_WORD = re.compile(NUMBER + r"|\w+(?:-\w+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SharedWords:
    terms: tuple[str, ...]  # the shared words as written on side b, in order, unique
    a: tuple[tuple[int, int], ...]  # source spans of shared words on side a
    b: tuple[tuple[int, int], ...]


def _word_stems(doc: Document, sentence_ids: tuple[str, ...], language: str) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    for sid in sentence_ids:
        s = doc.sentence(sid)
        for m in _WORD.finditer(doc.text, s.start, s.end):
            stems = content_terms(m.group(0), language)
            if stems:
                found.append((m.start(), m.end(), m.group(0), " ".join(stems)))
    return found


def shared_words(link: Link, a: Document, b: Document, language: str = "de") -> SharedWords:
    words_a = _word_stems(a, link.a, language)
    words_b = _word_stems(b, link.b, language)
    stems_a = {stem for *_, stem in words_a}
    stems_b = {stem for *_, stem in words_b}
    common = stems_a & stems_b
    terms: list[str] = []
    for _, _, word, stem in words_b:
        if stem in common and word not in terms:
            terms.append(word)
    return SharedWords(
        terms=tuple(terms),
        a=tuple((s, e) for s, e, _, stem in words_a if stem in common),
        b=tuple((s, e) for s, e, _, stem in words_b if stem in common),
    )


def negation_edits(link: Link) -> tuple[str, ...]:
    """The negation the revision took out or put in, in words ("negation dropped: nicht")."""
    return (link.negation_change.describe(),) if link.negation_change else ()
