"""Speed at scale: time ``compare()`` against difflib and git on the same inputs.

Run by hand, not in CI:

    .venv/bin/python bench/perf.py [--repeat 3] [--max-scale 8] [--skip-difflib]

Inputs are built from real text at run time: the bundled sample pair, and the 147
DEplain-web document pairs concatenated (read from ../shared; the corpus licence allows
evaluation only, so nothing is copied into the repository), ×1, ×2, ×4 and ×8. In ×k
the concatenation appears k times, copy i with its ASCII letters rotated by i places
(the same on both sides): plain repeats would be found by the duplicate-paragraph rule
(collatio.core.roles) and left out of alignment, so only the splitting would scale,
while rotated copies read to the pipeline as more, different text of the same shape. Each
measurement runs in a fresh subprocess so that peak memory (ru_maxrss) belongs to it
alone; times are medians of ``--repeat`` runs because the machine is shared and noisy,
and CPU seconds of the process are printed next to them (less disturbed by other load).
Per-stage times (segment, score, align, diff, quotes, stats) come from compare()'s own
progress callbacks, from the median run, so each stage's owner can see their share.
The scaling exponent k (time ∝ n^k) is fitted on the ×1..×8 compare() times.

May import: the standard library, numpy, and collatio.core.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import itertools
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "deplain-web-manual"
DOC_CSV = "B__Document-level_Corpus/DEplain-web-doc/manual/open/plain-text/test.csv"


def deplain_concatenation(data: Path) -> tuple[str, str]:
    csv.field_size_limit(1 << 30)
    with open(data / DOC_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda r: int(r["pair_id"]))
    return (
        "\n\n".join(r["original"].strip() for r in rows),
        "\n\n".join(r["simplification"].strip() for r in rows),
    )


def _rotated(text: str, places: int) -> str:
    """ASCII letters shifted ``places`` along the alphabet, case kept; all else as it was."""
    if places % 26 == 0:
        return text
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    shift = places % 26
    table = str.maketrans(lower + upper, lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift])
    return text.translate(table)


def scaled_text(text: str, scale: int) -> str:
    """``text`` ``scale`` times over, copy i letter-rotated by i (see the module docstring)."""
    return "\n\n".join(_rotated(text, i) for i in range(scale))


def sample_pair() -> tuple[str, str]:
    samples = ROOT / "assets" / "samples"
    return (
        (samples / "xi-putin-original.txt").read_text(encoding="utf-8"),
        (samples / "xi-putin-rewrite.txt").read_text(encoding="utf-8"),
    )


# ---------------------------------------------------------------- measured in a child
# compare() reports these stage names through ``progress``; the time until the next
# report is that stage's time.
STAGES = {
    "segmenting": "segment",
    "scoring": "similarity",
    "aligning": "align",
    "diffing": "worddiff",
    "checking quotes": "quotes",
    "counting": "stats",
}


def _timed_compare(text_a: str, text_b: str) -> tuple[float, float, dict[str, float]]:
    from collatio.core import compare

    marks: list[tuple[str, float]] = []

    def progress(_fraction: float, stage: str) -> None:
        marks.append((stage, time.perf_counter()))

    cpu, start = time.process_time(), time.perf_counter()
    compare(text_a, text_b, progress=progress)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    stages = {
        STAGES[name]: round(nxt - at, 4)
        for (name, at), (_, nxt) in itertools.pairwise(marks)
        if name in STAGES
    }
    return wall, cpu, stages


def _child(tool: str, path_a: str, path_b: str, repeat: int) -> dict[str, object]:
    text_a = Path(path_a).read_text(encoding="utf-8")
    text_b = Path(path_b).read_text(encoding="utf-8")
    runs: list[tuple[float, float, dict[str, float]]] = []
    if tool == "collatio":
        _timed_compare("Warm-up. Zweiter Satz.", "Warm-up! Zweiter Satz.")  # import-time caches
        runs = [_timed_compare(text_a, text_b) for _ in range(repeat)]
    elif tool == "difflib":
        for _ in range(repeat):
            cpu, start = time.process_time(), time.perf_counter()
            words_a, words_b = text_a.split(), text_b.split()
            list(difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes())
            runs.append((time.perf_counter() - start, time.process_time() - cpu, {}))
    else:
        raise SystemExit(f"unknown tool {tool}")
    runs.sort(key=lambda r: r[0])
    median_run = runs[(len(runs) - 1) // 2]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "median": statistics.median(r[0] for r in runs),
        "min": runs[0][0],
        "cpu": statistics.median(r[1] for r in runs),
        "stages": median_run[2],
        "peak_mb": peak_kb / 1024,
    }


def _git(path_a: Path, path_b: Path, repeat: int) -> dict[str, float]:
    times: list[float] = []
    cmd = ["git", "diff", "--no-index", "--word-diff=porcelain", str(path_a), str(path_b)]
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return {"median": statistics.median(times), "min": min(times), "peak_mb": float("nan")}


def measure(tool: str, path_a: Path, path_b: Path, repeat: int, timeout: float) -> dict[str, Any] | None:
    if tool == "git":
        return _git(path_a, path_b, repeat)
    cmd = [sys.executable, __file__, "--child", tool, str(path_a), str(path_b), "--repeat", str(repeat)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def fit_exponent(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("COLLATIO_DEPLAIN", DEFAULT_DATA)))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-scale", type=int, default=8)
    parser.add_argument("--skip-difflib", action="store_true", help="difflib takes ~30 s at ×1 and grows fast")
    parser.add_argument("--difflib-timeout", type=float, default=600.0)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--timeout", type=float, default=3600.0, help="per compare() measurement")
    parser.add_argument("--child", nargs=3, metavar=("TOOL", "A", "B"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child[0], args.child[1], args.child[2], args.repeat)))
        return 0

    inputs: list[tuple[str, str, str]] = [("sample", *sample_pair())]
    concat_a, concat_b = deplain_concatenation(args.data)
    scale = 1
    while scale <= args.max_scale:
        inputs.append((f"deplain×{scale}", scaled_text(concat_a, scale), scaled_text(concat_b, scale)))
        scale *= 2

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="collatio-perf-") as tmp:
        for name, text_a, text_b in inputs:
            path_a, path_b = Path(tmp) / f"{name}-a.txt", Path(tmp) / f"{name}-b.txt"
            path_a.write_text(text_a, encoding="utf-8")
            path_b.write_text(text_b, encoding="utf-8")
            words = (len(text_a.split()), len(text_b.split()))
            repeat = args.repeat if name == "sample" else max(1, min(args.repeat, 3))
            ours = measure("collatio", path_a, path_b, repeat * (10 if name == "sample" else 1), args.timeout)
            git = measure("git", path_a, path_b, args.repeat, 600)
            base = None
            if not args.skip_difflib and (name == "sample" or name == "deplain×1"):
                base = measure("difflib", path_a, path_b, 1, args.difflib_timeout)
            row: dict[str, Any] = {"input": name, "words": words, "collatio": ours, "git": git, "difflib": base}
            rows.append(row)
            print(_format_row(row), flush=True)

    scaled = [r for r in rows if str(r["input"]).startswith("deplain×") and r["collatio"]]
    exponent = None
    if len(scaled) >= 2:
        sizes = [float(str(r["input"]).split("×")[1]) for r in scaled]
        times = [float(r["collatio"]["median"]) for r in scaled]
        exponent = fit_exponent(sizes, times)
        print(f"\nscaling exponent k (time ∝ n^k, ×1..×{int(sizes[-1])}): {exponent:.2f}")
    print()
    for line in _stage_table(rows):
        print(line)
    print()
    for line in _targets(rows, exponent):
        print(line)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def _format_row(row: dict[str, Any]) -> str:
    ours, git, base = row["collatio"], row["git"], row["difflib"]
    head = f"{row['input']:<12} words a/b {row['words'][0]:>7}/{row['words'][1]:<7}"
    if not isinstance(ours, dict):
        return f"{head} | collatio timed out"
    parts = [
        head,
        f"collatio {ours['median'] * 1000:9.1f} ms (cpu {ours['cpu'] * 1000:9.1f} ms, peak {ours['peak_mb']:6.0f} MB)",
        f"git {git['median'] * 1000:8.1f} ms  ours/git ×{ours['median'] / git['median']:.1f}",
    ]
    if isinstance(base, dict):
        parts.append(f"difflib {base['median']:7.2f} s  ours/difflib {ours['median'] / base['median']:.3f}")
    return " | ".join(parts)


def _stage_table(rows: list[dict[str, Any]]) -> list[str]:
    names = list(STAGES.values())
    lines = ["seconds per stage (median run):", f"{'input':<12} " + " ".join(f"{n:>10}" for n in names)]
    for row in rows:
        ours = row["collatio"]
        if isinstance(ours, dict):
            stages = ours.get("stages", {})
            cells = " ".join(f"{stages.get(n, float('nan')):10.3f}" for n in names)
            lines.append(f"{row['input']:<12} {cells}")
    return lines


def _targets(rows: list[dict[str, Any]], exponent: float | None) -> list[str]:
    """The issue-7 targets, each with the measured value (PASS/FAIL is advisory)."""
    by_name = {str(r["input"]): r for r in rows}
    out = ["targets:"]

    def check(label: str, value: float | None, limit: float, unit: str) -> None:
        if value is None or math.isnan(value):
            out.append(f"  {label:<40} not measured")
            return
        verdict = "PASS" if value <= limit else "FAIL"
        out.append(f"  {label:<40} {value:10.3f} {unit:<3} (≤ {limit:g})  {verdict}")

    x1 = by_name.get("deplain×1")
    sample = by_name.get("sample")
    if sample and isinstance(sample["collatio"], dict):
        check("sample pair after warm-up", sample["collatio"]["median"] * 1000, 50, "ms")
    if x1 and isinstance(x1["collatio"], dict):
        ours = x1["collatio"]["median"]
        check("×1 compare()", ours, 2.0, "s")
        if isinstance(x1["difflib"], dict):
            check("×1 ours / difflib", ours / x1["difflib"]["median"], 0.1, "")
        check("×1 ours / git", ours / x1["git"]["median"], 40, "")
    check("scaling exponent ×1..×8", exponent, 1.2, "")
    x8 = by_name.get("deplain×8")
    if x8 and isinstance(x8["collatio"], dict):
        check("peak memory at ×8", x8["collatio"]["peak_mb"], 1536, "MB")
    return out


if __name__ == "__main__":
    sys.exit(main())
