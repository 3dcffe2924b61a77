"""Growth of links looks again only at rows whose neighbours changed (speed), and must
decide exactly what full passes over every row decide."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from collatio.core.align import Group, Tuning, _grow
from collatio.core.similarity import SimilarityModel
from hypothesis import given, settings
from hypothesis import strategies as st

_WORDS = ["Ziege", "Wolf", "Geißlein", "Mutter", "Haus", "Kreide", "Stein"]


def _full_passes(
    model: SimilarityModel, groups: list[Group], eligible_a: set[int], eligible_b: set[int],
    paragraphs: tuple[Sequence[str], Sequence[str]] | None, tuning: Tuning,
) -> None:
    """The growth rule as it was first written: every row, every pass, until nothing grows."""
    owner_a = {i: g for g in groups for i in g.a}
    owner_b = {j: g for g in groups for j in g.b}
    changed = True
    while changed:
        changed = False
        for side_a in (True, False):
            owner = owner_a if side_a else owner_b
            count = model.n_a if side_a else model.n_b
            eligible = eligible_a if side_a else eligible_b
            para = paragraphs[0 if side_a else 1] if paragraphs else None
            for row in range(count):
                if row in owner or row not in eligible:
                    continue
                sandwiched = owner.get(row - 1) is not None and owner.get(row - 1) is owner.get(row + 1)
                best: tuple[float, Group] | None = None
                for neighbour in (row - 1, row + 1):
                    group = owner.get(neighbour)
                    if group is None or group.pinned or (best and best[1] is group):
                        continue
                    same_para = para is None or para[row] == para[neighbour]
                    members = group.a if side_a else group.b
                    partners = group.b if side_a else group.a
                    coverage = model.coverage([row], side_a, partners)
                    if same_para and (sandwiched or coverage >= tuning.grow_coverage_para):
                        slack = tuning.grow_slack_para
                    elif coverage >= tuning.grow_coverage:
                        slack = tuning.grow_slack
                    else:
                        continue
                    grown = sorted([*members, row])
                    score = model.group(grown, partners) if side_a else model.group(partners, grown)
                    if score + slack >= group.similarity and (best is None or score > best[0]):
                        best = (score, group)
                if best is not None:
                    score, group = best
                    if side_a:
                        group.a = sorted([*group.a, row])
                    else:
                        group.b = sorted([*group.b, row])
                    group.similarity = score
                    owner[row] = group
                    changed = True


sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(lambda w: " ".join(w) + ".")


@given(
    texts_a=st.lists(sentence, min_size=2, max_size=14),
    texts_b=st.lists(sentence, min_size=2, max_size=14),
    data=st.data(),
)
@settings(max_examples=300, deadline=None)
def test_growth_with_a_worklist_decides_as_full_passes(
    texts_a: list[str], texts_b: list[str], data: st.DataObject
) -> None:
    model = SimilarityModel(texts_a, texts_b)
    # In-order 1:1 seeds, some rows ineligible, paragraphs of a few rows each.
    seeds = data.draw(st.lists(st.tuples(st.integers(0, len(texts_a) - 1), st.integers(0, len(texts_b) - 1)),
                               max_size=5, unique_by=(lambda p: p[0], lambda p: p[1])))
    groups = [Group([i], [j], model.group([i], [j])) for i, j in sorted(seeds)]
    eligible_a = set(data.draw(st.sets(st.integers(0, len(texts_a) - 1)))) | {i for i, _ in seeds}
    eligible_b = set(data.draw(st.sets(st.integers(0, len(texts_b) - 1)))) | {j for _, j in seeds}
    size = data.draw(st.integers(1, 8))
    paragraphs = ([str(i // size) for i in range(len(texts_a))], [str(j // size) for j in range(len(texts_b))])
    # Generous knobs, so that links grow far, leftwards too (over several passes), and on
    # both sides; drawn, so that some rows are refused.
    share = st.floats(0.0, 0.6)
    slack = st.floats(0.0, 1.0)
    tuning = Tuning(grow_coverage=data.draw(share), grow_coverage_para=data.draw(share),
                    grow_slack=data.draw(slack), grow_slack_para=data.draw(slack))
    expected = copy.deepcopy(groups)
    _full_passes(model, expected, eligible_a, eligible_b, paragraphs, tuning)
    _grow(model, groups, eligible_a, eligible_b, paragraphs, tuning)
    assert [(g.a, g.b, g.similarity) for g in groups] == [(g.a, g.b, g.similarity) for g in expected]
