"""Normalisation: entities, hyphens at line ends, white space, typography folding."""

from __future__ import annotations

import pytest
from collatio.core.normalise import (
    ReadingRun,
    fold_typography,
    normalise_span,
    readable,
    reading_runs,
)

VOCAB = frozenset({"bemühungen", "staatsführer"})


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("&amp;hellip;", "…"),  # double escape from the sample teaser
        ("&amp;amp;hellip;", "…"),  # triple escape
        ("x &amp;amp;quot;y&amp;amp;quot;", 'x "y"'),  # double-escaped quotes
        ("AT&amp;T", "AT&T"),  # a single escape inside a word
        ("&amp;foo;", "&foo;"),  # an escaped ampersand before a non-entity stays literal
        ("Fish &amp; Chips", "Fish & Chips"),  # the common single escape
        ("&#8222;Zitat&#8220;", "„Zitat“"),  # numeric entities
        ("&#x2013;", "–"),  # hex entity
        ("a &nbsp; b", "a b"),  # an NBSP entity joins the surrounding white space
        ("Zu&shy;cker", "Zucker"),  # soft hyphen as entity is invisible
        ("Zu\u00adcker", "Zucker"),  # soft hyphen as character
        ("a\u00a0b", "a b"),  # NBSP character folds to a space
        ("Bemü-\nhungen", "Bemühungen"),  # split word known to the vocabulary: joined
        ("Staats-\n\n\nführer", "Staatsführer"),  # joined across a page break too
        ("Trump-\nAdministration", "Trump-Administration"),  # capital after the break: compound kept
        ("dual-\nuse", "dual-use"),  # "dualuse" is not a word anywhere: hyphen kept
        ("2020-\n2021", "2020-2021"),  # digits: hyphen kept, break dropped
        ("Wort -\nweiter", "Wort - weiter"),  # a spaced dash is punctuation, not hyphenation
        ("  zwei\n\n  Zeilen  ", "zwei Zeilen"),  # white space runs fold, ends trimmed
    ],
)
def test_normalised_text(source: str, expected: str) -> None:
    assert normalise_span(source, 0, len(source), VOCAB).text == expected


def test_without_vocabulary_no_hyphen_is_removed() -> None:
    source = "Bemü-\nhungen"
    assert normalise_span(source, 0, len(source)).text == "Bemü-hungen"


def test_every_character_maps_back_to_its_source() -> None:
    source = "Er sagte &amp;hellip; „nein“ zu Bemü-\nhungen."
    mapped = normalise_span(source, 0, len(source), VOCAB)
    ellipsis = mapped.text.index("…")
    assert source[slice(*mapped.source_span(ellipsis, ellipsis + 1))] == "&amp;hellip;"
    word = mapped.text.index("Bemühungen")
    assert source[slice(*mapped.source_span(word, word + len("Bemühungen")))] == "Bemü-\nhungen"


def test_fold_typography_is_for_matching_only() -> None:
    assert fold_typography("„nicht“ – ‚so‘\u00a0…") == "\"nicht\" - 'so' ..."
    source = "„nicht“ – so"
    assert normalise_span(source, 0, len(source)).text == source  # display keeps the originals


@pytest.mark.parametrize(
    ("source", "runs"),
    [
        ("anhaltend &amp;hellip;", [ReadingRun(10, 22, "…")]),  # the sample teaser's double escape
        ("AT&amp;T und &#8222;", [ReadingRun(2, 7, "&"), ReadingRun(13, 20, "„")]),  # two, in order
        ("&amp;foo;", [ReadingRun(0, 5, "&")]),  # an escaped ampersand; "foo;" is no entity
        ("&foo; &", []),  # an unknown name and a bare ampersand read as they are
        ("a&nbsp;b", [ReadingRun(1, 7, " ")]),  # white space reads as one plain space
        ("Zu&shy;cker", [ReadingRun(2, 7, "\u00ad")]),  # a soft hyphen stays invisible
        ("kein Zeichen", []),  # nothing to decode
        ("der\n    amerikanischen", [ReadingRun(3, 8, " ")]),  # a PDF line break and indent
        ("a\tb  c", [ReadingRun(1, 2, " "), ReadingRun(3, 5, " ")]),  # a tab, two spaces
    ],
)
def test_reading_runs_say_what_each_entity_reads_as(source: str, runs: list[ReadingRun]) -> None:
    assert list(reading_runs(source)) == runs


def test_reading_runs_stay_inside_the_span_they_are_asked_for() -> None:
    text = "x &amp;hellip; y &amp;"
    # A window that cuts the double escape short sees only the escaped ampersand.
    assert reading_runs(text, 0, 8) == (ReadingRun(2, 7, "&"),)
    assert reading_runs(text, 3) == (ReadingRun(17, 22, "&"),)
    assert readable(text) == "x … y &"
    assert readable(text, 2, 14) == "…"
