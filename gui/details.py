"""Why a link exists, in words: kind, similarity, move, shared words and quote changes.

``link_details`` is pure (tested without a display); ``details_html`` renders it for the
details panel (a QTextBrowser in the change list dock) and the hover tooltip.

May import: the standard library, collatio.core.{model,explain}.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from collatio.core.explain import shared_words
from collatio.core.model import Comparison, Link

QUOTE_CHANGE_WORDS = {
    "altered": "quotation reworded",
    "dropped": "quotation dropped",
    "added": "quotation added",
    "reattributed": "quotation attributed to someone else",
}


@dataclass(frozen=True, slots=True)
class QuoteLine:
    change: str  # in words
    a: str  # the quoted text in the original ("" if none)
    b: str


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


def link_details(comparison: Comparison, link: Link) -> LinkDetails:
    language = str(comparison.options.get("language", "de"))
    words = shared_words(link, comparison.a, comparison.b, language)
    quotes = []
    for q in link.quote_changes:
        quotes.append(QuoteLine(
            QUOTE_CHANGE_WORDS.get(q.change, q.change),
            comparison.a.text[q.a[0] : q.a[1]] if q.a else "",
            comparison.b.text[q.b[0] : q.b[1]] if q.b else "",
        ))
    return LinkDetails(link.id, link.kind.value, f"{round(link.similarity * 100)} %", link.moved,
                       words.terms, tuple(quotes), len(link.a), len(link.b))


def details_html(d: LinkDetails, muted: str) -> str:
    moved = " · <b>moved</b>" if d.moved else ""
    shape = f"{d.sentences_a} → {d.sentences_b} sentences" if (d.sentences_a, d.sentences_b) != (
        1, 1) else "1 → 1 sentence"
    parts = [f"<b>{escape(d.kind.capitalize())}</b> · similarity {d.similarity}{moved}"
             f" <span style='color:{muted}'>· {shape} · {escape(d.link)}</span>"]
    if d.shared:
        parts.append(f"<span style='color:{muted}'>Shared words:</span> "
                     + escape(", ".join(d.shared)))
    else:
        parts.append(f"<span style='color:{muted}'>No shared content words.</span>")
    for q in d.quotes:
        line = f"⚠ <b>{escape(q.change)}</b>"
        if q.a:
            line += f"<br>&nbsp;&nbsp;original: „{escape(q.a)}“"
        if q.b:
            line += f"<br>&nbsp;&nbsp;revision: „{escape(q.b)}“"
        parts.append(line)
    return "<br>".join(parts)
