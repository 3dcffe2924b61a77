"""The ``collatio`` command: a CLI subcommand goes to the core's CLI, anything else opens a window.

``collatio compare …``, ``batch``, ``rank``, ``--help`` and ``--version`` run
``collatio.core.cli.main``; ``collatio A B`` opens the two files, ``collatio FILE.collatio`` a session, ``collatio --sample`` the
bundled sample pair, and ``collatio`` alone an empty window with a hint. PySide6 is imported
only when a window opens (or a PDF export is asked for), so the command line stays fast.

May import at module level: the standard library only. Inside functions: collatio.core.cli,
collatio.gui.{app,pdf_export}.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

CLI_COMMANDS = frozenset({"compare", "batch", "rank", "--help", "-h", "--version"})
WINDOW_USAGE = ("usage: collatio [A B | SESSION.collatio | --sample]  "
                "(or: collatio compare|batch|rank … ; collatio --help)")
SESSION_SUFFIX = ".collatio"  # collatio.core.session.SUFFIX; not imported, to start fast


def is_cli(argv: Sequence[str]) -> bool:
    """Whether the arguments are for the command line rather than the window."""
    return bool(argv) and argv[0] in CLI_COMMANDS


def _pdf_on_demand(comparison: Any, out: Any, page_size: str = "A4") -> None:
    # PDF needs Qt's layout engine: import it only when a PDF is really written, so that
    # `--format pdf` is listed in the help without slowing every command down.
    from . import pdf_export

    pdf_export._export_pdf_cli(comparison, out, page_size)


def run_cli(argv: Sequence[str]) -> int:
    from collatio.core import cli

    cli.EXPORTERS["pdf"] = _pdf_on_demand
    cli.PAGED_EXPORTERS["pdf"] = _pdf_on_demand
    return int(cli.main(list(argv)))


def missing_display() -> str | None:
    """A one-line reason why no window can open here, or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "collatio: no display to open a window on ($DISPLAY and $WAYLAND_DISPLAY are empty). "
        "Run it in a desktop session, under `xvfb-run`, or use `collatio compare A B`."
    )


def window_paths(argv: Sequence[str]) -> tuple[bool, tuple[str, str] | None] | str:
    """Parse window arguments: (sample?, paths) or an error message."""
    args = list(argv)
    if args == ["--sample"]:
        return True, None
    if not args:
        return False, None
    if len(args) == 2 and not any(a.startswith("-") for a in args):
        return False, (args[0], args[1])
    return f"collatio: cannot open {' '.join(args)!r}\n{WINDOW_USAGE}"


def window_session(argv: Sequence[str]) -> str | None:
    """The session file when the only argument is one (``collatio review.collatio``)."""
    args = list(argv)
    if len(args) == 1 and args[0].endswith(SESSION_SUFFIX) and not args[0].startswith("-"):
        return args[0]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if is_cli(args):
        return run_cli(args)
    reason = missing_display()
    if reason is not None:
        print(reason, file=sys.stderr)
        return 2
    session = window_session(args)
    if session is not None:
        from .app import run_window

        return run_window(session=session)
    parsed = window_paths(args)
    if isinstance(parsed, str):
        print(parsed, file=sys.stderr)
        return 2
    sample, paths = parsed
    from .app import run_window

    return run_window(sample=sample, paths=paths)


if __name__ == "__main__":
    sys.exit(main())
