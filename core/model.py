"""The immutable result of a comparison: documents, paragraphs, sentences, links, stats.

Everything the GUI, the exports and the benchmarks read comes from one ``Comparison``
built from frozen dataclasses. Offsets (``start``/``end``) are character offsets into
the decoded input text of that side (``Document.text``), never into a normalised copy.

May import: the standard library only (and, inside methods, collatio.core.jsonio and
collatio.core.paragraph_links, which build on this module).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for the annotation: credits imports this module
    from .credits import CreditReport


class Side(StrEnum):
    A = "a"
    B = "b"


class Role(StrEnum):
    """What a paragraph is. Only title/heading/body take part in alignment by default."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"

    @property
    def is_content(self) -> bool:
        return self in (Role.TITLE, Role.HEADING, Role.BODY)


class LinkKind(StrEnum):
    IDENTICAL = "identical"
    MINOR = "minor"
    REWORDED = "reworded"


class OpKind(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Outcome(StrEnum):
    """How a computation ended."""

    COMPLETED = "completed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"


class ParagraphBasis(StrEnum):
    """Why two paragraphs are linked."""

    SENTENCES = "sentences"  # at least one sentence link joins them
    ORDER = "order"  # no sentence link; the paragraph sits inside the rewrite of the other


class SentenceStatus(StrEnum):
    """What happened to one sentence; derived from the links, used by views and stats."""

    IDENTICAL = "identical"
    MINOR = "minor"
    REWORDED = "reworded"
    REMOVED = "removed"  # side a, in no link
    ADDED = "added"  # side b, in no link
    IGNORED = "ignored"  # boilerplate/duplicate paragraph, not aligned


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str  # "a.s3"
    side: Side
    index: int
    paragraph: str  # paragraph id
    start: int
    end: int
    text: str  # normalised text (reflowed, entities decoded); display uses the source slice


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str  # "a.p0"
    side: Side
    index: int
    role: Role
    start: int
    end: int
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of a word diff; spans are source offsets on their side, None if absent."""

    op: OpKind
    a: tuple[int, int] | None
    b: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class QuoteChange:
    """A quotation inside a link whose wording changed, or that was dropped or added."""

    change: str  # "altered" | "dropped" | "added" | "reattributed"
    a: tuple[int, int] | None  # source offsets of the quoted words, marks excluded
    b: tuple[int, int] | None
    link: str | None = None  # the link it belongs to; None for removed/added sentences
    # For "reattributed": each side's speaker as shown (core.attribution.Speaker.span).
    speaker_a: tuple[int, int] | None = None
    speaker_b: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A number, date or amount inside a link that the revision changed, dropped or added."""

    change: str  # "changed" | "dropped" | "added"
    a: tuple[int, int] | None  # source offsets of the figure on each side
    b: tuple[int, int] | None
    link: str  # the link it belongs to


@dataclass(frozen=True, slots=True)
class NegationChange:
    """A negation the revision took out of a link or put into it (core.negation)."""

    change: str  # "dropped" | "added"
    words: tuple[str, ...]  # the negation words, lower-cased, each once: ("not",)
    spans: tuple[tuple[int, int], ...]  # their source offsets: in a when dropped, in b when added
    link: str  # the link it belongs to

    @property
    def side(self) -> Side:
        return Side.A if self.change == "dropped" else Side.B

    def describe(self) -> str:
        """ "negation dropped: nicht" """
        return f"negation {self.change}: {', '.join(self.words)}"


@dataclass(frozen=True, slots=True)
class Link:
    id: str  # "l0"
    a: tuple[str, ...]  # sentence ids on side a, in document order
    b: tuple[str, ...]
    kind: LinkKind
    similarity: float
    moved: bool
    ops: tuple[DiffOp, ...]
    quote_changes: tuple[QuoteChange, ...] = ()
    manual: bool = False  # made or changed by a user override
    # Estimated probability that the grouping is exactly right (see core.linkscore);
    # None for moved and manual links, which the estimate was not learned on.
    confidence: float | None = None
    figure_changes: tuple[FigureChange, ...] = ()
    negation_change: NegationChange | None = None

    @property
    def quote_changed(self) -> bool:
        return bool(self.quote_changes)

    @property
    def figure_changed(self) -> bool:
        return bool(self.figure_changes)


@dataclass(frozen=True, slots=True)
class ParagraphLink:
    """A paragraph of a and a paragraph of b that correspond (see core.paragraph_links)."""

    a: str  # paragraph id, "a.p3"
    b: str
    basis: ParagraphBasis
    links: tuple[str, ...] = ()  # the sentence links joining them (none for ORDER)


@dataclass(frozen=True)
class Document:
    side: Side
    source: str | None  # path, URL or None for pasted text
    text: str  # the decoded input text; all offsets point here
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    format: str = "text"

    @cached_property
    def _sentence_index(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def _paragraph_index(self) -> dict[str, Paragraph]:
        return {p.id: p for p in self.paragraphs}

    def sentence(self, sentence_id: str) -> Sentence:
        return self._sentence_index[sentence_id]

    def paragraph(self, paragraph_id: str) -> Paragraph:
        return self._paragraph_index[paragraph_id]

    def paragraph_of(self, sentence_id: str) -> Paragraph:
        return self.paragraph(self.sentence(sentence_id).paragraph)

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def content_sentences(self) -> Iterator[Sentence]:
        """Sentences whose paragraph takes part in alignment by default."""
        for s in self.sentences:
            if self.paragraph(s.paragraph).role.is_content:
                yield s


@dataclass(frozen=True, slots=True)
class Stats:
    sentences_a: int
    sentences_b: int
    links_identical: int
    links_minor: int
    links_reworded: int
    moved: int
    added: int  # sentences of b in no link
    removed: int  # sentences of a in no link
    ignored_a: int  # sentences in boilerplate/duplicate paragraphs
    ignored_b: int
    quote_changes: int
    # Shares by characters of content sentences.
    b_verbatim_pct: float  # of b: characters in equal ops of links
    b_reworded_pct: float  # of b: characters in reworded links
    b_added_pct: float  # of b: characters in added sentences
    a_removed_pct: float  # of a: characters in removed sentences
    longest_verbatim_words: int
    figure_changes: int = 0  # numbers, dates and amounts changed inside links (core.figures)
    negation_changes: int = 0  # links that put in or took out a negation (core.negation)

    @property
    def links(self) -> int:
        return self.links_identical + self.links_minor + self.links_reworded

    def summary(self) -> str:
        return (
            f"{_count(self.links, 'link')} ({self.links_identical} identical, {self.links_minor} minor, "
            f"{self.links_reworded} reworded), {self.moved} moved, {self.added} added, "
            f"{self.removed} removed, {_count(self.quote_changes, 'quote change')}, "
            f"{_count(self.figure_changes, 'figure change')}"
            # Only when there is one: the status line is short, and most pairs have none.
            + (f", {_count(self.negation_changes, 'negation change')}" if self.negation_changes else "")
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Comparison:
    a: Document
    b: Document
    links: tuple[Link, ...]
    stats: Stats
    outcome: Outcome = Outcome.COMPLETED
    message: str = ""  # why it was cancelled or skipped
    options: dict[str, Any] = field(default_factory=dict)
    # Every quote change, those inside links and those in removed/added sentences.
    quote_changes: tuple[QuoteChange, ...] = ()

    def document(self, side: Side) -> Document:
        return self.a if side is Side.A else self.b

    @cached_property
    def _link_of(self) -> dict[str, Link]:
        index: dict[str, Link] = {}
        for link in self.links:
            for sid in (*link.a, *link.b):
                index[sid] = link
        return index

    def link_of(self, sentence_id: str) -> Link | None:
        return self._link_of.get(sentence_id)

    @cached_property
    def _link_by_id(self) -> dict[str, Link]:
        return {link.id: link for link in self.links}

    def link(self, link_id: str) -> Link:
        return self._link_by_id[link_id]

    def status(self, sentence: Sentence) -> SentenceStatus:
        link = self.link_of(sentence.id)
        if link is not None:  # a link wins even in boilerplate (include_boilerplate, overrides)
            return SentenceStatus(link.kind.value)
        if not self.document(sentence.side).paragraph(sentence.paragraph).role.is_content:
            return SentenceStatus.IGNORED
        return SentenceStatus.REMOVED if sentence.side is Side.A else SentenceStatus.ADDED

    @cached_property
    def paragraph_links(self) -> tuple[ParagraphLink, ...]:
        """Paragraph-level links, derived from the sentence links (a pure function of them)."""
        from .paragraph_links import link_paragraphs  # local: it imports this module

        return link_paragraphs(self.a, self.b, self.links)

    @cached_property
    def credits(self) -> CreditReport:
        """Who each side credits and which names the other drops (core.credits), found
        once: the status line, the Statistics dock and every export read it. The window's
        worker asks first, so the UI thread only reads it."""
        from .credits import credit_report  # local: it imports this module

        return credit_report(self.a, self.b)

    def to_json(self, *, with_text: bool = False) -> dict[str, Any]:
        from .jsonio import comparison_to_json  # local: jsonio imports this module

        return comparison_to_json(self, with_text=with_text)
