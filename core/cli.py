"""The command line: ``collatio compare A B --format text|json|html|csv|pdf``, ``batch``, ``rank``.

Bad input never ends in a traceback: a ``LoadError`` prints one line naming the file
and the reason, and the exit code is 2. Output formats are a registry
(``EXPORTERS``) so that a front end may add formats the core cannot build itself
(the GUI adds PDF, which needs Qt, before it calls ``main``: see gui/pdf_export.py).
Subcommands other than ``compare`` live in their own modules (collatio.core.batch,
collatio.core.rank) and are listed in ``SUBCOMMANDS``.

May import: the standard library and collatio.core.*.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import batch, rank
from .atomic import input_refusal, write_output
from .cliopts import add_comparison_options, option_fields, semantic_problem
from .compare import compare_loaded
from .exitcodes import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SIGPIPE,
    EXIT_TERMINATED,
)
from .export_csv import export_csv
from .export_html import export_html
from .jsonio import collatio_version
from .load import LoadError, load_text
from .model import Comparison, Outcome
from .options import CompareOptions
from .textreport import text_report

# format name → function writing the comparison to a path (or to stdout for None).
Exporter = Callable[[Comparison, Path | None], None]
EXPORTERS: dict[str, Exporter] = {}
# Formats laid out on pages also take the page size (``--page-size``); a front end that
# registers one here registers it in EXPORTERS too, so that it is listed.
PagedExporter = Callable[[Comparison, Path | None, str], None]
PAGED_EXPORTERS: dict[str, PagedExporter] = {}
PAGE_SIZES = ("A4", "Letter")
BINARY_FORMATS = {"pdf"}  # never written to a terminal
# Formats that only a front end can add, and what to tell the user when it has not.
NEEDS_FRONT_END = {
    "pdf": "PDF export needs the GUI package (PySide6): run it through the `collatio` "
    "command, or export HTML (--format html) and print that to PDF",
}
# subcommand name → (configure parser, run) pairs added by other core modules.
SUBCOMMANDS: dict[
    str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
] = {}


def _export_json(comparison: Comparison, out: Path | None, with_text: bool = False) -> None:
    write_output(json.dumps(comparison.to_json(with_text=with_text), ensure_ascii=False, indent=1), out)


def _export_text(comparison: Comparison, out: Path | None) -> None:
    write_output(text_report(comparison), out)


def _export_html(comparison: Comparison, out: Path | None) -> None:
    write_output(export_html(comparison), out)


def _export_csv(comparison: Comparison, out: Path | None) -> None:
    write_output(export_csv(comparison), out)


EXPORTERS["json"] = _export_json
EXPORTERS["text"] = _export_text
EXPORTERS["html"] = _export_html
EXPORTERS["csv"] = _export_csv
SUBCOMMANDS["batch"] = (batch.configure_parser, batch.run_cli)
SUBCOMMANDS["rank"] = (rank.configure_parser, rank.run_cli)
SUBCOMMAND_HELP = {
    "batch": "compare many pairs from a CSV into a resumable JSON Lines file",
    "rank": "rank copies of one original by how much of it they reuse",
}


def write_export(
    comparison: Comparison, path: str | Path, fmt: str, *, page_size: str = "A4"
) -> None:
    """Write ``comparison`` to ``path`` in format ``fmt`` (text, json, html, csv, pdf…).

    The GUI's File > Export calls this; raises ValueError for a format nobody
    registered or a target that is one of the inputs, and OSError when the file cannot
    be written (the old file stays intact).
    """
    refused = input_refusal(path, (comparison.a.source, comparison.b.source))
    if refused:
        raise ValueError(refused)
    if fmt in PAGED_EXPORTERS:
        PAGED_EXPORTERS[fmt](comparison, Path(path), page_size)
        return
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ValueError(NEEDS_FRONT_END.get(fmt, f"unknown format {fmt!r}"))
    exporter(comparison, Path(path))


def _add_compare(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("compare", help="compare two texts and print or export the alignment")
    p.add_argument("original", type=Path)
    p.add_argument("revision", type=Path)
    p.add_argument(
        "--format", "-f", default=None,
        help="output format: " + ", ".join(sorted(EXPORTERS)) + " (default: from the suffix of "
        "-o FILE, else text)",
    )
    p.add_argument(
        "-o", "--output", type=Path, default=None, help="write to FILE instead of stdout"
    )
    add_comparison_options(p)
    p.add_argument("--with-text", action="store_true",
                   help="json: also write each side's decoded text, which the offsets point into")
    p.add_argument(
        "--page-size", default="A4", choices=PAGE_SIZES, help="paper for paged formats (pdf)"
    )


def _options(args: argparse.Namespace) -> CompareOptions:
    return CompareOptions(**option_fields(args))


# The format a file name asks for when --format is not given ("-o report.json").
SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html",
                  ".pdf": "pdf", ".txt": "text"}


def format_for(fmt: str | None, output: Path | None) -> str:
    """--format if given, else the one the output's suffix names, else the text report."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower() if output is not None else ""
    return SUFFIX_FORMATS.get(suffix, "text")


