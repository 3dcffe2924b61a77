"""The status line ends in "…" when it does not fit, and its tooltip holds all of it."""

from __future__ import annotations

import pytest
from collatio.gui.elided import ElidedLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

LONG = ("16 links (12 identical, 0 minor, 4 reworded), 1 moved, 1 added, 1 removed, 3 quote "
        "changes, 2 figure changes · credit dropped: James Okafor, Northern Wire; credit added: "
        "Sarah Lindqvist")


def test_a_text_too_wide_is_cut_with_an_ellipsis_and_kept_whole_in_the_tooltip(qtbot: QtBot) -> None:
    label = ElidedLabel(LONG)
    qtbot.addWidget(label)
    label.resize(300, 20)
    label.show()
    assert label.shown().endswith("…") and len(label.shown()) < len(LONG)
    assert label.fontMetrics().horizontalAdvance(label.shown()) <= 300
    assert label.text() == LONG and label.toolTip() == LONG
    label.setToolTip("1 correction no longer applies")  # its own tooltip comes under it
    assert label.toolTip() == LONG + "\n1 correction no longer applies"
    label.resize(2000, 20)  # room for all of it: no ellipsis, no repeated tooltip
    assert label.shown() == LONG and label.toolTip() == "1 correction no longer applies"


def test_it_never_widens_the_status_bar() -> None:
    assert ElidedLabel(LONG).minimumSizeHint().width() == 0
