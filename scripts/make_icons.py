"""Render assets/icons/collatio.svg to the PNG sizes the desktop and the window use.

Usage: ``python scripts/make_icons.py`` (offscreen is fine). The SVG is the source; the PNGs
are committed so that platforms without SVG icon support still get an icon.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collatio.gui.about import ICON_SIZES
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parent.parent / "assets" / "icons"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(FOLDER / "collatio.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG does not parse", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = FOLDER / f"collatio-{size}.png"
        if not image.save(str(out)):
            print(f"make_icons: cannot write {out}", file=sys.stderr)
            return 1
        print(f"wrote {out}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
