"""``collatio rank``: copies of one original, ranked by how much of it they reuse."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from collatio.core import cli
from collatio.core.load import LoadError
from collatio.core.rank import format_csv, format_json, format_table, rank_copies

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
ORIGINAL = SAMPLES / "xi-putin-original.txt"
REWRITE = SAMPLES / "xi-putin-rewrite.txt"


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copies")
    original = ORIGINAL.read_text(encoding="utf-8")
    paragraphs = [p for p in original.split("\n\n") if p.strip()]
    rewrite = [p for p in REWRITE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    half = len(paragraphs) // 2
    (folder / "a-same.txt").write_text(original, encoding="utf-8")
    (folder / "b-rewrite.txt").write_text("\n\n".join(rewrite), encoding="utf-8")
    # First half copied word for word, second half taken from the rewrite.
    (folder / "c-half.txt").write_text("\n\n".join(paragraphs[:half] + rewrite[half:]), encoding="utf-8")
    (folder / "d-empty.txt").write_text("", encoding="utf-8")
    return folder


def test_copies_are_ranked_by_reuse(copies: Path) -> None:
    rows = rank_copies(ORIGINAL, [copies])
    names = [Path(r.copy).name for r in rows]
    assert names == ["a-same.txt", "c-half.txt", "b-rewrite.txt", "d-empty.txt"]
    same, half, rewrite, empty = rows
    assert (same.rank, same.reuse_pct, same.removed_pct, same.added) == (1, 100.0, 0.0, 0)
    assert rewrite.reuse_pct < half.reuse_pct < same.reuse_pct
    assert rewrite.reworded_pct > half.reworded_pct
    # The verbatim copy changes no figure; the rewrite drops one ("vier zentralen Punkte").
    assert (same.figure_changes, rewrite.figure_changes) == (0, 1)
    assert (empty.status, empty.rank) == ("error", 0) and "file is empty" in empty.error


def test_the_original_in_its_own_folder_is_left_out(copies: Path) -> None:
    rows = rank_copies(copies / "a-same.txt", [copies])
    assert "a-same.txt" not in [Path(r.copy).name for r in rows]


def test_an_unreadable_original_is_an_error_not_a_table(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        rank_copies(tmp_path / "missing.txt", [REWRITE])


def test_formats_carry_the_same_rows(copies: Path) -> None:
    rows = rank_copies(ORIGINAL, [copies / "b-rewrite.txt", copies / "a-same.txt"])
    parsed_csv = list(csv.DictReader(io.StringIO(format_csv(rows))))
    parsed_json = json.loads(format_json(rows))
    assert [r["copy"] for r in parsed_csv] == [r["copy"] for r in parsed_json] == [r.copy for r in rows]
    assert float(parsed_csv[0]["reuse_pct"]) == parsed_json[0]["reuse_pct"] == 100.0
    table = format_table(rows).splitlines()
    assert table[0].split()[:3] == ["#", "reuse", "reword"]
    assert table[2].split()[:2] == ["1", "100.0%"]


def test_cli_rank_prints_a_table(copies: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["rank", str(ORIGINAL), str(copies / "a-same.txt"), str(copies / "c-half.txt")])
    assert code == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.index("a-same.txt") < out.index("c-half.txt")


def test_cli_rank_json_to_file_and_failed_copy_exit_code(copies: Path, tmp_path: Path) -> None:
    out = tmp_path / "rank.json"
    code = cli.main(["rank", str(ORIGINAL), str(copies), "--format", "json", "-o", str(out)])
    assert code == cli.EXIT_FAILED  # d-empty.txt could not be compared
    assert [r["status"] for r in json.loads(out.read_text(encoding="utf-8"))][-1] == "error"


def test_worker_processes_rank_the_same_way(copies: Path) -> None:
    paths = [copies / "b-rewrite.txt", copies / "c-half.txt", copies / "a-same.txt"]
    assert rank_copies(ORIGINAL, paths, jobs=2) == rank_copies(ORIGINAL, paths)


def test_an_error_row_has_no_measures_and_no_formula(copies: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A copy that was never compared must not average in as 0 % reuse; a file name that
    # starts like a formula is no formula in a spreadsheet.
    monkeypatch.chdir(tmp_path)
    evil = Path("=HYPERLINK(1).txt")
    evil.write_text("", encoding="utf-8")
    rows = rank_copies(ORIGINAL, [copies / "a-same.txt", evil])
    (bad,) = [r for r in csv.DictReader(io.StringIO(format_csv(rows))) if r["status"] == "error"]
    assert bad["reuse_pct"] == bad["rank"] == bad["added"] == ""
    assert bad["copy"].startswith("'=")
    (bad_json,) = [r for r in json.loads(format_json(rows)) if r["status"] == "error"]
    assert bad_json["reuse_pct"] is None and bad_json["error"]
