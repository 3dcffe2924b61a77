"""The backbone of the alignment: the heaviest order-preserving chain of sentence pairs.

Each b sentence keeps its best few a sentences above the link threshold (one vectorised
sort, ``top_per_column``). The heaviest order-preserving assignment of b sentences to a
sentences (``monotone_assignment``) is computed with a Fenwick tree in
O(candidates · log n); several b sentences may take the same a sentence (a split). A
split whose b sentences lie far apart keeps only its best cluster (``scattered_pairs``)
and the chain is recomputed. ``chain_pairs`` puts these together for collatio.core.align.

May import: the standard library, numpy, scipy, and collatio.core.similarity (for the type).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from .similarity import SimilarityModel

TIE_BREAK = 1e-9  # far below any difference of scores, see monotone_assignment


class _PrefixMax:
    """Fenwick tree over positions: best (value, node) among positions ≤ i."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)

    def update(self, i: int, item: tuple[float, int]) -> None:
        i += 1
        while i <= self.size:
            if item[0] > self.tree[i][0]:
                self.tree[i] = item
            i += i & -i

    def query(self, i: int) -> tuple[float, int]:
        best: tuple[float, int] = (0.0, -1)
        i += 1
        while i > 0:
            if self.tree[i][0] > best[0]:
                best = self.tree[i]
            i -= i & -i
        return best


def monotone_assignment(
    candidates: list[list[tuple[int, float]]], n_a: int
) -> dict[int, int]:
    """Heaviest order-preserving assignment of b rows to a rows (b → a).

    ``candidates[j]`` lists (a row, positive weight) for b row ``j``. Several b rows may
    share one a row (a split: 1:n), and the a rows of assigned b rows never decrease, so
    crossing links are left for the move pass. Near-linear: a Fenwick tree gives the best
    chain ending at or before each a row.
    """
    tree = _PrefixMax(n_a)
    ending_at: dict[int, tuple[float, int]] = {}  # best chain whose last link is on a row
    nodes: list[tuple[int, int, int]] = []  # (b row, a row, back node)
    best_total: tuple[float, int] = (0.0, -1)
    for j, options in enumerate(candidates):
        pending: list[tuple[int, tuple[float, int]]] = []
        for i, weight in options:
            # Chains ending before row i (this b row starts a link of its own) and those
            # ending on it (this b row joins a split). On a tie the first wins (1:1 over
            # a split): two copies of a sentence are two links, not one merged one.
            before, back = tree.query(i - 1) if i > 0 else (0.0, -1)
            shared, shared_back = ending_at.get(i, (0.0, -1))
            if shared_back >= 0 and shared - TIE_BREAK > before:
                before, back = shared - TIE_BREAK, shared_back
            nodes.append((j, i, back))
            item = (before + weight, len(nodes) - 1)
            pending.append((i, item))
            if item[0] > best_total[0]:
                best_total = item
        for i, item in pending:  # after the queries: a b row never chains with itself
            tree.update(i, item)
            if item[0] > ending_at.get(i, (0.0, -1))[0]:
                ending_at[i] = item
    assignment: dict[int, int] = {}
    node = best_total[1]
    while node >= 0:
        j, i, back = nodes[node]
        assignment[j] = i
        node = back
    return assignment


def top_per_column(
    scores: sparse.csr_matrix, floor: float, k: int
) -> dict[int, list[tuple[float, int]]]:
    """The best ``k`` (score, a row) of each b column at or above ``floor``, best first.

    One vectorised sort of the kept entries instead of a Python sort per column: on long
    documents the columns are long (character grams are shared widely), and sorting
    them one by one was the aligner's quadratic hot spot.
    """
    coo = scores.tocoo()
    keep = coo.data >= floor
    rows, cols, data = coo.row[keep], coo.col[keep], coo.data[keep]
    order = np.lexsort((rows, -data, cols))  # by column, then best score, then row
    rows, cols, data = rows[order], cols[order], data[order]
    starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]]) if cols.size else np.array([], int)
    rank = np.arange(cols.size) - np.repeat(starts, np.diff(np.r_[starts, cols.size]))
    top = rank < k
    out: dict[int, list[tuple[float, int]]] = {}
    for s, i, j in zip(data[top].tolist(), rows[top].tolist(), cols[top].tolist(), strict=True):
        out.setdefault(j, []).append((s, i))
    return out


