"""Measure the reader on a big comparison: first paint, next-change jumps, paint times.

Input: the 147 DEplain-web test originals concatenated (A) against their simplifications
(B), read at run time from the benchmark folder (never copied into the repository):
``B__Document-level_Corpus/DEplain-web-doc/manual/open/plain-text/test.csv``, columns
``original``/``simplification``. ``compare()`` on it takes a while, so the Comparison is
cached with pickle (default /tmp/collatio-deplain-comparison.pkl; --fresh recomputes).

Usage: QT_QPA_PLATFORM=offscreen python bench/gui_reader.py [--data DIR] [--fresh]
Prints: compare time (or "cached"), time to first paint after the comparison is ready,
mean/max of 100 next-change jumps (selection, scrolling, repaint of both panes, gutter
and map), and the mean paint time of the gutter and of the overview map (cached layer).
"""

from __future__ import annotations

import argparse
import csv
import pickle
import statistics
import sys
import time
from pathlib import Path

csv.field_size_limit(1 << 30)
ROOT = Path(__file__).resolve().parent.parent
CSV = Path("B__Document-level_Corpus/DEplain-web-doc/manual/open/plain-text/test.csv")
CACHE = Path("/tmp/collatio-deplain-comparison.pkl")


def load_pair(data: Path) -> tuple[str, str]:
    with (data / CSV).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return ("\n\n".join(r["original"].strip() for r in rows),
            "\n\n".join(r["simplification"].strip() for r in rows))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "benchmarks"
                                              / "deplain-web-manual"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--jumps", type=int, default=100)
    args = parser.parse_args(argv[1:])

    from collatio.core import compare
    from collatio.core.model import Comparison

    if CACHE.exists() and not args.fresh:
        comparison: Comparison = pickle.loads(CACHE.read_bytes())
        print(f"comparison: cached ({CACHE})")
    else:
        a, b = load_pair(Path(args.data))
        started = time.perf_counter()
        comparison = compare(a, b)
        print(f"comparison: {time.perf_counter() - started:.1f} s "
              f"({len(a):,} / {len(b):,} characters)")
        CACHE.write_bytes(pickle.dumps(comparison))
    print(f"  {len(comparison.a.sentences)} / {len(comparison.b.sentences)} sentences, "
          f"{len(comparison.links)} links")

    from collatio.gui.app import application
    from collatio.gui.window import MainWindow
    from PySide6.QtCore import QEventLoop, QTimer

    app = application()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    from collatio.gui.marks import prepare_rewrites

    started = time.perf_counter()
    prepare_rewrites(comparison)  # what the comparison job does in the worker thread
    print(f"rewrite anchors (worker thread): {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    window.show_comparison(comparison)
    window.repaint()  # paints synchronously: panes, gutter, overview
    first_paint = time.perf_counter() - started
    print(f"first paint after the comparison is ready: {first_paint * 1000:.0f} ms "
          f"({len(window.rows)} rows, {len(window.reader.changes)} changes)")

    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)
    settle.exec()

    reader = window.reader
    times = []
    for _ in range(args.jumps):
        t0 = time.perf_counter()
        reader.go(True)
        for pane in window.panes.values():
            pane.view.viewport().repaint()
        reader.gutter.repaint()
        reader.overview.repaint()
        times.append(time.perf_counter() - t0)
    print(f"next change ×{args.jumps}: mean {statistics.mean(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms")

    def timed(widget: object, n: int = 50) -> float:
        samples = []
        for _ in range(n):
            t0 = time.perf_counter()
            widget.repaint()  # type: ignore[attr-defined]
            samples.append(time.perf_counter() - t0)
        return statistics.mean(samples) * 1000

    print(f"gutter repaint: {timed(reader.gutter):.2f} ms, of which paintEvent "
          f"{reader.gutter.last_paint_ms:.2f} ms ({reader.gutter.last_paint_count} bands "
          f"of {len(reader.gutter.bands)})")
    renders = reader.overview.renders
    print(f"overview paint (cached layer): {timed(reader.overview):.2f} ms; "
          f"re-renders during it: {reader.overview.renders - renders}")
    reader.overview.set_changes(reader.changes, window.aligner.tops[0], window.aligner.totals[0])
    t0 = time.perf_counter()
    reader.overview.repaint()
    print(f"overview layer render: {(time.perf_counter() - t0) * 1000:.2f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
