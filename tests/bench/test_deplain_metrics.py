"""Smoke test of the DEplain evaluator's metrics and document rebuilding on handmade data
(the benchmark itself is not a test: it needs data outside the repo)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from deplain_data import GoldDocument
from metrics import set_prf, strict


def test_strict_counts_exact_text_pairs_and_divides_by_gold_lines() -> None:
    gold = [("A1", "B1"), ("A2", "B2 B3"), ("Same", "Same")]
    pred = [("A1", "B1"), ("A2", "B2"), ("Same", "Same")]
    score = strict(pred, gold)
    assert score.p == pytest.approx(2 / 3) and score.r == pytest.approx(2 / 3)
    no_identical = strict(pred, gold, exclude_identical=True)
    assert (no_identical.p, no_identical.r, no_identical.n_gold) == (0.5, 0.5, 2)


def test_set_prf_and_empty_sets() -> None:
    score = set_prf({1, 2, 3}, {2, 3, 4, 5})
    assert score.p == pytest.approx(2 / 3) and score.r == 0.5
    assert score.f == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert set_prf(set(), set()).f == 0.0


def test_gold_document_rebuilds_paragraphs_and_pairs() -> None:
    doc = GoldDocument(
        8, "health",
        [("8-1-0-0", "Eins."), ("8-1-0-1", "Zwei."), ("8-1-1-0", "Drei.")],
        [("8-0-0-0", "Eins."), ("8-0-0-1", "Zwei a."), ("8-0-0-2", "Zwei b.")],
        [(("8-1-0-0",), ("8-0-0-0",), "identical"), (("8-1-0-1",), ("8-0-0-1", "8-0-0-2"), "aligned")],
    )
    assert doc.split == "dev"
    assert doc.presegmented("original") == "Eins.\nZwei.\n\nDrei.\n"
    assert doc.gold_pairs() == {("8-1-0-0", "8-0-0-0"), ("8-1-0-1", "8-0-0-1"), ("8-1-0-1", "8-0-0-2")}
