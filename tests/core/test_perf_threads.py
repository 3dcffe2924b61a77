"""compare() is safe to run from several threads at once (Dask runs tasks in threads).

Batch runs and the window's worker may compare in parallel threads; any state shared
between comparisons (a segmenter, a cache, a paused garbage collector) must not let one
comparison's text leak into another's. The result of a comparison must not depend
on what else runs in the process.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from collatio.core import compare

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


def _sample_json() -> str:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return json.dumps(compare(a, b).to_json(), sort_keys=True)


def test_compare_in_four_threads_matches_a_single_run() -> None:
    expected = _sample_json()
    results: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work() -> None:
        try:
            start.wait()
            for _ in range(2):
                results.append(_sample_json())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 8
    assert all(r == expected for r in results), sum(r != expected for r in results)
