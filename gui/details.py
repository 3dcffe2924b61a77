"""Why a link exists, in words: kind, similarity, move, shared words, quote and figure changes.

``link_details`` is pure (tested without a display); ``details_html`` renders it for the
details panel (a QTextBrowser in the change list dock) and the hover tooltip.

May import: the standard library, collatio.core.{model,explain,reportrows} and
collatio.gui.{marks,navigation}.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from textwrap import shorten

from collatio.core.explain import negation_edits, shared_words
from collatio.core.model import Comparison, Link, ParagraphBasis, Sentence, Side
from collatio.core.reportrows import (
    FIGURE_CHANGE_WORDS,
    QUOTE_CHANGE_WORDS,
    quote_marks,
    quote_note,
    quoted,
    span_words,
)

from .marks import describe
from .navigation import Change, first_sentence


@dataclass(frozen=True, slots=True)
class QuoteLine:
    change: str  # in words
    a: str  # the quoted text in the original ("" if none)
    b: str
    # A reworded quotation's changed words ("besonders → insbesondere"), or a
    # re-attributed one's speakers ("Xi Jinping → Xinhua").
    edits: str = ""


@dataclass(frozen=True, slots=True)
class LinkDetails:
    link: str
    kind: str
    similarity: str  # "73 %"
    moved: bool
    shared: tuple[str, ...]
    quotes: tuple[QuoteLine, ...]
    sentences_a: int
    sentences_b: int
    figures: tuple[QuoteLine, ...] = ()  # the same shape: what changed, then each side's text
    negations: tuple[str, ...] = ()  # "negation added: not" (core.explain.negation_edits)
    marks: tuple[str, str] = ("“", "”")  # the quotation marks of the texts' language


def link_details(comparison: Comparison, link: Link) -> LinkDetails:
    language = str(comparison.options.get("language", "de"))
    words = shared_words(link, comparison.a, comparison.b, language)
    quotes = []
    # A quotation given to someone else comes first: it is the graver change, and a long
    # reworded quotation printed in full would push it out of the panel.
    for q in sorted(link.quote_changes, key=lambda q: q.change != "reattributed"):
        quotes.append(QuoteLine(
            QUOTE_CHANGE_WORDS.get(q.change, q.change),
            span_words(comparison.a, q.a),
            span_words(comparison.b, q.b),
            # Clipped: where most of a long quotation changed, the full quotations below
            # say more than a list of its edits.
            shorten(quote_note(comparison, link, q), 100, placeholder=" …"),
        ))
    figures = tuple(
        QuoteLine(
            FIGURE_CHANGE_WORDS.get(f.change, f.change),
            span_words(comparison.a, f.a),
            span_words(comparison.b, f.b),
        )
        for f in link.figure_changes
    )
    return LinkDetails(link.id, link.kind.value, f"{round(link.similarity * 100)} %", link.moved,
                       words.terms, tuple(quotes), len(link.a), len(link.b), figures,
                       negation_edits(link), quote_marks(comparison))


def figure_values(f: QuoteLine) -> str:
    """"3,5 Milliarden → 35 Millionen" for a changed figure, else the one that is there."""
    return f"{f.a} → {f.b}" if f.a and f.b else f.a or f.b


def figure_line(f: QuoteLine) -> str:
    """One figure change in words: "figure changed: 3,5 Milliarden → 35 Millionen"."""
    return f"{f.change}: {figure_values(f)}"


def details_html(d: LinkDetails, muted: str) -> str:
    moved = " · <b>moved</b>" if d.moved else ""
    shape = f"{d.sentences_a} → {d.sentences_b} sentences" if (d.sentences_a, d.sentences_b) != (
        1, 1) else "1 → 1 sentence"
    parts = [f"<b>{escape(d.kind.capitalize())}</b> · similarity {d.similarity}{moved}"
             # The id is the one in the JSON and CSV exports ("link l15"), for researchers.
             f" <span style='color:{muted}'>· {shape} · link {escape(d.link)}</span>"]
    for edit in d.negations:  # the opposite meaning, under the headline: it reads like a copy-edit
        what, _, word = edit.partition(": ")
        parts.append(f"⚠ <b>{escape(what)}</b>: {escape(word)}")
    if d.shared:
        parts.append(f"<span style='color:{muted}'>Shared words:</span> "
                     + escape(", ".join(d.shared)))
    else:
        parts.append(f"<span style='color:{muted}'>No shared content words.</span>")
    opening, closing = d.marks
    for q in d.quotes:
        line = f"⚠ <b>{escape(q.change)}</b>" + (f": {escape(q.edits)}" if q.edits else "")
        if q.change == QUOTE_CHANGE_WORDS["reattributed"]:
            # The speakers are the news; the quotation itself is named once, clipped.
            line += (f"<br>&nbsp;&nbsp;{opening}"
                     f"{escape(shorten(q.b or q.a, 70, placeholder=' …'))}{closing}")
            parts.append(line)
            continue
        if q.a:
            line += f"<br>&nbsp;&nbsp;original: {opening}{escape(q.a)}{closing}"
        if q.b:
            line += f"<br>&nbsp;&nbsp;revision: {opening}{escape(q.b)}{closing}"
        parts.append(line)
    for f in d.figures:
        parts.append(f"# <b>{escape(f.change)}</b>: {escape(figure_values(f))}")
    return "<br>".join(parts)


def tooltip_text(comparison: Comparison, sentence: Sentence) -> str:
    """The hover text: the sentence's status (``marks.describe``), then why it was linked."""
    text = describe(comparison, sentence)
    link = comparison.link_of(sentence.id)
    if link is None:
        return text + "".join(f"\n{line}" for line in passage_lines(comparison, sentence))
    d = link_details(comparison, link)
    if d.shared:
        shown = ", ".join(d.shared[:12]) + (" …" if len(d.shared) > 12 else "")
        text += f"\nShared words: {shown}"
    for q in d.quotes:
        text += f"\n⚠ {q.change}" + (f": {q.edits}" if q.edits else "")
        if q.a:
            text += f"\n   original: {quoted(comparison, q.a)}"
        if q.b:
            text += f"\n   revision: {quoted(comparison, q.b)}"
    for f in d.figures:
        text += f"\n# {figure_line(f)}"
    return text


