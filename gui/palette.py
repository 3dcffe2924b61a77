"""Colours and text styles of every mark, as plain data (hex strings, flags).

All colours of the GUI live here so a dark theme is one more ``Palette`` value. Hues follow
the Okabe–Ito colour-blind-safe set: blue for what the revision inserted or added, orange
for what it deleted or dropped. Colour is never the only signal: deletions are also struck
through, insertions underlined, whole removed/added sentences carry a glyph and a left bar,
boilerplate is italic.

Pure: no Qt. May import: the standard library and collatio.gui.marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .marks import Mark


@dataclass(frozen=True, slots=True)
class SpanStyle:
    """How one mark draws; ``None`` colours mean "leave as is"."""

    background: str | None = None
    foreground: str | None = None
    strike: bool = False
    underline: bool = False
    italic: bool = False
    bold: bool = False
    bar: str | None = None  # colour of the left-margin bar for blocks carrying this mark


@dataclass(frozen=True, slots=True)
class Palette:
    name: str
    window: str
    text: str
    muted: str  # headers, placeholders, boilerplate
    header_bg: str
    styles: dict[Mark, SpanStyle]

    def style(self, mark: Mark) -> SpanStyle:
        return self.styles.get(mark, SpanStyle())


_BLUE = "#0072B2"  # Okabe–Ito blue
_ORANGE = "#D55E00"  # Okabe–Ito vermillion
_PURPLE = "#CC79A7"  # Okabe–Ito reddish purple

LIGHT = Palette(
    name="light",
    window="#FFFFFF",
    text="#1F1F1F",
    muted="#8A8A8A",
    header_bg="#F3F3F1",
    styles={
        Mark.IDENTICAL: SpanStyle(),
        Mark.MINOR: SpanStyle(background="#F6F6F3"),
        Mark.REWORDED: SpanStyle(background="#F8F4EA"),
        Mark.REMOVED: SpanStyle(background="#FDEEE2", bar=_ORANGE),
        Mark.ADDED: SpanStyle(background="#E6F1FA", bar=_BLUE),
        Mark.IGNORED: SpanStyle(foreground="#8A8A8A", italic=True),
        Mark.DELETED: SpanStyle(background="#FADCC4", foreground="#6B3A17", strike=True),
        Mark.INSERTED: SpanStyle(background="#D2E6F6", foreground="#0B3550", underline=True),
        Mark.GLYPH_REMOVED: SpanStyle(foreground=_ORANGE, bold=True),
        Mark.GLYPH_ADDED: SpanStyle(foreground=_BLUE, bold=True),
        Mark.GLYPH_MOVED: SpanStyle(foreground=_PURPLE, bold=True),
        Mark.MOVED: SpanStyle(bar=_PURPLE),
        Mark.PLACEHOLDER: SpanStyle(foreground="#8A8A8A", italic=True),
    },
)
