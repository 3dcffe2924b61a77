"""Paragraph links: which paragraph of the rewrite corresponds to which of the original.

Two paragraphs are linked when a sentence link joins them (``ParagraphBasis.SENTENCES``).
A rewrite that expands one paragraph into several (plain language, retold stories)
also inserts paragraphs whose sentences share too little with the original for any
sentence link: an explanation, a short recap. Such a paragraph of b, with no sentence
link of its own, whose nearest linked content paragraphs before and after it both
come from the same paragraph of a, is part of that paragraph's rewrite: it is linked to
it by order (``ParagraphBasis.ORDER``). Only in-order (not moved) links count as
neighbours, since a moved passage says nothing about what surrounds it.

The same rule on side a (an unlinked original paragraph inside one rewritten paragraph)
lowered paragraph-link F1 on the DEplain-web dev split (even pair ids): an original
paragraph between two linked ones was usually cut, so it is not applied. On that split
the rule for b raised paragraph-link F1 from .785 to .800 (fiction .685 to .741, bible
.714 to .815; health fell from .551 to .522, where inserted paragraphs are more often
new material); see bench/deplain.py.

May import: the standard library and collatio.core.model.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Document, Link, ParagraphBasis, ParagraphLink


def _sentence_paragraph_links(
    a: Document, b: Document, links: Sequence[Link]
) -> dict[tuple[str, str], list[str]]:
    """(a paragraph, b paragraph) → ids of the sentence links joining them, in link order."""
    joined: dict[tuple[str, str], list[str]] = {}
    for link in links:
        paras_a = dict.fromkeys(a.sentence(s).paragraph for s in link.a)
        paras_b = dict.fromkeys(b.sentence(s).paragraph for s in link.b)
        for pa in paras_a:
            for pb in paras_b:
                joined.setdefault((pa, pb), []).append(link.id)
    return joined


def enclosing_paragraphs(linked: Sequence[frozenset[str] | None]) -> list[frozenset[str]]:
    """For each position with no links (None), the a paragraphs that its nearest linked
    positions before and after it have in common (empty when there is none on a side).

    ``linked``: per content paragraph of b in order, the a paragraphs its in-order sentence
    links reach, or None when it has no sentence link at all.
    """
    before: list[frozenset[str]] = []
    last: frozenset[str] = frozenset()
    for item in linked:
        before.append(last)
        if item is not None:
            last = item
    out: list[frozenset[str]] = [frozenset()] * len(linked)
    following: frozenset[str] = frozenset()
    for k in range(len(linked) - 1, -1, -1):
        item = linked[k]
        if item is None:
            out[k] = before[k] & following
        else:
            following = item
    return out


def link_paragraphs(a: Document, b: Document, links: Sequence[Link]) -> tuple[ParagraphLink, ...]:
    """Paragraph links, sorted by the a paragraph's position, then the b paragraph's."""
    joined = _sentence_paragraph_links(a, b, links)
    result = [ParagraphLink(pa, pb, ParagraphBasis.SENTENCES, tuple(ids)) for (pa, pb), ids in joined.items()]
    in_order: dict[str, set[str]] = {}
    for link in links:
        if not link.moved:
            for s in link.b:
                in_order.setdefault(b.sentence(s).paragraph, set()).update(
                    a.sentence(t).paragraph for t in link.a)
    any_link = {pb for _, pb in joined}
    content = [p.id for p in b.paragraphs if p.role.is_content or p.id in any_link]
    linked: list[frozenset[str] | None] = [
        frozenset(in_order.get(pb, ())) if pb in any_link else None for pb in content
    ]
    for pb, enclosing in zip(content, enclosing_paragraphs(linked), strict=True):
        result.extend(ParagraphLink(pa, pb, ParagraphBasis.ORDER) for pa in sorted(enclosing))
    index_a = {p.id: p.index for p in a.paragraphs}
    index_b = {p.id: p.index for p in b.paragraphs}
    return tuple(sorted(result, key=lambda link: (index_a[link.a], index_b[link.b])))
