"""The reading order of a report: links and the unmatched sentences between them.

The exports (HTML, PDF via HTML, CSV) walk the revision in order, because that is the
text a reader of a report holds in hand. A link appears where its first revision
sentence is; a moved link is flagged and its original sentences come along with it.
Unmatched original sentences (removed or ignored) appear in a gap row just before the
next in-order link that follows them, beside the unmatched revision sentences (added or
ignored) of the same stretch. Every sentence of both sides appears exactly once.

May import: the standard library and collatio.core.{model,normalise}.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Comparison, Document, FigureChange, Link, OpKind, QuoteChange, Sentence
from .normalise import readable

# What each kind of quote and figure change is called in reports and in the window.
QUOTE_CHANGE_WORDS = {
    "altered": "quotation reworded",
    "dropped": "quotation dropped",
    "added": "quotation added",
    "reattributed": "quotation attributed to someone else",  # with the two speakers
}
FIGURE_CHANGE_WORDS = {
    "changed": "figure changed",
    "dropped": "figure dropped",
    "added": "figure added",
}


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A link row (``link`` set) or a gap row of unmatched sentences (``link`` None)."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    link: Link | None = None

    @property
    def is_link(self) -> bool:
        return self.link is not None


def report_rows(comparison: Comparison) -> list[ReportRow]:
    a_sentences = comparison.a.sentences
    position_a = {s.id: s.index for s in a_sentences}
    rows: list[ReportRow] = []
    next_a = 0  # first original sentence not yet placed by an in-order link or gap
    pending_b: list[str] = []

    def unmatched_a(stop: int) -> list[str]:
        nonlocal next_a
        ids = [s.id for s in a_sentences[next_a:stop] if comparison.link_of(s.id) is None]
        next_a = max(next_a, stop)
        return ids

    def flush(gap_a: list[str]) -> None:
        if gap_a or pending_b:
            rows.append(ReportRow(tuple(gap_a), tuple(pending_b)))
            pending_b.clear()

    for sentence in comparison.b.sentences:
        link = comparison.link_of(sentence.id)
        if link is None:
            pending_b.append(sentence.id)
            continue
        if sentence.id != link.b[0]:
            continue
        gap_a: list[str] = []
        if not link.moved and link.a:
            gap_a = unmatched_a(position_a[link.a[0]])
            next_a = max(next_a, position_a[link.a[-1]] + 1)
        flush(gap_a)
        rows.append(ReportRow(link.a, link.b, link))
    flush(unmatched_a(len(a_sentences)))
    return rows



def sentence_of_span(doc: Document, span: tuple[int, int]) -> Sentence | None:
    """The sentence of ``doc`` that contains the start of ``span``."""
    # Sentences are in text order and do not overlap: the last one starting at or before
    # the span is the only candidate (a scan made the HTML report of a book take minutes).
    k = bisect_right(doc.sentences, span[0], key=lambda s: s.start) - 1
    if k >= 0 and doc.sentences[k].start <= span[0] < doc.sentences[k].end:
        return doc.sentences[k]
    return None


def all_quote_changes(comparison: Comparison) -> tuple[QuoteChange, ...]:
    """Every quote change; older comparisons list them only on their links."""
    if comparison.quote_changes:
        return comparison.quote_changes
    return tuple(q for link in comparison.links for q in link.quote_changes)


def unlinked_quote_changes(comparison: Comparison) -> dict[str, list[QuoteChange]]:
    """Quote changes in removed/added sentences, by sentence id."""
    found: dict[str, list[QuoteChange]] = {}
    for q in all_quote_changes(comparison):
        if q.link is not None:
            continue
        for doc, span in ((comparison.a, q.a), (comparison.b, q.b)):
            sentence = sentence_of_span(doc, span) if span is not None else None
            if sentence is not None:
                found.setdefault(sentence.id, []).append(q)
    return found


def _overlaps(span: tuple[int, int], within: tuple[int, int]) -> bool:
    return span[0] < within[1] and span[1] > within[0]


def span_words(doc: Document, span: tuple[int, int] | None) -> str:
    """The words of a source span as they read, on one line ("" for no span)."""
    return " ".join(readable(doc.text, *span).split()) if span is not None else ""


def _clipped(doc: Document, span: tuple[int, int], within: tuple[int, int]) -> str:
    return span_words(doc, (max(span[0], within[0]), min(span[1], within[1])))


_EDGE_MARKS = " .,;:!?"
# The quotation marks of the comparison's language, for quoting the texts in reports.
_QUOTE_MARKS = {"de": ("„", "“"), "fr": ("« ", " »"), "es": ("«", "»"), "it": ("«", "»"),
                "nl": ("‘", "’")}
_ENGLISH_MARKS = ("“", "”")


def quote_marks(comparison: Comparison) -> tuple[str, str]:
    """The quotation marks of the language the texts were compared in ("„" "“" for
    German, "“" "”" for English and any language not listed)."""
    # German when unrecorded, as where the texts are too short to tell (core.language).
    return _QUOTE_MARKS.get(str(comparison.options.get("language", "de")), _ENGLISH_MARKS)


def quoted(comparison: Comparison, text: str) -> str:
    """``text`` in the quotation marks of the comparison's language."""
    opening, closing = quote_marks(comparison)
    return f"{opening}{text}{closing}"


