"""The comparison job's preparation (off the UI thread) leaves the window only reading."""

from __future__ import annotations

from collatio.core import compare
from collatio.core.overrides import Overrides
from collatio.gui.compared import prepare
from collatio.gui.plan import ViewState


def test_the_worker_finds_the_credits_so_the_window_only_reads_them() -> None:
    body = "Die Bahn streikt am Mittwoch im ganzen Land. Die Gewerkschaft fordert mehr Lohn."
    c = compare(f"BERLIN (dpa) – {body}\n", f"Berlin (AFP) – {body}\n")
    assert "credits" not in c.__dict__
    prepare(c, ViewState(True, False, False), Overrides())
    assert "credits" in c.__dict__  # cached_property filled in the worker
