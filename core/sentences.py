"""Split a paragraph into sentences (German and English), as character spans.

pysbd does the rule work (abbreviations, ordinals like "am 3. März", decimals,
quotations); this module adds what it gets wrong on news text and keeps it fast:

* URLs, e-mail addresses and domain names are masked before pysbd sees them, with
  letters of the same length, so "?" or "." inside them never ends a sentence;
* a closing straight quote that pysbd leaves at the start of the next piece
  (``"This is fine." Then``) goes back to the sentence it closes;
* a piece that starts with a lower-case letter or a digit after an abbreviation
  ("Hauptstr. 5", "Nr. 3") is joined to the piece before;
* text without any candidate boundary (headings, one-sentence paragraphs) skips
  pysbd, which costs about a millisecond per call; elsewhere pysbd runs only on the
  parts of a paragraph that need it (collatio.core.presplit), with its patterns
  compiled once and no state shared between threads (collatio.core.sbd).

May import: the standard library and collatio.core.presplit (pysbd, run only where needed).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .presplit import split as pysbd_split

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


# Speed trick: every match of _LINK holds "http", "www.", "@" or "." + a domain ending
# (case-insensitively), so text with none of them in its lower-case form is returned
# as it is without running _LINK (a slow pattern: ~0.1 s over the whole DEplain
# concatenation). Characters that re.IGNORECASE matches to an ASCII letter without
# lower-casing to it ("ſ" for s, "ı"/"İ" for i) make the check unsound: then _LINK runs.
_LINK_NEEDLES = ("http", "www.", "@", ".de", ".com", ".org", ".net", ".at", ".ch", ".eu", ".info",
                 ".gov", ".edu")
_ODD_CASE = frozenset("ſıİ")


def _mask_links(text: str) -> str:
    lowered = text.lower()
    if not any(needle in lowered for needle in _LINK_NEEDLES) and _ODD_CASE.isdisjoint(text):
        return text
    return _LINK.sub(lambda m: "x" * len(m.group(0)), text)


_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")


class _Compacted:
    """``text`` with each run of white space as one space, mapping positions back.

    pysbd's quote rules miss a boundary after „…“ followed by two spaces. The map is
    kept as the runs that were shortened (not a list with one entry per character):
    a position's origin is itself plus the characters dropped before it.
    """

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        self.at: list[int] = []  # compact position just after each shortened run
        self.shift: list[int] = []  # characters dropped up to and including that run
        dropped = 0
        last = 0
        for match in _SPACE_RUN.finditer(text):
            parts.append(text[last : match.start()])
            parts.append(" ")
            dropped += len(match.group(0)) - 1
            self.at.append(match.start() - (dropped - len(match.group(0)) + 1) + 1)
            self.shift.append(dropped)
            last = match.end()
        parts.append(text[last:])
        self.text = "".join(parts)

    def origin(self, pos: int) -> int:
        """Source position of compact position ``pos`` (a run maps to its start)."""
        k = bisect_right(self.at, pos)
        return pos + (self.shift[k - 1] if k else 0)


def _pysbd_spans(text: str, language: str) -> list[tuple[int, int]]:
    compact = _Compacted(_mask_links(text))
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pysbd_split(compact.text, language):
        piece = piece.strip()
        if not piece:
            continue
        found = compact.text.find(piece, cursor)
        if found < 0:
            # pysbd changed the text; keep the rest as one sentence rather than lose it.
            break
        spans.append((compact.origin(found), compact.origin(found + len(piece) - 1) + 1))
        cursor = found + len(piece)
    rest = compact.origin(cursor) if cursor < len(compact.text) else len(text)
    while rest < len(text) and text[rest].isspace():
        rest += 1
    if rest < len(text.rstrip()):
        spans.append((rest, len(text.rstrip())))
    return spans


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
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
    return _repair(text, _pysbd_spans(text, language))