def scattered_pairs(
    by_a: dict[int, list[int]], columns: dict[int, list[tuple[float, int]]], hole: int,
    headings_b: frozenset[int] = frozenset(),
) -> set[tuple[int, int]]:
    """The pairs of splits whose b rows lie far apart, outside each split's best cluster.

    A short original sentence with a common word ("sprach der Esel") can take every b
    sentence that mentions it as one split spread over pages; kept, it would pin the
    whole chain around it. A real split is a run of nearby sentences (at most ``hole``
    rows between two members), so only its best cluster (by summed score) stays. A title
    or heading (``headings_b``) and body text are never one cluster: a rewrite splits a
    sentence into sentences, not into a headline and a sentence.
    """
    out: set[tuple[int, int]] = set()
    for i, js in by_a.items():
        clusters: list[list[int]] = [[js[0]]]
        for j in js[1:]:
            last = clusters[-1][-1]
            if j - last > hole + 1 or (j in headings_b) != (last in headings_b):
                clusters.append([])
            clusters[-1].append(j)
        if len(clusters) == 1:
            continue
        score = {j: next(s for s, r in columns[j] if r == i) for j in js}
        best = max(clusters, key=lambda c: sum(score[j] for j in c))
        out |= {(i, j) for c in clusters if c is not best for j in c}
    return out


def chain_pairs(
    model: SimilarityModel, scores: sparse.csr_matrix, threshold: float,
    blocked_a: set[int], blocked_b: set[int], forbidden: set[tuple[int, int]],
    per_row: int, split_hole: int | None, split_rounds: int,
    headings_b: frozenset[int] = frozenset(),
) -> tuple[list[tuple[int, list[int], float]], list[tuple[float, int, int]]]:
    """In-order (a row, b rows, group score) from the monotone assignment, and the
    candidate pairs the chain may use (score, a row, b row), for the move pass."""
    columns = top_per_column(scores, threshold, per_row)
    terms_a, terms_b = model.words.term_counts()
    # (score, a row, b row, weight) of every pair the chain may use, by b row.
    pairs: list[list[tuple[float, int, int, float]]] = []
    for j in range(model.n_b):
        options: list[tuple[float, int, int, float]] = []
        if j not in blocked_b:
            for s, i in columns.get(j, ()):
                if s < threshold or int(i) in blocked_a or (int(i), j) in forbidden:
                    continue
                # A long sentence matched well is more evidence of order than a short one.
                info = math.log1p(min(terms_a[i], terms_b[j]))
                options.append((float(s), int(i), j, (float(s) - threshold + 1e-3) * max(info, 0.5)))
        pairs.append(options)
    # Scattered splits leave the chain and it is recomputed, until none is left or after
    # ``split_rounds`` rounds (each round costs a whole chain; on DEplain dev a fourth
    # round changed nothing).
    # Each b row's (a row, weight) options in a-row order, sorted once for every round.
    ordered = [sorted((i, w) for _, i, _, w in options) for options in pairs]
    scattered: set[tuple[int, int]] = set()
    by_a: dict[int, list[int]] = {}
    for _ in range(max(split_rounds, 1)):
        candidates = ordered if not scattered else [
            [(i, w) for i, w in options if (i, j) not in scattered] for j, options in enumerate(ordered)]
        assignment = monotone_assignment(candidates, model.n_a)
        by_a = {}
        for j, i in sorted(assignment.items()):
            by_a.setdefault(i, []).append(j)
        more = (scattered_pairs(by_a, columns, split_hole, headings_b) if split_hole is not None
                else set())
        if not more:
            break
        scattered |= more
    leftovers = [(s, i, j) for options in pairs for s, i, j, _ in options if (i, j) not in scattered]
    chained = sorted(by_a.items())
    group_scores = model.group_many([([i], js) for i, js in chained])
    return [(i, js, score) for (i, js), score in zip(chained, group_scores, strict=True)], leftovers
