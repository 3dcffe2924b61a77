"""File ▸ Export's decisions (gui/exportchoice.py), without a display: the format a path
means, the suggested name, and the paths refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.core import compare
from collatio.gui.exportchoice import (
    EXPORT_FORMATS,
    FILTERS,
    choose_format,
    format_of_filter,
    refusal,
    suggested_name,
)

BY_KEY = {f.key: f for f in EXPORT_FORMATS}
HTML, PDF, CSV, JSON, TEXT = (BY_KEY[k].filter for k in ("html", "pdf", "csv", "json", "text"))

# (path typed, filter selected, format written, path written)
CHOICES = [
    ("/x/report.html", HTML, "html", "/x/report.html"),  # suffix and filter agree
    ("/x/report.pdf", HTML, "pdf", "/x/report.pdf"),  # a typed suffix wins over the filter
    ("/x/report.PDF", HTML, "pdf", "/x/report.PDF"),  # in any case
    ("/x/report.htm", CSV, "html", "/x/report.htm"),  # the short HTML suffix
    ("/x/report", JSON, "json", "/x/report.json"),  # no suffix: the filter's is added
    ("/x/v1.2 final", CSV, "csv", "/x/v1.2 final.csv"),  # a dot that is no known suffix
    ("/x/notes.txt", PDF, "text", "/x/notes.txt"),  # the summary's suffix
    ("/x/report", "Something else (*.xyz)", "html", "/x/report.html"),  # unknown filter: HTML
]


@pytest.mark.parametrize("path,selected,key,written", CHOICES)
def test_the_format_a_path_asks_for(path: str, selected: str, key: str, written: str) -> None:
    fmt, target = choose_format(path, selected)
    assert (fmt.key, target) == (key, Path(written))


def test_every_format_has_one_filter_in_the_dialog() -> None:
    assert FILTERS.split(";;") == [f.filter for f in EXPORT_FORMATS]
    assert [format_of_filter(f.filter) for f in EXPORT_FORMATS] == list(EXPORT_FORMATS)
    assert len({f.suffix for f in EXPORT_FORMATS}) == len(EXPORT_FORMATS)


# (source of A, source of B, suggested name for HTML)
NAMES = [
    ("/in/xi-putin-original.txt", "/in/xi-putin-rewrite.txt", "xi-putin-original vs xi-putin-rewrite.html"),
    (None, None, "original vs revision.html"),  # pasted texts
    ("/in/a.docx", None, "a vs revision.html"),  # one side pasted
    ("/in/what: now?.txt", "/in/b|c.txt", "what- now vs b-c.html"),  # characters file systems refuse
    ("/in/...txt", "/in/b.txt", "original vs b.html"),  # nothing left of a name
]


@pytest.mark.parametrize("a,b,name", NAMES)
def test_the_suggested_name(a: str | None, b: str | None, name: str) -> None:
    comparison = compare("Ein Satz.", "Ein Satz.", source_a=a, source_b=b)
    assert suggested_name(comparison, BY_KEY["html"]) == name


def test_an_input_is_never_a_target(tmp_path: Path) -> None:
    original, revision = tmp_path / "a.txt", tmp_path / "b.txt"
    original.write_text("A.", encoding="utf-8")
    revision.write_text("B.", encoding="utf-8")
    inputs = (str(original), str(revision))
    # The original itself, and the revision through another spelling of its path.
    assert "never writes to its inputs" in (refusal(original, inputs) or "")
    assert "never writes to its inputs" in (refusal(tmp_path / "sub" / ".." / "b.txt", inputs) or "")
    # A link to an input is the input.
    link = tmp_path / "link.txt"
    link.symlink_to(revision)
    assert refusal(link, inputs) is not None
    assert "is a folder" in (refusal(tmp_path, inputs) or "")
    assert refusal(tmp_path / "report.html", inputs) is None  # a new file
    assert refusal(tmp_path / "report.html", (None, None)) is None  # pasted texts
