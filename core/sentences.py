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
  pysbd, which costs about a millisecond per call.

May import: the standard library and pysbd.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

_LANGUAGES = ("de", "en", "fr", "es", "it", "nl")

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


@lru_cache(maxsize=8)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language if language in _LANGUAGES else "en", clean=False)


def _mask_links(text: str) -> str:
    return _LINK.sub(lambda m: "x" * len(m.group(0)), text)


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of white space as one space, and each character's origin.

    pysbd's quote rules miss a boundary after „…“ followed by two spaces.
    """
    chars: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group(0)[0].isspace():
            chars.append(" ")
            origin.append(match.start())
        else:
            chars.extend(match.group(0))
            origin.extend(range(match.start(), match.end()))
    return "".join(chars), origin


def _pysbd_spans(text: str, language: str) -> list[tuple[int, int]]:
    compact, origin = _compact(_mask_links(text))
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter(language).segment(compact):
        piece = piece.strip()
        if not piece:
            continue
        found = compact.find(piece, cursor)
        if found < 0:
            # pysbd changed the text; keep the rest as one sentence rather than lose it.
            break
        spans.append((origin[found], origin[found + len(piece) - 1] + 1))
        cursor = found + len(piece)
    rest = origin[cursor] if cursor < len(origin) else len(text)
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
