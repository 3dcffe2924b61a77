"""The reading tools around the two panes: gutter, overview, change list, navigation, find,
zoom, layout options and the link threshold, wired to the window.

The window creates one ``Reader``, places its widgets and calls ``arrange`` (rows →
displayed rows) and ``rendered`` (after each render). Decisions come from the pure modules
(navigation, layoutopts, connectors, overview, find, details); this module keeps the
selection and the scroll position and moves them between widgets.

May import: PySide6, the standard library, collatio.core and collatio.gui.* (not window).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from collatio.core.model import Comparison, Side
from collatio.core.options import CompareOptions
from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
)

from .aligner import RowAligner
from .cells import Block, first_sentence_from, position_of
from .changelist import ChangeListDock
from .details import details_html, link_details, unlinked_html
from .find import FindBar
from .finder import Finder
from .gutter import ConnectorGutter
from .navigation import (
    Change,
    ChangeKind,
    framed_sides,
    index_of_row,
    partner_rows,
    step,
    step_message,
    stops,
)
from .overview_map import OverviewMap
from .palette import Palette
from .pane import Pane, TextView
from .plan import RenderPlan, ViewState
from .rows import Row

ZOOM_STEP = 0.1  # of the base font size per step
ZOOM_RANGE = (-5, 10)
THRESHOLD_DEBOUNCE_MS = 500


class Reader(QObject):
    def __init__(self, window: QMainWindow, panes: dict[Side, Pane], aligner: RowAligner,
                 palette: Palette, rerender: Callable[[], None],
                 recompare: Callable[[float], None]) -> None:
        super().__init__(window)
        self.window_ = window
        self.views = {side: pane.view for side, pane in panes.items()}
        self.aligner = aligner
        self.palette_ = palette
        self._rerender = rerender
        self._recompare = recompare
        self.comparison: Comparison | None = None
        self.rows: tuple[Row, ...] = ()
        self.blocks: dict[Side, tuple[Block, ...]] = {Side.A: (), Side.B: ()}
        self.changes: tuple[Change, ...] = ()
        self.selected_row: int | None = None
        self._selected_key: str | None = None  # a sentence of the selected row, across renders
        # Keep the place across the next render: which sentence is at the top is read just
        # before the new documents replace the old (``before_swap``), so scrolling or a jump
        # made while a long comparison is being laid out counts too.
        self._keep = False
        self._restore_key: str | None = None  # the sentence to bring back to the top
        self.zoom = 0
        self.gutter = ConnectorGutter(self.views[Side.A], self.views[Side.B], palette, window)
        self.overview = OverviewMap(palette, window)
        self.dock = ChangeListDock(window)
        self.find_bar = FindBar(window)
        self.finder = Finder(self.views, self.find_bar, lambda side: self.blocks[side],
                             self.top_row, lambda: self.palette_, self)
        self._threshold_timer = QTimer(self)
        self._threshold_timer.setSingleShot(True)
        self._threshold_timer.setInterval(THRESHOLD_DEBOUNCE_MS)
        self._threshold_timer.timeout.connect(self._apply_threshold)
        self._connect()

    def _connect(self) -> None:
        self.gutter.link_clicked.connect(self._on_link_clicked)
        self.overview.scroll_requested.connect(self.aligner.scroll_to)
        self.dock.change_selected.connect(lambda c: self.select_row(c.row))
        self.aligner.aligned.connect(self._on_aligned)
        self.aligner.width_changed.connect(self._on_width_changed)
        for side, view in self.views.items():
            view.verticalScrollBar().valueChanged.connect(self._update_overview_view)
            view.sentence_clicked.connect(lambda sid, s=side: self._on_sentence_clicked(s, sid))
            view.sentence_hovered.connect(lambda sid, s=side: self._on_sentence_hovered(s, sid))

    # ---- menus and toolbar --------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object],
                shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = (),
                checkable: bool = False) -> QAction:
        action = QAction(text, self.window_)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window_.addAction(action)  # shortcuts work wherever the focus is
        return action

    def build_menus(self, view_menu: QMenu) -> None:
        view_menu.addSeparator()
        self.changes_only_action = self._action("Show changes only", self._relayout,
                                                ("Ctrl+Shift+C",), checkable=True)
        self.hide_minor_action = self._action("Hide minor changes", self._relayout,
                                              ("Ctrl+Shift+M",), checkable=True)
        view_menu.addAction(self.changes_only_action)
        view_menu.addAction(self.hide_minor_action)
        view_menu.addSeparator()
        view_menu.addAction(self._action("Zoom in", lambda: self.set_zoom(self.zoom + 1),
                                         (QKeySequence.StandardKey.ZoomIn, "Ctrl+=")))
        view_menu.addAction(self._action("Zoom out", lambda: self.set_zoom(self.zoom - 1),
                                         (QKeySequence.StandardKey.ZoomOut,)))
        view_menu.addAction(self._action("Reset zoom", lambda: self.set_zoom(0), ("Ctrl+0",)))
        view_menu.addSeparator()
        view_menu.addAction(self._action("Change list and details", self._toggle_list, ("F8",)))
        view_menu.addAction(self._action("Link threshold…", self._focus_threshold, ("Ctrl+T",)))
        go = self.window_.menuBar().addMenu("&Go")
        go.addAction(self._action("Next change", lambda: self.go(True), ("Alt+Down", "F7")))
        go.addAction(self._action("Previous change", lambda: self.go(False),
                                  ("Alt+Up", "Shift+F7")))
        go.addSeparator()
        go.addAction(self._action("Next quotation change", lambda: self.go(True, ChangeKind.QUOTE),
                                  ("Ctrl+F7",)))
        go.addAction(self._action("Previous quotation change",
                                  lambda: self.go(False, ChangeKind.QUOTE), ("Ctrl+Shift+F7",)))
        go.addAction(self._action("Next figure change", lambda: self.go(True, ChangeKind.FIGURE),
                                  ("Ctrl+F6",)))
        go.addAction(self._action("Previous figure change",
                                  lambda: self.go(False, ChangeKind.FIGURE), ("Ctrl+Shift+F6",)))
        go.addSeparator()
        self.substantive_action = self._action("Substantive changes only (skip minor)",
                                               lambda: None, checkable=True)
        go.addAction(self.substantive_action)
        go.addSeparator()
        go.addAction(self._action("Find…", self.find_bar.open_bar, (QKeySequence.StandardKey.Find,)))
        go.addAction(self._action("Find next", lambda: self.finder.find_step(True), ("F3",)))
        go.addAction(self._action("Find previous", lambda: self.finder.find_step(False), ("Shift+F3",)))

    def build_toolbar(self) -> QToolBar:
        bar = QToolBar("Comparison", self.window_)
        bar.setObjectName("comparison-toolbar")
        label = QLabel(" Link threshold ", bar)
        self.threshold = QDoubleSpinBox(bar)
        self.threshold.setRange(0.10, 0.90)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(CompareOptions().link_threshold)
        self.threshold.setAccessibleName("Link threshold")
        self.threshold.setToolTip("How similar two sentences must be to be matched on their words "
                                  "alone. Lower links more loosely reworded sentences; sentences "
                                  "whose place pairs them may link on less. The comparison re-runs.")
        label.setBuddy(self.threshold)
        self.threshold.valueChanged.connect(lambda _v: self._threshold_timer.start())
        bar.addWidget(label)
        bar.addWidget(self.threshold)
        return bar

    # ---- rendering hooks ----------------------------------------------------------------
    @property
    def hide_minor(self) -> bool:
        return self.hide_minor_action.isChecked()

    def view_state(self, show_boilerplate: bool) -> ViewState:
        """The view options a render plan depends on (see ``plan``)."""
        return ViewState(show_boilerplate, self.changes_only_action.isChecked(), self.hide_minor)

    def font(self, base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * (1.0 + ZOOM_STEP * self.zoom))
        return font

    def rendered(self, plan: RenderPlan) -> None:
        """After the window laid out a (new or re-laid-out) comparison."""
        self.comparison, self.rows = plan.comparison, plan.rows
        self.blocks = {Side.A: plan.blocks_a, Side.B: plan.blocks_b}
        self.changes = plan.changes
        self.dock.set_changes(self.changes)
        self._on_aligned()
        key, self._restore_key = self._restore_key, None
        if key is not None:
            self.scroll_to_sentence(key)
        self.selected_row = None
        selected = self._row_of_key(self._selected_key) if self._selected_key else -1
        if selected >= 0:
            self.select_row(selected, scroll=False)
        else:
            self._clear_selection()
        self.finder.refresh()

    def keep_position(self) -> None:
        """Bring the sentence at the top back to the top after the next render."""
        self._keep = True

    def before_swap(self) -> None:
        """The new documents are about to replace the ones shown: note the sentence now at
        the top, if the place is to be kept (at the very top, the top: what is above the
        first original sentence stays in view)."""
        if self._keep:
            self._keep = False
            self._restore_key = None if self._at_top() else self.top_sentence()

    def _at_top(self) -> bool:
        return self.views[Side.A].verticalScrollBar().value() == 0

    def run_ended(self, outcome: str) -> None:
        if outcome != "completed":
            self._keep = False

    def _relayout(self) -> None:
        self.keep_position()
        self._rerender()

    def _on_width_changed(self) -> None:
        """The panes' width changed: Qt has re-wrapped the text (each pane kept its top
        text in place), so the rows must be measured and padded again."""
        self._relayout()

    def set_zoom(self, zoom: int) -> None:
        zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        if zoom != self.zoom:
            self.zoom = zoom
            self._relayout()

    def _toggle_list(self) -> None:
        """F8: show the change list and put the keyboard in it; from inside it, hide it."""
        if self.dock.isVisible() and self.dock.table.hasFocus():
            self.dock.hide()
            self.views[Side.A].setFocus()
            return
        self.dock.show()
        self.dock.raise_()
        self.dock.table.setFocus()

    def _focus_threshold(self) -> None:
        self.threshold.setFocus()
        self.threshold.selectAll()

    def _apply_threshold(self) -> None:
        self.keep_position()
        self._recompare(round(self.threshold.value(), 2))  # the link threshold

    # ---- positions ----------------------------------------------------------------------
    def top_row(self) -> int:
        tops = self.aligner.tops[0]
        if not tops:
            return -1
        y = self.views[Side.A].verticalScrollBar().value()
        return max(0, bisect_right(tops, y + 1) - 1)

    def top_sentence(self) -> str | None:
        """The first original sentence starting at or below the top of the A pane."""
        if self.comparison is None:
            return None
        view = self.views[Side.A]
        cursor = view.cursorForPosition(QPoint(0, 0))
        return first_sentence_from(self.blocks[Side.A], self.comparison.a,
                                   cursor.blockNumber(), cursor.positionInBlock())

    def _row_of_key(self, sid: str | None) -> int:
        if sid is None:
            return -1
        side = Side.A if sid.startswith("a.") else Side.B
        return partner_rows(self.rows, side, sid)[0]

    def scroll_to_sentence(self, sid: str) -> None:
        """Scroll the A pane so the line where the sentence starts is at the top."""
        if self.comparison is None or not sid.startswith("a."):
            return
        row = self._row_of_key(sid)
        found = position_of(self.blocks[Side.A], sid, self.comparison.a.sentence(sid).start)
        if found is None:  # folded away: its row's top
            if 0 <= row < len(self.aligner.tops[0]):
                self.aligner.scroll_to(self.aligner.tops[0][row])
            return
        view = self.views[Side.A]
        cursor = QTextCursor(view.document().findBlockByNumber(found[0]))
        cursor.setPosition(cursor.position() + found[1])
        self.aligner.scroll_to(view.verticalScrollBar().value() + view.cursorRect(cursor).top())

    def _on_aligned(self) -> None:
        ext = self.aligner.extents
        self.gutter.set_rows(self.comparison, self.rows, ext[0], ext[1])
        self.overview.set_changes(self.changes, self.aligner.tops[0], self.aligner.totals[0])
        self._update_overview_view()
        self._refresh_outlines()

    def _update_overview_view(self) -> None:
        view = self.views[Side.A]
        self.overview.set_view(float(view.verticalScrollBar().value()),
                               float(view.viewport().height()))

    # ---- selection ----------------------------------------------------------------------
    def nav_items(self, only: ChangeKind | None = None) -> tuple[Change, ...]:
        return stops(self.changes, self.dock.kinds(), self.substantive_action.isChecked(), only)

    def go(self, forward: bool, only: ChangeKind | None = None) -> None:
        items = self.nav_items(only)
        current = self.selected_row if self.selected_row is not None else self.top_row() - 1
        found = step(items, current, forward)
        hidden = only is None and len(stops(self.changes, self.dock.kinds(), False)) < len(self.changes)
        message = step_message(found, len(items), forward, only, hidden)
        if found is not None:
            self.select_row(items[found.index].row)
        if message:
            self.window_.statusBar().showMessage(message, 3000)
        else:
            self.window_.statusBar().clearMessage()  # an earlier "wrapped" or "none" is stale

    def select_row(self, row: int, scroll: bool = True) -> None:
        if self.comparison is None or not 0 <= row < len(self.rows):
            return
        self.selected_row = row
        ids = self.rows[row].sentence_ids("a") or self.rows[row].sentence_ids("b")
        self._selected_key = ids[0] if ids else None
        if scroll:
            self.ensure_row_visible(row)
        link = self.rows[row].link
        self.gutter.set_selected(link)
        k = index_of_row(self.changes, row)
        self.dock.select_change(self.changes[k] if k is not None else None)
        if link is not None:
            links = {lk.id: lk for lk in self.comparison.links}
            details = link_details(self.comparison, links[link])
            self.dock.details.setHtml(details_html(details, self.palette_.muted))
        elif k is not None:
            self.dock.details.setHtml(unlinked_html(self.comparison, self.changes[k]))
        else:
            self.dock.details.clear()
        self._refresh_outlines()

    def _clear_selection(self) -> None:
        self.selected_row = None
        self.gutter.set_selected(None)
        self.dock.select_change(None)
        self.dock.details.clear()
        self._refresh_outlines()

    def ensure_row_visible(self, row: int) -> None:
        """Scroll so the row sits in the upper third of the A pane, unless fully visible."""
        tops, extents = self.aligner.tops[0], self.aligner.extents[0]
        if not 0 <= row < len(tops):
            return
        view = self.views[Side.A]
        bar, height = view.verticalScrollBar(), view.viewport().height()
        top, bottom = extents[row] if row < len(extents) else (tops[row], tops[row])
        if top >= bar.value() and bottom <= bar.value() + height:
            return
        self.aligner.scroll_to(max(0.0, top - height / 4))

    def _refresh_outlines(self) -> None:
        row = self.selected_row
        framed = (framed_sides(self.comparison, self.rows[row])
                  if self.comparison is not None and row is not None and row < len(self.rows)
                  else (False, False))
        for k, side in enumerate((Side.A, Side.B)):
            view = self.views[side]
            outlines = [o for o in view.outlines if o[2]]  # keep the hover outline
            extents = self.aligner.extents[k]
            if row is not None and row < len(extents) and framed[k]:
                outlines = [*outlines, (*extents[row], False)]
            view.outlines = outlines
            view.viewport().update()

    def _on_link_clicked(self, link: str) -> None:
        for k, row in enumerate(self.rows):
            if row.link == link and row.kind.value in ("link", "moved"):
                self.select_row(k, scroll=False)
                return

    def _on_sentence_clicked(self, side: Side, sid: str) -> None:
        row, _partners = partner_rows(self.rows, side, sid)
        if row >= 0:
            self.select_row(row)

    def _on_sentence_hovered(self, side: Side, sid: str) -> None:
        other = Side.B if side is Side.A else Side.A
        view = self.views[other]
        keep = [o for o in view.outlines if not o[2]]
        if sid:
            row, partners = partner_rows(self.rows, side, sid)
            extents = self.aligner.extents[0 if other is Side.A else 1]
            if partners and 0 <= row < len(extents):
                keep.append((*extents[row], True))
        view.outlines = keep
        view.viewport().update()

    def view(self, side: Side) -> TextView:
        return self.views[side]
