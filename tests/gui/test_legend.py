"""The legend strip: every mark explained, and wrapping only between entries."""

from __future__ import annotations

import re

import pytest
from collatio.gui.legend import legend_html
from collatio.gui.marks import LEGEND
from collatio.gui.palette import PALETTES


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_entry_is_one_unbreakable_run(name: str) -> None:
    html = legend_html(PALETTES[name])
    # The only ordinary spaces outside tags are the breaks between entries.
    text = re.sub(r"<[^>]*>", "", html)
    entries = text.split(" ")
    assert len(entries) == len(LEGEND)
    for entry, shown in zip(LEGEND, entries, strict=True):
        words = shown.replace("&nbsp;", " ").split()
        # Each run holds its sample and its meaning ("+ sentence added"), nothing else.
        assert " ".join(words) == f"{entry.sample} {entry.meaning}"
