"""Report rows' helpers (core/reportrows.py): the sentence a span starts in."""

from __future__ import annotations

import dataclasses

import pytest
from collatio.core import CompareOptions, compare
from collatio.core.model import Document, Sentence
from collatio.core.reportrows import change_words, place, quoted, sentence_of_span
from hypothesis import given
from hypothesis import strategies as st

TEXT = ("Erster Satz hier. Zweiter Satz folgt.\n\n"
        "Ein neuer Absatz.   Mit Leerraum davor.\n")
DOC = compare(TEXT, TEXT).a


def _scanned(doc: Document, offset: int) -> Sentence | None:
    """The definition: the sentence whose characters include ``offset``."""
    return next((s for s in doc.sentences if s.start <= offset < s.end), None)


# (offset into TEXT, the sentence's first words, or None: between sentences or outside)
CASES = [
    (0, "Erster Satz"),  # the first character
    (TEXT.index("hier."), "Erster Satz"),  # inside the first sentence
    (TEXT.index("Zweiter"), "Zweiter Satz"),  # the first character of the second
    (TEXT.index("Mit"), "Mit Leerraum"),  # after a run of spaces
    (len(TEXT) + 5, None),  # past the end of the text
]


def test_the_sentence_a_span_starts_in() -> None:
    for offset, words in CASES:
        found = sentence_of_span(DOC, (offset, offset + 1))
        if words is None:
            assert found is None, offset
        else:
            assert found is not None and DOC.text[found.start:found.end].startswith(words), offset


@given(st.integers(min_value=-3, max_value=len(TEXT) + 3))
def test_the_search_agrees_with_the_definition_at_every_offset(offset: int) -> None:
    assert sentence_of_span(DOC, (offset, offset + 2)) == _scanned(DOC, offset)


@pytest.mark.parametrize(("language", "expected"), [
    ("de", "„Wir sind Freunde“"),  # German low-high marks
    ("en", "“Wir sind Freunde”"),  # English curly marks
    ("fr", "« Wir sind Freunde »"),  # French guillemets with their spaces
    ("pl", "“Wir sind Freunde”"),  # a language without its own entry: English marks
])
def test_reports_quote_in_the_marks_of_the_language(language: str, expected: str) -> None:
    c = compare("Er sagte etwas.", "Er sagte etwas.", options=CompareOptions(language="de"))
    c = dataclasses.replace(c, options={**c.options, "language": language})
    assert quoted(c, "Wir sind Freunde") == expected


def test_an_english_reattribution_is_noted_in_english_marks() -> None:
    q = "We cannot keep asking families to wait while Washington argues"
    c = compare(f'"{q}," said Sen. Mark Hollis.', f'"{q}," said Gov. Daniel Reyes.',
                options=CompareOptions(language="en"))
    (change,) = c.quote_changes
    assert change_words(c, change, c.links[0]) == (
        "quotation attributed to someone else",
        "“We cannot keep asking families to …” Mark Hollis → Daniel Reyes")


@pytest.mark.parametrize(("ids", "expected"), [
    (["a.s0"], "¶1.1"),  # the first sentence of the first paragraph
    (["a.s3"], "¶2.2"),  # the second sentence of the second paragraph
    (["a.s1", "a.s2"], "¶1.2–¶2.1"),  # a run across a paragraph break
    ([], ""),  # no sentence, no place
])
def test_a_place_is_paragraph_and_sentence_as_a_reader_counts(ids: list[str], expected: str) -> None:
    c = compare("Eins ist hier. Zwei ist da.\n\nDrei ist dort. Vier ist fern.\n", "Anders.")
    assert place(c.a, ids) == expected
