"""A CSV table of a comparison: one row per link and one per unmatched sentence.

Rows come in the report's reading order (collatio.core.reportrows). Offsets are
character offsets into each side's decoded text; a link over several sentences gives
the span from its first sentence's start to its last sentence's end, and lists every
sentence id (joined with ``+``). ``quote_changed``/``quote_changes``: quotations altered in
a link, or dropped/added with a removed/added sentence. ``figure_changes``: numbers,
dates and amounts changed, dropped or added inside a link (core.figures). ``notes``: each
of those changes in words, with the old and new values, after any negation the rewrite
put in or took out ("negation added: not"). Kinds: identical, minor,
reworded (links), removed (original only), added (revision only), ignored (boilerplate
or duplicate, not compared).

Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or
CR) get a leading apostrophe: editors open these files in Excel and LibreOffice, and an
article is untrusted input. The offsets still point at the exact source text.

May import: the standard library and collatio.core.{explain,model,reportrows}.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from .explain import negation_edits
from .model import Comparison, Document, FigureChange, Link, QuoteChange
from .reportrows import change_words, report_rows, unlinked_quote_changes

COLUMNS = (
    "row",
    "kind",
    "sides",
    "link",
    "a_ids",
    "b_ids",
    "a_start",
    "a_end",
    "b_start",
    "b_end",
    "similarity",
    "confidence",
    "moved",
    "quote_changed",
    "quote_changes",
    "figure_changes",
    "a_text",
    "b_text",
    "notes",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(text: str) -> str:
    """A cell a spreadsheet will not run as a formula ("=HYPERLINK(…)" gets a "'")."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _side(doc: Document, ids: tuple[str, ...]) -> tuple[str, str, str, str]:
    """ids, start, end, text of some sentences of one side (empty strings if none)."""
    if not ids:
        return "", "", "", ""
    sentences = [doc.sentence(sid) for sid in ids]
    text = " ".join(s.text for s in sentences)
    return "+".join(ids), str(sentences[0].start), str(sentences[-1].end), cell_text(text)


_NONE = ("", "", "", "")


def _notes(comparison: Comparison, link: Link | None,
           quotes: Sequence[QuoteChange] = ()) -> str:
    """Each negation, quote and figure change of a row in words, "; "-separated: "figure
    changed: 3,5 Milliarden → 35 Millionen; quotation attributed to someone else: Xi →
    Xinhua"."""
    changes: tuple[QuoteChange | FigureChange, ...] = (
        (*link.quote_changes, *link.figure_changes) if link else tuple(quotes))
    negations = negation_edits(link) if link else ()
    return cell_text("; ".join((*negations, *(": ".join(change_words(comparison, c, link))
                                              for c in changes))))


def _row(
    kind: str, sides: str, link: Link | None, a: tuple[str, ...], b: tuple[str, ...],
    notes: str, quotes: int = 0,
) -> list[str]:
    a_ids, a_start, a_end, a_text = a
    b_ids, b_start, b_end, b_text = b
    return [
        kind,
        sides,
        link.id if link else "",
        a_ids,
        b_ids,
        a_start,
        a_end,
        b_start,
        b_end,
        f"{link.similarity:.4f}" if link else "",
        "" if link is None or link.confidence is None else f"{link.confidence:.3f}",
        "1" if link and link.moved else "0",
        "1" if (link.quote_changed if link else quotes) else "0",
        str(len(link.quote_changes) if link else quotes),
        str(len(link.figure_changes) if link else 0),
        a_text,
        b_text,
        notes,
    ]


def csv_rows(comparison: Comparison) -> list[list[str]]:
    """The table without the header, each row starting with its 1-based number."""
    out: list[list[str]] = []
    quoted = unlinked_quote_changes(comparison)
    for row in report_rows(comparison):
        link = row.link
        if link is not None:
            a, b = _side(comparison.a, link.a), _side(comparison.b, link.b)
            out.append(_row(link.kind.value, "ab", link, a, b, _notes(comparison, link)))
            continue
        for sid in row.a:
            kind = comparison.status(comparison.a.sentence(sid)).value
            quotes = quoted.get(sid, [])
            out.append(_row(kind, "a", None, _side(comparison.a, (sid,)), _NONE,
                            _notes(comparison, None, quotes), len(quotes)))
        for sid in row.b:
            kind = comparison.status(comparison.b.sentence(sid)).value
            quotes = quoted.get(sid, [])
            out.append(_row(kind, "b", None, _NONE, _side(comparison.b, (sid,)),
                            _notes(comparison, None, quotes), len(quotes)))
    return [[str(k), *row] for k, row in enumerate(out, start=1)]


def export_csv(comparison: Comparison) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(csv_rows(comparison))
    return buffer.getvalue()
