"""The window at scale: first paint and next-change jumps on the DEplain ×1 concatenation.

Run by hand, not in CI (offscreen by default; ``xvfb-run -a`` works too):

    .venv/bin/python bench/gui_scale.py [--scale 1] [--jumps 100] [--recompute]

The comparison is computed once and pickled in the temporary folder (keyed by the
inputs and the core's code), so runs measure the window only. Measured from outside
the GUI code:

* first paint: ``MainWindow.show_comparison`` (text documents, aligner, reader), the
  event-loop turns until the documents are staged (built in slices, ``gui/staging.py``)
  and one synchronous repaint of the window, after the comparison is ready. As in the app,
  the comparison job's worker part (rewrite anchors, rows, cell plans, changes,
  corrections: ``prepare``) is done first, here on this thread, and reported apart as
  "worker"; without it (older code) the window does it all on the UI thread;
* aligned: for older code, whose row aligner padded a long comparison in chunks after
  the first screens, the time until its last chunk; and the longest event-loop turn from
  the call on, through the next two seconds (how long the window may not respond: Qt
  also lays a shown document out lazily, in steps of its own);
* next-change jumps: ``Reader.go(forward=True)`` (what Alt+Down does), each followed by
  a synchronous repaint of both panes; median, 95th percentile and worst;
* if the window has no next-change navigation, scroll steps of the A pane instead.

The inputs are read from ../shared at run time (see bench/perf.py); nothing is copied.

May import: the standard library, PySide6, collatio.core, collatio.gui and bench.perf.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from perf import DEFAULT_DATA, deplain_concatenation, sample_pair, scaled_text


def _inputs(name: str, data: Path, scale: int) -> tuple[str, str]:
    if name == "sample":
        return sample_pair()
    a, b = deplain_concatenation(data)
    return scaled_text(a, scale), scaled_text(b, scale)


def _comparison(text_a: str, text_b: str, recompute: bool) -> tuple[Any, float | None]:
    """The comparison, from the pickle cache when it is there (and the seconds it took)."""
    from collatio.core import compare

    # Keyed by the inputs and the core's code: a comparison pickled by older code may lack
    # fields the window now reads.
    digest = hashlib.sha1((text_a + "\0" + text_b).encode("utf-8"))
    core = Path(__file__).resolve().parent.parent / "core"
    for source in sorted(core.rglob("*.py")):
        digest.update(source.read_bytes())
    key = digest.hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"collatio-gui-scale-{key}.pkl"
    if cache.exists() and not recompute:
        with open(cache, "rb") as handle:
            return pickle.load(handle), None
    start = time.perf_counter()
    comparison = compare(text_a, text_b)
    took = time.perf_counter() - start
    with open(cache, "wb") as handle:
        pickle.dump(comparison, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return comparison, took


SETTLE_S = 2.0  # seconds of event-loop turns measured after the first paint


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(name: str, comparison: Any, jumps: int) -> dict[str, Any]:
    from collatio.gui.window import MainWindow
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["collatio-gui-scale"])
    # A private, empty preferences folder: the bench must not read or write the user's.
    settings = tempfile.mkdtemp(prefix="collatio-gui-scale-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    for _ in range(5):
        app.processEvents()

    from collatio.gui import window as window_module

    prepare = getattr(window_module, "prepare", None)
    prepared, worker_s = None, float("nan")
    if prepare is not None:  # what the comparison job does off the UI thread
        t = time.perf_counter()
        prepared = prepare(comparison, window.view_state(), window.overrides)
        worker_s = time.perf_counter() - t

    start = time.perf_counter()
    if prepared is None:
        window.show_comparison(comparison)
    else:
        window.show_compared(prepared)
    shown = time.perf_counter()
    turns: list[float] = [shown - start]
    # The window builds a long comparison's documents in slices, one per event-loop turn
    # (gui/staging.py); older code aligned its rows in chunks after the first paint.
    stager: Any = getattr(window, "stager", None)
    while stager is not None and stager.busy and len(turns) < 100_000:
        t = time.perf_counter()
        app.processEvents()
        turns.append(time.perf_counter() - t)
    app.processEvents()
    window.repaint()
    painted = time.perf_counter()

    aligner: Any = getattr(window, "aligner", None)
    while aligner is not None and not getattr(aligner, "complete", True) and len(turns) < 1000:
        t = time.perf_counter()
        app.processEvents()
        turns.append(time.perf_counter() - t)
    aligned = time.perf_counter()
    # Qt lays a shown document out again lazily, in steps of its own on later turns: keep
    # the event loop turning for a while and count those turns too.
    settle_end = time.perf_counter() + SETTLE_S
    while time.perf_counter() < settle_end:
        t = time.perf_counter()
        app.processEvents()
        turns.append(time.perf_counter() - t)
        time.sleep(0.002)

    result: dict[str, Any] = {
        "aligned_s": aligned - start,
        "longest_turn_s": max(turns, default=0.0),
        "input": name,
        "rows": len(window.rows),
        "show_comparison_s": shown - start,
        "first_paint_s": painted - start,
        "worker_s": worker_s,
    }
    reader: Any = getattr(window, "reader", None)
    go = getattr(reader, "go", None)
    panes = [window.panes[side].view.viewport() for side in window.panes]
    steps: list[float] = []
    if callable(go):
        changes = len(reader.nav_items()) if hasattr(reader, "nav_items") else -1
        result["what"] = f"next-change jumps (Reader.go), {changes} changes"
        for _ in range(jumps):
            t = time.perf_counter()
            go(True)
            app.processEvents()
            for viewport in panes:
                viewport.repaint()
            steps.append(time.perf_counter() - t)
    else:
        result["what"] = "scroll steps of the A pane (no next-change navigation found)"
        bar = next(iter(window.panes.values())).view.verticalScrollBar()
        for _ in range(jumps):
            t = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            app.processEvents()
            for viewport in panes:
                viewport.repaint()
            steps.append(time.perf_counter() - t)
    result["steps"] = len(steps)
    result["step_median_ms"] = statistics.median(steps) * 1000 if steps else float("nan")
    result["step_p95_ms"] = _percentile(steps, 0.95) * 1000 if steps else float("nan")
    result["step_max_ms"] = max(steps) * 1000 if steps else float("nan")
    window.cancel()
    window.runner.wait(3000)
    window.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("COLLATIO_DEPLAIN", DEFAULT_DATA)))
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--jumps", type=int, default=100)
    parser.add_argument("--recompute", action="store_true", help="ignore the pickled comparison")
    parser.add_argument("--skip-sample", action="store_true")
    args = parser.parse_args(argv)

    names = ([] if args.skip_sample else ["sample"]) + [f"deplain×{args.scale}"]
    for name in names:
        text_a, text_b = _inputs("sample" if name == "sample" else "deplain", args.data, args.scale)
        comparison, took = _comparison(text_a, text_b, args.recompute)
        computed = f"computed in {took:.1f} s" if took is not None else "from the pickle cache"
        result = measure(name, comparison, args.jumps)
        print(
            f"{name:<11} rows {result['rows']:>6} ({computed}) | "
            f"first paint {result['first_paint_s'] * 1000:8.1f} ms "
            f"(show_comparison {result['show_comparison_s'] * 1000:8.1f} ms; "
            f"worker {result['worker_s'] * 1000:6.1f} ms; aligned {result['aligned_s'] * 1000:7.1f} ms, "
            f"longest turn {result['longest_turn_s'] * 1000:6.1f} ms) | "
            f"{result['steps']} {result['what']}: median {result['step_median_ms']:6.1f} ms, "
            f"p95 {result['step_p95_ms']:6.1f} ms, max {result['step_max_ms']:6.1f} ms",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
