"""The legend strip: every mark explained, and wrapping only between entries."""

from __future__ import annotations

import re
from html import unescape

import pytest
from collatio.gui.legend import legend_html
from collatio.gui.marks import BAND_LEGEND, BAND_LEGEND_NOTE, BAND_LEGEND_TITLE, LEGEND
from collatio.gui.palette import PALETTES


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_entry_is_one_unbreakable_run(name: str) -> None:
    marks, bands = legend_html(PALETTES[name]).split("<br>")
    # The only ordinary spaces outside tags are the breaks between entries.
    entries = re.sub(r"<[^>]*>", "", marks).split(" ")
    assert len(entries) == len(LEGEND)
    for entry, shown in zip(LEGEND, entries, strict=True):
        words = shown.replace("&nbsp;", " ").split()
        # Each run holds its sample and its meaning ("+ sentence added"), nothing else.
        assert " ".join(words) == f"{entry.sample} {entry.meaning}"
    # The bands' line: its title, a swatch and a meaning per colour, then the frame's note.
    runs = [" ".join(unescape(run.replace("&nbsp;", " ")).split())
            for run in re.sub(r"<[^>]*>", "", bands).split(" ")]
    assert runs == [BAND_LEGEND_TITLE, *(e.meaning for e in BAND_LEGEND), BAND_LEGEND_NOTE]


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_band_colour_has_its_swatch(name: str) -> None:
    palette = PALETTES[name]
    bands = legend_html(palette).split("<br>")[1]
    swatches = re.findall(r'background-color:([^"]+)">(?:&nbsp;)+</span>&nbsp;<span[^>]*>([^<]+)', bands)
    assert [(colour, unescape(meaning.replace("&nbsp;", " "))) for colour, meaning in swatches] == [
        (palette.style(e.mark).bar, e.meaning) for e in BAND_LEGEND]
