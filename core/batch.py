"""``collatio batch PAIRS.csv -o results.jsonl``: compare many pairs, one JSON line each.

The output is the journal (collatio.core.journal): each record is one line, on disk as
soon as its pair is done, in completion order. A re-run skips every id already recorded
and appends the rest, so a killed batch resumes with no duplicates and no lost pairs. A bad pair is
recorded as an ``error`` line and the batch goes on; a failure of the machinery itself
(a worker process or Dask worker dying) is *not* recorded, so the next run retries it.

Pairs run in this process (``--jobs 1``), in spawned worker processes (``--jobs N``;
spawn, not fork, because a GUI or Dask client may have threads running), or on an
existing Dask cluster (``--dask ADDRESS``, optional extra ``collatio[dask]``). All three
run the same function, collatio.core.pairjob.run_pair.

May import: the standard library, collatio.core.*, and dask.distributed lazily.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .atomic import input_refusal
from .cliopts import add_comparison_options, option_fields, semantic_problem
from .exitcodes import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED
from .journal import BatchError, Journal, recorded
from .pairjob import PairTask, run_pair

REQUIRED_COLUMNS = ("id", "original", "revision")


@dataclass
class BatchSummary:
    total: int = 0  # pairs in the CSV
    skipped: int = 0  # already in the output before this run
    earlier_errors: int = 0  # of those, recorded as errors (kept: no --retry-errors)
    ok: int = 0
    errors: int = 0  # pairs recorded with status "error"
    unrecorded: int = 0  # lost to a crashed worker; retried by the next run
    seconds: float = 0.0
    interrupted: bool = False
    terminated: bool = False  # interrupted by SIGTERM rather than Ctrl-C
    error_ids: list[str] = field(default_factory=list)  # this run's, then earlier ones

    @property
    def failed(self) -> bool:
        """The output lacks a good result for some pair: exit with a failure."""
        return bool(self.errors or self.earlier_errors or self.unrecorded or self.interrupted)

    @property
    def exit_code(self) -> int:
        """A stopped batch exits as a shell reports the signal (130, 143), so a script
        tells "stopped, run again to resume" from "some pairs failed" (1)."""
        if self.interrupted:
            return EXIT_TERMINATED if self.terminated else EXIT_INTERRUPTED
        return EXIT_FAILED if self.failed else EXIT_OK

    def line(self, output: Path) -> str:
        done = self.ok + self.errors
        rate = f", {done / self.seconds:.2f} pairs/s" if self.seconds > 0 and done else ""
        earlier = (f" ({self.earlier_errors} of them errors: --retry-errors runs them again)"
                   if self.earlier_errors else "")
        text = (
            f"{self.total} pairs: {self.ok} ok, {self.errors} errors, {self.skipped} already done"
            f"{earlier} → {output} ({self.seconds:.1f} s{rate})"
        )
        if self.unrecorded:
            text += f"; {self.unrecorded} not recorded (worker failure): run again to retry them"
        if self.interrupted:
            text += "; interrupted: run the same command again to resume"
        return text


def read_pairs(pairs_csv: Path, *, full: bool = False, options: dict[str, Any] | None = None) -> list[PairTask]:
    """The pairs of the CSV, paths made absolute relative to the CSV's folder."""
    try:
        with open(pairs_csv, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                header = ",".join(reader.fieldnames or ())
                hint = next((f" (the header is separated by {name}: separate it by commas)"
                             for sep, name in ((";", "semicolons"), ("\t", "tabs"))
                             if sep in header), "")
                raise BatchError(f"{pairs_csv}: missing column(s) {', '.join(missing)} "
                                 f"(need id,original,revision){hint}")
            rows = list(reader)
    except OSError as exc:
        raise BatchError(f"{pairs_csv}: cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BatchError(f"{pairs_csv}: not a readable CSV file ({exc})") from exc
    base = pairs_csv.resolve().parent
    tasks: list[PairTask] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        pair_id = (row.get("id") or "").strip()
        if not pair_id:
            raise BatchError(f"{pairs_csv}: line {line}: empty id")
        if pair_id in seen:
            # Ids are the resume keys: a repeated id would be silently skipped.
            raise BatchError(f"{pairs_csv}: line {line}: id {pair_id!r} appears twice")
        seen.add(pair_id)
        empty = [c for c in ("original", "revision") if not (row.get(c) or "").strip()]
        if empty:  # an empty path would name the CSV's folder
            raise BatchError(f"{pairs_csv}: line {line}: no {' and no '.join(empty)} file for id {pair_id!r}")
        original, revision = (str(base / (row.get(c) or "").strip()) for c in ("original", "revision"))
        meta = {k: (v or "") for k, v in row.items() if k is not None and k not in REQUIRED_COLUMNS}
        tasks.append(PairTask(pair_id, original, revision, full, dict(options or {}), meta))
    return tasks


class ProgressBar:
    """A one-line bar on a terminal; silent when the stream is piped or a file."""

    def __init__(self, total: int, stream: IO[str] | None) -> None:
        self.total = total
        self.stream = stream if stream is not None and stream.isatty() else None
        self.started = time.perf_counter()
        self.done = 0
        self.errors = 0

    def step(self, ok: bool) -> None:
        self.done += 1
        self.errors += not ok
        if self.stream is None:
            return
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
            f"  {self.errors} errors  {rate:.1f} pairs/s "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None and self.done:
            self.stream.write("\n")
            self.stream.flush()


Outcome = tuple[PairTask, dict[str, Any] | None]  # None: the machinery failed, not the pair


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt, so that both stop a batch
    the same way: the lines written are kept and the worker processes are ended."""


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into ``Terminated`` while a batch runs (main thread only: Python
    lets no other thread set a handler). Its default action would end this process at
    once and leave the worker processes running, orphaned."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_local(tasks: list[PairTask]) -> Iterator[Outcome]:
    for task in tasks:
        yield task, run_pair(task)


# Native thread pools (OpenBLAS, OpenMP) size themselves to all cores in every worker;
# N workers × N threads on N cores made --jobs 2 barely faster than --jobs 1. Spawned
# workers read these at import time, so they are set while the pool starts its workers
# (Dask's nanny does the same for its worker processes).
_ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


@contextmanager
def single_threaded_children() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in _ONE_THREAD}
    os.environ.update(_ONE_THREAD)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of spawned workers, each limited to one native thread; started at once."""
    context = multiprocessing.get_context("spawn")
    with single_threaded_children():
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        # Workers start on demand; start them all now, while the variables are set.
        try:
            for future in [pool.submit(os.getpid) for _ in range(jobs)]:
                future.result()
        except Exception as exc:
            pool.shutdown(cancel_futures=True)
            raise BatchError(f"worker processes could not start ({type(exc).__name__}: {exc})") from exc
    return pool


def end_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: the pairs in the workers' hands are not waited for (one may take
    minutes); a rerun does them again. The pool then finds its workers gone and fails
    its pending futures itself: cancelling them here as well races its thread
    (InvalidStateError on Python 3.11)."""
    for child in multiprocessing.active_children():
        child.terminate()
    pool.shutdown(wait=True)


def _run_processes(tasks: list[PairTask], jobs: int) -> Iterator[Outcome]:
    with process_pool(jobs) as pool:
        futures = {pool.submit(run_pair, task): task for task in tasks}
        finished = False
        try:
            for future in as_completed(futures):
                try:
                    yield futures[future], future.result()
                except Exception:  # a dead worker; the pair is retried next run
                    yield futures[future], None
            finished = True
        finally:
            if not finished:
                end_workers(pool)


def _run_dask(tasks: list[PairTask], address: Any) -> Iterator[Outcome]:
    """``address``: a scheduler address such as tcp://host:8786, or a dask Client."""
    try:
        from dask.distributed import Client
        from dask.distributed import as_completed as dask_as_completed
    except ImportError:
        raise BatchError("--dask needs Dask: pip install 'collatio[dask]'") from None
    own_client = not isinstance(address, Client)
    try:
        client = Client(address, timeout="20s") if own_client else address  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        futures = client.map(run_pair, tasks, pure=False)
        by_key = {future.key: task for future, task in zip(futures, tasks, strict=True)}
        for future in dask_as_completed(futures):  # type: ignore[no-untyped-call]
            task = by_key[future.key]
            try:
                yield task, future.result()
            except Exception:  # e.g. KilledWorker; retried next run
                yield task, None
            future.release()  # results are on disk now; free the cluster's memory
    finally:
        if own_client:
            client.close()


def run_batch(
    pairs_csv: Path,
    output: Path,
    *,
    jobs: int = 1,
    full: bool = False,
    dask: Any = None,
    retry_errors: bool = False,
    options: dict[str, Any] | None = None,
    progress: IO[str] | None = None,
) -> BatchSummary:
    """Run the pairs not yet in ``output``; ``dask`` is an address or a Client."""
    refused = input_refusal(output, (pairs_csv,))
    if refused:  # the journal is appended to: the pairs list would be spoilt
        raise BatchError(refused)
    tasks = read_pairs(pairs_csv, full=full, options=options)
    if not output.parent.is_dir():
        raise BatchError(f"{output}: folder {output.parent} does not exist")
    done, done_badly, _, _ = recorded(output, retry_errors=retry_errors, options=dict(options or {}),
                                      full=full)
    todo = [t for t in tasks if t.id not in done]
    earlier = [t.id for t in tasks if t.id in done_badly]
    summary = BatchSummary(total=len(tasks), skipped=len(tasks) - len(todo),
                           earlier_errors=len(earlier))
    started = time.perf_counter()
    outcomes: Iterable[Outcome]
    if not todo:
        outcomes = ()
    elif dask is not None:
        outcomes = _run_dask(todo, dask)
    elif jobs > 1:
        outcomes = _run_processes(todo, min(jobs, len(todo)))
    else:
        outcomes = _run_local(todo)
    journal = Journal(output)
    bar = ProgressBar(len(todo), progress)
    try:
        with terminate_as_interrupt():
            for task, record in outcomes:
                if record is None:
                    summary.unrecorded += 1
                    continue
                journal.write(record)
                ok = record["status"] == "ok"
                summary.ok += ok
                if not ok:
                    summary.errors += 1
                    summary.error_ids.append(task.id)
                bar.step(ok)
    except KeyboardInterrupt as stop:
        summary.interrupted = True
        summary.terminated = isinstance(stop, Terminated)
    finally:
        if isinstance(outcomes, Generator):
            outcomes.close()  # ends the workers now, not when the generator is collected
        bar.close()
        journal.close()
        summary.seconds = time.perf_counter() - started
    summary.error_ids.extend(earlier)  # an earlier run's errors are still in the output
    return summary


def configure_parser(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Compare many pairs listed in a CSV (columns id,original,revision; paths relative "
        "to the CSV) and write one JSON line per pair. Re-running resumes where it stopped."
    )
    p.add_argument("pairs", type=Path, help="CSV file with columns id,original,revision")
    p.add_argument("-o", "--output", type=Path, required=True, help="JSON Lines file (appended to)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--full", action="store_true", help="include the whole alignment in each line")
    p.add_argument("--dask", metavar="ADDRESS", default=None, help="run on a Dask cluster, e.g. tcp://host:8786")
    p.add_argument("--retry-errors", action="store_true", help="drop error lines and run those pairs again")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    add_comparison_options(p)


def run_cli(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("collatio: --jobs must be at least 1", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = semantic_problem(args.semantic)
    if problem is not None:
        print(f"collatio: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    options = option_fields(args)
    try:
        summary = run_batch(
            args.pairs,
            args.output,
            jobs=args.jobs,
            full=args.full,
            dask=args.dask,
            retry_errors=args.retry_errors,
            options=options,
            progress=None if args.quiet else sys.stderr,
        )
    except BatchError as exc:
        print(f"collatio: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the output is a folder, on a read-only disk, …
        where = exc.filename or args.output
        print(f"collatio: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not args.quiet:
        print(f"collatio: {summary.line(args.output)}", file=sys.stderr)
        if summary.error_ids:
            shown = ", ".join(summary.error_ids[:10]) + (" …" if len(summary.error_ids) > 10 else "")
            print(f"collatio: failed pairs: {shown} (see the error lines in the output)", file=sys.stderr)
    return summary.exit_code
