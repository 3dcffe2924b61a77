"""Normalisation: entities, hyphens at line ends, white space, typography folding."""

from __future__ import annotations

import pytest
from collatio.core.normalise import fold_typography, normalise_span

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
