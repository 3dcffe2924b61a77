"""The overview map widget paints every kind of change (a kind without a colour raised
in paintEvent, on every repaint)."""

from __future__ import annotations

import pytest
from collatio.gui.navigation import Change, ChangeKind
from collatio.gui.overview_map import OverviewMap
from collatio.gui.palette import PALETTES, Palette
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
@pytest.mark.parametrize("kind", list(ChangeKind))
def test_every_change_kind_is_painted(qtbot: QtBot, kind: ChangeKind, palette: Palette) -> None:
    overview = OverviewMap(palette)
    qtbot.addWidget(overview)
    overview.resize(overview.width(), 200)
    overview.set_changes((Change(0, kind, frozenset({kind}), None, (), (), ""),), (0.0, 50.0), 100.0)
    image = overview.grab().toImage()  # paints, through the cached change layer
    assert overview.renders == 1
    assert image.pixelColor(overview.width() // 2 if kind is not ChangeKind.QUOTE
                            else overview.width() - 2, 20).name() != palette.header_bg.lower()
