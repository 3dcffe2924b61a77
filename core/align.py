"""Align the sentences of two documents: 1:1, 1:n, n:1, n:m, moves, and unmatched.

1. Candidates: only pairs that share a term are scored (sparse, see similarity), and
   each b sentence keeps its best few a sentences above the link threshold.
2. Backbone: the heaviest order-preserving assignment of b sentences to a sentences,
   computed with a Fenwick tree in O(candidates · log n). Several b sentences may take
   the same a sentence (a split, 1:n). A pair's weight is its margin over the threshold
   times the log of its number of terms: a long sentence matched well is more evidence
   of order than a two-word line ("Kurze Werbeeinblendung") that happens to repeat.
   A split whose b sentences lie far apart keeps only its best cluster (see backbone).
3. Moves: a strong pair left out of the backbone (out of order) becomes a moved link
   when it clears the stricter moved threshold and both sentences are still free.
4. Slots: a lone unlinked sentence on each side between two consecutive backbone links
   is linked on weaker evidence (``slot_threshold``): the order already pairs them.
5. Growth: an unlinked sentence next to a link joins it (merges n:1, n:m, and splits
   the backbone missed) when enough of its content is found on the other side: little
   is needed inside the same paragraph, much across a paragraph break.
6. Gaps: between consecutive in-order links, a small DP groups the sentences still
   free on both sides (1:k splits scored as groups, see gapfill): the order pairs them.
7. Splits: a free b sentence next to a link, in the same paragraph, joins it when it
   covers more of the original sentence (plain language splits a long sentence into
   short ones that each carry a little of it).
8. Last look: a learned score (see linkscore) drops in-order links it finds too
   unlikely to be right (weak pairs in heavy rewrites).

Thresholds are calibrated similarities (CompareOptions); the knobs in ``Tuning`` were
chosen on the DEplain-web dev split (even pair ids) only, see bench/deplain.py.
Rows are indices into the content-sentence lists given to ``align_sentences``.

May import: the standard library, scipy, and collatio.core.{backbone,gapfill,linkscore,
options,similarity}.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from heapq import heappop, heappush
from typing import Any

from scipy import sparse

from .backbone import chain_pairs
from .gapfill import GapTuning, fill_gaps
from .linkscore import refine
from .options import CompareOptions
from .similarity import SimilarityModel


@dataclass
class Group:
    a: list[int]
    b: list[int]
    # model.group(a, b) for every in-order group (linkscore relies on it); a moved link
    # keeps the pair score that cleared the moved threshold.
    similarity: float
    moved: bool = False
    pinned: bool = False  # from a user override: never grown, never dropped


@dataclass(frozen=True)
class Tuning:
    """Knobs of the aligner, chosen on the DEplain dev split (even pair ids) only."""

    candidates_per_row: int = 12
    slot_threshold: float = 0.15  # a lone pair between two links needs only this much
    grow_coverage: float = 0.8  # share of a neighbour's content found in the link, across paragraphs
    grow_slack: float = 0.02  # how much the link's similarity may drop when it grows
    grow_coverage_para: float = 0.3  # the same inside one paragraph (0.2 before the gap DP)
    grow_slack_para: float = 0.3
    gap: GapTuning | None = field(default_factory=GapTuning)  # None: no gap DP
    # A free b neighbour in the same paragraph joins a split when it brings in this much
    # more of the original's content (IDF share); None: off.
    split_gain: float | None = 0.03
    # Last look (collatio.core.linkscore): drop in-order links whose learned log-odds of
    # being exactly right stay below this; None: off.
    refine_min_score: float | None = -3.0
    # A split's b rows may have at most this many rows between two members; the pairs
    # outside its best cluster are left out of the chain, which is then recomputed.
    split_hole: int | None = 2
    split_rounds: int = 3


TUNING = Tuning()


def tuned(changes: Mapping[str, Any]) -> Tuning:
    """TUNING with some fields replaced (``gap``: a mapping of GapTuning fields, or None)."""
    fields = dict(changes)
    if isinstance(fields.get("gap"), Mapping):
        fields["gap"] = replace(TUNING.gap or GapTuning(), **fields["gap"])
    return replace(TUNING, **fields)


def _chain_groups(
    model: SimilarityModel, scores: sparse.csr_matrix, threshold: float,
    blocked_a: set[int], blocked_b: set[int], forbidden: set[tuple[int, int]], tuning: Tuning,
    headings_b: frozenset[int],
) -> tuple[list[Group], list[tuple[float, int, int]]]:
    """In-order groups from the backbone (see collatio.core.backbone), plus the unused
    candidate pairs."""
    chained, leftovers = chain_pairs(model, scores, threshold, blocked_a, blocked_b, forbidden,
                                     tuning.candidates_per_row, tuning.split_hole, tuning.split_rounds,
                                     headings_b)
    return [Group([i], js, score) for i, js, score in chained], leftovers


def _fill_slots(
    model: SimilarityModel, groups: list[Group], scores: sparse.csr_matrix, threshold: float,
    eligible_a: set[int], eligible_b: set[int],
) -> list[Group]:
    """1:1 links for a lone unlinked pair sitting in the same slot between two links.

    When exactly one sentence on each side lies between two consecutive in-order links,
    the order already says they correspond; a weak lexical match (heavy rewording)
    is then enough. Wider gaps are left alone: there the order says little.
    """
    if threshold <= 0:
        return []
    chain = sorted((g for g in groups if not g.moved), key=lambda g: (min(g.a), min(g.b)))
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    bounds = [(-1, -1)] + [(max(g.a), max(g.b)) for g in chain]
    nexts = [(min(g.a), min(g.b)) for g in chain] + [(model.n_a, model.n_b)]
    filled: list[Group] = []
    for (end_a, end_b), (start_a, start_b) in zip(bounds, nexts, strict=True):
        if start_a - end_a != 2 or start_b - end_b != 2:
            continue
        i, j = end_a + 1, end_b + 1
        if i in used_a or j in used_b or i not in eligible_a or j not in eligible_b:
            continue
        if float(scores[i, j]) >= threshold:
            # The group score, not the pair score (which leaves out terms that pair too
            # many sentences): in-order links carry model.group, which linkscore reads.
            filled.append(Group([i], [j], model.group([i], [j])))
    return filled


# Links elsewhere that make two texts versions of one article, whose headlines then
# correspond by their place alone.
TITLE_PAIR_LINKS = 2


def _pair_titles(
    model: SimilarityModel, groups: list[Group], headings: tuple[frozenset[int], frozenset[int]],
    eligible_a: set[int], eligible_b: set[int], forbidden: set[tuple[int, int]],
) -> list[Group]:
    """A rewritten headline stays linked to the headline it rewrites.

    A syndicated rewrite nearly always gets a new headline, often with hardly a word of
    the old one ("GDL kündigt neuen Streik bei der Bahn an" → "Bahnstreik am Mittwoch:
    Was Fahrgäste jetzt wissen müssen"). When both texts open with a title or heading
    that nothing links, and the texts are linked elsewhere (versions of one article),
    the headlines are paired by their place, as long as they share anything at all.
    """
    if not model.n_a or not model.n_b or 0 not in headings[0] or 0 not in headings[1]:
        return []
    if len(groups) < TITLE_PAIR_LINKS:
        return []
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    if 0 in used_a or 0 in used_b or 0 not in eligible_a or 0 not in eligible_b or (0, 0) in forbidden:
        return []
    score = model.group([0], [0])
    return [Group([0], [0], score)] if score > 0 else []


def _moves(
    groups: list[Group], leftovers: list[tuple[float, int, int]], moved_threshold: float
) -> list[Group]:
    """Strong pairs left out of the chain become moved 1:1 links (both rows still free)."""
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    moved: list[Group] = []
    for s, i, j in sorted(leftovers, reverse=True):
        if s < moved_threshold or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        moved.append(Group([i], [j], s, moved=True))
    return moved


def _grow(
    model: SimilarityModel, groups: list[Group], eligible_a: set[int], eligible_b: set[int],
    paragraphs: tuple[Sequence[str], Sequence[str]] | None, tuning: Tuning,
    headings: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> None:
    """Extend links with unlinked neighbours: splits (1:n) and merges (n:1, n:m).

    A neighbour in the same paragraph as the member it touches joins on weaker evidence
    than one across a paragraph break: a simplified sentence split into three short
    ones keeps them together, while a heading next to a body sentence stays apart.
    """
    owner_a = {i: g for g in groups for i in g.a}
    owner_b = {j: g for g in groups for j in g.b}
    # Passes over the rows repeat until nothing grows. A row's decision depends only on
    # the groups owning its two neighbours, so after the first pass only rows next to a
    # member of a group that changed are looked at again (speed: on long texts a few
    # groups grow one row per pass, and full passes made this quadratic). Those rows are
    # looked at when a full pass would reach them: later rows of the same side still in
    # this pass, the other side's rows in this pass if that side comes later, else in
    # the next pass. Decisions, and their order, are those of full passes.
    visit: dict[bool, set[int] | None] = {True: None, False: None}  # None: every row
    changed = True
    while changed:
        changed = False
        following: dict[bool, set[int]] = {True: set(), False: set()}
        for side_a in (True, False):
            owner = owner_a if side_a else owner_b
            count = model.n_a if side_a else model.n_b
            eligible = eligible_a if side_a else eligible_b
            para = paragraphs[0 if side_a else 1] if paragraphs else None
            heads = headings[0 if side_a else 1]
            chosen = visit[side_a]
            queue = list(range(count)) if chosen is None else sorted(chosen)  # sorted: a heap
            queued = set(queue)
            while queue:
                row = heappop(queue)
                if row in owner or row not in eligible:
                    continue
                sandwiched = owner.get(row - 1) is not None and owner.get(row - 1) is owner.get(row + 1)
                best: tuple[float, Group] | None = None
                for neighbour in (row - 1, row + 1):
                    group = owner.get(neighbour)
                    if group is None or group.pinned or (best and best[1] is group):
                        continue
                    if (row in heads) != (neighbour in heads):
                        continue  # a title or heading never joins body text (nor the reverse)
                    same_para = para is None or para[row] == para[neighbour]
                    members = group.a if side_a else group.b
                    partners = group.b if side_a else group.a
                    coverage = model.coverage([row], side_a, partners)
                    if same_para and (sandwiched or coverage >= tuning.grow_coverage_para):
                        slack = tuning.grow_slack_para
                    elif coverage >= tuning.grow_coverage:
                        slack = tuning.grow_slack
                    else:
                        continue  # checked first: coverage is cheap, group scores are not
                    grown = sorted([*members, row])
                    score = model.group(grown, partners) if side_a else model.group(partners, grown)
                    if score + slack >= group.similarity and (best is None or score > best[0]):
                        best = (score, group)
                if best is None:
                    continue
                score, group = best
                if side_a:
                    group.a = sorted([*group.a, row])
                else:
                    group.b = sorted([*group.b, row])
                group.similarity = score
                owner[row] = group
                changed = True
                for side, rows in ((True, group.a), (False, group.b)):
                    near = {r for m in rows for r in (m - 1, m + 1) if r >= 0}
                    if side is side_a:
                        for r in near:
                            if r > row and r not in queued:
                                heappush(queue, r)
                                queued.add(r)
                            elif r <= row:
                                following[side].add(r)
                    elif side_a:
                        later = visit[False]
                        if later is not None:  # None: side b visits every row anyway
                            later |= near  # side b comes later in this pass
                    elif not side_a:
                        following[True] |= near  # side a is done for this pass
        visit = {True: following[True], False: following[False]}


def _extend_splits(
    model: SimilarityModel, groups: list[Group], eligible_b: set[int], para_b: Sequence[str],
    gain_min: float,
) -> None:
    """Grow splits with free b neighbours that cover more of the original sentence.

    Growth (above) asks how much of the neighbour is found in the original; a short plain
    sentence of a split ("Und schwach.") has little content, so it is judged instead by
    what it adds: more of the original's words covered than the link covers without it.
    """
    owner = {j: g for g in groups for j in g.b}
    changed = True
    while changed:
        changed = False
        for j in range(model.n_b):
            if j in owner or j not in eligible_b:
                continue
            best: tuple[float, Group] | None = None
            for neighbour in (j - 1, j + 1):
                g = owner.get(neighbour)
                if g is None or g.pinned or g.moved or para_b[neighbour] != para_b[j]:
                    continue
                gain = model.coverage(g.a, True, [*g.b, j]) - model.coverage(g.a, True, g.b)
                if gain > 0 and gain >= gain_min and (best is None or gain > best[0]):
                    best = (gain, g)
            if best is not None:
                g = best[1]
                g.b = sorted([*g.b, j])
                g.similarity = model.group(g.a, g.b)
                owner[j] = g
                changed = True


def align_sentences(
    model: SimilarityModel,
    options: CompareOptions,
    *,
    pinned: list[Group] | None = None,
    forbidden: set[tuple[int, int]] | None = None,
    check: Callable[[], None] = lambda: None,
    tuning: Tuning | None = None,
    paragraphs: tuple[Sequence[str], Sequence[str]] | None = None,
    headings: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> list[Group]:
    """Groups of linked rows, sorted by their first row on side a. ``headings``: the rows
    of each side in a title or heading paragraph, which never share a group with body
    rows of the same side."""
    tuning = tuning or TUNING
    pinned = pinned or []
    forbidden = forbidden or set()
    taken_a = {i for g in pinned for i in g.a}
    taken_b = {j for g in pinned for j in g.b}
    scores = model.pair_scores().tocsr()
    check()
    groups, leftovers = _chain_groups(
        model, scores, options.link_threshold, taken_a, taken_b, forbidden, tuning, headings[1]
    )
    eligible_a = set(range(model.n_a)) - taken_a
    eligible_b = set(range(model.n_b)) - taken_b
    groups += _fill_slots(
        model, groups, scores, tuning.slot_threshold, eligible_a - {i for i, _ in forbidden},
        eligible_b - {j for _, j in forbidden},
    )
    groups += _moves(groups, leftovers, options.moved_threshold)
    groups += _pair_titles(model, groups, headings, eligible_a, eligible_b, forbidden)
    check()
    groups = [*pinned, *groups]
    _grow(model, groups, eligible_a, eligible_b, paragraphs, tuning, headings)
    if tuning.gap is not None:
        # After growth: a merge or split the neighbours' evidence supports comes first,
        # and only what is still free is grouped by order alone.
        used_a = {i for g in groups for i in g.a}
        used_b = {j for g in groups for j in g.b}
        chain = [(g.a, g.b) for g in groups if not g.moved]
        groups += [Group(a, b, sim) for a, b, sim in fill_gaps(
            model, chain, used_a, used_b, eligible_a - {i for i, _ in forbidden},
            eligible_b - {j for _, j in forbidden}, paragraphs, tuning.gap, check, scores)]
    if tuning.split_gain is not None and paragraphs:
        _extend_splits(model, groups, eligible_b - {j for _, j in forbidden}, paragraphs[1],
                       tuning.split_gain)
    if tuning.refine_min_score is not None and paragraphs:
        groups = refine(model, groups, paragraphs, tuning.refine_min_score)
    groups.sort(key=lambda g: (min(g.a), min(g.b)))
    return groups
