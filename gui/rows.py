"""The row model of the side-by-side view: which sentences must start at the same height.

A row is a horizontal band of the view. Its A cell and its B cell start at the same
height; the shorter cell is padded by the widgets. Rows come in reading order:

* ``LINK``  – an in-order link: its A sentences beside its B sentences.
* ``MOVED`` – a link whose B side sits elsewhere in B. It is shown at its position in A
  with its B sentences beside it, so the pair can be read together.
* ``STUB``  – the place in B where a moved link's B sentences really are; B shows a
  one-line marker there and A stays empty. Each sentence is thus displayed exactly once.
* ``GAP``   – unlinked sentences between two links: removed (A), added (B) and ignored
  (boilerplate/duplicate) ones. Both cells start together; they are not a pair.

When boilerplate is hidden, each run of ignored sentences in a gap becomes a ``Hidden``
entry that the view draws as a one-line placeholder.

Pure: no Qt. May import: the standard library and collatio.core.model.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from collatio.core.model import Comparison, Document, Link, SentenceStatus


class RowKind(StrEnum):
    LINK = "link"
    MOVED = "moved"
    STUB = "stub"
    GAP = "gap"


@dataclass(frozen=True, slots=True)
class Hidden:
    """A run of sentences collapsed into one placeholder line.

    ``reason`` says why: "boilerplate" (boilerplate/duplicate paragraphs hidden) or
    "unchanged" (identical rows folded by "Show changes only", see ``layoutopts``).
    """

    sentences: tuple[str, ...]
    reason: str = "boilerplate"


Entry = str | Hidden  # a sentence id, or a collapsed run


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    a: tuple[Entry, ...]
    b: tuple[Entry, ...]
    link: str | None = None  # the link shown (LINK/MOVED) or pointed at (STUB)

    def sentence_ids(self, side: str) -> tuple[str, ...]:
        """The sentence ids of one side ("a" or "b"), including those hidden."""
        out: list[str] = []
        for entry in self.a if side == "a" else self.b:
            out.extend(entry.sentences if isinstance(entry, Hidden) else (entry,))
        return tuple(out)


def _anchors(comparison: Comparison) -> tuple[list[Link], list[Link]]:
    """Split links into in-order anchors and out-of-order (moved) links.

    Core flags moved links; we still check order ourselves, because two rows that cross
    would make the row model ill-defined. Among the links core did not flag, the anchors
    are a longest run that increases on both sides (longest increasing subsequence of B
    positions in A order); any other link is shown as moved.
    """
    pos_a = {s.id: s.index for s in comparison.a.sentences}
    pos_b = {s.id: s.index for s in comparison.b.sentences}
    ordered = sorted(
        (link for link in comparison.links if link.a and link.b),
        key=lambda link: min(pos_a[s] for s in link.a),
    )
    candidates = [k for k, link in enumerate(ordered) if not link.moved]
    first_b = [min(pos_b[s] for s in ordered[k].b) for k in candidates]
    # Patience sorting: tails[j] = index (into candidates) ending the best run of length j+1.
    tails: list[int] = []
    parent = [-1] * len(candidates)
    for i, key in enumerate(first_b):
        j = bisect_left([first_b[t] for t in tails], key)
        parent[i] = tails[j - 1] if j > 0 else -1
        if j == len(tails):
            tails.append(i)
        else:
            tails[j] = i
    keep: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        keep.add(candidates[i])
        i = parent[i]
    anchors = [link for k, link in enumerate(ordered) if k in keep]
    moved = [link for k, link in enumerate(ordered) if k not in keep]
    return anchors, moved


def _collapse(doc: Document, comparison: Comparison, ids: Sequence[str], show: bool) -> list[Entry]:
    """Sentence ids of a gap run, with runs of ignored sentences collapsed unless shown."""
    out: list[Entry] = []
    run: list[str] = []
    for sid in ids:
        ignored = comparison.status(doc.sentence(sid)) is SentenceStatus.IGNORED
        if ignored and not show:
            run.append(sid)
            continue
        if run:
            out.append(Hidden(tuple(run)))
            run = []
        out.append(sid)
    if run:
        out.append(Hidden(tuple(run)))
    return out


def build_rows(comparison: Comparison, *, show_boilerplate: bool = True) -> tuple[Row, ...]:
    """The rows of the view, in reading order (see the module docstring)."""
    a_doc, b_doc = comparison.a, comparison.b
    anchors, moved = _anchors(comparison)
    moved_by_a = {link.a[0]: link for link in moved}
    moved_by_b = {min(link.b, key=lambda s: b_doc.sentence(s).index): link for link in moved}
    moved_ids_a = {sid for link in moved for sid in link.a}
    moved_ids_b = {sid for link in moved for sid in link.b}
    anchored_a = {sid for link in anchors for sid in link.a}
    anchored_b = {sid for link in anchors for sid in link.b}

    rows: list[Row] = []
    ia = ib = 0
    sa, sb = a_doc.sentences, b_doc.sentences

    def flush_gap(end_a: int, end_b: int) -> None:
        """Emit rows for the sentences before index end_a in A and end_b in B."""
        nonlocal ia, ib
        # Split each side into runs of loose sentences separated by moved links (A) or
        # by the first sentence of a moved link's B side (B), then zip the two sides.
        runs_a: list[list[str]] = [[]]
        marks_a: list[Link] = []
        for s in sa[ia:end_a]:
            if s.id in moved_by_a:
                marks_a.append(moved_by_a[s.id])
                runs_a.append([])
            elif s.id not in moved_ids_a and s.id not in anchored_a:
                runs_a[-1].append(s.id)
        runs_b: list[list[str]] = [[]]
        marks_b: list[Link] = []
        for s in sb[ib:end_b]:
            if s.id in moved_by_b:
                marks_b.append(moved_by_b[s.id])
                runs_b.append([])
            elif s.id not in moved_ids_b and s.id not in anchored_b:
                runs_b[-1].append(s.id)
        for k in range(max(len(runs_a), len(runs_b))):
            ra = runs_a[k] if k < len(runs_a) else []
            rb = runs_b[k] if k < len(runs_b) else []
            if ra or rb:
                rows.append(
                    Row(
                        RowKind.GAP,
                        tuple(_collapse(a_doc, comparison, ra, show_boilerplate)),
                        tuple(_collapse(b_doc, comparison, rb, show_boilerplate)),
                    )
                )
            if k < len(marks_a):
                link = marks_a[k]
                rows.append(Row(RowKind.MOVED, link.a, link.b, link.id))
            if k < len(marks_b):
                rows.append(Row(RowKind.STUB, (), (), marks_b[k].id))
        ia, ib = end_a, end_b

    for link in anchors:
        start_a = min(a_doc.sentence(s).index for s in link.a)
        start_b = min(b_doc.sentence(s).index for s in link.b)
        flush_gap(start_a, start_b)
        rows.append(Row(RowKind.LINK, link.a, link.b, link.id))
        # ia/ib stay at the link's start: later gaps skip anchored sentences, so a
        # sentence lying between two non-adjacent sentences of this link still shows.
    flush_gap(len(sa), len(sb))
    return tuple(rows)

