"""Split a paragraph into sentences (German and English), as character spans.

sentencex (Wikimedia's rule-based segmenter, compiled, with abbreviation lists for
some 300 languages) does the rule work: abbreviations, dates like "am 3. März",
decimals, quotations and brackets. This module adds what it gets wrong on news text:

* URLs, e-mail addresses and domain names are masked before sentencex sees them, with
  letters of the same length, so "?" or "." inside them never ends a sentence;
* a closing straight quote left at the start of the next piece
  (``"This is fine." Then``) goes back to the sentence it closes;
* a piece that starts with a lower-case letter or a digit after an abbreviation
  ("Hauptstr. 5", "Nr. 3") is joined to the piece before;
* an ordinal after an article, a preposition or a possessive ("Der 20. Jahrestag")
  is joined to the noun it counts; a list item's number ("Gut. 2. Das auch.") moves
  to the item it opens;
* a sentence that opens with a number, "+" or "@" after a word's full stop is split off
  ("die Firma. 2023 war …"): sentencex's German rules never end a sentence there;
* text without any candidate boundary (headings, one-sentence paragraphs) is one
  sentence without a call.

May import: the standard library and sentencex.
"""

from __future__ import annotations

import re

from sentencex import segment

# A URL, an e-mail address or a bare domain name ("www.zdf.de", "edition.cnn.com").
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”„»«]+[^\s<>\"“”„»«.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:de|com|org|net|at|ch|eu|info|gov|edu)\b(?:/[^\s]*[^\s.,;:!?)\]])?",
    re.IGNORECASE,
)
# Sentence-final punctuation followed by space and more text: a possible boundary.
_BOUNDARY = re.compile(r"[.!?…][\"'”“»«›‹’)\]]*\s+\S")
# Abbreviations after which a following lower-case word or number continues the sentence.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:str|nr|abs|art|bzw|ca|ggf|inkl|tel|vgl|s|bd|kap|ziff|no|vol|pp|fig|abb|tab)"
    r"|\w+str)\.$",
    re.IGNORECASE,
)
_CLOSING_QUOTES = "\"'”“»«›‹’"
# A piece ending in a number with a full stop, and the word before it (None: the piece
# is only the number, as a list item's "1." is).
_ORDINAL_END = re.compile(r"(?:(?<![\w.])(\w+)\s+|^)(\d{1,4})\.$")
# German words after which "<number>." is an ordinal: articles, prepositions (also fused
# with an article), possessives and demonstratives. English writes ordinals "3rd", so
# there a number with a full stop ends the sentence.
_DETERMINERS = frozenset((
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer",
    "eines", "am", "im", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "sein", "seine",
    "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
    "unser", "unsere", "unserem", "unseren", "unserer", "mein", "meine", "meinem", "meinen",
    "meiner", "dein", "deine", "deinem", "deinen", "euer", "eure", "eurem", "euren", "jede",
    "jeder", "jedem", "jeden", "jedes", "diese", "dieser", "diesem", "diesen", "dieses",
))
_PREPOSITIONS = frozenset((
    "seit", "ab", "bis", "vor", "nach", "um", "an", "in", "mit", "für", "zu", "bei", "von",
    "über", "unter", "auf", "aus",
))
_ORDINAL_LEADS = _DETERMINERS | _PREPOSITIONS
# Words that open a sentence but never follow an ordinal (which counts a noun, maybe
# after an adjective): "Er kam am 3. Das war ein Montag." ends after "3.".
_OPENERS = frozenset((
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen",
    "eines", "er", "sie", "es", "wir", "ihr", "ich", "du", "man", "dies", "diese", "dieser",
    "dieses", "danach", "dann", "doch", "aber", "und", "oder", "denn", "so", "da", "damit",
    "deshalb", "daher", "darum", "trotzdem", "dennoch", "auch", "nun", "jetzt", "heute",
    "hier", "dort", "seitdem", "zudem", "außerdem", "wie", "was", "wer", "wo", "wann",
    "warum", "als", "wenn", "weil", "dass", "ob", "nicht", "kein", "keine", "mehr", "noch",
))
_FIRST_WORD = re.compile(r"\w+")
# A sentence end followed by a list item's number at the end of a piece.
_LIST_NUMBER_END = re.compile(r"([.!?][\"'”“»«›‹’)]*)\s+(\d{1,3}\.)$")


# Speed trick: every match of _LINK holds "http", "www.", "@" or "." + a domain ending
# (case-insensitively), so text with none of them in its lower-case form is returned
# as it is without running _LINK (a slow pattern: ~0.1 s over the whole DEplain
# concatenation). Characters that re.IGNORECASE matches to an ASCII letter without
# lower-casing to it ("ſ" for s, "ı"/"İ" for i) make the check unsound: then _LINK runs.
_LINK_NEEDLES = ("http", "www.", "@", ".de", ".com", ".org", ".net", ".at", ".ch", ".eu", ".info",
                 ".gov", ".edu")
_ODD_CASE = "ſıİ"


