"""Which mark each piece of displayed text gets, and what a mark means in words.

A sentence gets a base mark from its status (identical, minor, reworded, removed, added,
ignored); inside a link, the word diff adds ``DELETED`` spans on A and ``INSERTED`` spans on
B. Spans are returned relative to the sentence's start, so the view can place them in its
own document while the source offsets stay the reference.

Heavy rewrites are the exception: when ``classify.marks_word_changes`` says a reworded link
kept too few words, striking and underlining would cover nearly every word (the wall of
red and green a line diff shows). Such a link instead gets ``KEPT`` spans on the content
words both sides share (``explain.shared_words``): quiet anchors the eye can follow.

"Hide minor changes" shows minor links as if identical: no tint, no word marks.

Pure: no Qt. May import: the standard library and collatio.core.{model,classify,explain,wordmoves}.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from collatio.core.classify import marks_word_changes
from collatio.core.explain import SharedWords, shared_words
from collatio.core.model import Comparison, Link, LinkKind, OpKind, Sentence, SentenceStatus, Side
from collatio.core.wordmoves import word_moves


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
    KEPT = "kept"  # a shared content word inside a heavy rewrite (an anchor, not a change)
    MOVED_WORDS = "moved-words"  # a phrase the revision moved within the link (core.wordmoves)
    # A number, date or amount the revision changed: on A the old one (changed or dropped),
    # on B the new one (changed or added); drawn over the word marks (core.figures).
    FIGURE_A = "figure-a"
    FIGURE_B = "figure-b"
    # Non-text marks: glyphs before a sentence, the moved bar, collapsed/stub lines.
    GLYPH_REMOVED = "glyph-removed"
    GLYPH_ADDED = "glyph-added"
    GLYPH_MOVED = "glyph-moved"
    MOVED = "moved"
    PLACEHOLDER = "placeholder"
    # Colours of links and changes in the connector gutter and the overview map (the
    # palette's ``bar`` colour of these marks; removed/added/moved reuse their own marks).
    BAND_IDENTICAL = "band-identical"
    BAND_MINOR = "band-minor"
    BAND_REWORDED = "band-reworded"
    QUOTE = "quote"  # a quotation whose wording changed
    FIND_MATCH = "find-match"  # background of find matches, and of the current one
    FIND_CURRENT = "find-current"


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


def base_mark(comparison: Comparison, sentence: Sentence, hide_minor: bool = False) -> Mark:
    mark = _STATUS_MARK[comparison.status(sentence)]
    return Mark.IDENTICAL if hide_minor and mark is Mark.MINOR else mark


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


def _clip(spans: list[tuple[int, int]], sentence: Sentence, mark: Mark) -> tuple[Span, ...]:
    out: list[Span] = []
    for lo, hi in spans:
        # Clip: a span lies within one sentence, but a link has several sentences.
        start, end = max(lo, sentence.start), min(hi, sentence.end)
        if start < end:
            out.append(Span(start - sentence.start, end - sentence.start, mark))
    return tuple(out)


# shared_words of the heavy rewrites of recent comparisons, by link id: every sentence of a
# link needs them, and they cost a stemming pass over the link's text. The comparison job
# fills them in the worker (``prepare_rewrites``) so the UI thread only looks them up. Two
# comparisons are kept (the one on screen and the one arriving); the tuple is replaced,
# never mutated, so the worker and the UI thread can both use it.
_shared_cache: tuple[tuple[Comparison, dict[str, SharedWords | None]], ...] = ()


def _cache_for(comparison: Comparison) -> dict[str, SharedWords | None]:
    global _shared_cache
    for owner, cache in _shared_cache:
        if owner is comparison:
            return cache
    fresh: dict[str, SharedWords | None] = {}
    _shared_cache = ((comparison, fresh), *_shared_cache[:1])
    return fresh


def _anchors(comparison: Comparison, link: Link) -> SharedWords | None:
    """The shared words to mark for a heavy rewrite; None when its word changes are shown.

    Both the decision (``marks_word_changes``, a count of words) and the words are cached.
    """
    cache = _cache_for(comparison)
    if link.id in cache:
        return cache[link.id]
    found = None
    if not marks_word_changes(link, comparison.b):
        language = str(comparison.options.get("language", "de"))
        found = shared_words(link, comparison.a, comparison.b, language)
    cache[link.id] = found
    return found


def prepare_rewrites(comparison: Comparison) -> None:
    """Decide and compute the anchors of every link now (call it off the UI thread)."""
    for link in comparison.links:
        if link.a and link.b:
            _anchors(comparison, link)


def word_spans(comparison: Comparison, sentence: Sentence, hide_minor: bool = False) -> tuple[Span, ...]:
    """Word marks inside the sentence, relative to its start.

    Deleted (A) or inserted (B) spans from the word diff; for a heavy rewrite, the kept
    shared words instead (see the module docstring); changed figures over either. A minor
    link shows only its changed figures when minor changes are hidden.
    """
    link = comparison.link_of(sentence.id)
    if link is None:
        return ()
    side_a = sentence.side is Side.A
    figures = _clip([span for f in link.figure_changes
                     if (span := f.a if side_a else f.b) is not None],
                    sentence, Mark.FIGURE_A if side_a else Mark.FIGURE_B)
    if hide_minor and link.kind is LinkKind.MINOR:
        return figures
    shared = _anchors(comparison, link)
    if shared is not None:
        return _overlay(_clip(list(shared.a if side_a else shared.b), sentence, Mark.KEPT), figures)
    want = OpKind.DELETE if side_a else OpKind.INSERT
    found = [op.a if side_a else op.b for op in link.ops if op.op is want]
    words = _clip([span for span in found if span is not None], sentence,
                  Mark.DELETED if side_a else Mark.INSERTED)
    moves = _link_moves(comparison.a.text, comparison.b.text, link.ops)
    moved = _clip([m.a if side_a else m.b for m in moves.moved], sentence, Mark.MOVED_WORDS)
    if moved:
        # The words the moved ones went around stayed: no mark (KEPT is cut out below).
        kept = _clip([m.a if side_a else m.b for m in moves.kept], sentence, Mark.KEPT)
        # What is left of a cut or an added run between moved phrases may be only the
        # space between them: no change to show (a comma or a word still is).
        text = comparison.document(sentence.side).text
        words = tuple(s for s in _overlay(_overlay(words, kept), moved)
                      if s.mark is Mark.MOVED_WORDS or (s.mark is not Mark.KEPT and
                      text[sentence.start + s.start : sentence.start + s.end].strip()))
    return _overlay(words, figures)


# Every sentence of a link asks for the link's moves; they are found once. The key holds
# the comparison's two texts (a str caches its hash) and the link's ops.
_link_moves = lru_cache(maxsize=512)(word_moves)


def _overlay(spans: tuple[Span, ...], top: tuple[Span, ...]) -> tuple[Span, ...]:
    """``spans`` with ``top`` drawn over them: what ``top`` covers is cut out of the others."""
    if not top:
        return spans
    out = list(top)
    covers = sorted(top, key=lambda t: t.start)
    for span in spans:
        start = span.start
        for cover in covers:
            if cover.end <= start or cover.start >= span.end:
                continue
            if cover.start > start:
                out.append(Span(start, cover.start, span.mark))
            start = max(start, cover.end)
        if start < span.end:
            out.append(Span(start, span.end, span.mark))
    return tuple(sorted(out, key=lambda s: s.start))


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
    LegendEntry(Mark.KEPT, "dotted", "kept words in a rewrite"),
    LegendEntry(Mark.MOVED_WORDS, "dashed", "words moved in the sentence"),
    LegendEntry(Mark.MINOR, "faint", "minor edit"),
    LegendEntry(Mark.FIGURE_A, "bold", "figure changed"),
    LegendEntry(Mark.GLYPH_REMOVED, "−", "sentence removed"),
    LegendEntry(Mark.GLYPH_ADDED, "+", "sentence added"),
    LegendEntry(Mark.GLYPH_MOVED, "⇅", "sentence moved"),
    LegendEntry(Mark.IGNORED, "grey italic", "boilerplate, not compared"),
)

# The colours of the bands between the panes and of the overview map beside the revision
# (their fill colour is the mark's bar colour; the sample is a swatch, not text).
BAND_LEGEND = (
    LegendEntry(Mark.BAND_IDENTICAL, "", "identical"),
    LegendEntry(Mark.BAND_MINOR, "", "minor edit"),
    LegendEntry(Mark.BAND_REWORDED, "", "reworded"),
    LegendEntry(Mark.MOVED, "", "moved (hatched)"),
    LegendEntry(Mark.REMOVED, "", "removed"),
    LegendEntry(Mark.ADDED, "", "added"),
    LegendEntry(Mark.QUOTE, "", "quotation changed"),
)
BAND_LEGEND_TITLE = "Bands and map:"
BAND_LEGEND_NOTE = "framed: on screen"
