"""Guard against a Qt binding that miscounts references to None.

PySide6 6.12.0 on Python 3.11 returned None from every void method without counting the
reference; after a few thousand calls None's count reached zero and the process aborted
("none_dealloc"), typically while rendering a comparison. pyproject.toml pins below 6.12;
this test fails if such a binding is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextBlockFormat


def test_void_qt_calls_keep_the_reference_count_of_none() -> None:
    colour, fmt = QColor(), QTextBlockFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        colour.setRed(3)
        fmt.setTopMargin(2.0)
    # Other threads may hold a few Nones briefly; a miscounting binding loses thousands.
    assert sys.getrefcount(None) - before > -100
