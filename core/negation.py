"""Negations a rewrite put in or took out: "The council approved the law" → "The council
has not approved the law" is one word, and the opposite meaning.

``check_negations`` gives a link a ``NegationChange`` when its small edits change the
number of negations: the negation words an edit of at most ``SMALL_EDIT_WORDS`` words a
side took out of the original (dropped) or put into the revision (added), with their
offsets. "nicht" rewritten as "keine" keeps the sense and is no change. A negation cut
or brought in with a whole clause ("…, er bewegt sich praktisch nicht") is part of that
clause's rewording, not a reversal: on DEplain's plain-language rewrites, where clauses
come and go, counting those flagged one link in thirteen. A minor link with a
negation change is reworded (``classify.facts_reword``).

May import: the standard library and collatio.core.model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import DiffOp, Document, Link, NegationChange, OpKind

# Words that turn a statement into its opposite, per language; a language Collatio does
# not list here uses them all. Per language, because one language's negation is
# another's noun (German "Not", need; Italian "non" in French names).
NEGATIONS_BY_LANGUAGE = {
    "en": frozenset(("not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither",
                     "nor", "cannot")),
    "de": frozenset(("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines",
                     "keinerlei", "nie", "niemals", "nichts", "niemand", "niemanden",
                     "niemandem", "nirgends", "nirgendwo", "weder")),
    "fr": frozenset(("ne", "pas", "jamais", "rien", "aucun", "aucune")),
    "es": frozenset(("no", "nunca", "nada", "nadie", "ningún", "ninguna")),
    "it": frozenset(("non", "mai", "niente", "nessuno", "nessuna")),
    "nl": frozenset(("niet", "geen", "nooit", "niets", "niemand", "nergens")),
}
NEGATIONS = frozenset().union(*NEGATIONS_BY_LANGUAGE.values())
# An edit of at most this many words a side can reverse a statement ("approved" → "did
# not pass"); a longer one rewrites it, negation and all.
SMALL_EDIT_WORDS = 4
_WORD = re.compile(r"\w+(?:['’]t)?")  # "hasn't" whole, not "hasn" and "t"


def is_negation(word: str, language: str | None = None) -> bool:
    """Whether a (lower-cased) word negates: "not", "nicht", "hasn't"."""
    if word.endswith(("n't", "n’t")):
        return language in (None, "en") or language not in NEGATIONS_BY_LANGUAGE
    return word in NEGATIONS_BY_LANGUAGE.get(language or "", NEGATIONS)


def edit_runs(ops: Sequence[DiffOp]) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """The deleted and inserted spans of each run of ops between two equal ones (the
    classifier's replacements, too)."""
    runs: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = [([], [])]
    for op in ops:
        if op.op is OpKind.EQUAL:
            if runs[-1] != ([], []):
                runs.append(([], []))
        elif op.op is OpKind.DELETE and op.a is not None:
            runs[-1][0].append(op.a)
        elif op.op is OpKind.INSERT and op.b is not None:
            runs[-1][1].append(op.b)
    return [run for run in runs if run[0] or run[1]]


def _words(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, tuple[int, int]]]:
    """The words an edit touches, each whole: the diff may take out only part of one
    ("hasn't" → "has" deletes "n't")."""
    found: list[tuple[str, tuple[int, int]]] = []
    def in_word(k: int) -> bool:
        return 0 <= k < len(text) and (text[k].isalnum() or text[k] in "'’")

    for start, end in spans:
        left = start
        while in_word(left) and in_word(left - 1):  # an edit starting inside a word
            left -= 1
        for m in _WORD.finditer(text, left, len(text)):
            if m.start() >= end:
                break
            if not found or found[-1][1] != m.span():
                found.append((m.group(0).lower(), m.span()))
    return found


def link_negation_change(link: Link, a: Document, b: Document,
                         language: str | None = None) -> NegationChange | None:
    """The negation the revision took out of or put into this link, or None."""
    dropped: list[tuple[str, tuple[int, int]]] = []
    added: list[tuple[str, tuple[int, int]]] = []
    for spans_a, spans_b in edit_runs(link.ops):
        words_a, words_b = _words(a.text, spans_a), _words(b.text, spans_b)
        if len(words_a) > SMALL_EDIT_WORDS or len(words_b) > SMALL_EDIT_WORDS:
            continue
        dropped += [(w, span) for w, span in words_a if is_negation(w, language)]
        added += [(w, span) for w, span in words_b if is_negation(w, language)]
    if len(dropped) == len(added):
        return None
    change, found = ("dropped", dropped) if len(dropped) > len(added) else ("added", added)
    return NegationChange(change, tuple(dict.fromkeys(w for w, _ in found)),
                          tuple(span for _, span in found), link.id)


def check_negations(a: Document, b: Document, links: Sequence[Link],
                    language: str | None = None) -> tuple[Link, ...]:
    """The links, each carrying its negation change if it has one."""
    checked = []
    for link in links:
        change = link_negation_change(link, a, b, language)
        checked.append(replace(link, negation_change=change) if change else link)
    return tuple(checked)
