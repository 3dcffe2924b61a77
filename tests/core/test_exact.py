"""Exact copies (core/exact.py): always a candidate pair, score 1, cost linear in repeats."""

from __future__ import annotations

import itertools

from collatio.core import compare
from collatio.core.exact import RANK_BAND, identical_pairs, same_text, text_key
from collatio.core.similarity import SimilarityModel


def _pairs(a: list[str], b: list[str]) -> set[tuple[int, int]]:
    m = identical_pairs([text_key(t) for t in a], [text_key(t) for t in b]).tocoo()
    return set(zip(m.row.tolist(), m.col.tolist(), strict=True))


# (side A, side B, pairs expected)
CASES = [
    (["Ja.", "Nein."], ["Nein.", "Ja."], {(0, 1), (1, 0)}),  # order does not matter here
    (["Ja ,  gut."], ["Ja , gut."], {(0, 0)}),  # white space folded
    (["Ja."], ["ja."], set()),  # case matters: that is a copy-edit, not a copy
    (["", "  "], ["", " "], set()),  # nothing to compare
    (["»Doch!«", "x", "»Doch!«"], ["»Doch!«", "»Doch!«"], {(0, 0), (0, 1), (2, 0), (2, 1)}),
]


def test_identical_pairs() -> None:
    for a, b, expected in CASES:
        assert _pairs(a, b) == expected, (a, b)


def test_many_copies_pair_only_with_copies_of_about_the_same_rank() -> None:
    n = 1_000
    pairs = _pairs(["»Doch!«"] * n, ["»Doch!«"] * n)
    assert len(pairs) <= (2 * RANK_BAND + 1) * n  # not n × n
    assert all((k, k) in pairs for k in range(n))  # the copy of the same rank is one
    assert all(abs(i - j) <= RANK_BAND for i, j in pairs)


def test_same_text_joins_the_rows_of_a_group() -> None:
    a, b = ["Er kam.", "Er ging."], ["Er kam. Er ging."]
    keys_a, keys_b = [text_key(t) for t in a], [text_key(t) for t in b]
    assert same_text(keys_a, keys_b, [0, 1], [0])  # a merge that changed no character
    assert not same_text(keys_a, keys_b, [0], [0])
    assert not same_text(keys_a, keys_b, [], [0])


def test_function_words_only_still_score_one() -> None:
    texts = ["Und dann?", "»Doch!«"]
    model = SimilarityModel(texts, texts)
    scores = model.pair_scores().tocsr()
    assert scores[0, 0] == 1.0 and scores[1, 1] == 1.0
    assert model.group([1], [1]) == 1.0 and model.group_many([([0], [0]), ([0], [1])]) == [1.0, 0.0]


def test_sentences_of_frequent_words_are_still_linked_to_their_copies() -> None:
    """Every word is in hundreds of sentences, so the per-term cap proposes no pair."""
    words = ["Gott", "sah", "Licht", "gut", "Erde", "Himmel"]
    sentences = [" ".join(p) + "." for p in itertools.permutations(words)][:400]
    text = "\n\n".join(" ".join(sentences[k:k + 4]) for k in range(0, len(sentences), 4))
    c = compare(text, text)
    content = list(c.a.content_sentences())
    assert content and len(c.links) == len(content)
    assert c.stats.added == c.stats.removed == 0
