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
    underline_colour: str | None = None  # None: the text colour


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
        # A changed figure: the deleted/inserted look, in bold, so a number stands out
        # even inside a struck phrase or a heavy rewrite.
        Mark.FIGURE_A: SpanStyle(background="#FADCC4", foreground="#6B3A17", strike=True, bold=True),
        Mark.FIGURE_B: SpanStyle(background="#D2E6F6", foreground="#0B3550", underline=True, bold=True),
        Mark.GLYPH_REMOVED: SpanStyle(foreground=_ORANGE, bold=True),
        Mark.GLYPH_ADDED: SpanStyle(foreground=_BLUE, bold=True),
        Mark.GLYPH_MOVED: SpanStyle(foreground=_PURPLE, bold=True),
        Mark.MOVED: SpanStyle(bar=_PURPLE),
        # Words moved within a link: neither cut nor added; the moved colour, dashed.
        Mark.MOVED_WORDS: SpanStyle(background="#F6E2EE", foreground="#5A2346", underline=True,
                                    underline_colour=_PURPLE),
        Mark.PLACEHOLDER: SpanStyle(foreground="#8A8A8A", italic=True),
        # Kept words of a heavy rewrite: darker text, a grey dotted underline (textdoc draws
        # it dotted for this mark), no background of their own. In a heavy rewrite half
        # the words may be kept; a black line under each made the paragraph look busy.
        Mark.KEPT: SpanStyle(foreground="#000000", underline=True, underline_colour="#6B6B6B"),
        # Connector bands and overview map (bar = fill colour).
        Mark.BAND_IDENTICAL: SpanStyle(bar="#D9D9D6"),
        Mark.BAND_MINOR: SpanStyle(bar="#B8B8B2"),
        Mark.BAND_REWORDED: SpanStyle(bar="#E69F00"),  # Okabe–Ito orange
        Mark.QUOTE: SpanStyle(bar="#000000"),
        Mark.FIND_MATCH: SpanStyle(background="#FFF1A8"),
        Mark.FIND_CURRENT: SpanStyle(background="#FFC933"),
    },
)

# Dark: tints are darkened hues, not light tints at low opacity, so text on them keeps a
# contrast ratio of at least 7:1; bars and glyphs use the lighter Okabe–Ito members
# (sky blue, orange) that stay visible on a dark ground. Same blue/orange family.
_SKY = "#56B4E9"  # Okabe–Ito sky blue
_DARK_ORANGE = "#F0955A"  # vermillion lifted for a dark ground
_DARK_PURPLE = "#E3A3C8"

DARK = Palette(
    name="dark",
    window="#1D1F22",
    text="#E4E4E1",
    muted="#9A9EA5",
    header_bg="#272A2E",
    styles={
        Mark.IDENTICAL: SpanStyle(),
        Mark.MINOR: SpanStyle(background="#25282C"),
        Mark.REWORDED: SpanStyle(background="#2C2A25"),
        Mark.REMOVED: SpanStyle(background="#33261E", bar=_DARK_ORANGE),
        Mark.ADDED: SpanStyle(background="#1B2A36", bar=_SKY),
        Mark.IGNORED: SpanStyle(foreground="#8C9097", italic=True),
        Mark.DELETED: SpanStyle(background="#4E3222", foreground="#FFD7BF", strike=True),
        Mark.INSERTED: SpanStyle(background="#1E3E55", foreground="#D3EAFB", underline=True),
        Mark.FIGURE_A: SpanStyle(background="#4E3222", foreground="#FFD7BF", strike=True, bold=True),
        Mark.FIGURE_B: SpanStyle(background="#1E3E55", foreground="#D3EAFB", underline=True, bold=True),
        Mark.GLYPH_REMOVED: SpanStyle(foreground=_DARK_ORANGE, bold=True),
        Mark.GLYPH_ADDED: SpanStyle(foreground=_SKY, bold=True),
        Mark.GLYPH_MOVED: SpanStyle(foreground=_DARK_PURPLE, bold=True),
        Mark.MOVED: SpanStyle(bar=_DARK_PURPLE),
        Mark.MOVED_WORDS: SpanStyle(background="#4A2F40", foreground="#F5D3E6", underline=True,
                                    underline_colour=_DARK_PURPLE),
        Mark.PLACEHOLDER: SpanStyle(foreground="#8C9097", italic=True),
        Mark.KEPT: SpanStyle(foreground="#FFFFFF", underline=True, underline_colour="#80858C"),
        Mark.BAND_IDENTICAL: SpanStyle(bar="#3A3D42"),
        Mark.BAND_MINOR: SpanStyle(bar="#585C63"),
        # Muted amber: full-strength orange bands glare on a dark page.
        Mark.BAND_REWORDED: SpanStyle(bar="#A07A2C"),
        Mark.QUOTE: SpanStyle(bar="#FFFFFF"),
        Mark.FIND_MATCH: SpanStyle(background="#5A4D12", foreground="#FFFFFF"),
        # The current match stands out as the one bright patch on a dark page (dark text on amber).
        Mark.FIND_CURRENT: SpanStyle(background="#E8B520", foreground="#111111"),
    },
)

