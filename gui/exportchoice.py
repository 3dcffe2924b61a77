"""What File ▸ Export offers and decides, as pure functions (no Qt, no display needed).

The formats and their file-dialog filters (``EXPORT_FORMATS``); which format a chosen path
means (``choose_format``: its suffix if it names a format, else the dialog's filter, whose
suffix is then added); the name suggested for a comparison (``suggested_name``); and why a
path is refused (``refusal``: Collatio never writes to an input file).

May import: the standard library and collatio.core (its atomic writer decides about inputs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from collatio.core import Comparison
from collatio.core.atomic import input_refusal


@dataclass(frozen=True)
class ExportFormat:
    key: str  # collatio.core.cli's format name
    label: str
    suffix: str

    @property
    def filter(self) -> str:
        return f"{self.label} (*{self.suffix})"


EXPORT_FORMATS = (
    ExportFormat("html", "HTML report", ".html"),
    ExportFormat("pdf", "PDF report", ".pdf"),
    ExportFormat("csv", "CSV table, one row per link or sentence", ".csv"),
    ExportFormat("json", "JSON alignment, with offsets", ".json"),
    ExportFormat("text", "Text summary", ".txt"),
)
_BY_SUFFIX = {f.suffix: f for f in EXPORT_FORMATS} | {".htm": EXPORT_FORMATS[0]}
FILTERS = ";;".join(f.filter for f in EXPORT_FORMATS)


def format_of_filter(selected_filter: str) -> ExportFormat:
    """The format of a filter the dialog returned (the first format for an unknown one)."""
    return next((f for f in EXPORT_FORMATS if f.filter == selected_filter), EXPORT_FORMATS[0])


def choose_format(path: str, selected_filter: str) -> tuple[ExportFormat, Path]:
    """The format ``path`` asks for, and the path to write.

    A suffix that names a format wins over the filter (typing "report.pdf" while the
    HTML filter is selected means PDF); otherwise the filter's suffix is added."""
    target = Path(path)
    by_suffix = _BY_SUFFIX.get(target.suffix.lower())
    if by_suffix is not None:
        return by_suffix, target
    chosen = format_of_filter(selected_filter)
    return chosen, target.with_name(target.name + chosen.suffix)


def _stem(source: str | None, fallback: str) -> str:
    if not source:
        return fallback
    stem = Path(source).stem
    # Characters file systems or shells trip over become "-".
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", stem).strip(" .-")
    return stem or fallback


def suggested_name(comparison: Comparison, fmt: ExportFormat) -> str:
    """"<original> vs <revision>.<suffix>", from the inputs' file names."""
    a = _stem(comparison.a.source, "original")
    b = _stem(comparison.b.source, "revision")
    return f"{a} vs {b}{fmt.suffix}"


def refusal(target: Path, inputs: tuple[str | None, ...]) -> str | None:
    """Why ``target`` may not be written, or None: an input (as on the command line,
    ``input_refusal``) or a folder."""
    refused = input_refusal(target, inputs)
    if refused:
        return refused
    if target.is_dir():
        return f"{target} is a folder: choose a file name."
    return None
