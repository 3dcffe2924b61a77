"""``collatio batch --dask``: the same per-pair function on a Dask cluster, same journal."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from collatio.core.batch import BatchError, run_batch

from .test_batch import make_pairs

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    # Threads in this process: starts in about a second, and the workers import collatio
    # from this very environment, as they would from a shared one on a real cluster.
    # Two threads on purpose: Dask runs tasks in threads, and compare() is not thread-safe
    # (see core/pairjob.py); the equality test below failed before run_pair serialised it.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as local:
        yield local


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_dask_writes_the_same_records_as_a_local_run(tmp_path: Path, cluster: object) -> None:
    pairs = make_pairs(tmp_path, 4, bad=(2,))
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    summary = run_batch(pairs, tmp_path / "dask.jsonl", dask=address)
    assert (summary.ok, summary.errors) == (3, 1)
    run_batch(pairs, tmp_path / "local.jsonl")

    def by_id(name: str) -> dict[str, object]:
        records = [json.loads(x) for x in (tmp_path / name).read_text(encoding="utf-8").splitlines()]
        return {r["id"]: r.get("statistics", r.get("error")) for r in records}

    assert by_id("dask.jsonl") == by_id("local.jsonl")


def test_dask_resumes_like_a_local_run(tmp_path: Path, cluster: object) -> None:
    pairs = make_pairs(tmp_path, 3)
    out = tmp_path / "results.jsonl"
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    run_batch(pairs, out, dask=address)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][:10], encoding="utf-8")  # torn after the first line
    summary = run_batch(pairs, out, dask=address)
    assert (summary.skipped, summary.ok) == (1, 2)
    assert sorted(_ids(out)) == ["p0", "p1", "p2"]


def test_without_dask_installed_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    pairs = make_pairs(tmp_path, 1)
    with pytest.raises(BatchError, match=r"collatio\[dask\]"):
        run_batch(pairs, tmp_path / "r.jsonl", dask="tcp://127.0.0.1:1")
