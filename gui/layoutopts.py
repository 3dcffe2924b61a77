"""Reading layout options on the row model: "Show changes only" folds unchanged runs.

``fold_unchanged`` replaces every run of unchanged rows longer than twice the context by
its first and last ``context`` rows around one placeholder row ("⋯ 12 unchanged
sentences" on both sides). A row is unchanged when it is an in-order identical link with
no quote or figure change (a minor link too, when minor changes are hidden) or a gap holding only
ignored sentences. The fold row is a GAP row of ``Hidden(..., reason="unchanged")``
entries, so the rest of the view (cells, alignment, navigation) needs no special case.

Pure: no Qt. May import: the standard library, collatio.core.model and collatio.gui.rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from collatio.core.model import Comparison, LinkKind, SentenceStatus

from .rows import Hidden, Row, RowKind

DEFAULT_CONTEXT = 1


def is_unchanged(comparison: Comparison, row: Row, hide_minor: bool = False) -> bool:
    if row.kind is RowKind.LINK and row.link is not None:
        link = comparison.link(row.link)
        quiet = (LinkKind.IDENTICAL, LinkKind.MINOR) if hide_minor else (LinkKind.IDENTICAL,)
        return link.kind in quiet and not link.quote_changes and not link.figure_changes
    if row.kind is RowKind.GAP:
        for side in ("a", "b"):
            doc = comparison.a if side == "a" else comparison.b
            for sid in row.sentence_ids(side):
                if comparison.status(doc.sentence(sid)) is not SentenceStatus.IGNORED:
                    return False
        return True
    return False


def fold_unchanged(comparison: Comparison, rows: Sequence[Row], context: int = DEFAULT_CONTEXT,
                   hide_minor: bool = False) -> tuple[Row, ...]:
    """The rows with long unchanged runs folded, keeping ``context`` rows at each end."""
    out: list[Row] = []
    run: list[Row] = []

    def flush(at_start: bool, at_end: bool) -> None:
        # No context is needed before the first change or after the last one.
        head = 0 if at_start else context
        tail = 0 if at_end else context
        if len(run) <= head + tail + 1:
            out.extend(run)
        else:
            folded = run[head : len(run) - tail]
            a = tuple(sid for row in folded for sid in row.sentence_ids("a"))
            b = tuple(sid for row in folded for sid in row.sentence_ids("b"))
            out.extend(run[:head])
            out.append(Row(RowKind.GAP, (Hidden(a, "unchanged"),) if a else (),
                           (Hidden(b, "unchanged"),) if b else ()))
            out.extend(run[len(run) - tail :])
        run.clear()

    for row in rows:
        if is_unchanged(comparison, row, hide_minor):
            run.append(row)
            continue
        flush(at_start=not out, at_end=False)
        out.append(row)
    flush(at_start=not out, at_end=True)
    return tuple(out)
