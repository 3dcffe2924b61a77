"""A self-contained HTML report of a comparison: side by side, legend, statistics, changes.

One file with inline CSS and no scripts, fonts or images, so it can be mailed, archived
and printed (A4, via ``@media print``). The same markup feeds the PDF export, which
renders it with Qt's rich-text engine; that engine knows only a subset of HTML/CSS, so
the layout uses tables, classes and plain colours (no flex/grid, no pseudo-elements),
and every highlight also carries a glyph or a line, because colour alone is lost on
grey-scale printers and on readers who do not see it.

Every piece of document text goes through ``html.escape``: an article is untrusted input.

May import: the standard library and
collatio.core.{model,normalise,reportrows,classify,explain,export_sections,summary,wordmoves}.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from html import escape
from pathlib import PurePath

from .classify import marks_word_changes
from .explain import shared_words
from .export_sections import GLYPHS, credits_section, figures_section, quotes_section, where_cell
from .model import Comparison, Document, Link, OpKind, Sentence, SentenceStatus
from .normalise import readable
from .reportrows import (
    ReportRow,
    report_rows,
    row_anchor,
    row_anchors,
    unlinked_quote_changes,
)
from .summary import counts_line
from .wordmoves import split_changes, word_moves

_CSS = """
body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; font-size: BASEpt;
       color: #1a1a1a; margin: BODYMARGIN; line-height: 1.4; }