# High contrast: black on white, stronger tints, darker bars, and the muted grey darkened
# to 7:1 so boilerplate and headers stay readable. Non-colour cues are unchanged.
HIGH_CONTRAST = Palette(
    name="high-contrast",
    window="#FFFFFF",
    text="#000000",
    muted="#4A4A4A",
    header_bg="#E4E4E4",
    styles={
        Mark.IDENTICAL: SpanStyle(),
        Mark.MINOR: SpanStyle(background="#EDEDED"),
        Mark.REWORDED: SpanStyle(background="#F3EAD3"),
        Mark.REMOVED: SpanStyle(background="#FFE2CC", bar="#A84300"),
        Mark.ADDED: SpanStyle(background="#D3E8F8", bar="#00558A"),
        Mark.IGNORED: SpanStyle(foreground="#4A4A4A", italic=True),
        Mark.DELETED: SpanStyle(background="#FFBE8F", foreground="#000000", strike=True),
        Mark.INSERTED: SpanStyle(background="#9FCDF0", foreground="#000000", underline=True),
        Mark.FIGURE_A: SpanStyle(background="#FFBE8F", foreground="#000000", strike=True, bold=True),
        Mark.FIGURE_B: SpanStyle(background="#9FCDF0", foreground="#000000", underline=True, bold=True),
        Mark.GLYPH_REMOVED: SpanStyle(foreground="#A84300", bold=True),
        Mark.GLYPH_ADDED: SpanStyle(foreground="#00558A", bold=True),
        Mark.GLYPH_MOVED: SpanStyle(foreground="#8A2A66", bold=True),
        Mark.MOVED: SpanStyle(bar="#8A2A66"),
        Mark.MOVED_WORDS: SpanStyle(background="#F0C6DF", foreground="#000000", underline=True,
                                    underline_colour="#8A2A66"),
        Mark.PLACEHOLDER: SpanStyle(foreground="#4A4A4A", italic=True),
        Mark.KEPT: SpanStyle(foreground="#000000", underline=True),
        Mark.BAND_IDENTICAL: SpanStyle(bar="#9A9A9A"),
        Mark.BAND_MINOR: SpanStyle(bar="#6A6A6A"),
        Mark.BAND_REWORDED: SpanStyle(bar="#B36B00"),
        Mark.QUOTE: SpanStyle(bar="#000000"),
        Mark.FIND_MATCH: SpanStyle(background="#FFF1A8"),
        Mark.FIND_CURRENT: SpanStyle(background="#FFC933"),
    },
)

# Every theme, by name. A mark added to LIGHT needs a value here in every theme
# (tests/gui/test_themes.py checks).
PALETTES = {p.name: p for p in (LIGHT, DARK, HIGH_CONTRAST)}
