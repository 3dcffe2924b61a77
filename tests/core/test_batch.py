"""``collatio batch``: one line per pair, errors recorded, resume after a crash."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from collatio.core import cli
from collatio.core.batch import BatchError, read_pairs, run_batch
from collatio.core.exitcodes import EXIT_INTERRUPTED, EXIT_TERMINATED
from collatio.core.journal import recorded

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
ORIGINAL = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
REWRITE = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def make_pairs(folder: Path, n: int, *, bad: tuple[int, ...] = ()) -> Path:
    """n small pairs cut from the sample (texts differ per pair); ids in ``bad`` lack a file."""
    docs = folder / "docs"
    docs.mkdir()
    paras_a, paras_b = _paragraphs(ORIGINAL), _paragraphs(REWRITE)
    lines = ["id,original,revision"]
    for k in range(n):
        a = "\n\n".join(paras_a[k % 5 : k % 5 + 6])
        b = "\n\n".join(paras_b[k % 4 : k % 4 + 6])
        (docs / f"{k}-a.txt").write_text(a, encoding="utf-8")
        if k not in bad:
            (docs / f"{k}-b.txt").write_text(b, encoding="utf-8")
        lines.append(f"p{k},docs/{k}-a.txt,docs/{k}-b.txt")
    pairs = folder / "pairs.csv"
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pairs


def _records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_line_per_pair_with_statistics_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = make_pairs(tmp_path, 3, bad=(1,))
    out = tmp_path / "results.jsonl"
    code = cli.main(["batch", str(pairs), "-o", str(out)])
    records = {r["id"]: r for r in _records(out)}
    assert set(records) == {"p0", "p1", "p2"}
    assert records["p0"]["status"] == "ok"
    stats = records["p0"]["statistics"]
    for key in ("reuse_pct", "reworded_pct", "added_pct", "removed_pct", "longest_verbatim_words", "quote_changes"):
        assert key in stats
    assert 0 < stats["reuse_pct"] <= 100
    assert records["p1"]["status"] == "error"
    assert records["p1"]["error"].endswith("1-b.txt: no such file")  # the loader's one-line message
    assert "alignment" not in records["p0"]
    assert code == cli.EXIT_FAILED  # a pair failed; the others are recorded all the same
    err = capsys.readouterr().err
    assert "3 pairs: 2 ok, 1 errors" in err and "\r" not in err  # summary, no bar when not a tty
    # Run again: nothing is left to do, but the output still holds p1's error line.
    assert cli.main(["batch", str(pairs), "-o", str(out)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "3 already done (1 of them errors" in err and "failed pairs: p1" in err


def test_full_adds_the_alignment_document(tmp_path: Path) -> None:
    pairs = make_pairs(tmp_path, 1)
    out = tmp_path / "full.jsonl"
    assert cli.main(["batch", str(pairs), "-o", str(out), "--full", "-q"]) == cli.EXIT_OK
    assert _records(out)[0]["alignment"]["schema"] == "collatio/alignment-1"


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    pairs = make_pairs(tmp_path, 2)
    terminal, pipe = Terminal(), io.StringIO()
    run_batch(pairs, tmp_path / "t.jsonl", progress=terminal)
    run_batch(pairs, tmp_path / "p.jsonl", progress=pipe)
    assert "\r[" in terminal.getvalue() and "2/2" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_resume_skips_done_ids_and_drops_a_torn_last_line(tmp_path: Path) -> None:
    pairs = make_pairs(tmp_path, 3)
    out = tmp_path / "results.jsonl"
    first = run_batch(pairs, out)
    assert first.ok == 3
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # Keep one whole line, then half of the next: a crash in the middle of a write.
    out.write_text(lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")
    second = run_batch(pairs, out)
    assert (second.skipped, second.ok) == (1, 2)
    ids = [r["id"] for r in _records(out)]  # every line parses: the torn one is gone
    assert sorted(ids) == ["p0", "p1", "p2"]


def test_retry_errors_runs_failed_pairs_again(tmp_path: Path) -> None:
    pairs = make_pairs(tmp_path, 2, bad=(1,))
    out = tmp_path / "results.jsonl"
    run_batch(pairs, out)
    (tmp_path / "docs" / "1-b.txt").write_text("Jetzt gibt es die Datei doch.\n", encoding="utf-8")
    again = run_batch(pairs, out)
    assert again.skipped == 2  # errors count as done unless asked ...
    # ... but they are still failures: the rerun says so, names them and fails.
    assert (again.earlier_errors, again.error_ids, again.failed) == (1, ["p1"], True)
    assert "1 of them errors: --retry-errors runs them again" in again.line(out)
    summary = run_batch(pairs, out, retry_errors=True)
    assert (summary.skipped, summary.ok, summary.earlier_errors) == (1, 1, 0)
    assert not summary.failed
    assert sorted((r["id"], r["status"]) for r in _records(out)) == [("p0", "ok"), ("p1", "ok")]


def test_jobs_give_the_same_results_as_one_process(tmp_path: Path) -> None:
    pairs = make_pairs(tmp_path, 4)
    run_batch(pairs, tmp_path / "one.jsonl")
    summary = run_batch(pairs, tmp_path / "two.jsonl", jobs=2)
    assert summary.ok == 4

    def stats(name: str) -> dict[str, dict]:  # type: ignore[type-arg]
        return {r["id"]: r["statistics"] for r in _records(tmp_path / name)}

    assert stats("one.jsonl") == stats("two.jsonl")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # A CSV without the revision column.
        ("id,original\np0,a.txt\n", "missing column(s) revision"),
        # The same id twice would make resume skip the second pair silently.
        ("id,original,revision\np0,a,b\np0,c,d\n", "appears twice"),
        # An empty id cannot be resumed.
        ("id,original,revision\n,a,b\n", "empty id"),
        # An empty path names the row and the field, not the CSV's folder.
        ("id,original,revision\np0,a.txt,\n", "line 2: no revision file for id 'p0'"),
        ("id,original,revision\np0,,\n", "line 2: no original and no revision file"),
        # Semicolons, as a German spreadsheet writes them: say so.
        ("id;original;revision\np0;a;b\n", "separated by semicolons"),
    ],
)
def test_bad_pair_lists_are_refused(tmp_path: Path, content: str, message: str) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(content, encoding="utf-8")
    with pytest.raises(BatchError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_pairs(pairs)


def test_other_columns_of_the_pairs_csv_come_along_as_meta(tmp_path: Path) -> None:
    pairs = make_pairs(tmp_path, 2, bad=(1,))
    lines = pairs.read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",outlet,date"] + [f"{line},Kurier {k},2024-0{k + 1}-01" for k, line in enumerate(lines[1:])]
    pairs.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    run_batch(pairs, out)
    records = {r["id"]: r for r in _records(out)}
    assert records["p0"]["meta"] == {"outlet": "Kurier 0", "date": "2024-01-01"}
    assert records["p1"]["status"] == "error" and records["p1"]["meta"]["outlet"] == "Kurier 1"


def test_paths_are_relative_to_the_csv(tmp_path: Path) -> None:
    pairs = make_pairs(tmp_path, 1)
    task = read_pairs(pairs)[0]
    assert Path(task.original) == (tmp_path / "docs" / "0-a.txt").resolve()


def test_recorded_ids_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    assert recorded(tmp_path / "none.jsonl") == (set(), set(), set(), set())


def test_a_killed_batch_resumes_without_duplicates_or_losses(tmp_path: Path) -> None:
    n = 24
    pairs = make_pairs(tmp_path, n)
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "collatio.core.cli", "batch", str(pairs), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 4:
                break
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    written = out.read_bytes().count(b"\n")
    assert 4 <= written < n, "the batch should have been killed part-way"
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == cli.EXIT_OK, done.stderr
    ids = [r["id"] for r in _records(out)]
    assert len(ids) == len(set(ids)) == n
    assert f"{written} already done" in done.stderr  # complete lines kept, the rest redone


def test_a_rerun_with_other_options_is_refused_before_anything_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One output, one set of options: results made otherwise would be mixed silently."""
    pairs = make_pairs(tmp_path, 2, bad=(1,))
    out = tmp_path / "results.jsonl"
    assert cli.main(["batch", str(pairs), "-o", str(out), "-q"]) == cli.EXIT_FAILED
    record = _records(out)[0]
    assert record["options"]["language"] == "auto" and record["collatio"]  # how it was made
    assert record["language"] == "de"  # and what "auto" found
    before = out.read_bytes()
    code = cli.main(["batch", str(pairs), "-o", str(out), "--language", "en", "--retry-errors"])
    assert code == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "other options" in err and "language='en' now, 'auto' there" in err
    assert out.read_bytes() == before  # the error line was not dropped either
    # The same options, spelt out or left at their defaults, are the same options.
    assert run_batch(pairs, out, options={}).skipped == 2
    assert run_batch(pairs, out, options={"language": "auto", "link_threshold": 0.3}).skipped == 2