def passage_lines(comparison: Comparison, sentence: Sentence) -> list[str]:
    """For an added sentence whose paragraph is linked to the original by order only
    (core.paragraph_links): the opening of the original paragraph its passage rewrites
    (quoted: the reader sees text, not paragraph numbers)."""
    if sentence.side is not Side.B:
        return []
    return [
        "Its paragraph is part of the rewrite of the original paragraph\n"
        f"   {quoted(comparison, first_sentence(comparison, Side.A, comparison.a.paragraph(p.a).sentences, 60))}\n"
        "though no sentence of it matches."
        for p in comparison.paragraph_links
        if p.b == sentence.paragraph and p.basis is ParagraphBasis.ORDER
    ]


def _count(n: int) -> str:
    return f"{n} sentence{'' if n == 1 else 's'}"


_SHOWN_SENTENCES = 5  # of a gap's removed or added sentences, in its details


def unlinked_quotes(comparison: Comparison, change: Change) -> list[QuoteLine]:
    """The quotations dropped with the change's removed sentences or brought in with its
    added ones, in reading order."""
    spans = {Side.A: [(s.start, s.end) for s in map(comparison.a.sentence, change.a)],
             Side.B: [(s.start, s.end) for s in map(comparison.b.sentence, change.b)]}

    def inside(side: Side, span: tuple[int, int] | None) -> bool:
        return span is not None and any(start <= span[0] < end for start, end in spans[side])

    return [QuoteLine(QUOTE_CHANGE_WORDS.get(q.change, q.change), span_words(comparison.a, q.a),
                      span_words(comparison.b, q.b))
            for q in comparison.quote_changes
            if q.link is None and (inside(Side.A, q.a) or inside(Side.B, q.b))]


def unlinked_html(comparison: Comparison, change: Change) -> str:
    """The details of a gap: what was dropped and what was added there, unpaired, and
    each quotation that went or came with it."""
    parts = []
    if change.a:
        parts.append(f"<b>Removed</b>: {_count(len(change.a))} of the original")
    if change.b:
        parts.append(f"<b>Added</b>: {_count(len(change.b))} in the revision")
    text = " · ".join(parts)
    if change.a and change.b:
        text += ("<br>At the same place, but no sentence of one matches the other: "
                 "separate cuts and additions, not a rewrite.")
    # The sentences themselves, as the panes mark them: the list shows only the first.
    for mark, side, ids in (("−", Side.A, change.a), ("+", Side.B, change.b)):
        for sid in ids[:_SHOWN_SENTENCES]:
            text += f"<br>{mark} {escape(first_sentence(comparison, side, (sid,), 240))}"
        if len(ids) > _SHOWN_SENTENCES:
            text += f"<br>{mark} … and {_count(len(ids) - _SHOWN_SENTENCES)} more"
    for q in unlinked_quotes(comparison, change):
        text += f"<br>⚠ <b>{escape(q.change)}</b>: {escape(quoted(comparison, q.a or q.b))}"
    return text
