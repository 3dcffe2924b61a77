"""Open the sample pair in a real window at 1400×900, wait for the comparison, save a PNG.

Usage: ``python scripts/screenshot.py [OUT.png]`` (default docs/screenshots/main.png).
Works with ``QT_QPA_PLATFORM=offscreen`` and under Xvfb (``xvfb-run -a``). Prints how long
the comparison took and how long the window took to show its result.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from collatio.gui.app import application, open_window
from PySide6.QtCore import QEventLoop, QSettings, QTimer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots" / "main.png"
TIMEOUT_MS = 30_000


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    app = application()
    # A screenshot shows the defaults, not whatever theme or zoom this user last chose.
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="collatio-shot-")
    )
    started = time.perf_counter()
    window = open_window(sample=False)
    window.resize(1400, 900)  # the offscreen "screen" is small; the README wants this size
    loop = QEventLoop()
    outcome: list[str] = []

    def ended(value: str) -> None:
        outcome.append(value)
        loop.quit()

    window.run_ended.connect(ended)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    window.open_sample()
    loop.exec()
    if outcome != ["completed"]:
        print(f"screenshot: the comparison did not complete ({outcome or 'timeout'})",
              file=sys.stderr)
        return 1
    # Let pending layout and the debounced re-alignment settle before grabbing.
    settle = QEventLoop()
    QTimer.singleShot(400, settle.quit)
    settle.exec()
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
