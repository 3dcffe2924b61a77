"""A learned last look at each link: keep it or drop it.

After the aligner has linked what the evidence supports, some links in heavily rewritten
texts (fiction, health) are weak pairs that happen to share a word or two. ``refine``
scores each in-order link with a logistic regression that estimates whether the group
is exactly right, and drops links whose log-odds stay below ``min_score``: fewer, surer
links. Features of a group (a rows ↔ b rows):

* its similarity, the IDF share of each side's content found in the other, and the
  share of the weakest b member found in a;
* its shape (sizes of both sides) and length ratio (content words);
* whether it starts and ends paragraphs on both sides;
* the neighbouring links' similarities and the distance of its b rows from where the
  neighbouring links say they should be;
* whether a free b sentence of the same paragraph is still next to it.

The weights are constants fit on the DEplain-web dev split (even pair ids) only, by
bench/fit_links.py (which prints them in the form below).

``confidences`` gives the same estimate for the links that are kept, as a probability,
with their final neighbours: the link's confidence users see. On DEplain-web it is
calibrated for in-order links on both splits (links given .9 were exactly right 87% of
the time on dev and 93% on test, links given .3 about 31%). Moved links get none: the
weights never saw them, and there they were far too sure (.7 given, about 30% right).

May import: the standard library and collatio.core.similarity (for the type).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol, TypeVar

from .similarity import SimilarityModel

FEATURES = (
    "bias", "sim", "cov_a", "cov_b", "min_member", "size_a", "size_b", "abs_log_len_ratio",
    "para_start", "para_end", "prev_sim", "next_sim", "pos_dev", "free_next_to",
)

# Fit on the DEplain-web dev split (even pair ids) by bench/fit_links.py.
WEIGHTS = (
    1.513, 0.9637, 0.6297, 2.988, -1.431, -1.938, -0.2637, -2.027, -0.4276, -0.2831, 0.705,
    1.326, -3.535, -1.538,
)


class _Link(Protocol):
    a: list[int]
    b: list[int]
    similarity: float
    moved: bool
    pinned: bool


L = TypeVar("L", bound=_Link)


def _length(model: SimilarityModel, rows: Sequence[int], side_a: bool) -> float:
    source = model.words.rows_a if side_a else model.words.rows_b
    return sum(sum(source[r].values()) for r in rows)


def _edge(para: Sequence[str], row: int, step: int) -> bool:
    other = row + step
    return other < 0 or other >= len(para) or para[other] != para[row]


def features(
    model: SimilarityModel, rows_a: Sequence[int], rows_b: Sequence[int],
    paragraphs: tuple[Sequence[str], Sequence[str]], prev: _Link | None, nxt: _Link | None,
    taken_b: set[int], sim: float | None = None,
) -> list[float]:
    """Feature vector (in the order of FEATURES) of the group rows_a ↔ rows_b.

    ``sim``: the group's score, when the caller has it (``refine`` scores all at once).
    """
    pa, pb = paragraphs
    if sim is None:
        sim = model.group(rows_a, rows_b)
    cov_a = model.coverage(rows_a, True, rows_b)
    cov_b = model.coverage(rows_b, False, rows_a)
    min_member = min(model.coverage([j], False, rows_a) for j in rows_b) if len(rows_b) > 1 else cov_b
    ratio = math.log((_length(model, rows_b, False) + 1) / (_length(model, rows_a, True) + 1))
    para_start = float(_edge(pa, rows_a[0], -1) and _edge(pb, rows_b[0], -1))
    para_end = float(_edge(pa, rows_a[-1], 1) and _edge(pb, rows_b[-1], 1))
    # Where the neighbouring links put this group's b rows, by linear interpolation.
    lo_a, lo_b = (prev.a[-1], prev.b[-1]) if prev else (-1, -1)
    hi_a, hi_b = (nxt.a[0], nxt.b[0]) if nxt else (model.n_a, model.n_b)
    mid_a = (rows_a[0] + rows_a[-1]) / 2
    expected = lo_b + (hi_b - lo_b) * (mid_a - lo_a) / max(hi_a - lo_a, 1)
    pos_dev = abs((rows_b[0] + rows_b[-1]) / 2 - expected) / max(hi_b - lo_b, 1)
    free_next_to = float(any(
        0 <= j < len(pb) and j not in taken_b and pb[j] == pb[edge]
        for j, edge in ((rows_b[0] - 1, rows_b[0]), (rows_b[-1] + 1, rows_b[-1]))))
    return [1.0, sim, cov_a, cov_b, min_member, float(len(rows_a)), float(len(rows_b)), abs(ratio),
            para_start, para_end, prev.similarity if prev else 1.0, nxt.similarity if nxt else 1.0,
            pos_dev, free_next_to]


def score(feats: Sequence[float], weights: Sequence[float] = WEIGHTS) -> float:
    """Log-odds that the group is exactly right."""
    return sum(w * f for w, f in zip(weights, feats, strict=True))


def confidences(
    model: SimilarityModel, groups: Sequence[L], paragraphs: tuple[Sequence[str], Sequence[str]],
    weights: Sequence[float] = WEIGHTS,
) -> list[float | None]:
    """Per group (in the order given), the estimated probability that it is exactly right.

    None for moved and pinned (user) links: the estimate is learned from in-order links
    (pinned links still count as neighbours, as in ``refine``).
    """
    chain = sorted((g for g in groups if not g.moved), key=lambda g: (g.a[0], g.b[0]))
    taken_b = {j for g in groups for j in g.b}
    estimate: dict[int, float] = {}
    for k, g in enumerate(chain):
        if g.pinned:
            continue
        prev = chain[k - 1] if k else None
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        # An in-order link's similarity is its group score (see align.Group).
        z = score(features(model, g.a, g.b, paragraphs, prev, nxt, taken_b, g.similarity), weights)
        estimate[id(g)] = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
    return [estimate.get(id(g)) for g in groups]


def refine(
    model: SimilarityModel, groups: Sequence[L], paragraphs: tuple[Sequence[str], Sequence[str]],
    min_score: float, weights: Sequence[float] = WEIGHTS,
) -> list[L]:
    """The groups without the in-order links whose learned log-odds are below ``min_score``.

    Pinned (user) and moved links are always kept. Links are judged one after the other
    in order, each with its neighbours as they stand (a dropped link is no neighbour).
    """
    chain = sorted((g for g in groups if not g.moved), key=lambda g: (g.a[0], g.b[0]))
    taken_b = {j for g in groups for j in g.b}
    dropped: set[int] = set()
    kept: list[L] = []
    # One batch of sparse products instead of a group score per link (speed).
    sims = model.group_many([(g.a, g.b) for g in chain])
    for k, (g, sim) in enumerate(zip(chain, sims, strict=True)):
        prev = kept[-1] if kept else None
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        if not g.pinned and score(
            features(model, g.a, g.b, paragraphs, prev, nxt, taken_b, sim), weights
        ) < min_score:
            dropped.add(id(g))
            taken_b -= set(g.b)
        else:
            kept.append(g)
    return [g for g in groups if id(g) not in dropped]
