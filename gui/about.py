"""Help ▸ About and the application icon.

May import: PySide6 and the standard library.
"""

from __future__ import annotations

from importlib import metadata
from importlib.resources import as_file, files

from collatio.core.jsonio import collatio_version
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
DESCRIPTION = ("Puts two versions of an article side by side and shows, sentence by sentence, "
               "what the revision kept, reworded, moved, added and dropped.")


def version() -> str:
    return collatio_version()  # the version the JSON exports name as their generator


def licence() -> str:
    try:
        return str(metadata.metadata("collatio")["License"] or "MIT")
    except (metadata.PackageNotFoundError, KeyError):
        return "MIT"


def app_icon() -> QIcon:
    """The icon from package data: the SVG for any size, PNGs where SVG support is missing."""
    icon = QIcon()
    folder = files("collatio.assets") / "icons"
    for size in ICON_SIZES:
        resource = folder / f"collatio-{size}.png"
        if resource.is_file():
            with as_file(resource) as path:
                icon.addFile(str(path))
    return icon


def about_text() -> str:
    return (f"<h3>Collatio {version()}</h3><p>{DESCRIPTION}</p>"
            f"<p>Licence: {licence()}</p>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Collatio", about_text())
