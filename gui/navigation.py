"""The changes of a comparison in reading order, and how to step from one to the next.

A change is a row of the view (see ``rows``) that shows something the revision did: a
minor or reworded link, a moved link, removed/added sentences, a quotation whose
wording changed, or a figure (number, date, amount) that a link changed. Rows are already
in reading order, so the changes are too; stepping is by row index. Identical links,
ignored (boilerplate) sentences, folded placeholders and the stubs of moved links are not
changes (the move is reported at its MOVED row).

Stepping *wraps*: after the last change "next" goes to the first one (and "previous" from
the first to the last), because an editor working through a document wants one key to
cycle; ``step`` reports that it wrapped so the window can say so in the status bar.

Pure: no Qt. May import: the standard library, collatio.core.{model,normalise} and
collatio.gui.rows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from collatio.core.model import Comparison, LinkKind, SentenceStatus, Side
from collatio.core.normalise import readable

from .rows import Hidden, Row, RowKind


class ChangeKind(StrEnum):
    REMOVED = "removed"
    ADDED = "added"
    REWORDED = "reworded"
    MINOR = "minor"
    MOVED = "moved"
    QUOTE = "quote"  # a changed quotation; the main kind only when nothing else changed
    FIGURE = "figure"  # a number, date or amount of a link changed (core.figures); likewise
    NEGATION = "negation"  # a link put in or took out a negation (core.negation); likewise


# The main kind wins in this order when a row has several (e.g. a gap with removed and added
# sentences is listed as removed, and also matches the "added" filter).
_PRECEDENCE = (ChangeKind.MOVED, ChangeKind.REWORDED, ChangeKind.MINOR, ChangeKind.REMOVED,
               ChangeKind.ADDED)
SUBSTANTIVE = frozenset(ChangeKind) - {ChangeKind.MINOR}


@dataclass(frozen=True, slots=True)
class Change:
    row: int  # index into the rows
    kind: ChangeKind  # the main kind (for the list's first column and colour)
    kinds: frozenset[ChangeKind]  # every kind it has, for filtering
    link: str | None  # the link shown in the row, if any
    a: tuple[str, ...]  # the changed sentences on each side (a gap's ignored ones left out)
    b: tuple[str, ...]
    excerpt: str

    @property
    def quote(self) -> bool:
        return ChangeKind.QUOTE in self.kinds

    @property
    def figure(self) -> bool:
        return ChangeKind.FIGURE in self.kinds

    @property
    def negation(self) -> bool:
        return ChangeKind.NEGATION in self.kinds

    @property
    def replaced(self) -> bool:
        """A removal and an addition side by side in one gap, not linked to each other."""
        return {ChangeKind.REMOVED, ChangeKind.ADDED} <= self.kinds


def first_sentence(comparison: Comparison, side: Side, ids: Sequence[str], width: int) -> str:
    """The first of these sentences as it reads (entities decoded), on one line, cut at ``width``."""
    doc = comparison.document(side)
    s = doc.sentence(ids[0])
    text = " ".join(readable(doc.text, s.start, s.end).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _excerpt(comparison: Comparison, a: Sequence[str], b: Sequence[str], width: int = 90) -> str:
    """The revision's words for a link or an addition, the original's for a removal.

    A gap with both a removal and an addition shows both, so that the list never labels
    the revision's words as removed.
    """
    if a and b:
        half = (width - 3) // 2
        # "−"/"+" as in the panes: an arrow would say one became the other.
        return (f"− {first_sentence(comparison, Side.A, a, half - 2)}  "
                f"+ {first_sentence(comparison, Side.B, b, half - 2)}")
    if b:
        return first_sentence(comparison, Side.B, b, width)
    return first_sentence(comparison, Side.A, a, width) if a else ""


def _visible(entries: Iterable[str | Hidden]) -> tuple[str, ...]:
    return tuple(e for e in entries if not isinstance(e, Hidden))


def _row_kinds(comparison: Comparison, row: Row, hide_minor: bool,
               quotes_by_link: set[str], unlinked_quotes: dict[Side, list[int]]) -> set[ChangeKind]:
    kinds: set[ChangeKind] = set()
    if row.kind in (RowKind.LINK, RowKind.MOVED) and row.link is not None:
        link = comparison.link(row.link)
        if row.kind is RowKind.MOVED:
            kinds.add(ChangeKind.MOVED)
        if link.kind is LinkKind.REWORDED:
            kinds.add(ChangeKind.REWORDED)
        elif link.kind is LinkKind.MINOR and not hide_minor:
            kinds.add(ChangeKind.MINOR)
        if link.quote_changes or link.id in quotes_by_link:
            kinds.add(ChangeKind.QUOTE)
        if link.figure_changes:
            kinds.add(ChangeKind.FIGURE)
        if link.negation_change:
            kinds.add(ChangeKind.NEGATION)
    elif row.kind is RowKind.GAP:
        for side, entries in ((Side.A, row.a), (Side.B, row.b)):
            doc = comparison.document(side)
            for sid in _visible(entries):
                sentence = doc.sentence(sid)
                status = comparison.status(sentence)
                if status is SentenceStatus.REMOVED:
                    kinds.add(ChangeKind.REMOVED)
                elif status is SentenceStatus.ADDED:
                    kinds.add(ChangeKind.ADDED)
                # Quote changes in removed or added sentences carry no link: a quotation
                # dropped with a removed sentence, or brought in with an added one, is
                # matched by its offset on that side.
                starts = unlinked_quotes[side]
                if starts:
                    k = bisect_left(starts, sentence.start)
                    if k < len(starts) and starts[k] < sentence.end:
                        kinds.add(ChangeKind.QUOTE)
    return kinds


def framed_sides(comparison: Comparison, row: Row) -> tuple[bool, bool]:
    """Which cells of a selected row to frame (A, B): a link's both, a gap's only those
    holding a removed or added sentence. Boilerplate beside an added sentence is no
    partner of it, and a frame around it would say it is."""
    if row.kind is not RowKind.GAP:
        return True, True
    a, b = _changed_in_gap(comparison, row)
    return bool(a), bool(b)


def _changed_in_gap(comparison: Comparison, row: Row) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A gap's removed sentences on A and added ones on B (its boilerplate left out)."""
    return (tuple(sid for sid in _visible(row.a)
                  if comparison.status(comparison.a.sentence(sid)) is SentenceStatus.REMOVED),
            tuple(sid for sid in _visible(row.b)
                  if comparison.status(comparison.b.sentence(sid)) is SentenceStatus.ADDED))


