"""Counts and shares for a comparison.

Shares are by characters of the sentences that take part in alignment, so a long
paragraph weighs more than a heading. The longest verbatim run counts words in one
equal op.

May import: the standard library and collatio.core.model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Document, Link, LinkKind, OpKind, Role, Stats

_WORD = re.compile(r"\w+")


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _longest_verbatim_run(text_a: str, text_b: str,
                          copied: list[tuple[tuple[int, int], tuple[int, int]]]) -> int:
    """Words in the longest passage of b copied word for word from a.

    A passage goes on across sentences and links: an equal run that starts in b where the
    last one ended (white space between) and in a where its source ended continues it.
    Churnalism studies measure the longest shared passage, not the longest sentence.
    """
    longest = run = 0
    previous: tuple[tuple[int, int], tuple[int, int]] | None = None
    for span_b, span_a in sorted(copied):
        words = len(_WORD.findall(text_b[span_b[0] : span_b[1]]))
        continues = previous is not None and span_b[0] >= previous[0][1] and span_a[0] >= previous[1][1] \
            and not text_b[previous[0][1] : span_b[0]].strip() and not text_a[previous[1][1] : span_a[0]].strip()
        run = run + words if continues else words
        longest = max(longest, run)
        previous = (span_b, span_a)
    return longest


def compute_stats(
    a: Document,
    b: Document,
    links: Sequence[Link],
    aligned_a: set[str],
    aligned_b: set[str],
    quote_changes: int = 0,
) -> Stats:
    """``aligned_a``/``aligned_b``: ids of the sentences that took part in alignment."""
    linked_a = {sid for link in links for sid in link.a}
    linked_b = {sid for link in links for sid in link.b}
    chars_b = sum(s.end - s.start for s in b.sentences if s.id in aligned_b)
    chars_a = sum(s.end - s.start for s in a.sentences if s.id in aligned_a)
    verbatim = 0
    reworded = 0
    copied: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for link in links:
        if link.kind is LinkKind.REWORDED:
            reworded += sum(b.sentence(s).end - b.sentence(s).start for s in link.b)
        for op in link.ops:
            # Only text with a word in it is reused: a full stop or a quotation mark both
            # versions share is no copying ("0.8 % reused, longest run 0 words").
            if op.op is OpKind.EQUAL and op.b is not None and op.a is not None \
                    and _WORD.search(b.text, op.b[0], op.b[1]):
                verbatim += op.b[1] - op.b[0]
                copied.append((op.b, op.a))
    longest = _longest_verbatim_run(a.text, b.text, copied)
    added = [s for s in b.sentences if s.id in aligned_b and s.id not in linked_b]
    removed = [s for s in a.sentences if s.id in aligned_a and s.id not in linked_a]
    kinds = [link.kind for link in links]
    return Stats(
        sentences_a=len(a.sentences),
        sentences_b=len(b.sentences),
        links_identical=kinds.count(LinkKind.IDENTICAL),
        links_minor=kinds.count(LinkKind.MINOR),
        links_reworded=kinds.count(LinkKind.REWORDED),
        moved=sum(link.moved for link in links),
        added=len(added),
        removed=len(removed),
        ignored_a=len(a.sentences) - len(aligned_a),
        ignored_b=len(b.sentences) - len(aligned_b),
        quote_changes=quote_changes,
        b_verbatim_pct=_pct(verbatim, chars_b),
        b_reworded_pct=_pct(reworded, chars_b),
        b_added_pct=_pct(sum(s.end - s.start for s in added), chars_b),
        a_removed_pct=_pct(sum(s.end - s.start for s in removed), chars_a),
        longest_verbatim_words=longest,
        figure_changes=sum(len(link.figure_changes) for link in links),
        negation_changes=sum(link.negation_change is not None for link in links),
    )


# A document whose text is this much repetition is compared in part only: say so. A
# duplicated teaser (the sample's) is a tenth or less; 40 versions of one article pasted
# into one file are nearly all repetition, and their shares describe one copy.
REPEATED_SHARE = 0.3


def repeated_share(doc: Document) -> float:
    """The share of a document's text (boilerplate left out) in duplicate paragraphs."""
    content = repeated = 0
    for p in doc.paragraphs:
        if p.role is Role.BOILERPLATE:
            continue
        content += p.end - p.start
        if p.role is Role.DUPLICATE:
            repeated += p.end - p.start
    return repeated / content if content else 0.0


def repetition_note(a: Document, b: Document) -> str:
    """" · the revision repeats itself: 78 % of its text is left out as duplicate" for a
    document that is mostly repetition, else ""."""
    notes = [f"the {name} repeats itself: {share:.0%} of its text is left out as duplicate"
             for name, doc in (("original", a), ("revision", b))
             if (share := repeated_share(doc)) >= REPEATED_SHARE]
    return "".join(f" · {note}" for note in notes)
