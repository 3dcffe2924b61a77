"""The learned estimate of a link: which links get one, that it is a probability of the
same score the last look uses, and that it reaches links, exports and reloads."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

import pytest
from collatio.core import compare
from collatio.core.export_csv import export_csv
from collatio.core.jsonio import comparison_from_json, comparison_to_json
from collatio.core.linkscore import confidences, features, score
from collatio.core.similarity import SimilarityModel

ORIGINAL = [
    "Die Stadt Bonn plant einen neuen Radweg entlang des Rheinufers.",
    "Der Bau soll im Frühjahr beginnen und rund zwei Millionen Euro kosten.",
    "Anwohner hatten sich seit Jahren über gefährliche Kreuzungen beschwert.",
    "Der Bürgermeister sprach von einem wichtigen Schritt für die Verkehrswende.",
]
REWRITE = [
    "Die Stadt Bonn plant einen neuen Radweg entlang des Rheinufers.",
    "Der Bau soll im Frühjahr beginnen.",
    "Er wird rund zwei Millionen Euro kosten.",
    "Anwohner beschweren sich seit Jahren über gefährliche Kreuzungen.",
    "Der Bürgermeister sprach von einem wichtigen Schritt für die Verkehrswende.",
]
PARAGRAPHS = (["a.p0"] * len(ORIGINAL), ["b.p0"] * len(REWRITE))


@dataclass
class FakeLink:
    a: list[int]
    b: list[int]
    similarity: float = 0.5
    moved: bool = False
    pinned: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def model() -> SimilarityModel:
    return SimilarityModel(ORIGINAL, REWRITE)


def scored(m: SimilarityModel, *links: FakeLink) -> list[FakeLink]:
    """The links with their group scores, as the aligner leaves in-order links."""
    for link in links:
        link.similarity = m.group(link.a, link.b)
    return list(links)


def test_each_estimate_is_the_probability_of_the_last_looks_score() -> None:
    m = model()
    chain = scored(m, FakeLink([0], [0]), FakeLink([1], [1, 2]), FakeLink([2], [3]), FakeLink([3], [4]))
    got = confidences(m, chain, PARAGRAPHS)
    taken = {j for g in chain for j in g.b}
    for k, (link, p) in enumerate(zip(chain, got, strict=True)):
        prev = chain[k - 1] if k else None
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        z = score(features(m, link.a, link.b, PARAGRAPHS, prev, nxt, taken))
        assert p == pytest.approx(1 / (1 + math.exp(-z)))


@pytest.mark.parametrize(
    ("link", "estimated"),
    [
        # An in-order link: estimated.
        (FakeLink([2], [3]), True),
        # A moved link: the weights never saw one, so no estimate.
        (FakeLink([2], [3], moved=True), False),
        # A user's link: the user decided, nothing to estimate.
        (FakeLink([2], [3], pinned=True), False),
    ],
)
def test_which_links_get_an_estimate(link: FakeLink, estimated: bool) -> None:
    m = model()
    groups = scored(m, FakeLink([0], [0]), link, FakeLink([3], [4]))
    assert (confidences(m, groups, PARAGRAPHS)[1] is not None) is estimated


def test_estimates_follow_the_order_the_links_are_given_in() -> None:
    m = model()
    chain = scored(m, FakeLink([0], [0]), FakeLink([1], [1, 2]), FakeLink([2], [3]), FakeLink([3], [4]))
    forward = confidences(m, chain, PARAGRAPHS)
    backward = confidences(m, chain[::-1], PARAGRAPHS)
    assert backward == forward[::-1]
    assert len(set(forward)) > 1  # not one number for every link


def test_a_copied_sentence_is_surer_than_a_split_that_misses_its_second_half() -> None:
    m = model()
    chain = scored(m, FakeLink([0], [0]), FakeLink([1], [1]), FakeLink([2], [3]), FakeLink([3], [4]))
    copied, half_split = confidences(m, chain, PARAGRAPHS)[:2]
    assert copied is not None and half_split is not None
    assert copied > 0.9 > half_split


def test_compare_gives_every_in_order_link_an_estimate_and_moved_ones_none() -> None:
    text_a = "\n".join(ORIGINAL) + "\n"
    # The residents' complaint moves to the end: a moved link.
    text_b = "\n".join([REWRITE[0], REWRITE[1], REWRITE[2], REWRITE[4], REWRITE[3]]) + "\n"
    result = compare(text_a, text_b, presegmented=True)
    assert [link.moved for link in result.links if link.confidence is None] == [True]
    assert all(0.0 < (link.confidence or 0.5) < 1.0 for link in result.links)


def test_the_estimate_survives_json_and_reaches_the_csv() -> None:
    text_a, text_b = "\n".join(ORIGINAL) + "\n", "\n".join(REWRITE) + "\n"
    result = compare(text_a, text_b, presegmented=True)
    assert all(link.confidence is not None for link in result.links)
    again = comparison_from_json(comparison_to_json(result), text_a, text_b)
    assert [link.confidence for link in again.links] == [link.confidence for link in result.links]
    rows = [row for row in csv.DictReader(io.StringIO(export_csv(result))) if row["link"]]
    by_id = {link.id: link for link in result.links}
    for row in rows:
        assert float(row["confidence"]) == pytest.approx(by_id[row["link"]].confidence, abs=1e-3)


def test_json_without_an_estimate_reads_as_none() -> None:
    text_a, text_b = "\n".join(ORIGINAL) + "\n", "\n".join(REWRITE) + "\n"
    data = comparison_to_json(compare(text_a, text_b, presegmented=True))
    for item in data["links"]:
        del item["confidence"]  # a file written before the field existed
    assert {link.confidence for link in comparison_from_json(data, text_a, text_b).links} == {None}
