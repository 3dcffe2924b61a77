"""The legend strip's rich text, drawn with the same styles as the text it explains.

Pure: no Qt. May import: the standard library and collatio.gui.{marks,palette}.
"""

from __future__ import annotations

from html import escape

from .marks import LEGEND
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
    """Each mark's sample drawn in its own style, then its meaning.

    In a narrow window the strip wraps, but only between entries: a glyph never ends a
    line whose meaning starts the next one.
    """
    items = []
    for entry in LEGEND:
        style = palette.style(entry.mark)
        sample = f'<span style="{_css(style, palette)}">&nbsp;{_unbroken(entry.sample)}&nbsp;</span>'
        meaning = f'<span style="color:{palette.muted}">{_unbroken(entry.meaning)}</span>'
        items.append(f"{sample}&nbsp;{meaning}")
    return "&nbsp;&nbsp; ".join(items)
