"""One pair of files → one result record: the unit of work of ``batch`` and ``rank``.

``run_pair`` is a plain top-level function taking and returning plain data, so it can
run in this process, in a spawned worker process, or on a Dask worker: the record is
JSON-ready and pickles cheaply. It never raises for a bad pair: an unreadable file
becomes an ``error`` record carrying the loader's one-line message, and the batch goes on.

May import: the standard library and collatio.core.*.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from .compare import compare_loaded
from .jsonio import collatio_version
from .load import LoadError, load_text
from .model import Outcome, Stats
from .options import CompareOptions

# compare() is thread-safe (tests/core/test_perf_threads.py), so Dask may run pairs in
# worker threads. Threads do not speed up this GIL-bound work, though; processes do
# (--jobs, or dask workers with --nthreads 1).


@dataclass(frozen=True)
class PairTask:
    id: str
    original: str  # a path the worker can read
    revision: str
    full: bool = False  # include the whole alignment-1 document in the record
    options: dict[str, Any] = field(default_factory=dict)  # CompareOptions fields
    # The pairs CSV's other columns (outlet, date, …), copied into the record as they are.
    meta: dict[str, str] = field(default_factory=dict)


def pair_statistics(stats: Stats) -> dict[str, Any]:
    """The figures a researcher sorts by; shares are % of characters (see core/stats.py)."""
    return {
        "reuse_pct": stats.b_verbatim_pct,  # of the revision, reused word for word
        "reworded_pct": stats.b_reworded_pct,
        "added_pct": stats.b_added_pct,
        "removed_pct": stats.a_removed_pct,  # of the original
        "longest_verbatim_words": stats.longest_verbatim_words,
        "quote_changes": stats.quote_changes,
        "figure_changes": stats.figure_changes,
        "negation_changes": stats.negation_changes,
        "sentences_a": stats.sentences_a,  # all of them, boilerplate and duplicates too
        "sentences_b": stats.sentences_b,
        "ignored_a": stats.ignored_a,  # in boilerplate or duplicate paragraphs
        "ignored_b": stats.ignored_b,
        "links": stats.links,
        "identical": stats.links_identical,
        "minor": stats.links_minor,
        "reworded": stats.links_reworded,
        "moved": stats.moved,
        "added": stats.added,
        "removed": stats.removed,
    }


def _provenance(task: PairTask) -> dict[str, Any]:
    """How the record was made (a rerun refuses to mix records made otherwise), and the
    pair's own columns."""
    found: dict[str, Any] = {"options": CompareOptions(**task.options).to_json(),
                             "full": task.full, "collatio": collatio_version()}
    if task.meta:
        found["meta"] = task.meta
    return found


def error_record(task: PairTask, message: str) -> dict[str, Any]:
    return {"id": task.id, "original": task.original, "revision": task.revision,
            "status": "error", "error": message, **_provenance(task)}


def run_pair(task: PairTask) -> dict[str, Any]:
    started, cpu_started = time.perf_counter(), time.process_time()
    options = CompareOptions(**task.options)
    try:
        a = load_text(task.original, max_bytes=options.max_file_bytes)
        b = load_text(task.revision, max_bytes=options.max_file_bytes)
        comparison = compare_loaded(a, b, options=options, presegmented=options.presegmented)
    except LoadError as exc:
        return error_record(task, str(exc))
    except Exception as exc:  # one broken pair must not stop thousands of others
        return error_record(task, f"internal error: {type(exc).__name__}: {exc}")
    if comparison.outcome is not Outcome.COMPLETED:
        return error_record(task, comparison.message)
    record: dict[str, Any] = {
        "id": task.id,
        "original": task.original,
        "revision": task.revision,
        "status": "ok",
        "language": comparison.options.get("language"),  # the one used ("auto" resolved)
        "statistics": pair_statistics(comparison.stats),
        "seconds": round(time.perf_counter() - started, 3),
        # CPU time of this process: the pair's cost even on a busy machine (with one
        # comparison per process at a time; threads running pairs side by side share it).
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        **_provenance(task),
    }
    if task.full:
        record["alignment"] = comparison.to_json()
    return record
