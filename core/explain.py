"""Why two sentences were linked: the content words they share, with source offsets.

Used for the link details (tooltip, panel, reports) and, for heavy rewrites, as the
anchors a reader's eye can follow instead of a wall of struck and underlined words.
Words count as shared when their stems match (lower-cased, stop words left out), so
"Außenpolitik"/"Außenpolitiken" and "betont"/"betonte" are shared.

It also names a negation the rewrite put in or took out (``negation_edits``): one word
that turns a statement into its opposite, which a reader must not miss among copy-edits.

May import: the standard library and collatio.core.{classify,model,similarity,tokens}.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .classify import is_negation
from .model import Document, Link, OpKind
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


_NEGATION_WORD = re.compile(r"\w+(?:n['’]t)?")


def _negations(text: str, spans: list[tuple[int, int]]) -> Counter[str]:
    return Counter(w for start, end in spans for m in _NEGATION_WORD.finditer(text, start, end)
                   if is_negation(w := m.group(0).lower()))


def negation_edits(link: Link, a: Document, b: Document) -> tuple[str, ...]:
    """The negation the word diff took out of the original ("negation dropped: nicht") or
    put into the revision ("negation added: not"), when the two sides' counts differ:
    "nicht" rewritten as "keine" keeps the sense and is no edit."""
    dropped = _negations(a.text, [op.a for op in link.ops if op.op is OpKind.DELETE and op.a])
    added = _negations(b.text, [op.b for op in link.ops if op.op is OpKind.INSERT and op.b])
    if dropped.total() > added.total():
        return (f"negation dropped: {', '.join(dropped)}",)
    if added.total() > dropped.total():
        return (f"negation added: {', '.join(added)}",)
    return ()