def change_words(comparison: Comparison, change: QuoteChange | FigureChange,
                 link: Link | None) -> tuple[str, str]:
    """A quote or figure change in words: what happened, and the words it concerns
    ("figure changed", "3,5 Milliarden → 35 Millionen"), unclipped."""
    if isinstance(change, QuoteChange):
        what = QUOTE_CHANGE_WORDS.get(change.change, change.change)
        note = quote_note(comparison, link, change)
        if change.change == "reattributed" and note:
            # Which quotation: two swapped quotations would read "X → Y; Y → X".
            text = span_words(comparison.b, change.b) or span_words(comparison.a, change.a)
            note = f"{quoted(comparison, _opening(text))} {note}"
    else:
        what, note = FIGURE_CHANGE_WORDS.get(change.change, change.change), ""
    words = note or " → ".join(
        w for w in (span_words(comparison.a, change.a), span_words(comparison.b, change.b)) if w)
    return what, words


def _opening(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def quote_note(comparison: Comparison, link: Link | None, quote: QuoteChange) -> str:
    """What to say beside a quote change: a reworded quotation's edits, a re-attributed
    one's speakers ("Xi Jinping → Xinhua"); nothing for the others."""
    if quote.change == "reattributed" and quote.speaker_a and quote.speaker_b:
        return (f"{span_words(comparison.a, quote.speaker_a)} → "
                f"{span_words(comparison.b, quote.speaker_b)}")
    if quote.change == "altered" and link is not None:
        return quote_edits(comparison, link, quote)
    return ""


def quote_edits(comparison: Comparison, link: Link, quote: QuoteChange) -> str:
    """What the word diff changed inside a reworded quotation: "besonders → insbesondere".

    A long quotation that changed one word is useless to print whole, clipped; its edits
    say what an editor needs. Edits between the same two kept words form one phrase.
    """
    phrases: list[tuple[list[str], list[str]]] = []
    open_phrase = False
    for op in link.ops:
        if op.op is OpKind.EQUAL:
            open_phrase = False
            continue
        gone = op.op is OpKind.DELETE
        span, within, doc = (op.a, quote.a, comparison.a) if gone else (op.b, quote.b, comparison.b)
        if span is None or within is None or not _overlaps(span, within):
            continue
        if not open_phrase:
            phrases.append(([], []))
            open_phrase = True
        phrases[-1][0 if gone else 1].append(_clipped(doc, span, within))
    # The punctuation at a quotation's edge moves when the quotation is set into the
    # sentence another way („… müssen.“ → „… müssen“, sagte …): no edit of its words.
    edits = []
    for cut, new in phrases:
        old, now = " ".join(cut).strip(_EDGE_MARKS), " ".join(new).strip(_EDGE_MARKS)
        if old and now:
            edits.append(f"{old} → {now}")
        elif old or now:
            edits.append(f"cut “{old}”" if old else f"new “{now}”")
    return "; ".join(edits)


def place(doc: Document, sentence_ids: Sequence[str]) -> str:
    """Where sentences stand, as a reader counts: "¶3.2" (paragraph 3, its sentence 2),
    "¶3.2–¶4.1" for a run; "" for none."""
    if not sentence_ids:
        return ""

    def one(sid: str) -> str:
        paragraph = doc.paragraph_of(sid)
        return f"¶{paragraph.index + 1}.{paragraph.sentences.index(sid) + 1}"

    first, last = one(sentence_ids[0]), one(sentence_ids[-1])
    return first if first == last else f"{first}–{last}"


def row_anchor(row: ReportRow) -> str:
    """The HTML id of a report row: its link's id ("l3"), or "gap-" and its first
    sentence's id for a row of unmatched sentences."""
    if row.link is not None:
        return row.link.id
    return "gap-" + (row.a or row.b)[0]


def row_anchors(rows: Sequence[ReportRow]) -> dict[str, str]:
    """Each sentence id → the anchor of the report row that shows it."""
    return {sid: row_anchor(row) for row in rows for sid in (*row.a, *row.b)}