def run_compare(args: argparse.Namespace) -> int:
    args.format = format_for(args.format, args.output)
    exporter = EXPORTERS.get(args.format)
    if exporter is None and args.format in NEEDS_FRONT_END:
        print(f"collatio: {NEEDS_FRONT_END[args.format]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if exporter is None:
        print(
            f"collatio: unknown format {args.format!r} (choose from {', '.join(sorted(EXPORTERS))})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.with_text and args.format != "json":
        print("collatio: --with-text is for --format json", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output is None and args.format in BINARY_FORMATS:
        print(
            f"collatio: {args.format} is a binary format: give an output file with -o FILE",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    problem = semantic_problem(args.semantic)
    if problem is not None:
        print(f"collatio: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output is not None and not args.output.parent.is_dir():  # before the comparison
        print(f"collatio: {args.output}: folder {args.output.parent} does not exist", file=sys.stderr)
        return EXIT_BAD_INPUT
    refused = args.output and input_refusal(args.output, (args.original, args.revision))
    if refused:  # before the comparison: it may take a while
        print(f"collatio: {refused}", file=sys.stderr)
        return EXIT_BAD_INPUT
    options = _options(args)
    try:
        a = load_text(args.original, max_bytes=options.max_file_bytes)
        b = load_text(args.revision, max_bytes=options.max_file_bytes)
    except LoadError as exc:
        print(f"collatio: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    comparison = compare_loaded(a, b, presegmented=args.presegmented, options=options)
    if comparison.outcome is not Outcome.COMPLETED:
        print(f"collatio: {comparison.message}", file=sys.stderr)
        # Skipped: an input over the size limit is bad input, as an unreadable one is.
        return EXIT_BAD_INPUT if comparison.outcome is Outcome.SKIPPED else EXIT_FAILED
    try:
        paged = PAGED_EXPORTERS.get(args.format)
        if paged is not None:
            paged(comparison, args.output, args.page_size)
        elif args.format == "json":
            _export_json(comparison, args.output, args.with_text)
        else:
            exporter(comparison, args.output)
    except BrokenPipeError:
        raise  # the reader of our output went away (`| head`): see main
    except OSError as exc:
        print(f"collatio: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="collatio",
        description="Compare two versions of an article sentence by sentence. "
        "Without a subcommand, `collatio A B` opens the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"collatio {collatio_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_compare(sub)
    for name, (configure, _) in SUBCOMMANDS.items():
        configure(sub.add_parser(name, help=SUBCOMMAND_HELP.get(name)))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        if args.command == "compare":
            return run_compare(args)
        _, run = SUBCOMMANDS[args.command]
        return run(args)
    except BrokenPipeError:
        # `collatio compare … | head`: the reader has all it wanted. Say nothing, as
        # Unix tools do, and point stdout at /dev/null so the flush at exit is quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_SIGPIPE
    except KeyboardInterrupt as stop:  # Ctrl-C (or a batch's SIGTERM) outside a batch's own loop
        print("collatio: interrupted", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(stop, batch.Terminated) else EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