def _started(out: Path, lines: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            return
        time.sleep(0.01)


@pytest.mark.parametrize(("stop", "code"), [
    (signal.SIGTERM, EXIT_TERMINATED),  # a service manager or `kill`: ended the workers too
    (signal.SIGINT, EXIT_INTERRUPTED),  # Ctrl-C sent to the batch only (as from a script)
])
def test_a_stopped_batch_with_workers_ends_them_and_says_it_was_stopped(
        tmp_path: Path, stop: signal.Signals, code: int) -> None:
    """Not 1 (some pairs failed) but 128 + the signal, and no worker process left behind."""
    n = 300
    pairs = make_pairs(tmp_path, n)
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "collatio.core.cli", "batch", str(pairs), "-o", str(out), "-j", "2"]
    # A shell's background job inherits SIGINT ignored, and Python then keeps ignoring it:
    # give the batch the disposition a terminal gives it.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _started(out, 4, time.monotonic() + 60)
        process.send_signal(stop)
        # The workers inherit stderr: it reaches its end only when they are gone too.
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == code, err
    assert "interrupted: run the same command again to resume" in err
    assert "Traceback" not in err
    assert 4 <= out.read_bytes().count(b"\n") < n


def test_a_rerun_with_or_without_full_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Lines with and without the alignment would mix in one file."""
    pairs = make_pairs(tmp_path, 2)
    out = tmp_path / "results.jsonl"
    assert cli.main(["batch", str(pairs), "-o", str(out), "-q"]) == cli.EXIT_OK
    assert all(r["full"] is False and "alignment" not in r for r in _records(out))
    before = out.read_bytes()
    assert cli.main(["batch", str(pairs), "-o", str(out), "--full"]) == cli.EXIT_BAD_INPUT
    assert "--full now, not there" in capsys.readouterr().err
    assert out.read_bytes() == before
    full_out = tmp_path / "full.jsonl"
    assert cli.main(["batch", str(pairs), "-o", str(full_out), "--full", "-q"]) == cli.EXIT_OK
    assert cli.main(["batch", str(pairs), "-o", str(full_out)]) == cli.EXIT_BAD_INPUT
    assert "--full there, not now" in capsys.readouterr().err
    # A line written before lines said so tells by its alignment.
    legacy = [{k: v for k, v in r.items() if k != "full"} for r in _records(full_out)]
    full_out.write_text("".join(json.dumps(r) + "\n" for r in legacy), encoding="utf-8")
    assert run_batch(pairs, full_out, full=True).skipped == 2
    with pytest.raises(BatchError, match="--full there"):
        run_batch(pairs, full_out)
