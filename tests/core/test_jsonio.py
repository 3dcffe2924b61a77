"""The alignment-1 JSON: schema, offsets, round trip, and the CLI that prints it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from collatio.core import compare
from collatio.core.cli import main as cli_main
from collatio.core.jsonio import comparison_from_json, comparison_to_json

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "assets" / "samples"
SCHEMA = json.loads((ROOT / "docs" / "alignment-1.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_json() -> dict[str, object]:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return compare(a, b).to_json()


def test_sample_json_matches_schema(sample_json: dict[str, object]) -> None:
    jsonschema.validate(sample_json, SCHEMA)


def test_schema_rejects_a_broken_document(sample_json: dict[str, object]) -> None:
    broken = json.loads(json.dumps(sample_json))
    broken["links"][0]["kind"] = "similar-ish"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_each_sentence_is_in_at_most_one_link(sample_json: dict[str, object]) -> None:
    seen: list[str] = [sid for link in sample_json["links"] for sid in (*link["a"], *link["b"])]  # type: ignore[index]
    assert len(seen) == len(set(seen))


def test_round_trip_rebuilds_an_equal_comparison() -> None:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    original = compare(a, b)
    data = json.loads(json.dumps(original.to_json()))
    rebuilt = comparison_from_json(data, a, b)
    assert rebuilt.to_json() == original.to_json()
    assert rebuilt.links == original.links
    assert rebuilt.a.sentences == original.a.sentences


def test_cli_prints_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(
        [
            "compare",
            str(SAMPLES / "xi-putin-original.txt"),
            str(SAMPLES / "xi-putin-rewrite.txt"),
            "--format",
            "json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert data["a"]["source"].endswith("xi-putin-original.txt")


def test_cli_text_summary_names_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(
        ["compare", str(SAMPLES / "xi-putin-original.txt"), str(SAMPLES / "xi-putin-rewrite.txt")]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "links (" in out and "added" in out and "removed" in out


def test_cli_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "collatio.core.cli",
            "compare",
            str(missing),
            str(SAMPLES / "xi-putin-rewrite.txt"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert str(missing) in proc.stderr and "Traceback" not in proc.stderr


def test_presegmented_sentence_k_is_line_k() -> None:
    a = "Erster Satz. Noch im ersten.\nZweiter Satz\n\nDritter Satz."
    b = "Erster Satz. Noch im ersten.\n\nDritter Satz!"
    c = compare(a, b, presegmented=True)
    assert [s.text for s in c.a.sentences] == [
        "Erster Satz. Noch im ersten.",
        "Zweiter Satz",
        "Dritter Satz.",
    ]
    assert [len(p.sentences) for p in c.a.paragraphs] == [2, 1]
    for s in c.a.sentences:
        assert a[s.start : s.end] == s.text


def test_links_list_the_words_moved_within_them() -> None:
    a = "Heute sagte der Minister in Berlin, die Steuern würden steigen."
    b = "Der Minister sagte in Berlin, die Steuern würden heute steigen."
    (link,) = comparison_to_json(compare(a, b))["links"]
    moved = sorted((a[m["a"][0]:m["a"][1]], b[m["b"][0]:m["b"][1]]) for m in link["moved_words"])
    assert moved == [("Heute", "heute"), ("sagte", "sagte")]
