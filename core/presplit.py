"""Split German text at boundaries pysbd cannot decide otherwise; pysbd does the rest.

pysbd runs about a thousand regular-expression passes over every paragraph it is
given, whatever the text; most sentences of news text are plain ("Er kam spät nach
Hause.") and end in a way no rule can veto. ``split`` gives the same pieces as running
pysbd (collatio.core.sbd) on the whole paragraph, but runs it only on the stretches
that need it:

1. A *clear boundary* is ". ", "! " or "? " followed by a capital and a letter, where
   the word before the mark is made of letters (and hyphens) and ends in two letters;
   before a full stop it is not an abbreviation pysbd knows (tested the way pysbd
   tests it: case-insensitively, its abbreviations being regular expressions), before
   "!" the paragraph has none of pysbd's words with "!" ("Yahoo!"); and the mark lies
   outside every stretch that pysbd's quotation, bracket and dash rules could protect
   (from any opening mark to the next closing mark; for marks that open and close
   alike, from the first to the last).
2. The paragraph is cut at clear boundaries. A piece of letters, digits, spaces and
   ``,;:%/€–-`` that ends in two letters and its only full stop is one sentence, as
   pysbd would find. The other pieces go to pysbd in one call, joined by spaces as in
   the paragraph, after a leading space, so that the first starts as it does inside
   the paragraph (after white space, not at the start of text: pysbd treats an
   abbreviation at the very start of its text differently). One call, not one per
   piece: pysbd's cost is mostly a fixed thousand passes per call.
3. Paragraphs where pysbd's rules look across the whole text go to pysbd whole: list
   items that pysbd would pair up ("3. … 4.", "a) … b)", found with pysbd's own list
   patterns and its pairing rule), and an abbreviation matched at the very start of
   the paragraph (pysbd then protects every full stop after that abbreviation's
   letters, anywhere in the paragraph). Without pairs, each run sent to pysbd holds a
   contiguous part of the paragraph's list candidates, so it cannot pair any either.

Only German is pre-split; other languages go to pysbd whole. Checked against running
pysbd on every paragraph of the DEplain corpus and on generated text
(tests/core/test_perf_sentences.py).

May import: the standard library, pysbd (its German abbreviation list) and
collatio.core.sbd.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise

from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.deutsch import Deutsch
from pysbd.lists_item_replacer import ListItemReplacer as _Lists

from .sbd import split as pysbd_split

_ABBREVIATIONS: tuple[str, ...] = tuple(
    dict.fromkeys(a.strip() for a in Deutsch.Abbreviation.ABBREVIATIONS if a.strip())
)
# pysbd inserts each abbreviation into its patterns unescaped ("z.b" also matches "zxb").
_ABBREVIATION_AT_END = re.compile(
    r"(?:^|\s)(?:" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\Z",
    re.IGNORECASE,
)
_NUMBERED = (re.compile(_Lists.NUMBERED_LIST_REGEX_1), re.compile(_Lists.NUMBERED_LIST_PARENS_REGEX))
_LETTERED = (re.compile(_Lists.ALPHABETICAL_LIST_WITH_PERIODS), re.compile(_Lists.ALPHABETICAL_LIST_WITH_PARENS))
_LIST_LETTERS = frozenset(_Lists.LATIN_NUMERALS) | frozenset(_Lists.ROMAN_NUMERALS)
_DIGIT_DOT = re.compile(r"\d\.[\s)]")
_DIGIT_PAREN = re.compile(r"\d\)\s")
_CANDIDATE = re.compile(r"[.!?] (?=[A-ZÄÖÜ][^\W\d_])")
_PLAIN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ ,;:%/€–-]*[A-Za-zÀ-ÖØ-öø-ÿ]{2}[.!?]")
_ENDS = re.compile(r"[.!?]")
_EXCLAMATION_WORDS = re.compile(ExclamationWords.EXCLAMATION_REGEX)
_PYSBD_MARKS = frozenset("ȸȹ")  # letters pysbd uses as sentence-end markers
# (opening marks, closing marks) of the stretches pysbd's rules treat as one unit.
_PAIRED = (("„", "“”"), (",,", "“”"), ("“", "”"), ("«", "»"), ("»", "«"), ("‚", "‘’"),
           ("‘", "’"), ("(", ")"), ("[", "]"), ("（", "）"), ("「", "」"))
_SYMMETRIC = ('"', "'", "’", "--")


def _protected(text: str) -> tuple[list[int], list[int]]:
    """Stretches in which a full stop may be protected by a quotation or bracket rule.

    Merged and sorted, as (starts, ends), for a binary search per candidate boundary.
    """
    spans: list[tuple[int, int]] = []
    for opener, closers in _PAIRED:
        pos = text.find(opener)
        while pos >= 0:
            close = min((k for k in (text.find(c, pos + len(opener)) for c in closers) if k >= 0),
                        default=-1)
            if close < 0:
                break
            spans.append((pos, close + 1))
            pos = text.find(opener, pos + 1)
    for mark in _SYMMETRIC:
        first, last = text.find(mark), text.rfind(mark)
        if first >= 0 and last > first:
            spans.append((first, last + len(mark)))
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _list_items_pair(text: str) -> bool:
    """Would pysbd's list rules treat some of the text's numbers or letters as a list?"""
    # Speed trick: each numbered pattern's matches are digits just before ". ", ".)"
    # (_NUMBERED[0]) or ") " (_NUMBERED[1]); without such a place findall finds nothing,
    # and _DIGIT_DOT / _DIGIT_PAREN scan the text far faster than pysbd's many-branch pattern.
    for pattern, needed in zip(_NUMBERED, (_DIGIT_DOT, _DIGIT_PAREN), strict=True):
        if needed.search(text) is None:
            continue
        numbers = [int(n) for n in pattern.findall(text)]
        # ListItemReplacer.scan_lists: neighbours n, n+1 (or 9 and 0) make a list.
        if any(b == a + 1 or {a, b} == {0, 9} for a, b in pairwise(numbers)):
            return True
    # iterate_alphabet_array: one lettered item alone never changes anything. Speed
    # trick: _LETTERED[0] matches a letter before ".", _LETTERED[1] letters before ")";
    # without that character (str.__contains__, fast) findall finds nothing.
    return any(
        needed in text and sum(m in _LIST_LETTERS for m in pattern.findall(text)) > 1
        for pattern, needed in zip(_LETTERED, ".)", strict=True)
    )


@lru_cache(maxsize=64)
def _starting_abbreviations(initial: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(a, re.IGNORECASE) for a in _ABBREVIATIONS if a[0].lower() == initial)


def _start_protects(text: str) -> bool:
    """Does an abbreviation matched at the start protect a full stop anywhere?"""
    for pattern in _starting_abbreviations(text[:1].lower()):
        found = pattern.match(text)
        if found is None:
            continue
        try:
            if re.search(rf"(?<={found.group(0)})\.(?=\s)", text):  # as pysbd builds it
                return True
        except re.error:
            return True
    return False


def _clear_boundaries(text: str) -> list[int]:
    """Positions just after the end mark of each clear boundary (see the docstring)."""
    starts, ends = _protected(text)
    exclamation_words = _EXCLAMATION_WORDS.search(text) is not None  # "Yahoo!"
    cuts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        dot = match.start()
        word = text[text.rfind(" ", 0, dot) + 1 : dot]
        # Letters (and hyphens, "Käfer-Bauch"), ending in two letters.
        if len(word) < 2 or not word[-2:].isalpha() or not word.replace("-", "").isalpha() or _PYSBD_MARKS & set(word):
            continue
        mark = text[dot]
        if mark == "." and _ABBREVIATION_AT_END.search(text, max(0, dot - 40), dot):
            continue
        if mark == "!" and exclamation_words:
            continue
        k = bisect_right(starts, dot) - 1
        if k >= 0 and dot < ends[k]:
            continue
        cuts.append(dot + 1)
    return cuts


def _is_plain(piece: str) -> bool:
    # Two letters before the only end mark: no list item ("3.", "a.") and no number rule.
    return len(_ENDS.findall(piece)) == 1 and _PLAIN.fullmatch(piece) is not None


def _pysbd_in_order(pending: list[tuple[int, str]], language: str) -> list[tuple[int, str]] | None:
    """pysbd's pieces of the pending pieces, each with its position in the paragraph.

    The pending pieces go to pysbd in one call, joined by spaces as in the paragraph
    (where plain sentences stood between them), after a leading space. None when a
    piece pysbd returns is not a part of one pending piece (pysbd changed the text,
    or joined across a cut): the caller then runs pysbd on the whole paragraph.
    """
    joined = " " + " ".join(piece for _, piece in pending)
    places: list[tuple[int, int, int]] = []  # (start in joined, start in paragraph, length)
    pos = 1
    for at, piece in pending:
        places.append((pos, at, len(piece)))
        pos += len(piece) + 1
    out: list[tuple[int, str]] = []
    cursor = k = 0
    for raw in pysbd_split(joined, language):
        piece = raw.strip()
        if not piece:
            continue
        found = joined.find(piece, cursor)
        if found < 0:
            return None
        while k < len(places) and found >= places[k][0] + places[k][2]:
            k += 1
        if k == len(places) or found < places[k][0] or found + len(piece) > places[k][0] + places[k][2]:
            return None
        out.append((places[k][1] + found - places[k][0], piece))
        cursor = found + len(piece)
    return out


def split(text: str, language: str) -> list[str]:
    """The pieces ``sbd.split(text, language)`` gives, in order (white space may differ)."""
    if language != "de" or not text or _list_items_pair(text) or _start_protects(text):
        return pysbd_split(text, language)
    cuts = _clear_boundaries(text)
    if not cuts:
        return pysbd_split(text, language)
    plain: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []
    start = 0
    for end in [*cuts, len(text)]:
        raw = text[start:end]
        piece = raw.strip()
        if piece:
            at = start + len(raw) - len(raw.lstrip())
            (plain if _is_plain(piece) else pending).append((at, piece))
        start = end
    found = _pysbd_in_order(pending, language) if pending else []
    if found is None:
        return pysbd_split(text, language)
    return [piece for _, piece in sorted(plain + found)]
