"""Smoke test of the DEplain evaluator's metrics and document rebuilding on handmade data
(the benchmark itself is not a test: it needs data outside the repo)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from deplain_data import GoldDocument, _read_plan
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


PLAN_HEADER = "original,simplification,original_id,simplification_id,pair_id,domain,alignment\n"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # a correctly labelled 1:2 alignment
        ('A.,B. C.,8-1-0-0,8-0-0-0|8-0-0-1,8,health,aligned (1:2)',
         [(("8-1-0-0",), ("8-0-0-0", "8-0-0-1"), "aligned")]),
        # identical sentences labelled "addition" (as in pair 116): the ids win
        ("Gleich.,Gleich.,8-1-0-0,8-0-0-0,8,health,addition",
         [(("8-1-0-0",), ("8-0-0-0",), "identical")]),
        # a paraphrase labelled "deletion" (as in pair 33): an alignment all the same
        ("Er sprach.,Er sagte.,8-1-0-0,8-0-0-0,8,health,deletion",
         [(("8-1-0-0",), ("8-0-0-0",), "aligned")]),
        # a real deletion: the simple side's id is a placeholder
        ("Weg.,,8-1-0-0,8-0-x-x,8,health,deletion", []),
        # "aligned" with a placeholder id on one side is no alignment either
        (",Neu.,8-1-x-x,8-0-0-0,8,health,aligned (1:1)", []),
    ],
)
def test_plan_rows_are_alignments_by_their_ids_not_their_labels(
    tmp_path: Path, row: str, expected: list[tuple[tuple[str, ...], tuple[str, ...], str]]
) -> None:
    plan = tmp_path / "plan_doc_8.csv"
    plan.write_text(PLAN_HEADER + row + "\n", encoding="utf-8")
    assert _read_plan(plan, {}).alignments == expected


def test_link_filter_staleness_check_compares_the_constants_with_a_refit() -> None:
    import numpy as np
    from fit_links import fit, log_loss

    rng = np.random.default_rng(0)
    feature = rng.normal(size=400)
    x = np.column_stack([np.ones(400), feature])
    y = (feature + 0.3 * rng.normal(size=400) > 0).astype(float)
    # weights of zero say 50:50 for every link: log 2 per link
    assert log_loss(x, y, (0.0, 0.0)) == pytest.approx(np.log(2))
    refit = fit(x, y, l2=1.0)
    # the refit explains the labels far better than weights pointing the wrong way
    assert log_loss(x, y, refit) < 0.3 < log_loss(x, y, (0.0, -1.0))
