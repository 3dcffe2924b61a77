"""Quote integrity: which quotation changes are flagged, and which are not."""

from __future__ import annotations

import pytest
from collatio.core import compare
from collatio.core.model import QuoteChange
from collatio.core.quotes import find_quotes, rejoin_moved_quotes

from .renderings import SWAPPED_QUOTES

CASES = [
    # Same quotation, same speaker: nothing to flag.
    (
        "Der Kreml nannte das Gespräch „warm und freundlich“, sagte Peskow.",
        "Der Kreml nannte das Gespräch „warm und freundlich“, sagte Peskow.",
        [],
    ),
    # One word inside the quotation changed.
    (
        "„Die Führer betonten besonders die Verbindung“, so der Kreml in Moskau.",
        "„Die Führer betonten insbesondere die Verbindung“, so der Kreml in Moskau.",
        ["altered"],
    ),
    # Typography only (straight vs German quotes) is not a change.
    (
        "Er sagte: „Wir bleiben Partner für immer“ in Peking.",
        'Er sagte: "Wir bleiben Partner für immer" in Peking.',
        [],
    ),
    # The quotation became indirect speech: dropped from the linked sentence.
    (
        "Wang sagte: „Ein Fenster für Frieden öffnet sich jetzt“ in München.",
        "Wang sagte in München, ein Fenster für Frieden öffne sich jetzt.",
        ["dropped"],
    ),
    # A quotation appears that the original did not have.
    (
        "Wang sagte in München, ein Fenster für Frieden öffne sich jetzt.",
        "Wang sagte: „Ein Fenster für Frieden öffnet sich jetzt“ in München.",
        ["added"],
    ),
    # Same words, different speaker: re-attributed.
    (
        "„Die Geschichte zeigt, dass wir gute Nachbarn sind“, sagte Xi Jinping gestern.",
        "„Die Geschichte zeigt, dass wir gute Nachbarn sind“, meldete Xinhua gestern.",
        ["reattributed"],
    ),
    # A newspaper's name in quotation marks is no quotation: its loss is no dropped quote.
    (
        "„Wir bleiben Partner“, sagte Faeser der „Rheinischen Post“ am Montag in Berlin.",
        "„Wir bleiben Partner“, sagte Faeser am Montag in Berlin.",
        [],
    ),
    # A single word in quotation marks after an article is a term, not a title: checked.
    (
        "Der Kanzler sprach im Bundestag über die „Zeitenwende“ in der Verteidigung.",
        "Der Kanzler sprach im Bundestag über die „Wende“ in der Verteidigung.",
        ["altered"],
    ),
    # English curly quotes.
    (
        "The Kremlin called the talks “warm and friendly” on Monday.",
        "The Kremlin called the talks “warm and cordial” on Monday.",
        ["altered"],
    ),
]


@pytest.mark.parametrize(("a", "b", "expected"), CASES)
def test_quote_changes_in_a_link(a: str, b: str, expected: list[str]) -> None:
    c = compare(a, b)
    assert len(c.links) == 1, "the pair must link for this test to mean anything"
    assert sorted(q.change for q in c.links[0].quote_changes) == sorted(expected)
    assert c.stats.quote_changes == len(expected)


def test_swapped_quotations_are_reattributed_not_dropped_and_added() -> None:
    # The rewrite swaps the two quotations and keeps the speech tags, so the alignment
    # links each sentence by its tag; the quotations did not go, they changed speakers.
    a, b = SWAPPED_QUOTES
    c = compare(a, b)
    assert sorted(q.change for q in c.quote_changes) == ["reattributed", "reattributed"]
    for q in c.quote_changes:
        assert q.a is not None and q.b is not None and a[q.a[0]:q.a[1]] == b[q.b[0]:q.b[1]]
        assert q.link is not None and q in c.link(q.link).quote_changes


def _rejoined(a: str, b: str, added_link: str | None,
              *others: QuoteChange) -> list[QuoteChange]:
    """``rejoin_moved_quotes`` on the first quotation of ``a`` reported dropped (in link l0)
    and the first of ``b`` reported added (in ``added_link``), with ``others`` between."""
    quotes_a, quotes_b = find_quotes(a, 0, len(a)), find_quotes(b, 0, len(b))
    dropped = QuoteChange("dropped", (quotes_a[0].start, quotes_a[0].end), None, "l0")
    added = QuoteChange("added", None, (quotes_b[0].start, quotes_b[0].end), added_link)
    return rejoin_moved_quotes(compare(a, a).a, compare(b, b).b, [dropped, *others, added],
                               quotes_a, quotes_b)


def test_a_swapped_quotation_beside_another_quotation_still_finds_its_speaker() -> None:
    # The other quotation of the sentence is no speech tag ("Scholz" is inside it).
    a = "Merz sagte: „Wir kommen bald“ und „Das meldete uns Scholz“ am Ende."
    b = "Söder sagte: „Wir kommen bald“ und „Das meldete uns Scholz“ am Ende."
    (change,) = _rejoined(a, b, "l1")
    assert change.change == "reattributed" and change.speaker_a is not None
    assert a[change.speaker_a[0] : change.speaker_a[1]] == "Merz"


def test_a_quotation_dropped_here_and_added_there_by_the_same_speaker_is_no_change() -> None:
    a = "„Wir haben keine Wahl“, sagte Weselsky."
    b = "Weselsky sagte: „Wir haben keine Wahl.“"
    other = QuoteChange("altered", (0, 1), (0, 1), "l1")
    assert _rejoined(a, b, None, other) == [other]


def test_quote_in_removed_sentence_is_dropped_without_link() -> None:
    a = "China und Russland sprachen am Montag. Wang sagte: „Ein Fenster öffnet sich“."
    b = "China und Russland sprachen am Montag."
    c = compare(a, b)
    dropped = [q for q in c.quote_changes if q.change == "dropped"]
    assert len(dropped) == 1 and dropped[0].link is None
    assert (
        dropped[0].a is not None
        and a[dropped[0].a[0] : dropped[0].a[1]] == "Ein Fenster öffnet sich"
    )


def test_quotation_spanning_a_line_break_is_found_once() -> None:
    text = "Er sagte: „Die Geschichte und die\nRealität zeigen es“, so Xi."
    quotes = find_quotes(text, 0, len(text))
    assert len(quotes) == 1
    assert quotes[0].text == "Die Geschichte und die Realität zeigen es"


def test_unclosed_quotation_is_not_invented() -> None:
    text = "Er sagte: „Die Geschichte und die Realität zeigen es, so Xi."
    assert find_quotes(text, 0, len(text)) == []
