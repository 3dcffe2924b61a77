"""The tables of the HTML report that list what an editor checks first: quotation
changes, figure changes and credits (each with the sentences or the names it concerns).

May import: the standard library and collatio.core.{model,normalise,reportrows,credits}.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from textwrap import shorten

from .credits import credit_lines
from .model import Comparison, Document, QuoteChange
from .normalise import readable
from .reportrows import (
    FIGURE_CHANGE_WORDS,
    QUOTE_CHANGE_WORDS,
    ReportRow,
    all_quote_changes,
    place,
    quote_note,
    sentence_of_span,
)

# Glyph and label per status; the glyph is the non-colour cue.
GLYPHS = {
    "identical": "=",
    "minor": "~",
    "reworded": "≈",
    "removed": "−",
    "added": "+",
    "moved": "↕",
    "quote": "❝",
    "figure": "#",
}


def _quote_text(doc: Document, span: tuple[int, int] | None) -> str:
    return "—" if span is None else f"<span class=\"quote\">{escape(readable(doc.text, *span))}</span>"


def where_cell(comparison: Comparison, anchors: dict[str, str], ids_a: Sequence[str],
               ids_b: Sequence[str]) -> str:
    """Where a change stands, as a reader counts ("¶3.2 → ¶4.1", paragraph and sentence
    of each side), linked to its row of the side-by-side table."""
    label = " → ".join(p for p in (place(comparison.a, ids_a), place(comparison.b, ids_b)) if p)
    target = anchors.get((*ids_a, *ids_b)[0]) if (ids_a or ids_b) else None
    if target is None:
        return escape(label)
    return f'<a href="#{escape(target)}">{escape(label)}</a>'


def _quote_where(comparison: Comparison, anchors: dict[str, str], q: QuoteChange) -> str:
    """The sentences holding the quotation on each side (a quotation that moved to another
    link is not where its link's sentences are)."""
    ids = [[sentence.id] if span is not None and (sentence := sentence_of_span(doc, span))
           else [] for doc, span in ((comparison.a, q.a), (comparison.b, q.b))]
    return where_cell(comparison, anchors, ids[0], ids[1])


def _quote_edits_note(comparison: Comparison, q: QuoteChange) -> str:
    """Under an altered quotation: the words the revision changed in it; under a
    re-attributed one: the two speakers."""
    link = None if q.link is None else comparison.link(q.link)
    # Clipped: when most of a long quotation changed, the two full quotations beside it
    # say more than a list of its edits.
    edits = shorten(quote_note(comparison, link, q), 90, placeholder=" …")
    return f'<br><span class="small">{escape(edits)}</span>' if edits else ""


def quotes_section(comparison: Comparison, anchors: dict[str, str]) -> str:
    """Every quotation change; ``anchors``: ``reportrows.row_anchors`` of the report."""
    quotes = all_quote_changes(comparison)
    if not quotes:
        return "<p>No quotation was altered, dropped or added.</p>"
    rows = "".join(
        f"<tr><td>{GLYPHS['quote']} {escape(QUOTE_CHANGE_WORDS.get(q.change, q.change))}"
        f"{_quote_edits_note(comparison, q)}</td>"
        f'<td class="where">{_quote_where(comparison, anchors, q)}</td>'
        f"<td>{_quote_text(comparison.a, q.a)}</td><td>{_quote_text(comparison.b, q.b)}</td></tr>"
        for q in quotes
    )
    return (
        '<table class="changes"><thead><tr><th>Change</th><th>Sentences</th><th>Original</th>'
        f"<th>Revision</th></tr></thead>{rows}</table>"
    )


def figures_section(comparison: Comparison, rows: list[ReportRow], anchors: dict[str, str]) -> str:
    """Every number, date and amount a link changed, dropped or added, in reading order."""
    lines = [
        f"<tr><td>{GLYPHS['figure']} {escape(FIGURE_CHANGE_WORDS.get(f.change, f.change))}</td>"
        f'<td class="where">{where_cell(comparison, anchors, row.link.a, row.link.b)}</td>'
        f"<td>{_quote_text(comparison.a, f.a)}</td><td>{_quote_text(comparison.b, f.b)}</td></tr>"
        for row in rows if row.link is not None for f in row.link.figure_changes
    ]
    if not lines:
        return "<p>No number, date or amount of a linked sentence changed.</p>"
    return (
        '<table class="changes"><thead><tr><th>Change</th><th>Sentences</th><th>Original</th>'
        f"<th>Revision</th></tr></thead>{''.join(lines)}</table>"
    )


def credits_section(comparison: Comparison) -> str:
    """Who each side credits, if anyone (core.credits); nothing otherwise."""
    lines = credit_lines(comparison.credits)
    if not lines:
        return ""
    rows = "".join(f"<tr><th>{escape(label.capitalize())}</th><td>{escape(names)}</td></tr>"
                   for label, names in lines)
    return f'<h2>Credits</h2>\n<table class="stats">{rows}</table>'
