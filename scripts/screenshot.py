"""Open the sample pair in a real window at 1400×900, wait for the comparison, save a PNG.

Usage: ``python scripts/screenshot.py [OUT.png]`` (default docs/screenshots/main.png).
Works with ``QT_QPA_PLATFORM=offscreen`` and under Xvfb (``xvfb-run -a``). Prints how long
the comparison took and how long the window took to show its result. The waiting and the
private settings come from scripts/screenshots.py, which shoots the other states.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ is not a package

from collatio.gui.app import application, open_window
from screenshots import private_settings, run_and_wait, wait

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots" / "main.png"


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    app = application()
    private_settings()
    started = time.perf_counter()
    window = open_window(sample=False)
    window.resize(1400, 900)  # the offscreen "screen" is small; the README wants this size
    if not run_and_wait(window, window.open_sample):
        print("screenshot: the comparison did not complete", file=sys.stderr)
        return 1
    wait(400)  # pending layout and the debounced re-alignment settle before grabbing
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"screenshot: cannot write {out}", file=sys.stderr)
        return 1
    timings = window.timings
    print(
        f"saved {out} ({window.width()}×{window.height()}); "
        f"compare {timings.get('compute', 0) * 1000:.0f} ms, "
        f"result to painted {timings.get('paint', 0) * 1000:.0f} ms, "
        f"total {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
