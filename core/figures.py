"""Figure integrity: numbers, dates and amounts that a link's rewrite changed.

After the quotes, an editor checks the figures: a rewrite that reads smoothly but says
"35 Millionen" for "3,5 Milliarden", or moves a meeting from Monday to Tuesday, is wrong.
Figures are found in the source text of each linked sentence and compared by value, link
by link:

- changed: a figure of the original whose value is not in the linked revision text,
  paired (in reading order, with one of the same sort) with a figure of the revision
  whose value is not in the original;
- dropped: such a figure of the original left over after pairing, whose value the
  revision does not state anywhere (a figure moved to another sentence is not dropped);
- added: likewise, a figure of the revision left over that the original never states.

Values are compared, not spellings (``core.figurescan`` reads them: "1.000" = "1000",
"drei" = "3"). A unit is part of the figure: the same value in another unit is a change
("600 Meter" → "600 Kilometer"), the same value without a unit is not ("3 Jahre",
"drei"). Removed and added sentences are not checked: the whole sentence is already
reported.

May import: the standard library and collatio.core.{figurescan,model}.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .figurescan import Figure, find_figures, list_label
from .model import Document, FigureChange, Link


@dataclass(frozen=True)
class Statement:
    """The figures one document states: by sentence, and the set of their values."""

    by_sentence: dict[str, list[Figure]]
    values: frozenset[tuple[str, str]]


def statement(doc: Document, sentence_ids: Iterable[str]) -> Statement:
    """Find the figures of these sentences, once (links then look them up)."""
    wanted = set(sentence_ids)
    sentences = [s for s in doc.sentences if s.id in wanted]
    starts = [s.start for s in sentences]
    by_sentence: dict[str, list[Figure]] = {s.id: [] for s in sentences}
    # Speed: one pass over the whole text (figures are rare; a call per sentence cost
    # more than the scan), then each figure to its sentence; one across a sentence end
    # belongs to neither.
    for f in find_figures(doc.text):
        k = bisect_right(starts, f.start) - 1
        if k >= 0 and f.end <= sentences[k].end and not list_label(doc.text, f, sentences[k].start):
            by_sentence[sentences[k].id].append(f)
    values = frozenset((f.sort, f.value) for found in by_sentence.values() for f in found)
    return Statement(by_sentence, values)


def _leftovers(figures_a: Sequence[Figure],
               figures_b: Sequence[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The figures of each side that the other side does not have (as often), in order.

    Equal values with equal units match first; then a figure written without a unit
    matches the same value with any unit ("3 Jahre" and "drei"). Equal values with two
    different units ("600 Meter", "600 Kilometer") do not match.
    """
    only_a, only_b = list(figures_a), list(figures_b)
    for loose in (False, True):
        for fa in list(only_a):
            for fb in only_b:
                if (fa.sort, fa.value) == (fb.sort, fb.value) and (
                        fa.unit == fb.unit or (loose and (fa.unit is None or fb.unit is None))):
                    only_a.remove(fa)
                    only_b.remove(fb)
                    break
    return only_a, only_b


def _shown(figure: Figure) -> tuple[int, int]:
    """What a change shows of a figure: the whole range it bounds, else the figure."""
    return figure.span_range or (figure.start, figure.end)


def _paired(side_a: list[Figure], side_b: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of changed figures, taken out of both lists: first those with the same unit
    ("23%" → "32%", wherever each stands), then the rest in reading order."""
    pairs: list[tuple[Figure, Figure]] = []
    for fa in [f for f in side_a if f.unit is not None]:
        fb = next((f for f in side_b if f.unit == fa.unit), None)
        if fb is not None:
            pairs.append((fa, fb))
            side_a.remove(fa)
            side_b.remove(fb)
    while side_a and side_b:
        pairs.append((side_a.pop(0), side_b.pop(0)))
    return pairs


def link_figure_changes(link: Link, stated_a: Statement, stated_b: Statement) -> tuple[FigureChange, ...]:
    """The figures of this link that the revision changed, dropped or added.

    ``stated_a``/``stated_b``: what each document states, covering the link's sentences; a
    leftover figure that the other side states elsewhere moved there and is not reported.
    """
    # A link lists its sentences in document order, so its figures come in reading order.
    figures_a = [f for sid in link.a for f in stated_a.by_sentence[sid]]
    figures_b = [f for sid in link.b for f in stated_b.by_sentence[sid]]
    if not figures_a and not figures_b:
        return ()
    only_a, only_b = _leftovers(figures_a, figures_b)
    changes: list[FigureChange] = []
    for sort in ("number", "date", "month", "weekday"):
        side_a = [f for f in only_a if f.sort == sort]
        side_b = [f for f in only_b if f.sort == sort]
        for fa, fb in _paired(side_a, side_b):
            changes.append(FigureChange("changed", _shown(fa), _shown(fb), link.id))
        for fa in side_a:
            if (fa.sort, fa.value) not in stated_b.values:
                changes.append(FigureChange("dropped", _shown(fa), None, link.id))
        for fb in side_b:
            if (fb.sort, fb.value) not in stated_a.values:
                changes.append(FigureChange("added", None, _shown(fb), link.id))
    # Reading order: the original's figures (changed, dropped), then the added ones; a
    # range both of whose ends changed is one change.
    changes = list(dict.fromkeys(changes))
    changes.sort(key=lambda c: (c.a is None, c.a or c.b or (0, 0)))
    return tuple(changes)


def check_figures(a: Document, b: Document, links: Iterable[Link],
                  aligned_a: Iterable[str], aligned_b: Iterable[str]) -> tuple[Link, ...]:
    """The links, each with its figure changes attached; ``aligned_a``/``aligned_b`` are
    the sentences that took part in alignment (what each document states)."""
    links = tuple(links)
    # Every linked sentence takes part in alignment (overrides pin only aligned ones);
    # the union only makes sure a link never looks up a sentence that was not scanned.
    stated_a = statement(a, {*aligned_a, *(s for link in links for s in link.a)})
    stated_b = statement(b, {*aligned_b, *(s for link in links for s in link.b)})
    checked: list[Link] = []
    for link in links:
        changes = link_figure_changes(link, stated_a, stated_b)
        checked.append(replace(link, figure_changes=changes) if changes else link)
    return tuple(checked)
