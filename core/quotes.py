"""Quote integrity: quotations that were altered, dropped, added or re-attributed.

An editor's first question about a rewrite is whether the quotes survived. Quotations
are found in the source text of each content paragraph (a quotation often spans two
sentences, so sentences are too small a unit), then compared link by link:

- altered: a quotation on both sides whose words differ (typography folded);
- dropped: a quotation of the original with no counterpart in the linked revision
  text, or in a removed sentence (one found word for word in another place moved:
  ``rejoin_moved_quotes``);
- added: a quotation in the revision with no counterpart in the original;
- reattributed: a quotation (reworded or not) whose speech tag names someone else
  ("sagte Xi" → "zitierte Xinhua"; core.attribution finds the speaker).

May import: the standard library, rapidfuzz, and collatio.core.{attribution,model,normalise}.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

from rapidfuzz import fuzz

from .attribution import Speaker, antecedent, find_speaker, reattributed
from .model import Document, Link, QuoteChange, Sentence
from .normalise import collapse_whitespace, fold_typography, normalise_span

# Opening mark → closing marks. Straight double quotes pair with themselves.
_PAIRS = {"„": "“”", "“": "”", "»": "«", "«": "»", '"': '"'}
_OPENERS = re.compile(r"[„“»«\"]")
MAX_QUOTE_CHARS = 2000
MATCH_RATIO = 55.0  # rapidfuzz ratio (0–100) for two quotations to be the same one
_END = attrgetter("end")  # Speed trick: a C key function for bisect instead of a lambda
# Between the capitalised words of a title ("Bild am Sonntag"), and the articles before one.
_WORK_JOINERS = frozenset(("am", "im", "für", "der", "die", "das", "und", "of", "the", "and", "&"))
_WORK_ARTICLES = frozenset(("der", "dem", "den", "des", "die", "das", "im", "vom", "beim", "zur",
                            "zum", "the"))


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # source offsets of the quoted words, marks excluded
    end: int
    text: str  # normalised
    key: str  # folded, lower-cased, for matching


def _names_a_work(text: str, opener: int, inner: str) -> bool:
    """A newspaper, book or programme set in quotation marks ("sagte sie der „Rheinischen
    Post“", "the “Guardian”"): a few capitalised words after an article. Nobody said
    them, so they are no quotation to check. A single word is left a quotation."""
    words = inner.split()
    # Two words at least: German capitalises every noun, so a single one after an article
    # is as often a term in scare quotes (die „Zeitenwende“), which is worth checking.
    if not 2 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    if not all(w[0].isupper() or w in _WORK_JOINERS for w in words):
        return False
    before = text[max(0, opener - 12) : opener].split()
    return bool(before) and before[-1].lower() in _WORK_ARTICLES


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations inside ``text[start:end]`` (one paragraph)."""
    quotes: list[Quote] = []
    pos = start
    while pos < end:
        match = _OPENERS.search(text, pos, end)
        if not match:
            break
        opener = match.group(0)
        closers = _PAIRS[opener]
        limit = min(end, match.end() + MAX_QUOTE_CHARS)
        # Speed trick: the first closing mark by str.find (one C scan per mark) instead
        # of a Python loop over the characters; the same position, or -1.
        found = [k for k in map(text.find, closers, repeat(match.end()), repeat(limit)) if k >= 0]
        close = min(found, default=-1)
        if close < 0:
            pos = match.end()
            continue
        inner = normalise_span(text, match.end(), close)
        if inner.text.strip() and not _names_a_work(text, match.start(), inner.text):
            key = collapse_whitespace(fold_typography(inner.text).lower()).strip(" ,.;:")
            quotes.append(Quote(match.end(), close, inner.text, key))
        pos = close + 1
    return quotes


def document_quotes(doc: Document, sentence_ids: Iterable[str] | None = None) -> list[Quote]:
    """Quotations in the document's content paragraphs (or those holding the given sentences).

    In text order and disjoint (a quotation ends before the next opening mark is looked
    for), so both starts and ends increase: ``overlapping`` relies on that.
    """
    wanted = None if sentence_ids is None else {doc.sentence(s).paragraph for s in sentence_ids}
    found: list[Quote] = []
    for paragraph in doc.paragraphs:
        if not paragraph.role.is_content or (wanted is not None and paragraph.id not in wanted):
            continue
        found.extend(find_quotes(doc.text, paragraph.start, paragraph.end))
    return found


def overlapping(quotes: Sequence[Quote], spans: Iterable[tuple[int, int]]) -> list[Quote]:
    """The quotations (in text order, disjoint) that overlap any of the spans, in order.

    Binary search instead of testing every quotation against every span: a long text
    has thousands of each, and the test ran once per link.
    """
    hit: set[int] = set()
    for start, end in spans:
        k = bisect_right(quotes, start, key=_END)  # first quotation ending after start
        while k < len(quotes) and quotes[k].start < end:
            if start < quotes[k].end:
                hit.add(k)
            k += 1
    return [quotes[k] for k in sorted(hit)]


def outside(quotes: Sequence[Quote], spans: Iterable[tuple[int, int]]) -> list[Quote]:
    """The quotations (in text order, disjoint) that overlap none of the spans, in order."""
    inside = {id(q) for q in overlapping(quotes, spans)}
    return [q for q in quotes if id(q) not in inside]


def _overlapping(
    quotes: Sequence[Quote], doc: Document, sentence_ids: Sequence[str]
) -> list[Quote]:
    return overlapping(quotes, ((s.start, s.end) for s in map(doc.sentence, sentence_ids)))


def _speaker(doc: Document, sentence_ids: Sequence[str], quotes: Sequence[Quote],
             quote: Quote, *, resolve: bool = True) -> Speaker | None:
    """The speaker named for ``quote``, in the link's sentences that hold it; for a
    pronoun or a description ("he added"), the one it refers to (``_referred``).

    ``quotes`` are all the document's quotations: those in the sentences are quoted
    regions, never a speech tag, and the one before may be whom a pronoun refers to.
    """
    held = [s for s in map(doc.sentence, sentence_ids) if s.start < quote.end and quote.start < s.end]
    spans = [(s.start, s.end) for s in held]
    # Each opening and closing mark is one character beside the quoted words.
    regions = [(q.start - 1, q.end + 1) for q in overlapping(quotes, spans)]
    found = find_speaker(doc.text, spans, regions, (quote.start, quote.end))
    if found is None or not found.refers_back:
        return found
    return _referred(doc, held[0], quotes) if resolve and held else None


def _referred(doc: Document, first: Sentence, quotes: Sequence[Quote]) -> Speaker | None:
    """Whom "he"/"der Minister" in the sentence ``first`` refers to: the named speaker of a
    quotation in the sentence before ("„…“, sagte Tedros. „…“, fügte er hinzu.") unless an
    institution gave it ("zitierte die Nachrichtenagentur Xinhua"), else,
    in the same paragraph, the person that sentence introduces with a title
    ("Wirtschaftsminister Robert Habeck …"). Only the one sentence before: further back,
    a pronoun may as well mean someone named in between."""
    if first.index == 0:
        return None
    before = doc.sentences[first.index - 1]
    for quote in reversed(overlapping(quotes, [(before.start, before.end)])):
        if quote.start >= first.start:
            continue  # the same quotation, running on into ``first``
        speaker = _speaker(doc, [before.id], quotes, quote, resolve=False)
        if speaker is not None and speaker.names:
            # "he" is a person, not the agency that quoted him.
            return None if speaker.institution else speaker
    if before.paragraph != first.paragraph:
        return None
    return antecedent(doc.text, (before.start, before.end))


def _pair(
    quotes_a: Sequence[Quote], quotes_b: Sequence[Quote]
) -> list[tuple[Quote | None, Quote | None]]:
    scored = sorted(
        (
            (fuzz.ratio(qa.key, qb.key), i, j)
            for i, qa in enumerate(quotes_a)
            for j, qb in enumerate(quotes_b)
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[Quote | None, Quote | None]] = []
    for score, i, j in scored:
        if score < MATCH_RATIO or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((quotes_a[i], quotes_b[j]))
    pairs.extend((q, None) for i, q in enumerate(quotes_a) if i not in used_a)
    pairs.extend((None, q) for j, q in enumerate(quotes_b) if j not in used_b)
    return pairs


def _reading_order(pair: tuple[Quote | None, Quote | None]) -> tuple[bool, int]:
    """Paired and dropped quotations by where they stand in the original, then the added."""
    left, right = pair
    return (left is None, left.start if left else right.start if right else 0)


def link_quote_changes(
    a: Document, b: Document, link: Link, quotes_a: Sequence[Quote], quotes_b: Sequence[Quote]
) -> tuple[QuoteChange, ...]:
    qa = _overlapping(quotes_a, a, link.a)
    qb = _overlapping(quotes_b, b, link.b)
    changes: list[QuoteChange] = []
    speakers_seen: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    # In reading order: a quotation split by its tag is reported by its first part.
    for left, right in sorted(_pair(qa, qb), key=_reading_order):
        if left is not None and right is not None:
            spans = (left.start, left.end), (right.start, right.end)
            if left.key != right.key:
                changes.append(QuoteChange("altered", *spans, link.id))
            # Checked whether or not the words changed: a paraphrased quotation given to
            # another speaker is the worse change, and must not hide behind "altered".
            speaker_a = _speaker(a, link.a, quotes_a, left)
            speaker_b = _speaker(b, link.b, quotes_b, right)
            # A quotation split by its tag („Das ist“, sagte Merz, „ein Skandal.“) is
            # two quotations with one speaker: one re-attribution.
            if speaker_a and speaker_b and reattributed(speaker_a, speaker_b) \
                    and (speaker_a.span, speaker_b.span) not in speakers_seen:
                speakers_seen.add((speaker_a.span, speaker_b.span))
                changes.append(QuoteChange("reattributed", *spans, link.id,
                                           speaker_a.span, speaker_b.span))
        elif left is not None:
            changes.append(QuoteChange("dropped", (left.start, left.end), None, link.id))
        elif right is not None:
            changes.append(QuoteChange("added", None, (right.start, right.end), link.id))
    return tuple(changes)


def unlinked_quote_changes(
    a: Document,
    b: Document,
    removed: Sequence[str],
    added: Sequence[str],
    quotes_a: Sequence[Quote],
    quotes_b: Sequence[Quote],
) -> tuple[QuoteChange, ...]:
    """Quotations in removed sentences (dropped) and added sentences (added)."""
    changes = [
        QuoteChange("dropped", (q.start, q.end), None, None)
        for q in _overlapping(quotes_a, a, removed)
    ]
    changes += [
        QuoteChange("added", None, (q.start, q.end), None) for q in _overlapping(quotes_b, b, added)
    ]
    return tuple(changes)


def _speaker_anywhere(doc: Document, quotes: Sequence[Quote], span: tuple[int, int]) -> Speaker | None:
    """The speaker of the quotation at ``span``, read from the sentences that hold it."""
    quote = next((q for q in quotes if (q.start, q.end) == span), None)
    if quote is None:
        return None
    held = [s.id for s in doc.sentences if s.start < quote.end and quote.start < s.end]
    return _speaker(doc, held, quotes, quote)


def rejoin_moved_quotes(a: Document, b: Document, changes: Sequence[QuoteChange],
                        quotes_a: Sequence[Quote], quotes_b: Sequence[Quote]) -> list[QuoteChange]:
    """A quotation "dropped" in one place and "added" word for word in another did not go:
    it moved, as when a rewrite swaps two speakers' quotations and keeps the speech tags
    ("„A“, sagte X. „B“, sagte Y." → "„B“, sagte X. „A“, sagte Y.") and the alignment
    follows the tags. Such a pair is no change, or one re-attribution if the speakers
    differ; it belongs to the revision's link (where the quotation now stands)."""
    key_a = {(q.start, q.end): q.key for q in quotes_a}
    key_b = {(q.start, q.end): q.key for q in quotes_b}
    added: dict[str, list[tuple[QuoteChange, tuple[int, int]]]] = {}
    for change in changes:
        if change.change == "added" and change.b is not None and change.b in key_b:
            added.setdefault(key_b[change.b], []).append((change, change.b))
    rejoined: dict[int, QuoteChange | None] = {}  # id of a change → what replaces it
    for change in changes:
        if change.change != "dropped" or change.a is None or change.a not in key_a:
            continue
        match = added.get(key_a[change.a])
        if not match:
            continue
        gone, span_b = match.pop(0)
        rejoined[id(gone)] = None
        speaker_a = _speaker_anywhere(a, quotes_a, change.a)
        speaker_b = _speaker_anywhere(b, quotes_b, span_b)
        rejoined[id(change)] = (
            QuoteChange("reattributed", change.a, span_b, gone.link or change.link,
                        speaker_a.span, speaker_b.span)
            if speaker_a and speaker_b and reattributed(speaker_a, speaker_b) else None)
    kept = (rejoined.get(id(c), c) for c in changes)
    return [c for c in kept if c is not None]
