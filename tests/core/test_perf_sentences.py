"""The fast sentence splitting paths give exactly what pysbd gives.

collatio.core.sbd runs pysbd's rules without its regex recompilation (and with a
linear German abbreviation scan); collatio.core.presplit cuts German paragraphs at
boundaries no rule can veto and runs pysbd only on the rest. Both must return the
pieces ``pysbd.Segmenter(language, clean=False).segment`` returns. Paragraphs are
generated from the material pysbd's rules look at: abbreviations, ordinals and list
markers, quotations and brackets, "!" and "?", hyphens.
"""

from __future__ import annotations

import re
import sys

import pysbd
from collatio.core import presplit, sbd, sentences
from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = ["Haus", "kam", "spät", "nach", "Berlin", "Käfer-Bauch", "genau", "Stadt", "von",
         "viele", "Die", "Viele", "und", "im", "Jahr", "2020", "12", "3", "100", "Xi",
         "Gen", "Usa", "Co", "KG", "TV", "ab", "Euro", "Mio", "Tel", "zwei", "Yahoo"]
TOKENS = [*WORDS, *WORDS, "usw.", "z. B.", "z.B.", "Dr.", "Nr.", "v.", "ca.", "Mio.", "St.",
          "u. a.", "Di.", "3.", "4.", "24.", "1.000", "a)", "b)", "(c)", "iv.", "a.", "b.",
          "„Das", "ist", "gut.“", '"Gut."', "«So»", "(siehe", "oben)", "--", "'s", "geht's",
          "Yahoo!", "?", "!", ",", ":", "…", "...", "März", "Februar",
          "Vſt.", "İv.", "ıv."]  # characters whose case-insensitive match is odd
ENDS = [".", ".", ".", "!", "?", ".“", ""]


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 7))):
        words = draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=9))
        first = draw(st.sampled_from(["Er", "Die", "Viele", "Das", "Am", "von", "3.", "„Wir"]))
        sentences.append(" ".join([first, *words]) + draw(st.sampled_from(ENDS)))
    # Mostly single spaces (what collatio.core.sentences passes), sometimes other space.
    return "".join(s + draw(st.sampled_from([" ", " ", " ", " ", "\n", "  ", "\t", "\r", "\r\n"]))
                   for s in sentences).rstrip()


def _pieces(found: list[str]) -> list[str]:
    return [p.strip() for p in found if p.strip()]


def _reference(text: str) -> list[str]:
    return _pieces(pysbd.Segmenter(language="de", clean=False).segment(text))


@settings(max_examples=300, deadline=None)
@given(paragraphs())
def test_sbd_split_is_pysbd(text: str) -> None:
    assert _pieces(sbd.split(text, "de")) == _reference(text)


@settings(max_examples=600, deadline=None)
@given(paragraphs())
def test_presplit_is_pysbd(text: str) -> None:
    assert _pieces(presplit.split(text, "de")) == _reference(text)


def test_presplit_cuts_only_where_no_rule_can_veto() -> None:
    text = "Er kam spät nach Hause. Die Stadt war still. Sie schlief schon. Dr. Kim rief an."
    ends = [text[:c].rsplit(" ", 1)[-1] for c in presplit._clear_boundaries(text)]
    assert ends == ["Hause.", "still.", "schon."]  # "Dr." is an abbreviation: no cut
    assert presplit.split(text, "de") == _reference(text)


def test_odd_text_guard_lists_every_case_insensitive_oddity() -> None:
    # sbd skips an abbreviation search when " " + abbr is not in the lowered text; that
    # is exact only if no character matches an abbreviation letter under IGNORECASE
    # without lowering to it. Those characters must be in sbd._ODD_TEXT.
    letters = {c.lower() for a in pysbd.lang.deutsch.Deutsch.Abbreviation.ABBREVIATIONS
               for c in a.strip() if c != "."}
    letter = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.IGNORECASE)
    odd = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if len(chr(cp).lower()) != 1
        or (letter.fullmatch(chr(cp)) and chr(cp).lower() not in letters)
    ]
    assert odd and all(sbd._ODD_TEXT.search(c) for c in odd), odd


def _pysbd_abbreviation_scan(text: str) -> str:
    replacer = pysbd.lang.deutsch.Deutsch.AbbreviationReplacer(text, pysbd.lang.deutsch.Deutsch)
    return str(replacer.search_for_abbreviations_in_string(text))


@settings(max_examples=300, deadline=None)
@given(paragraphs(), st.lists(st.integers(0, 400), max_size=6))
def test_abbreviation_scan_is_pysbds_with_line_breaks(text: str, breaks: list[int]) -> None:
    # pysbd's list rules put "\r" between list items before the abbreviation scan; the
    # str.find scan (sbd._word_starts) reads "\r" and "\n" as spaces. Spaces of the
    # generated text are turned into "\r" or "\n" at random places to check that.
    chars = list(text)
    for k in breaks:
        if chars and chars[k % len(chars)] == " ":
            chars[k % len(chars)] = "\r" if k % 2 else "\n"
    mixed = "".join(chars)
    ours = sbd._Deutsch.AbbreviationReplacer(mixed, sbd._Deutsch)
    assert ours.search_for_abbreviations_in_string(mixed) == _pysbd_abbreviation_scan(mixed)


LINKY = ["www.zdf.de", "WWW.ZDF.DE", "edition.cnn.com", "a.b@mail.org", "http://x.org/y?z",
         "HTTPS://Bund.de/a.", "zdf.de.", "Bund.DE", "tagesschau", "mail", "@", "de", "com",
         "ſ", "ı", "İ", "x.info", "gov", ".", "Er", "kam", "?"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINKY), max_size=8))
def test_link_mask_skips_only_text_without_links(words: list[str]) -> None:
    # sentences._mask_links returns text without any of _LINK_NEEDLES unchanged without
    # running _LINK; it must give what running _LINK always gives.
    text = " ".join(words)
    assert sentences._mask_links(text) == sentences._LINK.sub(lambda m: "x" * len(m.group(0)), text)


def test_link_needles_cover_every_case_insensitive_oddity() -> None:
    # A character that re.IGNORECASE matches to a needle's letter without lower-casing
    # to exactly it ("ı"; "İ" lowers to two characters) must be in sentences._ODD_CASE.
    letters = {c for needle in sentences._LINK_NEEDLES for c in needle if c.isalpha()}
    letter = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    odd = {
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if letter.fullmatch(chr(cp)) and chr(cp).lower() not in letters
    }
    assert odd <= sentences._ODD_CASE, odd
