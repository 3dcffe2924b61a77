"""The Statistics dock lists the comparison's shares, counts and quote changes."""

from __future__ import annotations

from collections import Counter

import pytest
from collatio.core import Comparison, compare
from collatio.gui.stats_panel import SECTION, StatsPanel, stats_rows
from collatio.gui.window import MainWindow
from pytestqt.qtbot import QtBot

from .comforts_helpers import TIMEOUT, action

pytestmark = pytest.mark.gui


def _sections(comparison: Comparison) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for label, value in stats_rows(comparison):
        if value == SECTION:
            current = label
            sections[current] = {}
        else:
            sections[current][label] = value
    return sections


def test_rows_come_from_the_stats(sample_comparison: Comparison) -> None:
    rows = _sections(sample_comparison)
    s = sample_comparison.stats
    assert rows["Revision (B)"]["copied verbatim"] == f"{s.b_verbatim_pct:.1f} %"
    assert rows["Revision (B)"]["added"] == f"{s.b_added_pct:.1f} %"
    assert rows["Original (A)"]["removed"] == f"{s.a_removed_pct:.1f} %"
    assert rows["Links"]["reworded"] == str(s.links_reworded)
    assert rows["Sentences"]["longest verbatim run"] == f"{s.longest_verbatim_words} words"
    quotes = rows["Quote changes"]
    assert quotes["total"] == str(s.quote_changes)
    by_type = Counter(q.change for q in sample_comparison.quote_changes)
    assert s.quote_changes > 0, "the sample has quote changes; the per-type rows need some"
    assert {k: int(v) for k, v in quotes.items() if k != "total"} == {
        "altered": by_type["altered"], "dropped": by_type["dropped"],
        "added": by_type["added"], "re-attributed": by_type["reattributed"]}


def test_negation_changes_are_counted() -> None:
    c = compare("The council approved the new law on Monday after a long debate.",
                "The council has not approved the new law on Monday after a long debate.")
    assert _sections(c)["Negation changes"] == {"total": "1", "dropped": "0", "added": "1"}


def test_the_language_compared_in_is_named(sample_comparison: Comparison) -> None:
    assert _sections(sample_comparison)["Compared as"]["language"] == "German"  # detected


def test_no_comparison_says_so() -> None:
    assert stats_rows(None) == [("No comparison yet", SECTION)]


def test_panel_updates_with_each_comparison(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = window.comforts.view.stats
    assert isinstance(panel, StatsPanel)
    assert not panel.isVisibleTo(window)
    action(window, "Statistics").trigger()
    assert panel.isVisibleTo(window)
    assert panel.value("copied verbatim") is None
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.open_sample()
    assert window.comparison is not None
    s = window.comparison.stats
    assert panel.value("removed", "Original (A)") == f"{s.a_removed_pct:.1f} %"
    assert panel.value("removed", "Sentences") == str(s.removed)
    assert panel.accessibleName() == "Statistics"
    assert window.summary.text().startswith(s.summary())


def test_figure_changes_are_counted_by_type(sample_comparison: Comparison) -> None:
    figures = _sections(sample_comparison)["Figure changes"]
    by_type = Counter(f.change for link in sample_comparison.links for f in link.figure_changes)
    assert sample_comparison.stats.figure_changes > 0, "the sample drops a figure"
    assert figures == {"total": str(sample_comparison.stats.figure_changes),
                       "changed": str(by_type["changed"]), "dropped": str(by_type["dropped"]),
                       "added": str(by_type["added"])}


def test_credits_name_who_the_rewrite_no_longer_credits(sample_comparison: Comparison) -> None:
    # The sample's rewrite keeps its credit ("Dieser Bericht wurde von den CNN-Journalisten
    # Anna Chernova und Ivana Kottasová unterstützt.").
    assert _sections(sample_comparison)["Credits"] == {
        "original": "CNN, Anna Chernova, Ivana Kottasová",
        "revision": "CNN, Anna Chernova, Ivana Kottasová"}
    body = "Die Bahn streikt am Mittwoch im ganzen Land. Die Gewerkschaft fordert mehr Lohn."
    c = compare(f"BERLIN (dpa) – {body}\n\nVon Max Muster\n", f"Berlin (AFP) – {body}\n")
    assert _sections(c)["Credits"] == {"original": "dpa, Max Muster", "revision": "AFP",
                                       "not in the revision": "dpa, Max Muster",
                                       "only in the revision": "AFP"}


def test_a_long_value_does_not_push_the_labels_out(qtbot: QtBot,
                                                    sample_comparison: Comparison) -> None:
    panel = StatsPanel()
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    panel.show_comparison(sample_comparison)
    table = panel.table
    widest = max(table.fontMetrics().horizontalAdvance(table.item(k, 0).text())
                 for k in range(table.rowCount()))
    assert table.columnWidth(0) >= widest  # every label whole; the names are elided
    names = next(k for k in range(table.rowCount()) if table.item(k, 0).text().strip() == "original")
    assert table.item(names, 1).toolTip() == "CNN, Anna Chernova, Ivana Kottasová"
