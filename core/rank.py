"""``collatio rank ORIGINAL COPY…``: one original against many copies, ranked by reuse.

Each copy is compared with the original (the copy is the "revision") and the copies are
sorted by how much of the copy is the original word for word (reuse %), then by the
reworded share. Copies that could not be compared are listed last with their message.
A folder given as a copy stands for the files directly inside it.

May import: the standard library and collatio.core.*.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .atomic import input_refusal, same_file, write_output
from .batch import end_workers, process_pool, terminate_as_interrupt
from .cliopts import add_comparison_options, option_fields, semantic_problem
from .exitcodes import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from .export_csv import cell_text
from .load import LoadError, load_text
from .pairjob import PairTask, run_pair


@dataclass(frozen=True, slots=True)
class RankRow:
    rank: int  # 1 = most reuse; errors get 0
    copy: str  # the path as given (or found in a folder)
    status: str  # "ok" | "error"
    reuse_pct: float = 0.0
    reworded_pct: float = 0.0
    added_pct: float = 0.0
    removed_pct: float = 0.0
    added: int = 0  # sentences of the copy not in the original
    removed: int = 0  # sentences of the original not in the copy
    quote_changes: int = 0
    longest_verbatim_words: int = 0
    error: str = ""
    figure_changes: int = 0  # numbers, dates and amounts the copy changed (core.figures)


def expand_copies(original: Path, copies: Sequence[Path]) -> list[Path]:
    """Folders become their visible files (sorted); the original itself is left out."""
    out: list[Path] = []
    for path in copies:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            out.extend(p for p in found if not same_file(p, original))
        else:
            out.append(path)
    return out


def _row(copy: Path, record: dict[str, Any]) -> RankRow:
    if record["status"] != "ok":
        return RankRow(0, str(copy), "error", error=record["error"])
    s = record["statistics"]
    return RankRow(
        0, str(copy), "ok", s["reuse_pct"], s["reworded_pct"], s["added_pct"], s["removed_pct"],
        s["added"], s["removed"], s["quote_changes"], s["longest_verbatim_words"],
        figure_changes=s["figure_changes"],
    )


def _rank_key(row: RankRow) -> tuple[float, float, float, str]:
    # Ties in reuse (e.g. a full copy and an excerpt, both 100 %): the copy that keeps
    # more of the original ranks first, then the one with more reworded text.
    return (-row.reuse_pct, row.removed_pct, -row.reworded_pct, row.copy)


def rank_copies(
    original_path: str | Path,
    copy_paths: Sequence[str | Path],
    *,
    jobs: int = 1,
    options: dict[str, Any] | None = None,
) -> list[RankRow]:
    """Compare each copy with the original; rows sorted by reuse, best first.

    Raises LoadError when the original itself cannot be read (nothing to rank against);
    a copy that cannot be read becomes an error row.
    """
    original = Path(original_path)
    load_text(original)  # fail once, clearly, rather than once per copy
    copies = expand_copies(original, [Path(p) for p in copy_paths])
    fields = dict(options or {})  # CompareOptions fields (see cliopts.option_fields)
    tasks = [PairTask(str(k), str(original), str(c), options=fields) for k, c in enumerate(copies)]
    if jobs > 1 and len(tasks) > 1:
        with process_pool(min(jobs, len(tasks))) as pool, terminate_as_interrupt():
            # Not pool.map: when stopped, it cancels its futures as end_workers starts.
            futures = [pool.submit(run_pair, task) for task in tasks]
            try:
                records = [future.result() for future in futures]
            except KeyboardInterrupt:
                end_workers(pool)
                raise
    else:
        records = [run_pair(t) for t in tasks]
    rows = [_row(c, r) for c, r in zip(copies, records, strict=True)]
    good = sorted((r for r in rows if r.status == "ok"), key=_rank_key)
    bad = [r for r in rows if r.status != "ok"]
    ranked = [RankRow(**{**asdict(r), "rank": k}) for k, r in enumerate(good, start=1)]
    return ranked + bad


def format_table(rows: Sequence[RankRow]) -> str:
    header = f"{'#':>3}  {'reuse':>6}  {'reword':>6}  {'added':>6}  {'remov':>6}  {'+sent':>5}  {'−sent':>5}  {'quote':>5}  {'figs':>4}  copy"
    lines = [header, "-" * len(header)]
    for r in rows:
        if r.status != "ok":
            lines.append(f"{'–':>3}  {'error: ' + r.error}")
            continue
        lines.append(
            f"{r.rank:>3}  {r.reuse_pct:>5.1f}%  {r.reworded_pct:>5.1f}%  {r.added_pct:>5.1f}%  "
            f"{r.removed_pct:>5.1f}%  {r.added:>5}  {r.removed:>5}  {r.quote_changes:>5}  {r.figure_changes:>4}  {r.copy}"
        )
    lines.append("")
    lines.append("reuse/reword/added: % of the copy's text; remov: % of the original's text; "
                 "+sent/−sent: sentences added/removed")
    lines.append("quote/figs: quotations and figures (numbers, dates, amounts) changed")
    return "\n".join(lines) + "\n"


# What a row measures; an error row has no measures (empty in the CSV, null in the JSON),
# so that an average over a column cannot take in a copy that was never compared.
_MEASURES = ("rank", "reuse_pct", "reworded_pct", "added_pct", "removed_pct", "added", "removed",
             "quote_changes", "longest_verbatim_words", "figure_changes")


def _record(r: RankRow) -> dict[str, Any]:
    record = asdict(r)
    if r.status == "error":
        record.update(dict.fromkeys(_MEASURES))
    return record


def format_csv(rows: Sequence[RankRow]) -> str:
    buffer = io.StringIO()
    fields = list(RankRow.__dataclass_fields__)
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for r in rows:
        record = _record(r)
        record["copy"], record["error"] = cell_text(r.copy), cell_text(r.error)
        writer.writerow(record)
    return buffer.getvalue()


def format_json(rows: Sequence[RankRow]) -> str:
    return json.dumps([_record(r) for r in rows], ensure_ascii=False, indent=1) + "\n"


FORMATS = {"table": format_table, "csv": format_csv, "json": format_json}


def configure_parser(p: argparse.ArgumentParser) -> None:
    p.description = "Compare one original with many copies and rank the copies by reuse."
    p.add_argument("original", type=Path)
    p.add_argument("copies", type=Path, nargs="+", help="copy files, or folders of copies")
    p.add_argument("--format", "-f", default="table", choices=sorted(FORMATS))
    p.add_argument("-o", "--output", type=Path, default=None, help="write to FILE instead of stdout")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    add_comparison_options(p)


def run_cli(args: argparse.Namespace) -> int:
    problem = semantic_problem(args.semantic)
    if problem is not None:
        print(f"collatio: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    refused = args.output and input_refusal(args.output, (args.original, *args.copies))
    if refused:
        print(f"collatio: {refused}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        rows = rank_copies(args.original, args.copies, jobs=max(1, args.jobs),
                           options=option_fields(args))
    except LoadError as exc:
        print(f"collatio: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not rows:
        print("collatio: no copies to rank (the folders are empty?)", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = FORMATS[args.format](rows)
    try:
        write_output(text, args.output)
    except BrokenPipeError:
        raise  # the reader of our output went away (`| head`): cli.main exits 141
    except OSError as exc:
        print(f"collatio: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if any(r.status != "ok" for r in rows) else EXIT_OK
