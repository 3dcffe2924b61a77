"""Themes: every palette is complete, switching restyles the panes without a re-run."""

from __future__ import annotations

import pytest
from collatio.core import Side
from collatio.core.model import Role
from collatio.gui.cells import position_of
from collatio.gui.marks import Mark
from collatio.gui.palette import DARK, HIGH_CONTRAST, LIGHT, PALETTES, Palette
from collatio.gui.textdoc import char_format
from collatio.gui.themes import ThemeChoice, manager, palette_for
from collatio.gui.window import MainWindow
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor
from pytestqt.qtbot import QtBot

from .comforts_helpers import TIMEOUT, action

pytestmark = pytest.mark.gui


def _luminance(colour: str) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    c = QColor(colour)
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_every_theme_defines_every_mark_the_light_theme_does(palette: Palette) -> None:
    """A colour the light theme sets must be set in each theme too (a dark theme may set
    more, e.g. a foreground that the light theme leaves as the text colour)."""
    for mark in LIGHT.styles:
        assert mark in palette.styles, f"{palette.name} lacks {mark.value}"
        light, mine = LIGHT.style(mark), palette.style(mark)
        for attr in ("background", "foreground", "bar"):
            if getattr(light, attr) is not None:
                assert getattr(mine, attr) is not None, f"{palette.name}: {mark.value}.{attr}"


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_text_on_every_tint_is_readable(palette: Palette) -> None:
    """WCAG AA (4.5:1) for text on every tinted background; 7:1 for plain text."""
    assert contrast(palette.text, palette.window) >= 7
    for mark, style in palette.styles.items():
        if style.background:
            fg = style.foreground or palette.text
            assert contrast(fg, style.background) >= 4.5, f"{palette.name}: {mark.value}"
        if style.foreground and not style.background:
            assert contrast(style.foreground, palette.window) >= 3, f"{palette.name}: {mark.value}"
    assert contrast(palette.muted, palette.window) >= (7 if palette is HIGH_CONTRAST else 3)


def test_system_choice_follows_the_colour_scheme() -> None:
    assert palette_for(ThemeChoice.SYSTEM, system_dark=True) is DARK
    assert palette_for(ThemeChoice.SYSTEM, system_dark=False) is LIGHT
    assert palette_for(ThemeChoice.HIGH_CONTRAST, system_dark=True) is HIGH_CONTRAST


def _background_of_added(window: MainWindow) -> str:
    c = window.comparison
    assert c is not None
    sid = next(s.id for s in c.b.content_sentences() if c.link_of(s.id) is None)
    sentence = c.b.sentence(sid)
    found = position_of(window.blocks[Side.B], sid, sentence.start + 2)
    assert found is not None
    doc = window.panes[Side.B].view.document()
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.findBlockByNumber(found[0]).position() + found[1] + 1)
    return cursor.charFormat().background().color().name().upper()


def test_switching_theme_restyles_without_comparing_again(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.open_sample()
    assert _background_of_added(window) == LIGHT.style(Mark.ADDED).background
    generation, comparison = window.generation, window.comparison
    try:
        action(window, "Dark").trigger()
        assert window.palette_ is DARK
        assert _background_of_added(window) == DARK.style(Mark.ADDED).background
        assert QGuiApplication.palette().color(QPalette.ColorRole.Base).name().upper() == DARK.window
        assert DARK.header_bg.lower() in window.legend.styleSheet().lower()
        action(window, "High contrast").trigger()
        assert _background_of_added(window) == HIGH_CONTRAST.style(Mark.ADDED).background
        assert window.generation == generation and window.comparison is comparison
    finally:
        action(window, "System").trigger()


def test_system_theme_follows_a_scheme_change(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    theme = manager()
    assert theme.choice is ThemeChoice.SYSTEM
    try:
        with qtbot.waitSignal(theme.changed, timeout=1000):
            theme.follow_system(dark=True)
        assert window.palette_ is DARK
        action(window, "Light").trigger()
        theme.follow_system(dark=True)  # an explicit choice ignores the system
        assert window.palette_ is LIGHT
    finally:
        action(window, "System").trigger()
        theme.follow_system(dark=False)


@pytest.mark.parametrize("palette", [LIGHT, DARK, HIGH_CONTRAST], ids=lambda p: p.name)
def test_kept_words_are_underlined_more_quietly_than_the_text(palette: Palette) -> None:
    fmt = char_format(Mark.KEPT, palette, Role.BODY)
    underline = fmt.underlineColor().name().upper()
    text = palette.style(Mark.KEPT).foreground or palette.text
    # Half the words of a heavy rewrite may be kept: their line is visible on the page,
    # but never as loud as the text itself (high contrast keeps the text's colour).
    assert contrast(underline, palette.window) >= 3.0
    if palette is not HIGH_CONTRAST:
        assert contrast(underline, palette.window) < contrast(text, palette.window)


def test_a_closed_window_no_longer_follows_the_theme(qtbot: QtBot) -> None:
    """Python may hold a closed window for a while; a theme change must not restyle
    (and lay out again) what nobody sees. Closing twice is harmless."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    theme = manager()
    try:
        window.close()
        window.close()
        with qtbot.waitSignal(theme.changed, timeout=1000):
            theme.follow_system(dark=True)
        assert window.palette_ is LIGHT
    finally:
        theme.follow_system(dark=False)
