"""Align the sentences of two documents: 1:1, 1:n, n:1, n:m, moves, and unmatched.

1. Score only the pairs that share a term (sparse), and link 1:1 greedily, strongest
   first, with a small bonus for pairs at similar relative positions: order is strong
   evidence, but not an assumption.
2. The heaviest order-preserving chain of links is the backbone; a link off it is a
   move, kept only if it clears the stricter moved threshold.
3. Grow links into splits and merges: an unlinked sentence next to a link joins it when
   most of its content is found on the other side and the group's similarity holds.

Rows are indices into the content-sentence lists given to ``align_sentences``.

May import: the standard library, numpy, and collatio.core.{options,similarity}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .options import CompareOptions
from .similarity import SimilarityModel, relative_position

POSITION_BONUS = 0.10
GROW_COVERAGE = 0.55
GROW_SLACK = 0.02


@dataclass
class Group:
    a: list[int]
    b: list[int]
    similarity: float
    moved: bool = False
    pinned: bool = False  # from a user override: never grown, never dropped
    extra: dict[str, object] = field(default_factory=dict)


def _greedy_pairs(model: SimilarityModel, threshold: float) -> list[Group]:
    scores = model.pair_scores()
    candidates: list[tuple[float, float, int, int]] = []
    for i, j, s in zip(scores.row, scores.col, scores.data, strict=True):
        if s < threshold:
            continue
        drift = abs(relative_position(int(i), model.n_a) - relative_position(int(j), model.n_b))
        candidates.append((float(s) + POSITION_BONUS * (1.0 - min(1.0, 2 * drift)), float(s), int(i), int(j)))
    candidates.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    groups: list[Group] = []
    for _, s, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        groups.append(Group([i], [j], s))
    return groups


def heaviest_chain(pairs: list[tuple[int, int, float]]) -> set[int]:
    """Indices of the heaviest chain increasing in both coordinates (pairs sorted by a)."""
    # O(n^2) over links is fine: links number in the hundreds per article; for books
    # the chain is computed per block (see compare), keeping it near-linear overall.
    n = len(pairs)
    best = [0.0] * n
    back = [-1] * n
    order = sorted(range(n), key=lambda k: (pairs[k][0], pairs[k][1]))
    for pos, k in enumerate(order):
        a, b, w = pairs[k]
        best[k] = w
        # Search only a window of recent candidates when there are very many links.
        for q in order[max(0, pos - 400) : pos]:
            if pairs[q][0] < a and pairs[q][1] < b and best[q] + w > best[k]:
                best[k] = best[q] + w
                back[k] = q
    if not n:
        return set()
    k = max(range(n), key=lambda q: best[q])
    chain: set[int] = set()
    while k >= 0:
        chain.add(k)
        k = back[k]
    return chain


def _mark_moves(groups: list[Group], moved_threshold: float) -> list[Group]:
    pairs = [(min(g.a), min(g.b), g.similarity) for g in groups]
    chain = heaviest_chain(pairs)
    kept: list[Group] = []
    for k, group in enumerate(groups):
        if k in chain:
            kept.append(group)
        elif group.similarity >= moved_threshold or group.pinned:
            group.moved = True
            kept.append(group)
    return kept


def _grow(model: SimilarityModel, groups: list[Group], eligible_a: set[int], eligible_b: set[int]) -> None:
    owner_a = {i: g for g in groups for i in g.a}
    owner_b = {j: g for g in groups for j in g.b}
    changed = True
    while changed:
        changed = False
        for side_a in (True, False):
            owner = owner_a if side_a else owner_b
            count = model.n_a if side_a else model.n_b
            eligible = eligible_a if side_a else eligible_b
            for row in range(count):
                if row in owner or row not in eligible:
                    continue
                best: tuple[float, Group] | None = None
                for neighbour in (row - 1, row + 1):
                    group = owner.get(neighbour)
                    if group is None or group.pinned or (best and best[1] is group):
                        continue
                    members = group.a if side_a else group.b
                    partners = group.b if side_a else group.a
                    if model.coverage([row], side_a, partners) < GROW_COVERAGE:
                        continue
                    grown = sorted([*members, row])
                    score = model.group(grown, partners) if side_a else model.group(partners, grown)
                    if score + GROW_SLACK >= group.similarity and (best is None or score > best[0]):
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


def align_sentences(
    model: SimilarityModel,
    options: CompareOptions,
    *,
    pinned: list[Group] | None = None,
    forbidden: set[tuple[int, int]] | None = None,
    check: Callable[[], None] = lambda: None,
) -> list[Group]:
    """Groups of linked rows, sorted by their first row on side a."""
    pinned = pinned or []
    forbidden = forbidden or set()
    taken_a = {i for g in pinned for i in g.a}
    taken_b = {j for g in pinned for j in g.b}
    groups = [
        g
        for g in _greedy_pairs(model, options.link_threshold)
        if g.a[0] not in taken_a and g.b[0] not in taken_b and (g.a[0], g.b[0]) not in forbidden
    ]
    check()
    groups = _mark_moves([*pinned, *groups], options.moved_threshold)
    check()
    eligible_a = set(range(model.n_a)) - taken_a
    eligible_b = set(range(model.n_b)) - taken_b
    _grow(model, groups, eligible_a, eligible_b)
    groups.sort(key=lambda g: (min(g.a), min(g.b)))
    return groups
