"""Cyclic GC is paused during a comparison and restored afterwards, also when it fails."""

from __future__ import annotations

import gc
import threading

import pytest
from collatio.core import compare
from collatio.core.gcpause import exempt_live_objects, gc_paused, readmit_exempted


def test_gc_is_off_inside_and_back_on_after() -> None:
    seen: list[bool] = []

    @gc_paused
    def work() -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    work()
    assert seen == [False] and gc.isenabled()


def test_gc_comes_back_after_an_exception() -> None:
    @gc_paused
    def broken() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        broken()
    assert gc.isenabled()


def test_overlapping_runs_resume_only_when_the_last_one_ends() -> None:
    inside = threading.Event()
    release = threading.Event()

    @gc_paused
    def long_run() -> None:
        inside.set()
        release.wait(5)

    worker = threading.Thread(target=long_run)
    worker.start()
    inside.wait(5)

    @gc_paused
    def short_run() -> None:
        return None

    short_run()
    assert not gc.isenabled(), "the short run must not switch GC back on under the long one"
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_disabled_gc_stays_disabled() -> None:
    gc.disable()
    try:
        compare("Ein Satz.", "Ein Satz.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_compare_runs_with_gc_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    compare_module = importlib.import_module("collatio.core.compare")

    states: list[bool] = []
    real = compare_module.compute_stats

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        states.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(compare_module, "compute_stats", spy)
    compare("Der Kreml sprach.", "Der Kreml sprach heute.")
    assert states == [False] and gc.isenabled()


def test_objects_alive_when_exempted_are_left_out_of_later_collections() -> None:
    kept = [[k] for k in range(100)]  # containers: objects the collector tracks
    frozen_before = gc.get_freeze_count()
    try:
        exempt_live_objects()
        assert gc.get_freeze_count() >= frozen_before + len(kept)
        tracked = {id(o) for o in gc.get_objects()}  # the generations a collection walks
        assert not any(id(o) in tracked for o in kept)
        later = [0]  # made after: collected as usual
        assert id(later) in {id(o) for o in gc.get_objects()}
    finally:
        readmit_exempted()  # the rest of the test run collects as before


def test_readmitted_objects_are_walked_again() -> None:
    kept = [[k] for k in range(10)]
    exempt_live_objects()
    readmit_exempted()
    assert gc.get_freeze_count() == 0
    tracked = {id(o) for o in gc.get_objects()}
    assert all(id(o) in tracked for o in kept)
