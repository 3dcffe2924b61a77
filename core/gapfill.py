"""Fill the gaps between in-order links with a small monotone DP (splits in rewrites).

Between two consecutive in-order links, the unlinked sentences on both sides are the
only candidates for each other: the order of the document already pairs them. Plain
language rewrites split one original sentence into several short ones that share few
words with it, so pairwise scores miss them while the group as a whole still overlaps.
Inside each gap a DP (like Bertalign/Vecalign, but lexical) chooses among 1:0, 0:1 and
m:k groups (m ≤ ``max_merge``, k ≤ ``max_split``) of adjacent free sentences, scoring a group by
its size times its margin over ``threshold``; skipping costs nothing, so unrelated
sentences stay unmatched. Groups never cross a paragraph break, and gaps larger than
``max_cells`` are left alone (the order says little there, and cost stays linear). A gap
whose b side is much longer than its a side is an expanded passage (a retold story):
there the DP looks further and accepts weaker groups (``GapTuning.for_gap``). Given the
pairs the similarity model scored (``scored``), a group none of whose pairs was scored
is no candidate: it shares no term, its score could only be zero, and skipping it keeps
wide gaps cheap.

May import: the standard library, numpy, scipy and collatio.core.similarity (for the type).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
from scipy import sparse

from .similarity import SimilarityModel


@dataclass(frozen=True)
class GapTuning:
    """Chosen on the DEplain dev split (even pair ids) only."""

    threshold: float = 0.2  # a group's similarity must exceed this to be worth linking
    max_split: int = 5  # up to 1:5 (fiction rewrites split long sentences into many)
    max_merge: int = 1  # 2:k groups in gaps were wrong more often than right on dev
    max_cells: int = 100  # free a rows × free b rows; in wider gaps the order says little
    size_power: float = 1.0  # gain = margin × (sentences in the group − 1) ** size_power
    # A gap with at least ``expand_ratio`` times as many free b rows as a rows is a
    # passage the rewrite expanded (retold stories: one sentence becomes five): there,
    # splits are the rule, so the gap may be wider and a group needs less evidence.
    expand_ratio: float | None = 2.0
    expand_threshold: float = 0.15
    expand_max_cells: int = 400
    expand_max_split: int = 6

    def for_gap(self, n_a: int, n_b: int) -> GapTuning:
        """The tuning of a gap with ``n_a`` free a rows and ``n_b`` free b rows."""
        if self.expand_ratio is None or not n_a or n_b < self.expand_ratio * n_a:
            return self
        return replace(self, threshold=self.expand_threshold, max_cells=self.expand_max_cells,
                       max_split=self.expand_max_split)


# A candidate group of one gap: (x, da, y, db) takes free_a[x - da : x], free_b[y - db : y].
Cell = tuple[int, int, int, int]


def _scored_counts(scored: sparse.csr_matrix, free_a: list[int], free_b: list[int]) -> np.ndarray:
    """2-D prefix counts of the scored pairs of one gap: [x, y] counts rows < x, cols < y."""
    column = {j: y for y, j in enumerate(free_b)}
    grid = np.zeros((len(free_a) + 1, len(free_b) + 1), dtype=np.int32)
    indptr, indices = scored.indptr, scored.indices
    for x, i in enumerate(free_a):
        for j in indices[indptr[i] : indptr[i + 1]].tolist():
            y = column.get(j)
            if y is not None:
                grid[x + 1, y + 1] = 1
    counts: np.ndarray = grid.cumsum(axis=0).cumsum(axis=1)
    return counts


def gap_candidates(
    free_a: list[int], free_b: list[int],
    paragraphs: tuple[Sequence[str], Sequence[str]] | None, tuning: GapTuning,
    scored: sparse.csr_matrix | None = None,
) -> list[Cell]:
    """The groups the DP of one gap may choose: contiguous runs within one paragraph
    (with ``scored``: holding at least one scored pair)."""
    n, m = len(free_a), len(free_b)
    if not n or not m or n * m > tuning.max_cells:
        return []
    counts = _scored_counts(scored, free_a, free_b).tolist() if scored is not None else None
    para_a = paragraphs[0] if paragraphs else None
    para_b = paragraphs[1] if paragraphs else None

    def contiguous(rows: list[int], para: Sequence[str] | None) -> bool:
        return all(r2 == r1 + 1 and (para is None or para[r1] == para[r2])
                   for r1, r2 in pairwise(rows))

    cells: list[Cell] = []
    for x in range(1, n + 1):
        for da in range(1, min(tuning.max_merge, x) + 1):
            if not contiguous(free_a[x - da : x], para_a):
                break
            for y in range(1, m + 1):
                for db in range(1, min(tuning.max_split, y) + 1):
                    if da > 1 and db > 1 and da + db > 4:
                        break
                    if not contiguous(free_b[y - db : y], para_b):
                        break
                    if counts is not None and not (
                        counts[x][y] - counts[x - da][y] - counts[x][y - db] + counts[x - da][y - db]
                    ):
                        continue  # no pair of the group shares a term: its score is zero
                    cells.append((x, da, y, db))
    return cells


def solve_gap(
    free_a: list[int], free_b: list[int], sims: dict[Cell, float], tuning: GapTuning,
) -> list[tuple[list[int], list[int], float]]:
    """Best set of monotone groups of one gap, given the score of each candidate group."""
    n, m = len(free_a), len(free_b)
    # best[x][y]: best total for free_a[:x], free_b[:y]; back pointers for the path.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for x in range(n + 1):
        for y in range(m + 1):
            if x == 0 and y == 0:
                continue
            cand = -1.0
            step: tuple[int, int, float] | None = None
            if x and best[x - 1][y] > cand:
                cand, step = best[x - 1][y], (1, 0, 0.0)
            if y and best[x][y - 1] > cand:
                cand, step = best[x][y - 1], (0, 1, 0.0)
            for da in range(1, min(tuning.max_merge, x) + 1):
                for db in range(1, min(tuning.max_split, y) + 1):
                    sim = sims.get((x, da, y, db))
                    if sim is None:
                        continue  # not a candidate (crosses a paragraph, or too wide)
                    gain = (sim - tuning.threshold) * (da + db - 1) ** tuning.size_power
                    if gain > 0 and best[x - da][y - db] + gain > cand:
                        cand, step = best[x - da][y - db] + gain, (da, db, sim)
            best[x][y] = cand
            back[x][y] = step
    out: list[tuple[list[int], list[int], float]] = []
    x, y = n, m
    while x or y:
        step = back[x][y]
        assert step is not None
        da, db, sim = step
        if da and db:
            out.append((free_a[x - da : x], free_b[y - db : y], sim))
        x, y = x - da, y - db
    return out[::-1]


def _score_cells(
    model: SimilarityModel, gaps: list[tuple[list[int], list[int], list[Cell]]],
) -> list[dict[Cell, float]]:
    """Scores of every candidate of every gap, in one batch (see SimilarityModel.group_many)."""
    groups = [(free_a[x - da : x], free_b[y - db : y])
              for free_a, free_b, cells in gaps for x, da, y, db in cells]
    scores = iter(model.group_many(groups))
    return [{cell: next(scores) for cell in cells} for _, _, cells in gaps]


def fill_gap(
    model: SimilarityModel, free_a: list[int], free_b: list[int],
    paragraphs: tuple[Sequence[str], Sequence[str]] | None, tuning: GapTuning,
    scored: sparse.csr_matrix | None = None,
) -> list[tuple[list[int], list[int], float]]:
    """Best set of monotone groups of the free rows of one gap: (a rows, b rows, score)."""
    tuning = tuning.for_gap(len(free_a), len(free_b))
    cells = gap_candidates(free_a, free_b, paragraphs, tuning, scored)
    if not cells:
        return []
    (sims,) = _score_cells(model, [(free_a, free_b, cells)])
    return solve_gap(free_a, free_b, sims, tuning)


def fill_gaps(
    model: SimilarityModel, chain: list[tuple[list[int], list[int]]],
    used_a: set[int], used_b: set[int], eligible_a: set[int], eligible_b: set[int],
    paragraphs: tuple[Sequence[str], Sequence[str]] | None, tuning: GapTuning,
    check: Callable[[], None] = lambda: None, scored: sparse.csr_matrix | None = None,
) -> list[tuple[list[int], list[int], float]]:
    """Groups for the free rows between consecutive in-order links (and before/after)."""
    ordered = sorted(chain, key=lambda g: (min(g[0]), min(g[1])))
    bounds = [(-1, -1)] + [(max(a), max(b)) for a, b in ordered]
    nexts = [(min(a), min(b)) for a, b in ordered] + [(model.n_a, model.n_b)]
    gaps: list[tuple[list[int], list[int], list[Cell]]] = []
    for (end_a, end_b), (start_a, start_b) in zip(bounds, nexts, strict=True):
        free_a = [i for i in range(end_a + 1, start_a) if i not in used_a and i in eligible_a]
        free_b = [j for j in range(end_b + 1, start_b) if j not in used_b and j in eligible_b]
        own = tuning.for_gap(len(free_a), len(free_b))
        cells = gap_candidates(free_a, free_b, paragraphs, own, scored)
        if cells:
            gaps.append((free_a, free_b, cells))
    check()
    # All gaps' candidates are scored in one batch: per-group scoring cost more than the DPs.
    found: list[tuple[list[int], list[int], float]] = []
    for (free_a, free_b, _), sims in zip(gaps, _score_cells(model, gaps), strict=True):
        found += solve_gap(free_a, free_b, sims, tuning.for_gap(len(free_a), len(free_b)))
        check()
    return found

