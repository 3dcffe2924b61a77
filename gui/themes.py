"""Themes: which palette is in force, following the system's light/dark setting when asked.

``ThemeChoice`` is what the user picked (View ▸ Theme); ``palette_for`` turns a choice and
the system's colour scheme into a ``Palette`` (pure). ``ThemeManager`` owns the choice,
listens to ``QStyleHints.colorSchemeChanged`` (Qt 6.5+) and emits ``changed(Palette)``;
``current_palette()`` is what painters read at paint time. ``qt_palette`` gives the widget
chrome (menus, docks, scroll bars) the same colours.

May import: PySide6, the standard library and collatio.gui.{marks,palette}.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from .marks import Mark
from .palette import DARK, HIGH_CONTRAST, LIGHT, Palette


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"

    @property
    def label(self) -> str:
        return {"system": "&System", "light": "&Light", "dark": "&Dark",
                "high-contrast": "&High contrast"}[self.value]

    @classmethod
    def parse(cls, value: object) -> ThemeChoice:
        try:
            return cls(str(value))
        except ValueError:
            return cls.SYSTEM


def palette_for(choice: ThemeChoice, system_dark: bool) -> Palette:
    if choice is ThemeChoice.SYSTEM:
        return DARK if system_dark else LIGHT
    return {ThemeChoice.LIGHT: LIGHT, ThemeChoice.DARK: DARK,
            ThemeChoice.HIGH_CONTRAST: HIGH_CONTRAST}[choice]


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)  # Qt 6.5+
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def qt_palette(palette: Palette) -> QPalette:
    """Widget chrome in the theme's colours, so a dark theme has no white menus or docks."""
    window, text = QColor(palette.header_bg), QColor(palette.text)
    base, muted = QColor(palette.window), QColor(palette.muted)
    highlight = QColor(palette.style(Mark.ADDED).bar or "#0072B2")
    qp = QPalette()
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        qp.setColor(group, role.Window, window)
        qp.setColor(group, role.WindowText, text)
        qp.setColor(group, role.Base, base)
        qp.setColor(group, role.AlternateBase, window)
        qp.setColor(group, role.Text, text)
        qp.setColor(group, role.Button, window)
        qp.setColor(group, role.ButtonText, text)
        qp.setColor(group, role.ToolTipBase, base)
        qp.setColor(group, role.ToolTipText, text)
        qp.setColor(group, role.PlaceholderText, muted)
        qp.setColor(group, role.Highlight, highlight)
        qp.setColor(group, role.HighlightedText, QColor("#FFFFFF" if palette.name != "dark"
                                                        else "#0B1620"))
        qp.setColor(group, role.Link, highlight)
        qp.setColor(group, role.Mid, muted)
    for r in (role.WindowText, role.Text, role.ButtonText):
        qp.setColor(QPalette.ColorGroup.Disabled, r, muted)
    qp.setColor(QPalette.ColorGroup.Disabled, role.Window, window)
    qp.setColor(QPalette.ColorGroup.Disabled, role.Base, base)
    qp.setColor(QPalette.ColorGroup.Disabled, role.Button, window)
    return qp


class ThemeManager(QObject):
    """The theme in force for the whole application; one per process (see ``manager()``)."""

    changed = Signal(object)  # the new Palette

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = ThemeChoice.SYSTEM
        self.palette = palette_for(self.choice, system_is_dark())
        if self.palette is not LIGHT:  # a dark desktop: the chrome follows from the start
            QGuiApplication.setPalette(qt_palette(self.palette))
        hints = QGuiApplication.styleHints()
        signal = getattr(hints, "colorSchemeChanged", None)
        if signal is not None:
            signal.connect(self._on_system_changed)

    def set_choice(self, choice: ThemeChoice) -> None:
        self.choice = choice
        self._update(palette_for(choice, system_is_dark()))

    def _on_system_changed(self, *_: object) -> None:
        if self.choice is ThemeChoice.SYSTEM:
            self._update(palette_for(self.choice, system_is_dark()))

    def follow_system(self, dark: bool) -> None:
        """What the colour-scheme signal does, callable with a value (tests, old Qt)."""
        if self.choice is ThemeChoice.SYSTEM:
            self._update(DARK if dark else LIGHT)

    def _update(self, palette: Palette) -> None:
        if palette is self.palette:
            return
        self.palette = palette
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            QGuiApplication.setPalette(qt_palette(palette))
        self.changed.emit(palette)


_MANAGER: ThemeManager | None = None


def manager() -> ThemeManager:
    global _MANAGER
    if _MANAGER is None:
        _MANAGER = ThemeManager()
    return _MANAGER


def current_palette() -> Palette:
    """The palette painters should use now (connectors, overview map, panes)."""
    return manager().palette
