"""How the window looks and what it remembers: theme, zoom, statistics dock, preferences.

Wires View ▸ Theme, View ▸ Reading font, View ▸ Statistics and Help ▸ About into the main window,
restyles everything when the theme changes (without comparing again), and reads/writes the
preferences (collatio.gui.settings) at start and on close.

May import: PySide6, the standard library, collatio.core and collatio.gui.{about,palette,
settings,stats_panel,themes,window}.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from collatio.core import Comparison, Side
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFontDialog, QWidget

from .about import app_icon, show_about
from .actions import make_action
from .legend import legend_html
from .palette import Palette
from .settings import Preferences, store, write_preferences
from .stats_panel import StatsPanel
from .themes import ThemeChoice, manager

if TYPE_CHECKING:
    from .window import MainWindow


class ViewController(QObject):
    def __init__(self, window: MainWindow, prefs: Preferences) -> None:
        super().__init__(window)
        self.window = window
        self.prefs = prefs
        self.base_point_size = window.reading_font.pointSizeF()
        self.theme = manager()
        self.stats = StatsPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.stats)
        self.stats.hide()  # opt-in: the two texts get the width by default
        self._build_menus()
        self._label_for_assistive_tech()
        window.setWindowIcon(app_icon())
        window.comparison_shown.connect(self._on_comparison)
        # A new theme colours the window's surfaces when the documents in its colours are
        # shown: a long comparison's take a moment, and the old documents' light text
        # on a dark page (or the reverse) would be unreadable meanwhile.
        self._styles_due: Palette | None = None
        window.documents_shown.connect(self._style_surfaces_due)
        window.stager.failed.connect(self._on_stage_failed)
        self.theme.changed.connect(self.restyle)
        self._follows_theme = True
        window.installEventFilter(self)
        self._apply_preferences()

    # ---- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        view = self.window.view_menu
        view.addSeparator()
        toggle = self.stats.toggleViewAction()
        toggle.setText("&Statistics")
        toggle.setShortcut(QKeySequence("F9"))
        view.addAction(toggle)
        theme_menu = view.addMenu("&Theme")
        group = QActionGroup(self.window)
        self.theme_actions: dict[ThemeChoice, QAction] = {}
        for choice in ThemeChoice:
            action = make_action(self.window, choice.label, partial(self.set_theme, choice))
            action.setCheckable(True)
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[choice] = action
        view.addAction(make_action(self.window, "Reading &font…", self.ask_font))
        help_menu = self.window.menuBar().addMenu("&Help")
        help_menu.addAction(make_action(self.window, "&About Collatio", lambda: show_about(self.window)))

    def _label_for_assistive_tech(self) -> None:
        w = self.window
        for side, pane in w.panes.items():
            role = "Original" if side is Side.A else "Revision"
            pane.setAccessibleName(f"{role} pane")
            pane.view.setAccessibleName(f"{role} text")
            pane.view.setAccessibleDescription(
                "The compared text; select sentences and use the Alignment menu to correct links.")
            # A caret lets keyboard users select sentences for the corrections.
            pane.view.setTextInteractionFlags(
                pane.view.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        w.legend.setAccessibleName("Legend")
        w.summary.setAccessibleName("Comparison summary")
        w.progress.setAccessibleName("Comparison progress")
        w.cancel_button.setAccessibleName("Cancel the comparison")

    # ---- theme ----------------------------------------------------------------------------
    def set_theme(self, choice: ThemeChoice) -> None:
        self.prefs.theme = choice
        self.theme_actions[choice].setChecked(True)
        self.theme.set_choice(choice)
        if self.window.palette_ is not self.theme.palette:
            self.restyle(self.theme.palette)

    def restyle(self, palette: Palette) -> None:
        """Every coloured surface takes the new palette; the comparison is not re-run."""
        w = self.window
        w.palette_ = palette  # the documents are built in it
        if w.comparison is None:
            self._style_surfaces(palette)
            self._restyle_plain()
            return
        self._styles_due = palette  # with the documents in its colours (see __init__)
        w.reader.keep_position()
        w._render()

    def _style_surfaces_due(self) -> None:
        palette, self._styles_due = self._styles_due, None
        if palette is not None:
            self._style_surfaces(palette)

    def _on_stage_failed(self, message: str) -> None:
        self._style_surfaces_due()  # the old documents stay: at least the surfaces change

    def _style_surfaces(self, palette: Palette) -> None:
        w = self.window
        for pane in w.panes.values():
            pane.header.setStyleSheet(
                f"background: {palette.header_bg}; color: {palette.text}; font-weight: 600;")
            pane.view.setStyleSheet(
                f"QTextBrowser {{ background: {palette.window}; color: {palette.text}; }}")
        w.legend.setText(legend_html(palette))
        w.legend.setStyleSheet(f"background: {palette.header_bg};")
        w.summary.setStyleSheet(f"color: {palette.muted};")
        reader = getattr(w, "reader", None)
        if reader is not None:
            reader.palette_ = palette
        # The other views (connector gutter, overview map) take it through ``set_palette``
        # when they have one, else through the ``_palette`` they read at paint time.
        for child in w.findChildren(QWidget):
            setter = getattr(child, "set_palette", None)
            if callable(setter):
                setter(palette)
            elif isinstance(getattr(child, "_palette", None), Palette):
                child._palette = palette  # type: ignore[attr-defined]
                child.update()

    def _restyle_plain(self) -> None:
        from .window import HINTS  # local: the window module imports this one at run time

        w = self.window
        for side, pane in w.panes.items():
            loaded = w.texts[side]
            if loaded is None:
                pane.show_plain(HINTS[side], muted=True)
            else:
                pane.show_plain(loaded.text)

    # ---- font ---------------------------------------------------------------------------
    def ask_font(self) -> None:
        ok, font = QFontDialog.getFont(self.window.reading_font, self.window, "Reading font")
        if ok:
            self.set_font_family(font.family())

    def set_font_family(self, family: str) -> None:
        """The reading font's family; its size stays the system's, scaled by the zoom."""
        self.prefs.font_family = family
        w = self.window
        w.reading_font.setFamily(family)
        for pane in w.panes.values():
            pane._font = w.reading_font  # used by show_plain
        if w.comparison is not None:
            w.reader.keep_position()
            w._render()
        else:
            self._restyle_plain()

    # ---- statistics -----------------------------------------------------------------------
    def _on_comparison(self, comparison: Comparison) -> None:
        self.stats.show_comparison(comparison)

    # ---- preferences ----------------------------------------------------------------------
    def _apply_preferences(self) -> None:
        p, w = self.prefs, self.window
        w.boilerplate_action.setChecked(p.show_boilerplate)
        w.legend_action.setChecked(p.show_legend)
        w.legend.setVisible(p.show_legend)
        if p.font_family:
            self.set_font_family(p.font_family)
        reader = getattr(w, "reader", None)
        if reader is not None:
            reader.set_zoom(p.zoom)
            reader.threshold.blockSignals(True)  # no re-run: nothing is loaded yet
            reader.threshold.setValue(p.link_threshold)
            reader.threshold.blockSignals(False)
        semantic = getattr(w, "semantic", None)
        if semantic is not None:
            semantic.restore(p.semantic)  # no re-run either
        if not p.geometry.isEmpty():
            w.restoreGeometry(p.geometry)
        if not p.window_state.isEmpty():
            w.restoreState(p.window_state)
        if not p.splitter.isEmpty():
            w.splitter.restoreState(p.splitter)
        self.theme_actions[p.theme].setChecked(True)
        self.theme.set_choice(p.theme)
        if w.palette_ is not self.theme.palette:
            self.restyle(self.theme.palette)

    def save_preferences(self) -> None:
        p, w = self.prefs, self.window
        p.show_boilerplate = w.boilerplate_action.isChecked()
        p.show_legend = w.legend_action.isChecked()
        p.link_threshold = w.options.link_threshold
        semantic = getattr(w, "semantic", None)
        if semantic is not None:
            p.semantic = semantic.action.isChecked()
        reader = getattr(w, "reader", None)
        if reader is not None:
            p.zoom = reader.zoom
        p.geometry = w.saveGeometry()
        p.window_state = w.saveState()
        p.splitter = w.splitter.saveState()
        write_preferences(store(), p)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Reached only when the close goes ahead: the corrections' filter, installed
            # later, runs first and swallows a close the user cancels.
            self.save_preferences()
            # A closed window lives on until Python lets go of it; it must not restyle
            # (and re-lay out) itself on the application's next theme change.
            # A second close (close() on a hidden window) finds nothing to disconnect.
            if self._follows_theme:
                self.theme.changed.disconnect(self.restyle)
                self._follows_theme = False
        return False
