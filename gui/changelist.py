"""The change list dock: every change (kind, ⚠ quote, # figure and ¬ negation flags, excerpt), filterable by kind,
with the selected link's details below.

Selecting a row emits ``change_selected``; ``select_change`` selects a row from outside
without emitting (the view drives the list as well as the list the view). Filtering is
``navigation.filter_changes``; the table only shows its result.

May import: PySide6, the standard library, collatio.core.model and collatio.gui.{details,navigation,palette}.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QGridLayout,
    QHeaderView,
    QMainWindow,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .navigation import Change, ChangeKind, filter_changes

KIND_LABELS = {
    ChangeKind.REWORDED: "Reworded",
    ChangeKind.MINOR: "Minor",
    ChangeKind.MOVED: "Moved",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.ADDED: "Added",
    ChangeKind.QUOTE: "Quote",
    ChangeKind.FIGURE: "Figures",
    ChangeKind.NEGATION: "Negations",
}
COLUMNS = ("Kind", "⚠", "Excerpt")


def flags(change: Change) -> str:
    """The flag column: ⚠ for a changed quotation, # for a changed figure, ¬ for a
    negation put in or taken out (the opposite meaning in one word)."""
    return ("⚠" if change.quote else "") + ("#" if change.figure else "") + ("¬" if change.negation else "")

# The dock's width on a first start, as a share of the window's: on a wide screen the
# excerpts need the room more than two already wide panes do. A width the user set is
# kept (the window's saved state).
DOCK_SHARE = 0.25
DOCK_WIDTH_RANGE = (260, 480)


def default_width(window_width: int) -> int:
    """The Changes dock's first width for a window this wide."""
    low, high = DOCK_WIDTH_RANGE
    return max(low, min(high, round(DOCK_SHARE * window_width)))


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole})
Index = QModelIndex | QPersistentModelIndex


class ChangeModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[Change, ...] = ()

    def set_items(self, items: tuple[Change, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Sizing the columns to their contents asks for a dozen roles of a thousand rows:
        # answer the ones not shown at once.
        if role not in _ROLES or not index.isValid():
            return None
        change = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Not "replaced": nothing says the added text rewrites the removed one.
            label = "Cut + added" if change.replaced else KIND_LABELS[change.kind]
            return (label, flags(change), change.excerpt)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            kinds = ", ".join(KIND_LABELS[k].lower() for k in ChangeKind if k in change.kinds)
            return f"{kinds}\n{change.excerpt}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            quote = ", quotation changed" if change.quote else ""
            figure = ", figure changed" if change.figure else ""
            negation = ", negation changed" if change.negation else ""
            return f"{KIND_LABELS[change.kind]}{quote}{figure}{negation}: {change.excerpt}"
        return None


class ChangeListDock(QDockWidget):
    change_selected = Signal(object)  # the Change chosen in the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Changes", parent)
        self.sized = False  # its first width set (default_width), or the user's restored
        self.setObjectName("changes-dock")
        self.setAccessibleName("Change list and link details")
        self.all: tuple[Change, ...] = ()
        self.model = ChangeModel(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        # Rows of three: the dock must stay narrow enough to leave room for the panes.
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        self.filters: dict[ChangeKind, QCheckBox] = {}
        for k, (kind, label) in enumerate(KIND_LABELS.items()):
            box = QCheckBox(label, body)
            box.setChecked(True)
            box.setAccessibleName(f"Show {label.lower()} changes")
            box.toggled.connect(self._refilter)
            filters.addWidget(box, k // 3, k % 3)
            self.filters[kind] = box
        layout.addLayout(filters)
        self.table = QTableView(body)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Change list")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        layout.addWidget(self.table, 3)
        self.details = QTextBrowser(body)
        self.details.setAccessibleName("Link details")
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText("Select a change for its details.")
        layout.addWidget(self.details, 2)
        self.setWidget(body)
        self._quiet = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.parentWidget()
        if not self.sized and isinstance(window, QMainWindow):
            self.sized = True
            window.resizeDocks([self], [default_width(window.width())], Qt.Orientation.Horizontal)

    def kinds(self) -> frozenset[ChangeKind]:
        return frozenset(k for k, box in self.filters.items() if box.isChecked())

    def set_changes(self, items: tuple[Change, ...]) -> None:
        self.all = items
        self._refilter()

    def _refilter(self) -> None:
        selected = self.current()
        self._quiet = True
        try:
            self.model.set_items(filter_changes(self.all, self.kinds()))
        finally:
            self._quiet = False
        if selected is not None:
            self.select_change(selected)

    def current(self) -> Change | None:
        index = self.table.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def select_change(self, change: Change | None) -> None:
        """Select the row of ``change`` (matched by row of the view) without emitting."""
        self._quiet = True
        try:
            rows = [c.row for c in self.model.items]
            if change is None or change.row not in rows:
                self.table.clearSelection()
                self.table.setCurrentIndex(QModelIndex())
                return
            index = self.model.index(rows.index(change.row), 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        finally:
            self._quiet = False

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.change_selected.emit(self.model.items[current.row()])
