"""Whole-pipeline behaviour: the sample pair, self-comparison, offsets, guardrails."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.core import (
    CancelToken,
    CompareOptions,
    LinkKind,
    Outcome,
    SentenceStatus,
    Side,
    compare,
)
from collatio.core.normalise import normalise_span
from hypothesis import given, settings
from hypothesis import strategies as st

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


@pytest.fixture(scope="module")
def sample():  # type: ignore[no-untyped-def]
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return compare(a, b, source_a="original", source_b="rewrite")


def _sentence_with(doc, needle: str):  # type: ignore[no-untyped-def]
    found = [s for s in doc.sentences if needle in s.text]
    assert found, needle
    return found[0]


def test_sample_g20_sentence_is_added(sample) -> None:  # type: ignore[no-untyped-def]
    s = _sentence_with(sample.b, "G20-Treffen in Johannesburg")
    assert sample.status(s) is SentenceStatus.ADDED


def test_sample_window_for_peace_quote_is_removed(sample) -> None:  # type: ignore[no-untyped-def]
    s = _sentence_with(sample.a, "Ein Fenster für Frieden öffnet sich")
    assert sample.status(s) is SentenceStatus.REMOVED
    dropped = [q for q in sample.quote_changes if q.change == "dropped" and q.a]
    assert any("Ein Fenster für Frieden" in sample.a.text[q.a[0] : q.a[1]] for q in dropped)


def test_sample_altered_quote_is_flagged(sample) -> None:  # type: ignore[no-untyped-def]
    s = _sentence_with(sample.b, "Die Führer betonten insbesondere")
    link = sample.link_of(s.id)
    assert link is not None and link.quote_changed
    assert any(q.change == "altered" for q in link.quote_changes)


def test_sample_kreml_sentence_is_reworded_link(sample) -> None:  # type: ignore[no-untyped-def]
    s = _sentence_with(sample.b, "Der Kreml beschrieb das Gespräch")
    link = sample.link_of(s.id)
    assert link is not None and link.kind is LinkKind.REWORDED
    assert any("Der Kreml bezeichnete" in sample.a.sentence(x).text for x in link.a)


def test_sample_offsets_point_into_the_input(sample) -> None:  # type: ignore[no-untyped-def]
    for doc in (sample.a, sample.b):
        for s in doc.sentences:
            assert normalise_span(doc.text, s.start, s.end).text.split() == s.text.split()
        for p in doc.paragraphs:
            for sid in p.sentences:
                s = doc.sentence(sid)
                assert p.start <= s.start < s.end <= p.end


def test_compare_text_with_itself_is_all_identical(sample) -> None:  # type: ignore[no-untyped-def]
    text = sample.a.text
    c = compare(text, text)
    assert c.stats.added == 0 and c.stats.removed == 0 and c.stats.moved == 0
    assert all(link.kind is LinkKind.IDENTICAL for link in c.links)
    assert all(
        len(link.a) == 1 and link.a[0].replace("a.", "") == link.b[0].replace("b.", "")
        for link in c.links
    )


SENTENCES = st.lists(
    st.sampled_from(
        [
            "Der Kreml bezeichnete das Gespräch als warm.",
            "China und Russland sind gute Nachbarn.",
            "Trump will den Krieg in der Ukraine beenden.",
            "Wang Yi sprach in München über Frieden.",
            "Die Invasion begann vor drei Jahren.",
            "Xi Jinping telefonierte am Montag mit Putin.",
            # Function words only: no term the lexical signals count.
            "»Doch!«",
            "Und dann?",
            "Das ist es.",
        ]
    ),
    min_size=1,
    max_size=12,  # and a sentence may come back (a refrain, a repeated answer)
)


@settings(max_examples=60, deadline=None)
@given(SENTENCES, st.integers(min_value=1, max_value=4))
def test_property_self_comparison_is_unchanged(sentences: list[str], per_paragraph: int) -> None:
    text = "\n\n".join(" ".join(sentences[k:k + per_paragraph])
                        for k in range(0, len(sentences), per_paragraph))
    c = compare(text, text)
    content = list(c.a.content_sentences())
    assert len(c.links) == len(content)
    assert c.stats.added == c.stats.removed == 0 and c.quote_changes == ()
    assert all(link.kind is LinkKind.IDENTICAL and not link.moved for link in c.links)
    # Each sentence with its own copy.
    assert all(len(link.a) == len(link.b) == 1 and link.a[0][2:] == link.b[0][2:] for link in c.links)


def test_oversized_input_is_skipped_with_a_message() -> None:
    c = compare("a" * 50, "b", options=CompareOptions(max_chars=10))
    assert c.outcome is Outcome.SKIPPED
    assert "original" in c.message and "size limit" in c.message
    assert c.a.text == "a" * 50  # nothing is lost, even when skipped


def test_cancelled_run_says_so() -> None:
    token = CancelToken()
    token.cancel()
    c = compare("Ein Satz.", "Ein Satz.", cancel=token)
    assert c.outcome is Outcome.CANCELLED
    assert c.links == ()


def test_progress_is_reported_in_order() -> None:
    seen: list[float] = []
    compare("Ein Satz.", "Ein anderer Satz.", progress=lambda f, stage: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_document_sides() -> None:
    c = compare("Eins.", "Zwei.")
    assert c.document(Side.A) is c.a and c.document(Side.B) is c.b


@pytest.mark.parametrize("floor", [0.3, 0.5])
def test_min_similarity_drops_the_weaker_links(sample, floor: float) -> None:  # type: ignore[no-untyped-def]
    """A hard floor: no link below it, and the links above it stay as they were."""
    assert any(link.similarity < floor for link in sample.links)  # the case is not empty
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    floored = compare(a, b, options=CompareOptions(min_similarity=floor))
    assert floored.links and all(link.similarity >= floor for link in floored.links)
    assert {(link.a, link.b) for link in floored.links} == {
        (link.a, link.b) for link in sample.links if link.similarity >= floor}
    assert floored.stats.removed > sample.stats.removed


def test_the_longest_verbatim_run_goes_on_across_sentences() -> None:
    """Churnalism's measure: the longest passage copied word for word, not the longest
    sentence. A changed word, or a sentence the copy left out, ends the passage."""
    sentences = [f"Der {n}. Satz des Artikels erzählt etwas über die Stadt Nummer {n}." for n in range(1, 8)]
    words = len(sentences[0].replace(".", " ").split())  # 10 words each ("1." counts once)
    a = " ".join(sentences)
    assert compare(a, a).stats.longest_verbatim_words == 7 * words
    b = " ".join(sentences[:2] + sentences[3:])  # the copy leaves out the third sentence
    assert compare(a, b).stats.longest_verbatim_words == 4 * words


def test_shared_punctuation_alone_is_no_verbatim_reuse() -> None:
    # A link whose word diff keeps only the full stop: nothing was copied word for word.
    from dataclasses import replace

    from collatio.core.model import DiffOp, OpKind
    from collatio.core.stats import compute_stats

    a, b = "Der Rat hat lange beraten.", "Ganz andere Wörter stehen drin."
    c = compare(a, a)
    ops = (DiffOp(OpKind.DELETE, (0, len(a) - 1), None), DiffOp(OpKind.INSERT, None, (0, len(b) - 1)),
           DiffOp(OpKind.EQUAL, (len(a) - 1, len(a)), (len(b) - 1, len(b))))
    doc_b = replace(c.b, text=b, sentences=(replace(c.b.sentences[0], end=len(b), text=b),))
    link = replace(c.links[0], ops=ops)
    stats = compute_stats(c.a, doc_b, [link], {"a.s0"}, {"b.s0"})
    assert stats.b_verbatim_pct == 0.0 and stats.longest_verbatim_words == 0