h1 { font-size: H1pt; margin: 0 0 0.2em 0; }
h2 { font-size: H2pt; margin: 1.2em 0 0.4em 0; border-bottom: 1px solid #999; }
p.sources { color: #444; margin: 0 0 0.8em 0; }
table { border-collapse: collapse; }
table.stats td, table.stats th { padding: 2px 10px 2px 0; text-align: left; }
table.stats td.num { text-align: right; }
table.legend td { padding: 2px 10px 2px 0; vertical-align: top; }
table.pairs { width: 100%; table-layout: fixed; }
table.pairs th { text-align: left; background-color: #e8e8e8; padding: 4px 6px; }
table.pairs td { vertical-align: top; padding: 4px 6px; border-top: 1px solid #d0d0d0; }
table.pairs col.text { width: 44%; }
table.pairs col.gutter { width: 12%; }
td.gutter { text-align: center; color: #333; font-size: SMALLpt; padding: 4px 2px; }
span.glyph { font-weight: bold; font-size: GLYPHpt; }
td.reworded { background-color: #fff3d6; }
td.minor { background-color: #f4f8ff; }
td.moved { background-color: #eee8fb; }
td.gap { background-color: #fafafa; }
div.removed { background-color: #fde2e2; margin: 0 0 3px 0; padding: 1px 3px; }
div.added { background-color: #dff3e2; margin: 0 0 3px 0; padding: 1px 3px; }
div.ignored { color: #8a8a8a; font-size: SMALLpt; margin: 0 0 3px 0; }
del, s.del { text-decoration: line-through; color: #a01818; background-color: #fbd4d4; }
ins, u.ins { text-decoration: underline; color: #0b6b22; background-color: #d2f0d8; }
span.moved { text-decoration: underline dashed; color: #5a2346; background-color: #f6e2ee; }
span.tag { font-size: TAGpt; color: #555; }
/* Dotted as in the window. Qt (the PDF) knows only its own text-underline-style and
   would draw text-decoration's underline solid, like an inserted word's. */
span.kept { text-decoration-line: underline; text-decoration-style: dotted;
            text-underline-style: dotted; }
span.quote { background-color: #e6dcff; }
strong.figure { font-weight: bold; background-color: #ffe08a; }
table.changes td, table.changes th { padding: 2px 6px; vertical-align: top;
       border-top: 1px solid #d0d0d0; text-align: left; }
.small { font-size: SMALLpt; color: #555; }
td.where { white-space: nowrap; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { margin: 0; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  h2 { page-break-after: avoid; break-after: avoid; }
  thead { display: table-header-group; }
}
"""


def _css(base: float, body_margin: str) -> str:
    """The style sheet with sizes scaled from the body size (Qt has no ``em`` font sizes)."""
    sizes = {"BASE": 1.0, "H1": 1.6, "H2": 1.2, "SMALL": 0.85, "GLYPH": 1.1, "TAG": 0.8}
    css = _CSS.replace("BODYMARGIN", body_margin)
    for name, factor in sizes.items():
        css = css.replace(f" {name}pt", f" {base * factor:.1f}pt")
    return css


def _name(source: str | None) -> str:
    """The file name only: a report handed to colleagues should not carry local paths."""
    if not source:
        return "(pasted text)"
    if "://" in source:
        return source
    return PurePath(source).name or source


# How a span of words is marked: deleted, inserted, or kept in a heavy rewrite (as in the
# window's legend: struck, underlined, dotted).
TAGS = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>"),
        "moved": ('<span class="moved">', "</span>"),
        "kept": ('<span class="kept">', "</span>")}


def _marked(doc: Document, sentence: Sentence, spans: Iterable[tuple[int, int]], tag: str,
            figures: Iterable[tuple[int, int]] = (),
            moved: Iterable[tuple[int, int]] = ()) -> str:
    """The sentence's source slice as it reads (entities decoded), escaped, with ``spans``
    marked as ``tag`` (see ``TAGS``) and the ``moved`` spans as moved words; a changed figure
    is wrapped in ``<strong class="figure">`` (inside ``tag`` where they overlap)."""
    start, end = sentence.start, sentence.end
    bold = sorted(figures)

    def text(lo: int, hi: int) -> str:
        out: list[str] = []
        for f_lo, f_hi in bold:
            f_lo, f_hi = max(f_lo, lo), min(f_hi, hi)
            if f_lo < f_hi:
                out.append(escape(readable(doc.text, lo, f_lo)))
                out.append(f'<strong class="figure">{escape(readable(doc.text, f_lo, f_hi))}</strong>')
                lo = f_hi
        out.append(escape(readable(doc.text, lo, hi)))
        return "".join(out)

    pieces: list[str] = []
    cursor = start
    tagged = sorted([*((lo, hi, tag) for lo, hi in spans), *((lo, hi, "moved") for lo, hi in moved)])
    for lo, hi, this in tagged:
        lo, hi = max(lo, cursor), min(hi, end)
        if lo >= hi:
            continue
        pieces.append(text(cursor, lo))
        opening, closing = TAGS[this]
        pieces.append(f"{opening}{text(lo, hi)}{closing}")
        cursor = hi
    pieces.append(text(cursor, end))
    return "".join(pieces)


def _link_cell(comparison: Comparison, link: Link, side: str) -> str:
    doc = comparison.a if side == "a" else comparison.b
    spans: list[tuple[int, int]]
    moved: list[tuple[int, int]] = []
    if marks_word_changes(link, comparison.b):
        kind = OpKind.DELETE if side == "a" else OpKind.INSERT
        tag = "del" if side == "a" else "ins"
        spans = [span for op in link.ops if op.op is kind and (span := getattr(op, side)) is not None]
        # Phrases moved within the link are neither cut nor added (core.wordmoves).
        moves = word_moves(comparison.a.text, comparison.b.text, link.ops)
        if moves.moved:
            split = split_changes(doc.text, spans, moves, side == "a")
            spans = [(lo, hi) for lo, hi, is_moved in split if not is_moved]
            moved = [(lo, hi) for lo, hi, is_moved in split if is_moved]
    else:
        # A heavy rewrite: striking nearly every word is noise; mark the shared words.
        shared = shared_words(link, comparison.a, comparison.b)
        tag = "kept"
        spans = list(shared.a if side == "a" else shared.b)
    ids = link.a if side == "a" else link.b
    figures = [span for f in link.figure_changes if (span := getattr(f, side)) is not None]
    return " ".join(_marked(doc, doc.sentence(sid), spans, tag, figures, moved) for sid in ids)


def _gap_cell(comparison: Comparison, doc: Document, ids: tuple[str, ...],
              quoted: Collection[str]) -> str:
    """Unmatched sentences; ``quoted``: the ids of those whose quotations changed."""
    parts: list[str] = []
    for sid in ids:
        sentence = doc.sentence(sid)
        text = escape(readable(doc.text, sentence.start, sentence.end))
        status = comparison.status(sentence)
        if status is SentenceStatus.IGNORED:
            role = doc.paragraph(sentence.paragraph).role.value
            parts.append(f'<div class="ignored"><span class="tag">[{role}]</span> {text}</div>')
        else:
            glyph = GLYPHS[status.value]
            quote = f' <span class="glyph">{GLYPHS["quote"]}</span>' if sid in quoted else ""
            parts.append(
                f'<div class="{status.value}"><span class="glyph">{glyph}</span>{quote} '
                f'<span class="tag">{status.value}</span> {text}</div>'
            )
    return "".join(parts)


def _gutter(link: Link) -> str:
    lines = [
        f'<span class="glyph">{GLYPHS[link.kind.value]}</span><br><span class="tag">{link.kind.value}</span>',
        f'<span class="small">{link.similarity:.2f}</span>',
    ]
    if link.moved:
        lines.append(f'<span class="glyph">{GLYPHS["moved"]}</span> moved')
    if link.quote_changes:
        lines.append(f'<span class="glyph">{GLYPHS["quote"]}</span> quote')
    if link.figure_changes:
        n = len(link.figure_changes)
        lines.append(f'<span class="glyph">#</span> {n} figure{"s" if n > 1 else ""}')
    if link.negation_change:
        lines.append('<span class="glyph">¬</span> negation')
    return "<br>".join(lines)


def _pair_row(comparison: Comparison, row: ReportRow, quoted: Collection[str]) -> str:
    link = row.link
    if link is None:
        a = _gap_cell(comparison, comparison.a, row.a, quoted)
        b = _gap_cell(comparison, comparison.b, row.b, quoted)
        return (f'<tr id="{escape(row_anchor(row))}"><td class="gap">{a}</td>'
                f'<td class="gutter gap"></td><td class="gap">{b}</td></tr>')
    tint = "moved" if link.moved and link.kind.value != "reworded" else link.kind.value
    a = _link_cell(comparison, link, "a")
    b = _link_cell(comparison, link, "b")
    return (
        f'<tr id="{escape(row_anchor(row))}"><td class="{tint}">{a}</td>'
        f'<td class="gutter {tint}">{_gutter(link)}</td>'
        f'<td class="{tint}">{b}</td></tr>'
    )


def _stats_table(comparison: Comparison) -> str:
    s = comparison.stats
    rows = [
        ("Revision: verbatim (reused word for word)", f"{s.b_verbatim_pct:.1f} %"),
        ("Revision: in reworded sentences", f"{s.b_reworded_pct:.1f} %"),
        ("Revision: added sentences", f"{s.b_added_pct:.1f} %"),
        ("Original: removed sentences", f"{s.a_removed_pct:.1f} %"),
        ("Longest verbatim run", f"{s.longest_verbatim_words} words"),
        ("Sentences (original / revision)", f"{s.sentences_a} / {s.sentences_b}"),
        (
            "Links (identical / minor / reworded)",
            f"{s.links_identical} / {s.links_minor} / {s.links_reworded}",
        ),
        ("Moved", str(s.moved)),
        ("Added / removed sentences", f"{s.added} / {s.removed}"),
        ("Boilerplate or duplicate sentences (original / revision)", f"{s.ignored_a} / {s.ignored_b}"),
        ("Quote changes", str(s.quote_changes)),
        ("Figure changes (numbers, dates, amounts in links)", str(s.figure_changes)),
        ("Negation changes (a negation put in or taken out)", str(s.negation_changes)),
    ]
    body = "".join(f'<tr><th>{escape(k)}</th><td class="num">{escape(v)}</td></tr>' for k, v in rows)
    return f'<table class="stats">{body}</table>'


def _legend() -> str:
    entries = [
        (f'<span class="glyph">{GLYPHS["identical"]}</span>', "identical sentence"),
        (f'<span class="glyph">{GLYPHS["minor"]}</span>', "minor change (punctuation, case, a word or two)"),
        (f'<span class="glyph">{GLYPHS["reworded"]}</span>', "reworded (tinted row)"),
        (f'<span class="glyph">{GLYPHS["moved"]}</span>', "moved: the pair sits elsewhere in the original"),
        (f'<span class="glyph">{GLYPHS["quote"]}</span>', "a quotation was altered, dropped or added"),
        ("<del>struck</del>", "words of the original not in the revision"),
        ("<ins>underlined</ins>", "words of the revision not in the original"),
        ('<span class="kept">dotted</span>', "in a heavy rewrite: the words both versions share"),
        ('<span class="moved">dashed</span>', "words the revision moved within the sentence"),
        ('<span class="glyph">#</span> <strong class="figure">12</strong>',
         "a number, date or amount the revision changed, dropped or added"),
        ('<span class="glyph">¬</span>', "a negation the revision put in or took out: the opposite meaning"),
        (f'<span class="glyph">{GLYPHS["removed"]}</span>', "sentence removed from the original"),
        (f'<span class="glyph">{GLYPHS["added"]}</span>', "sentence added in the revision"),
        ('<span class="tag">[boilerplate]</span>', "navigation, bylines, duplicates: not compared (grey)"),
    ]
    body = "".join(f"<tr><td>{mark}</td><td>{escape(text)}</td></tr>" for mark, text in entries)
    return f'<table class="legend">{body}</table>'


def _excerpt(doc: Document, ids: tuple[str, ...], width: int = 90) -> str:
    text = " ".join(doc.sentence(sid).text for sid in ids)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _changes_section(comparison: Comparison, rows: list[ReportRow], anchors: dict[str, str]) -> str:
    lines: list[str] = []
    for row in rows:
        link = row.link
        if link is not None:
            if link.kind.value == "identical" and not link.moved and not link.quote_changes:
                continue
            what = ", ".join((link.kind.value, *(["moved"] if link.moved else []),
                              *([link.negation_change.describe()] if link.negation_change else []),
                              *(["quote"] if link.quote_changes else []),
                              *(["figure"] if link.figure_changes else [])))
            lines.append(
                f"<tr><td>{GLYPHS[link.kind.value]} {escape(what)}</td>"
                f'<td class="where">{where_cell(comparison, anchors, link.a, link.b)}</td>'
                f"<td>{escape(_excerpt(comparison.b, link.b))}</td></tr>"
            )
            continue
        for doc, ids, on_a in ((comparison.a, row.a, True), (comparison.b, row.b, False)):
            for sid in ids:
                status = comparison.status(doc.sentence(sid))
                if status is SentenceStatus.IGNORED:
                    continue
                where = where_cell(comparison, anchors, (sid,) if on_a else (), () if on_a else (sid,))
                lines.append(
                    f'<tr><td>{GLYPHS[status.value]} {status.value}</td><td class="where">{where}</td>'
                    f"<td>{escape(_excerpt(doc, (sid,)))}</td></tr>"
                )
    if not lines:
        return "<p>No changes: the revision repeats the original.</p>"
    return (
        '<table class="changes"><thead><tr><th>Change</th><th>Sentences</th><th>Text</th></tr>'
        f"</thead>{''.join(lines)}</table>"
    )


def export_html(
    comparison: Comparison,
    *,
    title: str | None = None,
    font_size_pt: float = 10.0,
    repeat_header: bool = True,
    body_margin: str = "1.5em",
) -> str:
    """The whole report as one HTML document (a string).

    ``font_size_pt``: the body text size; the PDF export passes a smaller one because Qt
    lays out a narrower page than a browser window. ``repeat_header``: whether printed
    pages repeat the "Original | Revision" header row (a ``<thead>``). ``body_margin``: the
    space around the report on screen; a paged export passes "0" (the page has margins).
    """
    name_a, name_b = _name(comparison.a.source), _name(comparison.b.source)
    heading = title or f"Comparison: {name_a} → {name_b}"
    rows = report_rows(comparison)
    anchors = row_anchors(rows)  # sentence → its side-by-side row, for the tables' links
    quoted = unlinked_quote_changes(comparison)  # once: it looks at every quote change
    pairs = "".join(_pair_row(comparison, row, quoted) for row in rows)
    header = '<tr><th width="44%">Original</th><th width="12%"></th><th width="44%">Revision</th></tr>'
    header = f"<thead>{header}</thead>" if repeat_header else header
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Collatio">
<title>{escape(heading)}</title>
<style>{_css(font_size_pt, body_margin)}</style>
</head>
<body>
<h1>{escape(heading)}</h1>
<p class="sources">Original: <b>{escape(name_a)}</b> &nbsp;·&nbsp; Revision: <b>{escape(name_b)}</b></p>
<p class="summary">{escape(counts_line(comparison))}.</p>
<h2>Quote changes</h2>
{quotes_section(comparison, anchors)}
<h2>Figure changes</h2>
{figures_section(comparison, rows, anchors)}
{credits_section(comparison)}
<h2>Statistics</h2>
{_stats_table(comparison)}
<h2>Legend</h2>
{_legend()}
<h2>Side by side</h2>
<table class="pairs" width="100%" cellspacing="0" cellpadding="4">
<colgroup><col class="text"><col class="gutter"><col class="text"></colgroup>
{header}
<tbody>
{pairs}
</tbody>
</table>
<h2>List of changes</h2>
{_changes_section(comparison, rows, anchors)}
</body>
</html>
"""
