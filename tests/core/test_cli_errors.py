"""Mistakes on the command line get one line that names the option or file, and exit 2:
bad option values, an input over the size limit, a batch output that is a folder, an
input that is a named pipe (reading it would wait for ever)."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from collatio.core import cli, compare
from collatio.core.batch import Terminated
from collatio.core.exitcodes import EXIT_INTERRUPTED, EXIT_TERMINATED
from collatio.core.options import CompareOptions

from .test_batch import make_pairs

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
A = str(SAMPLES / "xi-putin-original.txt")
B = str(SAMPLES / "xi-putin-rewrite.txt")

# (arguments after "compare A B", words the message must hold)
BAD_OPTIONS = [
    (["--threshold", "5"], ["--threshold", "between 0.1 and 0.9"]),  # above the scale
    (["--threshold", "0"], ["--threshold", "between 0.1 and 0.9"]),  # below the window's range
    (["--threshold", "viel"], ["--threshold", "not a number"]),  # not a number at all
    (["--min-similarity", "1.5"], ["--min-similarity", "between 0.0 and 1.0"]),  # above 1
    (["--language", "xx"], ["--language", "de", "en"]),  # no stemmer for it: say which exist
]


@pytest.mark.parametrize("extra,words", BAD_OPTIONS)
def test_a_bad_option_value_is_refused_by_name(
        capsys: pytest.CaptureFixture[str], extra: list[str], words: list[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["compare", A, B, *extra])
    assert stop.value.code == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert all(word in err for word in words) and "Traceback" not in err


@pytest.mark.parametrize("command", ["batch", "rank"])
def test_batch_and_rank_check_the_threshold_as_compare_does(
        capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([command, "x.csv", "-o", "x.jsonl", "--threshold", "2"] if command == "batch" else
                 [command, A, B, "--threshold", "2"])
    assert stop.value.code == cli.EXIT_BAD_INPUT
    assert "between 0.1 and 0.9" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["batch", "rank"])
def test_batch_and_rank_check_the_language_too(
        capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([command, "x.csv", "--language", "xx"] if command == "batch" else
                 [command, A, B, "--language", "xx"])
    assert stop.value.code == cli.EXIT_BAD_INPUT and "--language" in capsys.readouterr().err


def test_the_size_limit_message_names_the_file() -> None:
    c = compare("a" * 50, "b", source_a="/texts/big.txt", options=CompareOptions(max_chars=10))
    assert "original (/texts/big.txt)" in c.message and "size limit" in c.message


def test_an_input_over_the_size_limit_is_bad_input(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "CompareOptions", functools.partial(CompareOptions, max_chars=100))
    assert cli.main(["compare", A, B]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and A in err and B in err and "size limit" in err


def test_a_batch_output_that_is_a_folder_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = make_pairs(tmp_path, 1)
    folder = tmp_path / "out"
    folder.mkdir()
    assert cli.main(["batch", str(pairs), "-o", str(folder), "--quiet"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(folder) in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert cli.main(["compare", A, str(pipe)]) == cli.EXIT_BAD_INPUT  # no wait for a writer
    err = capsys.readouterr().err.strip()
    assert str(pipe) in err and "not a regular file" in err


# (command line with {a}, {b} the inputs, {b_again} the revision through "..", {pairs} a
# batch's pairs list; the file that must come through unchanged)
OVER_AN_INPUT = [
    (["compare", "{a}", "{b}", "-o", "{a}"], "a"),  # the report over the original
    (["compare", "{a}", "{b}", "--format", "json", "-o", "{b_again}"], "b"),  # spelt another way
    (["rank", "{a}", "{b}", "-o", "{b}"], "b"),  # the ranking over a copy
    (["batch", "{pairs}", "-o", "{pairs}", "--quiet"], "pairs"),  # the journal over the pairs list
]


@pytest.mark.parametrize("argv,kept", OVER_AN_INPUT)
def test_an_input_is_never_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      argv: list[str], kept: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    files = {"a": work / "a.txt", "b": work / "b.txt", "pairs": work / "pairs.csv"}
    files["a"].write_text(Path(A).read_text(encoding="utf-8"), encoding="utf-8")
    files["b"].write_text(Path(B).read_text(encoding="utf-8"), encoding="utf-8")
    files["pairs"].write_text("id,original,revision\np1,a.txt,b.txt\n", encoding="utf-8")
    before = files[kept].read_bytes()
    names = {key: str(path) for key, path in files.items()} | {"b_again": f"{work}/../work/b.txt"}
    args = [arg.format(**names) for arg in argv]
    assert cli.main(args) == cli.EXIT_BAD_INPUT
    assert files[kept].read_bytes() == before
    assert "never writes to its inputs" in capsys.readouterr().err


def test_write_export_refuses_an_input(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Ein Satz.", encoding="utf-8")
    c = compare("Ein Satz.", "Ein anderer Satz.", source_a=str(source))
    with pytest.raises(ValueError, match="never writes to its inputs"):
        cli.write_export(c, source, "html")
    assert source.read_text(encoding="utf-8") == "Ein Satz."


def test_a_missing_output_folder_is_refused_before_comparing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As batch does: exit 2 and the folder named, with nothing compared."""
    out = tmp_path / "nowhere" / "report.json"
    assert cli.main(["compare", A, B, "-o", str(out)]) == cli.EXIT_BAD_INPUT
    assert f"folder {out.parent} does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(("stop", "code"), [
    (KeyboardInterrupt, EXIT_INTERRUPTED),  # Ctrl-C while comparing: 130, as a shell reports
    (Terminated, EXIT_TERMINATED),  # SIGTERM inside rank's worker pool: 143
])
def test_a_stopped_command_says_so_in_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        stop: type[KeyboardInterrupt], code: int) -> None:
    def stopped(*args: object, **kwargs: object) -> None:
        raise stop

    monkeypatch.setattr(cli, "compare_loaded", stopped)
    assert cli.main(["compare", A, B]) == code
    err = capsys.readouterr().err
    assert err == "collatio: interrupted\n"


def test_a_reader_that_stops_early_gets_141_even_for_a_large_output(tmp_path: Path) -> None:
    """`collatio compare … | head`: a report larger than the pipe holds used to be cut off
    with exit 0, as if all of it had been read."""
    original = Path(A).read_text(encoding="utf-8")
    revision = Path(B).read_text(encoding="utf-8")
    # Numbered copies, so that no paragraph is a duplicate of another.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(f"Teil {k}.\n\n{original}" for k in range(6)), encoding="utf-8")
    b.write_text("\n\n".join(f"Teil {k}.\n\n{revision}" for k in range(6)), encoding="utf-8")
    read_end, write_end = os.pipe()
    command = [sys.executable, "-m", "collatio.core.cli", "compare", str(a), str(b), "--format", "html"]
    process = subprocess.Popen(command, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        assert reader.read(100).startswith(b"<!")
    _, err = process.communicate(timeout=120)
    assert process.returncode == cli.EXIT_SIGPIPE, err
    assert err == b""  # said nothing, as Unix tools do
