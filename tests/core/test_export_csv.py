"""The CSV export: one row per link and per unmatched sentence, offsets, formula guard."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from collatio.core import Comparison, compare
from collatio.core.export_csv import COLUMNS, export_csv

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


@pytest.fixture(scope="module")
def sample() -> Comparison:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return compare(a, b)


def _rows(comparison: Comparison) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_csv(comparison))))


def test_one_row_per_link_and_per_unmatched_sentence(sample: Comparison) -> None:
    rows = _rows(sample)
    links = [r for r in rows if r["sides"] == "ab"]
    unmatched_a = [r for r in rows if r["sides"] == "a"]
    unmatched_b = [r for r in rows if r["sides"] == "b"]
    assert len(links) == len(sample.links)
    assert len(unmatched_a) == sum(1 for s in sample.a.sentences if sample.link_of(s.id) is None)
    assert len(unmatched_b) == sum(1 for s in sample.b.sentences if sample.link_of(s.id) is None)
    assert [int(r["row"]) for r in rows] == list(range(1, len(rows) + 1))
    assert {r["kind"] for r in rows} <= {"identical", "minor", "reworded", "added", "removed", "ignored"}
    assert tuple(csv.reader(io.StringIO(export_csv(sample))).__next__()) == COLUMNS


def test_offsets_point_at_the_source_text(sample: Comparison) -> None:
    for row in _rows(sample):
        for side, doc in (("a", sample.a), ("b", sample.b)):
            if not row[f"{side}_ids"]:
                assert row[f"{side}_start"] == "" and row[f"{side}_text"] == ""
                continue
            first = doc.sentence(row[f"{side}_ids"].split("+")[0])
            last = doc.sentence(row[f"{side}_ids"].split("+")[-1])
            assert int(row[f"{side}_start"]) == first.start
            assert int(row[f"{side}_end"]) == last.end


def test_link_rows_carry_similarity_moved_and_quote_flags(sample: Comparison) -> None:
    by_id = {link.id: link for link in sample.links}
    for row in _rows(sample):
        if row["link"]:
            link = by_id[row["link"]]
            assert float(row["similarity"]) == pytest.approx(link.similarity, abs=1e-4)
            assert row["moved"] == ("1" if link.moved else "0")
            assert row["quote_changed"] == ("1" if link.quote_changed else "0")
            assert row["kind"] == link.kind.value


def test_cells_that_a_spreadsheet_would_run_are_defused() -> None:
    c = compare(
        "Der Text bleibt gleich und wird nicht verändert.\n",
        "Der Text bleibt gleich und wird nicht verändert.\n\n=HYPERLINK(\"http://x\",\"klick\") steht hier.\n",
    )
    added = [r for r in _rows(c) if r["kind"] == "added"]
    assert added and added[0]["b_text"].startswith("'=HYPERLINK")


def test_commas_quotes_and_newlines_survive_a_round_trip() -> None:
    text = 'Er sagte: "Ja, gern", und ging.\n'
    c = compare(text, text)
    row = _rows(c)[0]
    assert row["a_text"] == row["b_text"] == 'Er sagte: "Ja, gern", und ging.'


def test_a_quote_dropped_with_its_sentence_is_flagged_on_that_row() -> None:
    kept = "Der Minister sprach am Montag in Berlin vor der Presse über den Haushalt."
    quoted = "Er sagte: „Wir werden keine neuen Schulden machen, auch nicht im nächsten Jahr.“"
    c = compare(f"{kept}\n\n{quoted}\n", f"{kept}\n")
    if not c.quote_changes:
        pytest.skip("quote detection does not report quotes of removed sentences")
    removed = [r for r in _rows(c) if r["kind"] == "removed"]
    assert [(r["quote_changed"], r["quote_changes"]) for r in removed] == [("1", "1")]


def test_notes_give_each_quote_and_figure_change_in_words(sample: Comparison) -> None:
    notes = {r["row"]: r["notes"] for r in _rows(sample)}
    texts = list(notes.values())
    # A figure the rewrite dropped, with its value.
    assert any("figure dropped: vier" in n for n in texts)
    # A re-attribution names both speakers; a reworded quotation its changed words.
    # (naming the quotation too: two swapped quotations would read "X → Y; Y → X").
    assert any("quotation attributed to someone else: „Die Geschichte und die Realität zeigen, …“ "
               "Xi Jinping → Xinhua" in n for n in texts)
    assert any(n == "quotation reworded: Drittparteien → Dritten" for n in texts)
    # A quotation dropped with its removed sentence is noted on that sentence's row.
    assert "quotation dropped: Ein Fenster für Frieden öffnet sich" in texts
    # Rows without quote or figure changes have no notes.
    for row in _rows(sample):
        if row["quote_changes"] == "0" and row["figure_changes"] in ("0", ""):
            assert row["notes"] == ""


def test_notes_name_a_negation_the_rewrite_put_in() -> None:
    rows = _rows(compare("The council approved the new law on Monday after a long debate.",
                         "The council has not approved the new law on Monday after a long debate."))
    (row,) = [r for r in rows if r["kind"] == "reworded"]
    assert row["notes"] == "negation added: not"
