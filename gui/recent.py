"""Recent files and sessions: the list logic (pure) and the File ▸ Open recent menu.

The newest entry comes first; an entry opened again moves to the front; at most
``MAX_RECENT`` are kept. Files that no longer exist stay listed but disabled, so a file
on an unplugged drive is not forgotten; "Clear recent" empties both lists.

May import: PySide6 and the standard library.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QMenu

MAX_RECENT = 10


def pushed(entries: Sequence[str], path: str, limit: int = MAX_RECENT) -> list[str]:
    """``entries`` with ``path`` (made absolute) moved or added to the front."""
    path = os.path.abspath(path)
    return [path, *(e for e in entries if os.path.abspath(e) != path)][:limit]


def menu_items(entries: Sequence[str]) -> list[tuple[str, str, bool]]:
    """(label, path, enabled) per entry; the label is the file name and its folder."""
    items = []
    for number, entry in enumerate(entries[:MAX_RECENT], start=1):
        path = Path(entry)
        accel = f"&{number % 10}" if number <= 10 else ""
        label = f"{accel} {path.name} — {path.parent}".replace("&&", "&")
        items.append((label, entry, path.is_file()))
    return items


def fill_menu(menu: QMenu, sessions: Sequence[str], files: Sequence[str],
              open_session: Callable[[str], object], open_file: Callable[[str, bool], object],
              clear: Callable[[], object]) -> None:
    """Rebuild the menu: sessions first, then files, each file with a submenu choosing the
    side (``open_file(path, as_original)``). Missing entries are shown disabled."""
    menu.clear()
    menu.setToolTipsVisible(True)
    for title, entries in (("Sessions", sessions), ("Files", files)):
        header = menu.addAction(title)
        header.setEnabled(False)
        if not entries:
            menu.addAction("(none)").setEnabled(False)
        for label, path, exists in menu_items(entries):
            if entries is sessions:
                action = menu.addAction(label)
                action.triggered.connect(lambda _=False, p=path: open_session(p))
            else:
                sub = menu.addMenu(label)
                action = sub.menuAction()
                sub.addAction("Open as &original").triggered.connect(
                    lambda _=False, p=path: open_file(p, True))
                sub.addAction("Open as &revision").triggered.connect(
                    lambda _=False, p=path: open_file(p, False))
            action.setToolTip(path if exists else f"{path} (missing)")
            action.setEnabled(exists)
        menu.addSeparator()
    menu.addAction("Clear recent").triggered.connect(clear)