def _mask_links(text: str) -> str:
    lowered = text.lower()
    # Speed trick: map and three substring searches instead of a generator and a set
    # test (which hashes every character of the text); the same test.
    if not any(map(lowered.__contains__, _LINK_NEEDLES)) and not any(
        map(text.__contains__, _ODD_CASE)
    ):
        return text
    return _LINK.sub(lambda m: "x" * len(m.group(0)), text)


def _sentencex_spans(text: str, language: str) -> list[tuple[int, int]]:
    """sentencex's sentences of ``text`` as stripped spans.

    sentencex returns consecutive pieces that rebuild its input exactly (white space
    included), so each span's offset is the running length of the pieces before it.
    """
    masked = _mask_links(text)  # same length: offsets in ``masked`` are offsets in ``text``
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in segment(language, masked):
        start, end = pos, pos + len(piece)
        pos = end
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    if pos != len(masked):  # never seen; keep the text whole rather than lose any of it
        return [(len(text) - len(text.lstrip()), len(text.rstrip()))]
    return spans


def _ordinal_continues(text: str, previous: tuple[int, int], following: str, language: str) -> bool:
    """Does the piece ``previous`` end in an ordinal that the piece ``following`` completes?

    "Der 20. Jahrestag", "im 19. Jahrhundert", "seine 3. Amtszeit", "ab 1. Januar": in
    German a number with a full stop after an article, a preposition or a possessive is
    an ordinal, unless the next word opens a sentence ("am 3. Das war …") or a bare
    preposition leads a four-digit number, a year or an amount ("seit 2019.", "auf 1000.").
    After anything else ("Er belegte Platz 3. Dann kam Anna.") it may end the sentence.
    """
    found = _ORDINAL_END.search(text[previous[0] : previous[1]])
    if found is None:
        return False
    lead = found.group(1)
    if lead is None:  # the piece is only the number: a list item's "1." opens the next
        return True
    lead = lead.lower()
    if language != "de" or lead not in _ORDINAL_LEADS:
        return False
    if lead in _PREPOSITIONS and len(found.group(2)) == 4:
        return False
    word = _FIRST_WORD.match(following)
    return word is None or word.group(0).lower() not in _OPENERS


def _ends_in_number(text: str, end: int) -> bool:
    r"""Could the piece ending at ``end`` end in "<digit>."?

    Speed trick: _LIST_NUMBER_END and _ORDINAL_END both end in "\d{1,N}\.$", so they can
    only match a piece whose last characters are a digit (``isdecimal`` is exactly what
    ``\d`` matches) and a full stop, or that followed by "\n" ("$" also matches before a
    final line break). Every other piece skips both searches.
    """
    if text[end - 1 : end] == "\n":
        return True
    return text[end - 1 : end] == "." and text[end - 2 : end - 1].isdecimal()


# A word's full stop, then a sentence that opens with a number, a phone number or a
# handle ("die Firma. 2023 war …", "neu. +49 30 …", "oft. @stadt twittert"): sentencex's
# German rules never end a sentence there. Not after an abbreviation or a month.
_BEFORE_NUMBER = re.compile(r"(?<![\w.])([^\W\d_]{2,})([.!?])\s+(?=[\d+@#])")
_NO_END_BEFORE_NUMBER = frozenset((
    "str", "nr", "abs", "art", "bzw", "ca", "ggf", "inkl", "tel", "vgl", "bd", "kap", "ziff",
    "no", "vol", "pp", "fig", "abb", "tab", "mio", "mrd", "jan", "feb", "febr", "mär", "apr",
    "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec", "tsd", "std", "min",
))


def _split_before_numbers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for m in _BEFORE_NUMBER.finditer(text, start, end):
            if m.group(2) == "." and m.group(1).lower() in _NO_END_BEFORE_NUMBER:
                continue
            out.append((start, m.end(2)))
            start = m.end()
        out.append((start, end))
    return out


def _repair(text: str, spans: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in _split_before_numbers(text, spans):
        piece = text[start:end]
        # A closing quote stranded at the start of the next piece: give it back.
        if out and piece[:1] in _CLOSING_QUOTES and (len(piece) == 1 or piece[1].isspace()):
            prev_start, _ = out[-1]
            out[-1] = (prev_start, start + 1)
            start += 1
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
            piece = text[start:end]
        if out and (piece[0].islower() or piece[0].isdigit()) and _ABBREVIATION_END.search(
            text[out[-1][0] : out[-1][1]]
        ):
            out[-1] = (out[-1][0], end)
            continue
        if out and _ends_in_number(text, out[-1][1]):
            # "Das ist gut. 2." + "Das auch.": the number opens the next list item.
            item = _LIST_NUMBER_END.search(text, out[-1][0], out[-1][1])
            if item is not None:
                out[-1] = (out[-1][0], item.end(1))
                start = item.start(2)
            elif _ordinal_continues(text, out[-1], piece, language):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def sentence_spans(text: str, language: str = "de") -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, stripped of surrounding spaces."""
    stripped_end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    if start >= stripped_end:
        return []
    if not _BOUNDARY.search(text, start):
        return [(start, stripped_end)]
    return _repair(text, _sentencex_spans(text, language), language)
