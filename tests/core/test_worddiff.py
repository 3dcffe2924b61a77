"""Word diff: both texts rebuild from the ops, and edits read as phrases."""

from __future__ import annotations

from collatio.core.model import OpKind
from collatio.core.normalise import normalise_span
from collatio.core.tokens import tokenize
from collatio.core.worddiff import diff_tokens, same_text_ops
from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "der",
        "Kreml",
        "sagte",
        "„warm“",
        "und",
        "freundlich",
        ",",
        "Xi",
        "Putin",
        "China",
        "Russland",
        "nicht",
        "5",
        "Mio.",
    ]
)


def _ops(a: str, b: str):  # type: ignore[no-untyped-def]
    ta = tokenize(normalise_span(a, 0, len(a)))
    tb = tokenize(normalise_span(b, 0, len(b)))
    return ta, tb, diff_tokens([ta], [tb])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=25), st.lists(WORDS, max_size=25))
def test_both_texts_rebuild_from_the_ops(words_a: list[str], words_b: list[str]) -> None:
    a, b = " ".join(words_a), " ".join(words_b)
    ta, tb, ops = _ops(a, b)
    # The a side of equal+delete ops covers every token of a, in order; likewise b.
    covered_a = [a[op.a[0] : op.a[1]] for op in ops if op.op is not OpKind.INSERT and op.a]
    covered_b = [b[op.b[0] : op.b[1]] for op in ops if op.op is not OpKind.DELETE and op.b]
    assert " ".join(covered_a).split() == [t.text for t in ta] or "".join(covered_a).replace(
        " ", ""
    ) == "".join(t.text for t in ta)
    assert "".join(covered_b).replace(" ", "") == "".join(t.text for t in tb)
    # Equal ops pair identical tokens.
    for op in ops:
        if op.op is OpKind.EQUAL and op.a and op.b:
            assert a[op.a[0] : op.a[1]].split() == b[op.b[0] : op.b[1]].split()


def test_identical_texts_are_one_equal_op() -> None:
    text = "Der Kreml bezeichnete das Gespräch als „warm und freundlich“."
    _, _, ops = _ops(text, text)
    assert [op.op for op in ops] == [OpKind.EQUAL]


def test_replaced_phrase_is_one_delete_and_one_insert_not_confetti() -> None:
    a = "Die Führer betonten besonders, dass die außenpolitische Verbindung wichtig ist."
    b = "Die Führer betonten insbesondere, dass die außenpolitische Verbindung wichtig ist."
    _, _, ops = _ops(a, b)
    changed = [op for op in ops if op.op is not OpKind.EQUAL]
    assert len(changed) == 2
    assert a[changed[0].a[0] : changed[0].a[1]] == "besonders"  # type: ignore[index]
    assert b[changed[1].b[0] : changed[1].b[1]] == "insbesondere"  # type: ignore[index]


def test_semantic_cleanup_merges_scattered_small_equalities() -> None:
    a = "Trump hat versucht, Putin in seinen Bestrebungen an seine Seite zu bringen."
    b = "Trump unternimmt Schritte, um Putin in seine Bemühungen einzubeziehen."
    _, _, ops = _ops(a, b)
    # A lone shared "in" between two edits is not kept as a separate equality island.
    assert sum(op.op is OpKind.EQUAL for op in ops) <= 3


def test_ops_split_at_sentence_boundaries() -> None:
    a = "Eins zwei drei. Vier fünf sechs."
    ma = normalise_span(a, 0, 15)
    mb = normalise_span(a, 16, len(a))
    t1, t2 = tokenize(ma), tokenize(mb)
    ops = diff_tokens([t1, t2], [t1 + t2])
    a_spans = [op.a for op in ops if op.a]
    assert all(e <= 15 or s >= 16 for s, e in a_spans)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=" \n\u00a0\u2009„“…-–'’.,!?aäbZ19_", max_size=40), st.text(alphabet=" \n", max_size=3))
def test_same_text_shortcut_gives_the_ops_of_the_full_diff(text: str, pad: str) -> None:
    # compare() skips tokenising and diffing a 1:1 link whose sentences have the same
    # normalised text; the ops must be those the full diff gives, offsets included.
    a = normalise_span(text, 0, len(text))
    padded = pad + text
    b = normalise_span(padded, 0, len(padded))
    if a.text != b.text:
        return
    assert same_text_ops(a, b) == diff_tokens([tokenize(a)], [tokenize(b)])
