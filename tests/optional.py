"""Optional packages in tests: skipped when absent, unless a run demands them.

``make test`` runs without the torch-sized extras, so their tests skip. ``make
test-semantic`` installs them and sets ``COLLATIO_REQUIRE`` (comma-separated module
names): then a missing module fails the test instead of skipping it silently.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def optional_module(name: str) -> ModuleType:
    """The module ``name``; skip the test without it, or fail if the run requires it."""
    required = {m.strip() for m in os.environ.get("COLLATIO_REQUIRE", "").split(",") if m.strip()}
    if name in required:
        return importlib.import_module(name)
    return pytest.importorskip(name)
