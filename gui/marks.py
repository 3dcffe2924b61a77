"""Which mark each piece of displayed text gets, and what a mark means in words.

A sentence gets a base mark from its status (identical, minor, reworded, removed, added,
ignored); inside a link, the word diff adds ``DELETED`` spans on A and ``INSERTED`` spans on
B. Spans are returned relative to the sentence's start, so the view can place them in its
own document while the source offsets stay the reference.

Pure: no Qt. May import: the standard library and collatio.core.model.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from collatio.core.model import Comparison, OpKind, Sentence, SentenceStatus, Side


class Mark(StrEnum):
    # Sentence-level marks (one per sentence, from its status).
    IDENTICAL = "identical"
    MINOR = "minor"
    REWORDED = "reworded"
    REMOVED = "removed"
    ADDED = "added"
    IGNORED = "ignored"
    # Word-level marks, from the link's word diff.
    DELETED = "deleted"
    INSERTED = "inserted"
    # Non-text marks: glyphs before a sentence, the moved bar, collapsed/stub lines.
    GLYPH_REMOVED = "glyph-removed"
    GLYPH_ADDED = "glyph-added"
    GLYPH_MOVED = "glyph-moved"
    MOVED = "moved"
    PLACEHOLDER = "placeholder"


GLYPHS = {Mark.GLYPH_REMOVED: "−", Mark.GLYPH_ADDED: "+", Mark.GLYPH_MOVED: "⇅"}

_STATUS_MARK = {
    SentenceStatus.IDENTICAL: Mark.IDENTICAL,
    SentenceStatus.MINOR: Mark.MINOR,
    SentenceStatus.REWORDED: Mark.REWORDED,
    SentenceStatus.REMOVED: Mark.REMOVED,
    SentenceStatus.ADDED: Mark.ADDED,
    SentenceStatus.IGNORED: Mark.IGNORED,
}


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # relative to the sentence's start
    end: int
    mark: Mark


def base_mark(comparison: Comparison, sentence: Sentence) -> Mark:
    return _STATUS_MARK[comparison.status(sentence)]


def glyph_mark(comparison: Comparison, sentence: Sentence) -> Mark | None:
    """The glyph shown before a sentence, so status does not rely on colour alone."""
    status = comparison.status(sentence)
    if status is SentenceStatus.REMOVED:
        return Mark.GLYPH_REMOVED
    if status is SentenceStatus.ADDED:
        return Mark.GLYPH_ADDED
    link = comparison.link_of(sentence.id)
    if link is not None and link.moved:
        return Mark.GLYPH_MOVED
    return None


def word_spans(comparison: Comparison, sentence: Sentence) -> tuple[Span, ...]:
    """Deleted (A) or inserted (B) word spans inside the sentence, relative to its start."""
    link = comparison.link_of(sentence.id)
    if link is None:
        return ()
    want = OpKind.DELETE if sentence.side is Side.A else OpKind.INSERT
    mark = Mark.DELETED if sentence.side is Side.A else Mark.INSERTED
    spans: list[Span] = []
    for op in link.ops:
        if op.op is not want:
            continue
        span = op.a if sentence.side is Side.A else op.b
        if span is None:
            continue
        # Clip: an op lies within one sentence, but a link has several sentences.
        start, end = max(span[0], sentence.start), min(span[1], sentence.end)
        if start < end:
            spans.append(Span(start - sentence.start, end - sentence.start, mark))
    return tuple(spans)


def display_text(source: str) -> str:
    """Source text for display: line breaks and tabs folded to spaces, length unchanged.

    Keeping the length lets a display position map back to a source offset by addition.
    """
    return source.translate({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})


def describe(comparison: Comparison, sentence: Sentence) -> str:
    """The hover text of a sentence: what happened to it, and how similar its pair is."""
    status = comparison.status(sentence)
    if status is SentenceStatus.REMOVED:
        return "Removed — not in the revision"
    if status is SentenceStatus.ADDED:
        return "Added — not in the original"
    if status is SentenceStatus.IGNORED:
        return "Boilerplate or duplicate paragraph — not compared"
    link = comparison.link_of(sentence.id)
    assert link is not None  # every other status comes from a link
    other = link.b if sentence.side is Side.A else link.a
    pair = ", ".join(other)
    text = f"{status.value.capitalize()} · similarity {link.similarity:.2f} · paired with {pair}"
    if link.moved:
        where = "revision" if sentence.side is Side.A else "original"
        text += f"\nMoved — its place in the {where} differs"
    return text


@dataclass(frozen=True, slots=True)
class LegendEntry:
    mark: Mark
    sample: str
    meaning: str


LEGEND = (
    LegendEntry(Mark.DELETED, "struck", "deleted words"),
    LegendEntry(Mark.INSERTED, "underlined", "inserted words"),
    LegendEntry(Mark.REWORDED, "tinted", "reworded"),
    LegendEntry(Mark.MINOR, "faint", "minor edit"),
    LegendEntry(Mark.GLYPH_REMOVED, "−", "sentence dropped"),
    LegendEntry(Mark.GLYPH_ADDED, "+", "sentence added"),
    LegendEntry(Mark.GLYPH_MOVED, "⇅", "sentence moved"),
    LegendEntry(Mark.IGNORED, "grey italic", "boilerplate, not compared"),
)
