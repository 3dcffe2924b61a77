"""A readable terminal summary of a comparison (``--format text``).

May import: the standard library and collatio.core.{model,reportrows,credits,summary}.
"""

from __future__ import annotations

import textwrap

from .credits import credit_lines
from .model import Comparison, FigureChange, Link, QuoteChange, Side
from .reportrows import (
    change_words,
    unlinked_quote_changes,
)
from .summary import counts_line

_MARK = {"identical": "=", "minor": "~", "reworded": "≈", "removed": "−", "added": "+"}


def _clip(text: str, width: int = 110) -> str:
    return textwrap.shorten(text, width=width, placeholder=" …")


def _change_lines(comparison: Comparison, changes: tuple[QuoteChange | FigureChange, ...],
                  link: Link | None = None) -> list[str]:
    """One indented line per quote or figure change: what happened, then the words."""
    lines = []
    for change in changes:
        glyph = "⚠" if isinstance(change, QuoteChange) else "#"
        what, words = change_words(comparison, change, link)
        lines.append(f"    {glyph} {what}: {_clip(words, 100)}")
    return lines


def text_report(comparison: Comparison) -> str:
    s = comparison.stats
    lines = [
        f"original: {comparison.a.source or '(pasted)'}  ({s.sentences_a} sentence{'' if s.sentences_a == 1 else 's'})",
        f"revision: {comparison.b.source or '(pasted)'}  ({s.sentences_b} sentence{'' if s.sentences_b == 1 else 's'})",
        counts_line(comparison),
        # Verbatim words are counted inside the reworded sentences, so it is its own figure.
        f"revision: {s.b_reworded_pct}% in reworded sentences, {s.b_added_pct}% added; "
        f"{s.b_verbatim_pct}% reused word for word (longest run {s.longest_verbatim_words} words); "
        f"original: {s.a_removed_pct}% removed",
        *(f"credits, {label}: {names}"
          for label, names in credit_lines(comparison.credits)),
        "",
    ]
    unlinked = unlinked_quote_changes(comparison)
    # Walk side b in order, placing removed a-sentences before the next link that follows them.
    emitted_a: set[str] = set()
    order_a = [x.id for x in comparison.a.sentences]

    # Identical links in a row are one line: a reader looks for the changes, and a page of
    # sentences printed twice over buries them. Their ids still account for every one.
    same: list[Link] = []

    def flush_same() -> None:
        if len(same) == 1:
            link = same[0]
            lines.append(f"=  identical {'+'.join(link.a)} → {'+'.join(link.b)}")
        elif same:
            first, last = same[0], same[-1]
            lines.append(f"=  {len(same)} identical links {first.a[0]} … {last.a[-1]} → "
                         f"{first.b[0]} … {last.b[-1]}")
        if same:
            lines.append(f"    {_clip(comparison.b.sentence(same[0].b[0]).text)}")
        same.clear()

    def flush_removed(up_to: str | None) -> None:
        for sid in order_a:
            if up_to is not None and sid == up_to:
                break
            if sid in emitted_a:
                continue
            sentence = comparison.a.sentence(sid)
            status = comparison.status(sentence).value
            if status == "removed":
                flush_same()
                lines.append(f"  − {_clip(sentence.text)}")
                lines.extend(_change_lines(comparison, tuple(unlinked.get(sid, ()))))
            emitted_a.add(sid)

    for sentence in comparison.b.sentences:
        link = comparison.link_of(sentence.id)
        status = comparison.status(sentence).value
        if status == "ignored":
            continue
        if link is None:
            flush_same()
            lines.append(f"  + {_clip(sentence.text)}")
            lines.extend(_change_lines(comparison, tuple(unlinked.get(sentence.id, ()))))
            continue
        if sentence.id != link.b[0]:
            continue
        if not link.moved:
            flush_removed(link.a[0])
        emitted_a.update(link.a)
        if link.kind.value == "identical" and not link.moved:
            same.append(link)
            continue
        flush_same()
        mark = _MARK[link.kind.value] + ("↕" if link.moved else " ")
        a_text = " ".join(comparison.document(Side.A).sentence(x).text for x in link.a)
        b_text = " ".join(comparison.b.sentence(x).text for x in link.b)
        lines.append(
            f"{mark} {link.kind.value} ({link.similarity:.2f}) {'+'.join(link.a)} → {'+'.join(link.b)}"
        )
        if link.kind.value == "identical":  # moved, not changed: the text once
            lines.append(f"    {_clip(b_text)}")
        else:
            lines.append(f"    A: {_clip(a_text)}")
            lines.append(f"    B: {_clip(b_text)}")
        if link.negation_change:  # first: the opposite meaning, in one word
            lines.append(f"    ¬ {link.negation_change.describe()}")
        lines.extend(_change_lines(comparison, link.quote_changes + link.figure_changes, link))
    flush_removed(None)
    flush_same()
    return "\n".join(lines) + "\n"
