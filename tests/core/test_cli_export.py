"""``collatio compare A B --format …``: every format, and the failures users meet."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from collatio.core import cli

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
A = str(SAMPLES / "xi-putin-original.txt")
B = str(SAMPLES / "xi-putin-rewrite.txt")


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        # json: the alignment-1 document.
        ("json", lambda text: json.loads(text)["schema"] == "collatio/alignment-1"),
        # html: a whole document with the side-by-side table.
        ("html", lambda text: text.startswith("<!DOCTYPE html>") and 'class="pairs"' in text),
        # csv: a header and at least one reworded link.
        ("csv", lambda text: any(r["kind"] == "reworded" for r in csv.DictReader(io.StringIO(text)))),
        # text: the terminal summary.
        ("text", lambda text: "links (" in text),
    ],
)
def test_each_format_writes_its_file(tmp_path: Path, fmt: str, check) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"report.{fmt}"
    assert cli.main(["compare", A, B, "--format", fmt, "-o", str(out)]) == cli.EXIT_OK
    assert check(out.read_text(encoding="utf-8"))


def test_pdf_without_the_gui_says_what_is_missing(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(cli.EXPORTERS, "pdf", raising=False)
    monkeypatch.delitem(cli.PAGED_EXPORTERS, "pdf", raising=False)
    assert cli.main(["compare", A, B, "--format", "pdf", "-o", "x.pdf"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "PDF export needs the GUI package" in err
    assert "Traceback" not in err


def test_pdf_needs_an_output_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cli.EXPORTERS, "pdf", lambda c, out: None)
    assert cli.main(["compare", A, B, "--format", "pdf"]) == cli.EXIT_BAD_INPUT
    assert "-o FILE" in capsys.readouterr().err


def test_missing_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["compare", str(tmp_path / "nope.txt"), B, "--format", "html"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no such file" in err


def test_unwritable_output_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.mkdir()  # a folder where the file should go: found only when writing
    assert cli.main(["compare", A, B, "--format", "html", "-o", str(out)]) == cli.EXIT_FAILED
    assert "cannot write" in capsys.readouterr().err


def test_write_export_refuses_unknown_formats(tmp_path: Path) -> None:
    from collatio.core import compare

    with pytest.raises(ValueError, match="unknown format"):
        cli.write_export(compare("Satz eins.\n", "Satz eins.\n"), tmp_path / "x", "docx")


def test_module_entry_point_runs_without_qt() -> None:
    # `python -m collatio.core.cli` must work where PySide6 is absent: core never imports Qt.
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from collatio.core.cli import main\n"
        f"raise SystemExit(main(['compare', {A!r}, {B!r}, '--format', 'csv']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("row,kind,sides")


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path: Path) -> None:
    # `collatio compare a b -f json | head`: once head has its lines, the pipe closes.
    # The JSON of a long pair is larger than the pipe's buffer, so the write meets it.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(Path(A).read_text(encoding="utf-8") * 12, encoding="utf-8")
    b.write_text(Path(B).read_text(encoding="utf-8") * 12, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "collatio.core.cli", "compare", str(a), str(b),
                             "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100).startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == cli.EXIT_SIGPIPE
    assert err == ""  # no "cannot write (Broken pipe)", no traceback


@pytest.mark.parametrize(
    ("fmt", "output", "expected"),
    [
        (None, "report.json", "json"),  # the suffix names the format
        (None, "REPORT.CSV", "csv"),  # in any case
        (None, "page.htm", "html"),  # both HTML suffixes
        (None, "notes.md", "text"),  # a suffix no format has: the text report
        (None, None, "text"),  # the terminal
        ("csv", "report.json", "csv"),  # --format wins over the suffix
    ],
)
def test_the_format_follows_the_output_suffix(fmt: str | None, output: str | None, expected: str) -> None:
    assert cli.format_for(fmt, Path(output) if output else None) == expected


def test_an_output_named_json_gets_json(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert cli.main(["compare", A, B, "-o", str(out)]) == cli.EXIT_OK
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "collatio/alignment-1"


def test_json_names_its_maker_and_fingerprints_the_texts(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert cli.main(["compare", A, B, "-o", str(out), "--with-text"]) == cli.EXIT_OK
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["generator"]["name"] == "collatio" and data["generator"]["version"]
    for side, path in (("a", A), ("b", B)):
        doc = data[side]
        # The sample files are plain UTF-8 with \n line ends: the decoded text is the file.
        assert doc["text"] == Path(path).read_text(encoding="utf-8")
        assert doc["sha256"] == hashlib.sha256(doc["text"].encode("utf-8")).hexdigest()
        assert doc["length"] == len(doc["text"])


def test_with_text_is_for_json_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["compare", A, B, "-f", "csv", "--with-text"]) == cli.EXIT_BAD_INPUT
    assert "--with-text" in capsys.readouterr().err
