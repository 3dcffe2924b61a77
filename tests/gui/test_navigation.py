"""Navigation order, stepping and partner mapping (pure, no display)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from collatio.core import compare
from collatio.core.model import Comparison, FigureChange, LinkKind, QuoteChange, Role, Side
from collatio.gui.changelist import flags
from collatio.gui.navigation import (
    Change,
    ChangeKind,
    Step,
    changes,
    filter_changes,
    framed_sides,
    index_of_row,
    partner_rows,
    step,
    step_message,
    stops,
)
from collatio.gui.rows import build_rows

from .factory import L, make

SAME, M, R = LinkKind.IDENTICAL, LinkKind.MINOR, LinkKind.REWORDED


def _mixed() -> Comparison:
    # rows: 0 identical link, 1 minor link, 2 removed a.s2, 3 reworded link, 4 added b.s4
    return make([["A0.", "A1.", "A2.", "A3."]], [["A0.", "A1!", "B3.", "B4."]],
                [L((0,), (0,), SAME), L((1,), (1,), M), L((3,), (2,), R)])


def test_changes_in_reading_order_with_kinds() -> None:
    c = _mixed()
    rows = build_rows(c)
    got = [(ch.row, ch.kind, ch.link) for ch in changes(c, rows)]
    assert got == [(1, ChangeKind.MINOR, "l1"), (2, ChangeKind.REMOVED, None),
                   (3, ChangeKind.REWORDED, "l2"), (4, ChangeKind.ADDED, None)]


@pytest.mark.parametrize(
    ("case", "kwargs", "expected_rows"),
    [
        # Empty comparison: nothing to visit.
        ("empty", {}, []),
        # Only identical links: nothing changed, nothing to visit.
        ("identical", {}, []),
        # Substantive only: the minor link (row 1) is skipped, the rest stays.
        ("mixed", {"substantive_only": True}, [2, 3, 4]),
        # Hide minor: minor links count as unchanged, same effect on the order.
        ("mixed", {"hide_minor": True}, [2, 3, 4]),
        # Everything.
        ("mixed", {}, [1, 2, 3, 4]),
    ],
)
def test_navigation_order_table(case: str, kwargs: dict[str, bool], expected_rows: list[int]) -> None:
    c = {
        "empty": make([], []),
        "identical": make([["Same one.", "Same two."]], [["Same one.", "Same two."]],
                          [L((0,), (0,), SAME), L((1,), (1,), SAME)]),
        "mixed": _mixed(),
    }[case]
    assert [ch.row for ch in changes(c, build_rows(c), **kwargs)] == expected_rows


@pytest.mark.parametrize(
    ("current", "forward", "wrap", "expected"),
    [
        (None, True, True, (0, False)),  # nothing selected: next is the first change
        (None, False, True, (3, False)),  # ... and previous is the last
        (1, True, True, (1, False)),  # from the first change's row (1) to the second (row 2)
        (3, False, True, (1, False)),  # back from row 3 to the removed sentence in row 2
        (4, True, True, (0, True)),  # after the last: wrap to the first, and say so
        (1, False, True, (3, True)),  # before the first: wrap to the last
        (4, True, False, None),  # no wrap: the end stops
        (0, True, True, (0, False)),  # from a row that is no change (row 0): the next change
    ],
)
def test_step_table(current: int | None, forward: bool, wrap: bool,
                    expected: tuple[int, bool] | None) -> None:
    c = _mixed()
    items = changes(c, build_rows(c))
    found = step(items, current, forward, wrap)
    assert (None if found is None else (found.index, found.wrapped)) == expected


def test_step_on_no_changes_is_none() -> None:
    assert step((), None, True) is None
    assert step((), 3, False) is None


def test_quote_changes_flag_and_filter() -> None:
    c = _mixed()
    link = replace(c.links[0], quote_changes=(QuoteChange("altered", (0, 2), (0, 2), "l0"),))
    c = replace(c, links=(link, *c.links[1:]))
    items = changes(c, build_rows(c))
    # The identical link with a changed quotation becomes a change of its own, kind quote.
    assert (items[0].row, items[0].kind, items[0].quote) == (0, ChangeKind.QUOTE, True)
    assert [ch.row for ch in filter_changes(items, frozenset({ChangeKind.QUOTE}))] == [0]
    assert [ch.row for ch in filter_changes(items, frozenset({ChangeKind.REMOVED,
                                                               ChangeKind.ADDED}))] == [2, 4]
    assert index_of_row(items, 3) == 3 and index_of_row(items, 5) is None


@pytest.mark.parametrize("side", [Side.A, Side.B])
def test_a_quotation_dropped_or_added_with_its_sentence_is_a_quote_change(side: Side) -> None:
    """The removed "A2." drops a quotation, or the added "B4." brings a new one in: either
    row is listed under quotes (an added quotation is what an editor must verify first)."""
    c = _mixed()
    doc = c.a if side is Side.A else c.b
    sentence = next(s for s in doc.sentences if s.text == ("A2." if side is Side.A else "B4."))
    span = (sentence.start, sentence.end)
    quote = (QuoteChange("dropped", span, None, None) if side is Side.A
             else QuoteChange("added", None, span, None))
    c = replace(c, quote_changes=(quote,))
    quoted = filter_changes(changes(c, build_rows(c)), frozenset({ChangeKind.QUOTE}))
    assert [ch.row for ch in quoted] == [2 if side is Side.A else 4]


def test_partner_rows_map_a_sentence_to_its_link_partners() -> None:
    c = make([["One.", "Two.", "Three."]], [["Uno.", "Two and three."]],
             [L((0,), (0,)), L((1, 2), (1,))])
    rows = build_rows(c)
    assert partner_rows(rows, Side.A, "a.s2") == (1, ("b.s1",))
    assert partner_rows(rows, Side.B, "b.s1") == (1, ("a.s1", "a.s2"))
    assert partner_rows(rows, Side.A, "a.s9") == (-1, ())


def test_removed_and_added_are_no_partners() -> None:
    c = make([["Gone."]], [["New."]])
    rows = build_rows(c)
    assert partner_rows(rows, Side.A, "a.s0") == (0, ())


def test_moved_partner_is_shown_beside_it() -> None:
    c = make([["P.", "Q.", "R."]], [["Q.", "R.", "P."]],
             [L((0,), (2,), SAME, moved=True), L((1,), (0,), SAME), L((2,), (1,), SAME)])
    rows = build_rows(c)
    row, partners = partner_rows(rows, Side.A, "a.s0")
    assert rows[row].kind.value == "moved" and partners == ("b.s2",)
    kinds = [ch.kind for ch in changes(c, rows)]
    assert kinds == [ChangeKind.MOVED]  # the stub row is not a second change


def test_a_gap_change_lists_only_its_changed_sentences() -> None:
    # Boilerplate in A beside an added sentence in B: the change is "added", one sentence.
    c = make([(Role.BOILERPLATE, ["Menu.", "Login."]), ["Same."]], [["New!"], ["Same."]],
             [L((2,), (1,), SAME)])
    rows = build_rows(c)
    (change,) = changes(c, rows)
    assert (change.kind, change.a, change.b) == (ChangeKind.ADDED, (), ("b.s0",))
    assert change.excerpt == "New!"
    # Selected, only the added sentence is framed: the boilerplate is no partner of it.
    assert framed_sides(c, rows[change.row]) == (False, True)


@pytest.mark.parametrize(("a", "b", "links", "framed"), [
    # A link: both cells.
    ([["Eins."]], [["Eins!"]], [L((0,), (0,), M)], (True, True)),
    # A removal beside an addition: both cells.
    ([["Alt."]], [["Neu."]], [], (True, True)),
    # A removal alone: the original's cell only.
    ([["Alt.", "Gleich."]], [["Gleich."]], [L((1,), (0,), SAME)], (True, False)),
])
def test_framed_sides(a: list[list[str]], b: list[list[str]], links: list[L],
                      framed: tuple[bool, bool]) -> None:
    c = make(a, b, links)
    rows = build_rows(c)
    assert framed_sides(c, rows[changes(c, rows)[0].row]) == framed


EXCERPTS = [
    # A removal reads in the original's words.
    ([["Alt eins.", "Weg damit."]], [["Alt eins."]], "Weg damit.", False),
    # An addition reads in the revision's words.
    ([["Alt eins."]], [["Alt eins.", "Ganz neu."]], "Ganz neu.", False),
    # A removal beside an addition: both texts, marked − and +, never one labelled as the
    # other, and no arrow (nothing says one became the other).
    ([["Alt eins.", "Alte Zeile."]], [["Alt eins.", "Neue Zeile."]], "− Alte Zeile.  + Neue Zeile.", True),
]


@pytest.mark.parametrize(("a", "b", "excerpt", "replaced"), EXCERPTS)
def test_gap_excerpt_comes_from_the_right_side(a: list[list[str]], b: list[list[str]],
                                               excerpt: str, replaced: bool) -> None:
    c = make(a, b, [L((0,), (0,), SAME)])
    (change,) = changes(c, build_rows(c))
    assert change.excerpt == excerpt
    assert change.replaced is replaced


def test_a_changed_figure_is_a_change_kind_and_a_flag() -> None:
    c = make([["Vor 3 Jahren.", "Gleich."]], [["Vor 4 Jahren.", "Gleich."]],
             [L((0,), (0,), LinkKind.IDENTICAL), L((1,), (1,), LinkKind.IDENTICAL)])
    assert changes(c, build_rows(c)) == ()
    link = replace(c.links[0], figure_changes=(FigureChange("changed", (4, 5), (4, 5), "l0"),))
    c = replace(c, links=(link, c.links[1]))
    (change,) = changes(c, build_rows(c))
    # Its main kind when nothing else changed; filtering by "Figures" keeps it.
    assert change.kind is ChangeKind.FIGURE and change.figure and not change.quote
    assert filter_changes((change,), frozenset({ChangeKind.FIGURE})) == (change,)
    assert flags(change) == "#"


def test_a_negation_put_in_is_a_change_kind_and_a_flag() -> None:
    """The opposite meaning in one word: flagged in the list, not only in the details."""
    c = compare("The council approved the new law on Monday after a long debate. It met.",
                "The council has not approved the new law on Monday after a long debate. It met.")
    (change,) = changes(c, build_rows(c))
    assert change.kind is ChangeKind.REWORDED and change.negation and not change.figure
    assert filter_changes((change,), frozenset({ChangeKind.NEGATION})) == (change,)
    assert flags(change) == "¬"


def _change(row: int, *kinds: ChangeKind) -> Change:
    return Change(row, kinds[0], frozenset(kinds), None, (), (), "")


STOPS = (_change(0, ChangeKind.MINOR), _change(1, ChangeKind.REWORDED, ChangeKind.QUOTE),
         _change(2, ChangeKind.ADDED), _change(3, ChangeKind.MINOR, ChangeKind.FIGURE),
         _change(4, ChangeKind.REMOVED, ChangeKind.ADDED))
EVERY = frozenset(ChangeKind)


@pytest.mark.parametrize(("shown", "substantive", "only", "rows"), [
    # Everything shown: every change is a stop.
    (EVERY, False, None, [0, 1, 2, 3, 4]),
    # The list hides added: a gap with removed and added still shows (and stops).
    (EVERY - {ChangeKind.ADDED}, False, None, [0, 1, 3, 4]),
    # Substantive only: a minor change with a changed figure is still a stop.
    (EVERY, True, None, [1, 2, 3, 4]),
    # Both: the list's filter and "substantive" narrow together (the minor change with
    # a changed figure is shown as minor, and is substantive).
    (frozenset({ChangeKind.MINOR, ChangeKind.ADDED}), True, None, [2, 3, 4]),
    (frozenset({ChangeKind.MINOR}), True, None, [3]),
    # Next quotation change: every quote change, whatever the list hides.
    (frozenset({ChangeKind.ADDED}), True, ChangeKind.QUOTE, [1]),
    # Next figure change.
    (frozenset(), False, ChangeKind.FIGURE, [3]),
])
def test_stops_follow_the_list_filter_or_the_kind_asked_for(
        shown: frozenset[ChangeKind], substantive: bool, only: ChangeKind | None,
        rows: list[int]) -> None:
    assert [c.row for c in stops(STOPS, shown, substantive, only)] == rows



@pytest.mark.parametrize(("found", "count", "forward", "only", "hidden", "message"), [
    # An ordinary step clears what an earlier step said.
    (Step(2, False), 5, True, None, False, ""),
    # Past the end, around to the start (and the other way).
    (Step(0, True), 5, True, None, False, "Wrapped around to the first change."),
    (Step(4, True), 5, False, ChangeKind.QUOTE, False, "Wrapped around to the last quotation change."),
    # A single change: no "wrapped around" on every press.
    (Step(0, True), 1, True, ChangeKind.FIGURE, False, "This is the only figure change."),
    # Nothing to go to: the list's filter is named only when it hid the changes.
    (None, 0, True, None, True, "No changes to go to among the kinds the change list shows."),
    (None, 0, True, None, False, "No changes to go to."),
])
def test_step_message(found: Step | None, count: int, forward: bool, only: ChangeKind | None,
                      hidden: bool, message: str) -> None:
    assert step_message(found, count, forward, only, hidden) == message
