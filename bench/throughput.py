"""Batch throughput: pairs per second per core on the DEplain-web document pairs.

Reads the 147 test pairs of DEplain-web (document level, manual alignment) at run time,
writes them as text files to a temporary folder (never into the repository: the corpus
is licensed for evaluation only), and runs the same batch three ways:

* ``--jobs 1``: one process;
* ``--jobs 2``: two spawned worker processes;
* a Dask ``LocalCluster`` with 2 worker processes of 1 thread each.

Wall time includes starting the worker processes of ``--jobs 2`` (spawn: a second or
two of imports) as a user would see it, but not starting the Dask cluster, which a user
starts once and keeps. The "steady" figure is 1 / the mean time a worker reports per
pair: what a core sustains once running, the figure to multiply by the number of cores.
"/cpu-s" is pairs per CPU-second, which does not depend on other load on the machine. All three runs must give identical
statistics; the script fails otherwise.

Usage: python bench/throughput.py [--data PATH/test.csv] [--limit N] [--skip-dask] [--json]

May import: the standard library, collatio.core.*, and dask.distributed (optional).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from collatio.core.batch import run_batch

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (
    REPO.parent
    / "shared/benchmarks/deplain-web-manual/B__Document-level_Corpus/DEplain-web-doc/manual/open/plain-text/test.csv"
)


def write_pairs(data: Path, folder: Path, limit: int | None) -> tuple[Path, int]:
    """The corpus as text files plus a pairs CSV for ``collatio batch``."""
    csv.field_size_limit(sys.maxsize)  # whole documents sit in single cells
    docs = folder / "docs"
    docs.mkdir()
    lines = ["id,original,revision"]
    with open(data, newline="", encoding="utf-8") as handle:
        for k, row in enumerate(csv.DictReader(handle)):
            if limit is not None and k >= limit:
                break
            pair = row["pair_id"].strip() or str(k)
            safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in pair)
            (docs / f"{safe}-a.txt").write_text(row["original"], encoding="utf-8")
            (docs / f"{safe}-b.txt").write_text(row["simplification"], encoding="utf-8")
            lines.append(f"{pair},docs/{safe}-a.txt,docs/{safe}-b.txt")
    pairs = folder / "pairs.csv"
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pairs, len(lines) - 1


def _statistics(path: Path) -> dict[str, Any]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r.get("statistics", r.get("error")) for r in records}


def _pair_seconds(path: Path, field: str = "seconds") -> float:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return sum(float(r.get(field, 0.0)) for r in records)


def measure(name: str, cores: int, pairs: Path, out: Path, **kwargs: Any) -> dict[str, Any]:
    started = time.perf_counter()
    summary = run_batch(pairs, out, **kwargs)
    wall = time.perf_counter() - started
    done = summary.ok + summary.errors
    return {
        "run": name,
        "cores": cores,
        "pairs": done,
        "errors": summary.errors,
        "wall_s": round(wall, 2),
        "pairs_per_s": round(done / wall, 2),
        "pairs_per_s_per_core": round(done / wall / cores, 2),
        "mean_pair_s": round(_pair_seconds(out) / done, 3) if done else 0.0,
        # What one core sustains once the workers are up: 1 / mean time per pair.
        "steady_pairs_per_s_per_core": round(done / _pair_seconds(out), 2) if done else 0.0,
        # Pairs per CPU-second: the same on an idle or a busy machine.
        "pairs_per_cpu_s": round(done / _pair_seconds(out, "cpu_seconds"), 2) if done else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("COLLATIO_DEPLAIN_CSV", DEFAULT_DATA)))
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"throughput: {args.data}: no such file (give --data PATH/test.csv)", file=sys.stderr)
        return 2
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="collatio-bench-") as tmp:
        folder = Path(tmp)
        pairs, n = write_pairs(args.data, folder, args.limit)
        print(f"{n} pairs from {args.data.name}; {os.cpu_count()} CPUs", file=sys.stderr)
        results.append(measure("jobs 1", 1, pairs, folder / "j1.jsonl", jobs=1))
        results.append(measure("jobs 2", 2, pairs, folder / "j2.jsonl", jobs=2))
        outputs = ["j1.jsonl", "j2.jsonl"]
        if not args.skip_dask:
            from dask.distributed import Client, LocalCluster

            with (
                LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,  # type: ignore[no-untyped-call]
                Client(cluster) as client,  # type: ignore[no-untyped-call]
            ):
                results.append(measure("dask LocalCluster 2 workers", 2, pairs, folder / "dask.jsonl", dask=client))
            outputs.append("dask.jsonl")
        reference = _statistics(folder / outputs[0])
        for name in outputs[1:]:
            other = _statistics(folder / name)
            differing = sorted(k for k in reference if reference[k] != other.get(k))
            if differing:
                print(f"throughput: {name} differs from {outputs[0]} for {len(differing)} pairs, "
                      f"e.g. {differing[0]}: {reference[differing[0]]} vs {other.get(differing[0])}",
                      file=sys.stderr)
                return 1
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(
            f"{'run':<30} {'pairs':>5} {'wall s':>7} {'pairs/s':>8} {'/core':>6} {'s/pair':>7} "
            f"{'steady/core':>11} {'/cpu-s':>7}"
        )
        for r in results:
            print(
                f"{r['run']:<30} {r['pairs']:>5} {r['wall_s']:>7} {r['pairs_per_s']:>8} "
                f"{r['pairs_per_s_per_core']:>6} {r['mean_pair_s']:>7} {r['steady_pairs_per_s_per_core']:>11} "
                f"{r['pairs_per_cpu_s']:>7}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
