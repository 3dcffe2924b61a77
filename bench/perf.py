"""Speed at scale: time ``compare()`` against difflib and git on the same inputs.

Run by hand, not in CI:

    .venv/bin/python bench/perf.py [--repeat 3] [--max-scale 8] [--skip-difflib]

Inputs are built from real text at run time: the bundled sample pair, and the 147
DEplain-web document pairs concatenated (read from ../shared; the corpus licence allows
evaluation only, so nothing is copied into the repository), ×1, ×2, ×4 and ×8. Each
measurement runs in a fresh subprocess so that peak memory (ru_maxrss) belongs to it
alone; times are medians of ``--repeat`` runs because the machine is shared and noisy.
The scaling exponent k (time ∝ n^k) is fitted on the ×1..×8 compare() times.

May import: the standard library, numpy, and collatio.core.
"""

from __future__ import annotations

import argparse
import csv
import difflib
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


def sample_pair() -> tuple[str, str]:
    samples = ROOT / "assets" / "samples"
    return (
        (samples / "xi-putin-original.txt").read_text(encoding="utf-8"),
        (samples / "xi-putin-rewrite.txt").read_text(encoding="utf-8"),
    )


# ---------------------------------------------------------------- measured in a child
def _child(tool: str, path_a: str, path_b: str, repeat: int) -> dict[str, float]:
    text_a = Path(path_a).read_text(encoding="utf-8")
    text_b = Path(path_b).read_text(encoding="utf-8")
    times: list[float] = []
    if tool == "collatio":
        from collatio.core import compare

        compare("Warm-up.", "Warm-up!")  # import-time caches (pysbd, stemmer)
        for _ in range(repeat):
            start = time.perf_counter()
            compare(text_a, text_b)
            times.append(time.perf_counter() - start)
    elif tool == "difflib":
        for _ in range(repeat):
            start = time.perf_counter()
            words_a, words_b = text_a.split(), text_b.split()
            list(difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes())
            times.append(time.perf_counter() - start)
    else:
        raise SystemExit(f"unknown tool {tool}")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"median": statistics.median(times), "min": min(times), "peak_mb": peak_kb / 1024}


def _git(path_a: Path, path_b: Path, repeat: int) -> dict[str, float]:
    times: list[float] = []
    cmd = ["git", "diff", "--no-index", "--word-diff=porcelain", str(path_a), str(path_b)]
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return {"median": statistics.median(times), "min": min(times), "peak_mb": float("nan")}


def measure(tool: str, path_a: Path, path_b: Path, repeat: int, timeout: float) -> dict[str, float] | None:
    if tool == "git":
        return _git(path_a, path_b, repeat)
    cmd = [sys.executable, __file__, "--child", tool, str(path_a), str(path_b), "--repeat", str(repeat)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
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
    parser.add_argument("--child", nargs=3, metavar=("TOOL", "A", "B"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child[0], args.child[1], args.child[2], args.repeat)))
        return 0

    inputs: list[tuple[str, str, str]] = [("sample", *sample_pair())]
    concat_a, concat_b = deplain_concatenation(args.data)
    scale = 1
    while scale <= args.max_scale:
        inputs.append((f"deplain×{scale}", "\n\n".join([concat_a] * scale), "\n\n".join([concat_b] * scale)))
        scale *= 2

    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="collatio-perf-") as tmp:
        for name, text_a, text_b in inputs:
            path_a, path_b = Path(tmp) / f"{name}-a.txt", Path(tmp) / f"{name}-b.txt"
            path_a.write_text(text_a, encoding="utf-8")
            path_b.write_text(text_b, encoding="utf-8")
            words = (len(text_a.split()), len(text_b.split()))
            repeat = args.repeat if name == "sample" else max(1, min(args.repeat, 3))
            ours = measure("collatio", path_a, path_b, repeat * (10 if name == "sample" else 1), 3600)
            git = measure("git", path_a, path_b, args.repeat, 600)
            base = None
            if not args.skip_difflib and (name == "sample" or name == "deplain×1"):
                base = measure("difflib", path_a, path_b, 1, args.difflib_timeout)
            row: dict[str, object] = {"input": name, "words": words, "collatio": ours, "git": git, "difflib": base}
            rows.append(row)
            print(_format_row(row), flush=True)

    scaled = [r for r in rows if str(r["input"]).startswith("deplain×") and r["collatio"]]
    if len(scaled) >= 2:
        sizes = [float(str(r["input"]).split("×")[1]) for r in scaled]
        times = [float(r["collatio"]["median"]) for r in scaled]  # type: ignore[index]
        print(f"\nscaling exponent k (time ∝ n^k, ×1..×{int(sizes[-1])}): {fit_exponent(sizes, times):.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def _format_row(row: dict[str, object]) -> str:
    ours = row["collatio"]
    git = row["git"]
    base = row["difflib"]
    assert isinstance(ours, dict) and isinstance(git, dict)
    parts = [
        f"{row['input']:<12} words a/b {row['words'][0]:>7}/{row['words'][1]:<7}",  # type: ignore[index]
        f"collatio {ours['median'] * 1000:9.1f} ms (peak {ours['peak_mb']:6.0f} MB)",
        f"git {git['median'] * 1000:8.1f} ms  ratio ×{ours['median'] / git['median']:.1f}",
    ]
    if isinstance(base, dict):
        parts.append(f"difflib {base['median']:7.2f} s  ours/difflib {ours['median'] / base['median']:.3f}")
    return " | ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
