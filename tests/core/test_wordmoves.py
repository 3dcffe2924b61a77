"""Words moved within a link: found in its cuts and its additions, never invented."""

from __future__ import annotations

import re

import pytest
from collatio.core import compare
from collatio.core.model import OpKind
from collatio.core.wordmoves import word_moves
from hypothesis import given, settings
from hypothesis import strategies as st


def _moves(a: str, b: str) -> list[tuple[str, str]]:
    c = compare(a, b)
    assert len(c.links) == 1, "the pair must link for this test to mean anything"
    return [(a[m.a[0]:m.a[1]], b[m.b[0]:m.b[1]])
            for m in word_moves(c.a.text, c.b.text, c.links[0].ops).moved]


CASES = [
    # A vote count moved to the front: the longest phrase in order ("mit 28 zu 12
    # Stimmen") stayed; the subject, the verb and the day moved around it.
    ("Der Rat stimmte am Dienstag mit 28 zu 12 Stimmen für den Antrag der Fraktion.",
     "Mit 28 zu 12 Stimmen stimmte der Rat am Dienstag für den Antrag der Fraktion.",
     {("Der Rat", "der Rat"), ("stimmte", "stimmte"), ("am Dienstag", "am Dienstag")}),
    # One word moved to the end, another across the subject.
    ("Heute sagte der Minister in Berlin, die Steuern würden steigen.",
     "Der Minister sagte in Berlin, die Steuern würden heute steigen.",
     {("Heute", "heute"), ("sagte", "sagte")}),
    # A replacement with words kept in place ("vor", "Jahren") moves nothing.
    ("Es begann vor drei Jahren in Kiew und dauert bis heute an.",
     "Es begann vor vier Jahren in Kiew und dauert bis heute an.", set()),
    # Words replaced, not moved: nothing.
    ("Die Regierung hat das Gesetz am Montag beschlossen.",
     "Die Koalition hat das Gesetz am Montag verabschiedet.", set()),
    # Nothing reordered, a word replaced: no move.
    ("Der Rat stimmte am Dienstag mit großer Mehrheit für den Antrag der Fraktion.",
     "Der Rat stimmte am Mittwoch mit großer Mehrheit für den Antrag der Fraktion.", set()),
    # A short word ("in") alone is not taken for a move.
    ("Sie wohnt in Berlin und arbeitet seit Jahren gern dort.",
     "Sie wohnt seit Jahren in Berlin und arbeitet gern dort.", {("seit Jahren", "seit Jahren")}),
]


@pytest.mark.parametrize(("a", "b", "moves"), CASES)
def test_word_moves(a: str, b: str, moves: set[tuple[str, str]]) -> None:
    assert set(_moves(a, b)) == moves


_WORDS = st.lists(st.sampled_from(["Rat", "Stadt", "stimmte", "heute", "mit", "zwölf", "Stimmen", "für", "den", "Antrag", "der", "großen", "Fraktion", "am", "Abend"]), min_size=3, max_size=14)


@settings(max_examples=60, deadline=None)
@given(_WORDS, _WORDS)
def test_a_move_is_the_same_words_cut_on_one_side_and_added_on_the_other(
        words_a: list[str], words_b: list[str]) -> None:
    a, b = " ".join(words_a) + ".", " ".join(words_b) + "."
    c = compare(a, b)
    if words_a == words_b:  # the same order: nothing moved
        assert all(not word_moves(a, b, link.ops).moved for link in c.links)
    for link in c.links:
        cut = [op.a for op in link.ops if op.op is OpKind.DELETE and op.a]
        added = [op.b for op in link.ops if op.op is OpKind.INSERT and op.b]
        for m in word_moves(a, b, link.ops).moved:
            assert re.findall(r"\w+", a[m.a[0]:m.a[1]].casefold()) == \
                re.findall(r"\w+", b[m.b[0]:m.b[1]].casefold())
            assert any(s <= m.a[0] and m.a[1] <= e for s, e in cut)
            assert any(s <= m.b[0] and m.b[1] <= e for s, e in added)
