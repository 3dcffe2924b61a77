"""Screenshots of the main states of the window, for docs/screenshots/.

Usage: ``python scripts/screenshots.py [FOLDER]`` under Xvfb (``xvfb-run -a``) or with
``QT_QPA_PLATFORM=offscreen``. Opens the sample pair at 1400×900 and saves:

- ``main-light.png``, ``main-dark.png``, ``main-high-contrast.png``: the three themes;
- ``main-changes-only.png``: View ▸ Show changes only (skipped if that option is absent);
- ``main-moved-selected.png``: a link marked as moved by the reader, selected, with the
  Statistics dock open.

Preferences are kept in a temporary folder: the user's settings are neither read nor changed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from collatio.core.overrides import mark_moved, refs
from collatio.gui.app import application
from collatio.gui.themes import ThemeChoice
from collatio.gui.window import MainWindow
from PySide6.QtCore import QEventLoop, QSettings, QTimer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 30_000


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def private_settings() -> None:
    """Keep preferences in a temporary folder: shots show the defaults, the user's settings stay."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="collatio-shots-"))


def run_and_wait(window: MainWindow, start: object) -> bool:
    loop = QEventLoop()
    outcome: list[str] = []

    def ended(value: str) -> None:
        outcome.append(value)
        loop.quit()

    window.run_ended.connect(ended)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    start()  # type: ignore[operator]
    loop.exec()
    window.run_ended.disconnect(ended)
    return outcome == ["completed"]


def save(window: MainWindow, folder: Path, name: str) -> None:
    wait(400)  # layout, row alignment and the overview settle
    out = folder / name
    if not window.grab().save(str(out)):
        raise SystemExit(f"screenshots: cannot write {out}")
    print(f"saved {out}")


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    app = application()
    private_settings()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    started = time.perf_counter()
    if not run_and_wait(window, window.open_sample):
        print("screenshots: the comparison did not complete", file=sys.stderr)
        return 1
    print(f"sample compared and shown in {(time.perf_counter() - started) * 1000:.0f} ms")
    view = window.comforts.view
    for choice, name in ((ThemeChoice.LIGHT, "main-light.png"), (ThemeChoice.DARK, "main-dark.png"),
                         (ThemeChoice.HIGH_CONTRAST, "main-high-contrast.png")):
        t = time.perf_counter()
        view.set_theme(choice)
        print(f"theme {choice.value}: restyled in {(time.perf_counter() - t) * 1000:.0f} ms")
        save(window, folder, name)
    view.set_theme(ThemeChoice.LIGHT)

    reader = getattr(window, "reader", None)
    changes_only = getattr(reader, "changes_only_action", None)
    if changes_only is not None:
        changes_only.setChecked(True)
        window._render()
        save(window, folder, "main-changes-only.png")
        changes_only.setChecked(False)
        window._render()
    else:
        print("screenshots: no 'changes only' option yet; skipped")

    comparison = window.comparison
    assert comparison is not None
    # A reworded 1:1 link a little way down, marked as moved by the reader, then selected.
    link = next(lk for lk in comparison.links[4:] if len(lk.a) == 1 and len(lk.b) == 1)
    window.overrides = mark_moved(window.overrides, refs(comparison.a, link.a),
                                  refs(comparison.b, link.b), True)
    if not run_and_wait(window, window.recompare):
        print("screenshots: the re-run did not complete", file=sys.stderr)
        return 1
    view.stats.show()
    if reader is not None:
        row = next(k for k, r in enumerate(reader.rows) if r.link is not None
                   and window.comparison is not None
                   and window.comparison.link(r.link).a == link.a)
        reader.select_row(row)
    save(window, folder, "main-moved-selected.png")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