def changes(comparison: Comparison, rows: Sequence[Row], *, hide_minor: bool = False,
            substantive_only: bool = False) -> tuple[Change, ...]:
    """Every change, in reading order.

    ``hide_minor`` treats minor links as unchanged; ``substantive_only`` leaves out changes
    whose only kind is minor (a moved or quote-changing minor link stays).
    """
    out: list[Change] = []
    quotes_by_link = {q.link for q in comparison.quote_changes if q.link is not None}
    # Starts of quote changes in sentences outside any link, per side, sorted for bisection.
    outside = [q for q in comparison.quote_changes if q.link is None]
    unlinked = {Side.A: sorted(q.a[0] for q in outside if q.a),
                Side.B: sorted(q.b[0] for q in outside if q.b)}
    for index, row in enumerate(rows):
        kinds = _row_kinds(comparison, row, hide_minor, quotes_by_link, unlinked)
        if substantive_only:
            kinds.discard(ChangeKind.MINOR)
        main = next((k for k in (*_PRECEDENCE, ChangeKind.QUOTE, ChangeKind.FIGURE,
                                 ChangeKind.NEGATION) if k in kinds), None)
        if main is None:
            continue
        if row.kind is RowKind.GAP:  # boilerplate beside an added sentence is no part of it
            a, b = _changed_in_gap(comparison, row)
            excerpt = _excerpt(comparison, a, b)
        else:  # a link reads best in the revision's words
            a, b = _visible(row.a), _visible(row.b)
            excerpt = _excerpt(comparison, (), b) if b else _excerpt(comparison, a, ())
        out.append(Change(index, main, frozenset(kinds), row.link, a, b, excerpt))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Step:
    index: int  # into the changes
    wrapped: bool


def step(items: Sequence[Change], current_row: int | None, forward: bool,
         wrap: bool = True) -> Step | None:
    """The change after (or before) ``current_row``; None if there is none.

    ``current_row`` is the row of the selected change, or of the row at the top of the
    view when nothing is selected (None: before the start). Without ``wrap`` the ends stop.
    """
    if not items:
        return None
    rows = [c.row for c in items]
    if forward:
        k = 0 if current_row is None else bisect_right(rows, current_row)
        if k < len(items):
            return Step(k, False)
        return Step(0, True) if wrap else None
    k = len(items) - 1 if current_row is None else bisect_left(rows, current_row) - 1
    if k >= 0:
        return Step(k, False)
    return Step(len(items) - 1, True) if wrap else None


def index_of_row(items: Sequence[Change], row: int) -> int | None:
    """The index of the change shown in ``row``, or None."""
    rows = [c.row for c in items]
    k = bisect_left(rows, row)
    return k if k < len(items) and items[k].row == row else None


def filter_changes(items: Sequence[Change], kinds: frozenset[ChangeKind]) -> tuple[Change, ...]:
    """The changes having at least one of ``kinds`` (the change list's filter)."""
    return tuple(c for c in items if c.kinds & kinds)


def stops(items: Sequence[Change], shown: frozenset[ChangeKind], substantive: bool,
          only: ChangeKind | None = None) -> tuple[Change, ...]:
    """The changes that Next and Previous step through.

    Those the change list shows (its filter), less the minor ones under "substantive
    changes only"; or, for Next quotation / figure change (``only``), every change of
    that kind, whatever the list shows: the editor asked for exactly those.
    """
    if only is not None:
        return filter_changes(items, frozenset({only}))
    kept = filter_changes(items, shown)
    return filter_changes(kept, SUBSTANTIVE) if substantive else kept


_STOP_NAMES = {ChangeKind.QUOTE: "quotation", ChangeKind.FIGURE: "figure"}


def step_message(found: Step | None, count: int, forward: bool, only: ChangeKind | None,
                 hidden_by_filter: bool) -> str:
    """What the status bar says after Next or Previous ("" clears it: an earlier message
    is stale). ``hidden_by_filter``: the change list's filter hides some changes."""
    what = "change" if only is None else f"{_STOP_NAMES[only]} change"
    if found is None:
        return f"No {what}s to go to" + (" among the kinds the change list shows."
                                         if hidden_by_filter else ".")
    if not found.wrapped:
        return ""
    if count == 1:
        return f"This is the only {what}."
    return f"Wrapped around to the {'first' if forward else 'last'} {what}."


def partner_rows(rows: Sequence[Row], side: Side, sentence: str) -> tuple[int, tuple[str, ...]]:
    """The row showing ``sentence`` on ``side`` and the sentences beside it on the other side.

    The partners are the other side's sentences of the same link (a GAP row's other side is
    no partner: removed and added sentences are not a pair). (-1, ()) if it is not shown.
    """
    for index, row in enumerate(rows):
        if sentence in row.sentence_ids(side.value):
            if row.kind not in (RowKind.LINK, RowKind.MOVED):
                return index, ()
            other = row.b if side is Side.A else row.a
            return index, _visible(other)
    return -1, ()
