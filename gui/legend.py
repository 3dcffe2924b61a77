"""The legend strip's rich text, drawn with the same styles as the text it explains.

Pure: no Qt. May import: the standard library and collatio.gui.{marks,palette}.
"""

from __future__ import annotations

from html import escape

from .marks import BAND_LEGEND, BAND_LEGEND_NOTE, BAND_LEGEND_TITLE, LEGEND
from .palette import Palette, SpanStyle


def _css(style: SpanStyle, palette: Palette) -> str:
    parts = [f"color:{style.foreground or palette.text}"]
    if style.background:
        parts.append(f"background-color:{style.background}")
    decorations = [d for d, on in (("line-through", style.strike), ("underline", style.underline))
                   if on]
    if decorations:
        parts.append(f"text-decoration:{' '.join(decorations)}")
    if style.italic:
        parts.append("font-style:italic")
    if style.bold:
        parts.append("font-weight:600")
    return ";".join(parts)


def _unbroken(text: str) -> str:
    return "&nbsp;".join(escape(word) for word in text.split(" "))


def legend_html(palette: Palette) -> str:
    """Each mark's sample drawn in its own style, then its meaning; on a line of their
    own, the colours of the bands between the panes and of the overview map.

    In a narrow window the strip wraps, but only between entries: a glyph never ends a
    line whose meaning starts the next one.
    """
    def muted(text: str) -> str:
        return f'<span style="color:{palette.muted}">{_unbroken(text)}</span>'

    marks = []
    for entry in LEGEND:
        style = palette.style(entry.mark)
        sample = f'<span style="{_css(style, palette)}">&nbsp;{_unbroken(entry.sample)}&nbsp;</span>'
        marks.append(f"{sample}&nbsp;{muted(entry.meaning)}")
    bands = [muted(BAND_LEGEND_TITLE)]
    for entry in BAND_LEGEND:
        colour = palette.style(entry.mark).bar or palette.muted
        swatch = f'<span style="background-color:{colour}">&nbsp;&nbsp;&nbsp;</span>'
        bands.append(f"{swatch}&nbsp;{muted(entry.meaning)}")
    bands.append(muted(BAND_LEGEND_NOTE))
    return "&nbsp;&nbsp; ".join(marks) + "<br>" + "&nbsp;&nbsp; ".join(bands)
