"""Figure integrity: which numbers, dates and amounts are flagged inside a link, and which not."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from collatio.core import compare
from collatio.core.export_csv import export_csv
from collatio.core.figures import statement
from collatio.core.figurescan import find_figures
from collatio.core.jsonio import comparison_from_json
from hypothesis import given, settings
from hypothesis import strategies as st

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"

FOUND = [
    # Grouped thousands, German and English, and a decimal comma: one value each.
    ("3.500 Menschen", [("3.500", "3500")]),
    ("1,500 people", [("1,500", "1500")]),
    ("1 000 000 Euro", [("1 000 000 Euro", "1000000")]),
    ("3,5 Prozent", [("3,5 Prozent", "3.5")]),
    # A scale word belongs to the number, and so does a unit; abbreviations read as the word.
    ("3,5 Milliarden Euro", [("3,5 Milliarden Euro", "3.5e9")]),
    ("2,5 Mio. Euro", [("2,5 Mio. Euro", "2.5e6")]),
    ("$5 million", [("$5 million", "5e6")]),
    ("two billion dollars", [("two billion", "2e9")]),
    # A scale word and digits spell one value alike ("two thousand" = "2,000").
    ("two thousand jobs", [("two thousand", "2000")]),
    # A date is a day with its month (one figure, "month-day") and a year.
    ("am 19.02.2025", [("19.02", "2-19"), ("2025", "2025")]),
    ("am 19. Februar 2025", [("19. Februar", "2-19"), ("2025", "2025")]),
    # English dates, the month first or the day first, abbreviated or not.
    ("on Feb. 20", [("Feb. 20", "2-20")]),
    ("LONDON, Feb 22 (Reuters)", [("Feb 22", "2-22")]),
    ("on March 5th, 2024", [("March 5th", "3-5"), ("2024", "2024")]),
    ("on the 5th of May", [("5th of May", "5-5")]),
    # German never writes the month first: "im Juni 30 Prozent" is a month and a share.
    ("im Juni 30 Prozent", [("Juni", "6"), ("30 Prozent", "30")]),
    # An abbreviated month without a day is a name ("Jan" Böhmermann).
    ("Jan Böhmermann", []),
    # Scales and units glued to the number; an English ordinal's ending.
    ("€50bn ($54bn)", [("€50bn", "50e9"), ("$54bn", "54e9")]),
    ("a $3.5m grant", [("$3.5m", "3.5e6")]),
    ("a 600m bridge", [("600m", "600")]),
    ("the 3rd time", [("3rd", "3")]),
    # Compound number words.
    ("Sixty-eight Republicans", [("Sixty-eight", "68")]),
    ("einundzwanzig Jahre", [("einundzwanzig", "21")]),
    # Number words and ordinals read as digits.
    ("drei Söhne", [("drei", "3")]),
    ("am dritten Jahrestag", [("dritten", "3")]),
    ("the third time", [("third", "3")]),
    ("am Montag", [("Montag", "1")]),
    ("siebzig Jahre und achtzehn Tage", [("siebzig", "70"), ("achtzehn", "18")]),
    ("zwanzig Millionen Euro", [("zwanzig Millionen", "20e6")]),
    # Glued to letters: a name, not a figure.
    ("beim G20-Treffen", []),
    ("wegen COVID-19", []),
    # A sentence's full stop is no decimal point.
    ("im Jahr 2024.", [("2024", "2024")]),
    # Articles and third parties are not figures; nor is the verb "achten".
    ("eine Million Dank an Dritte", []),
    ("Wir achten darauf.", []),
    # "erst-", like "first", is rarely a fact ("zum ersten Mal").
    ("Er kam zum ersten Mal nach Berlin.", []),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_figures(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_figures(text)
    # Values compare as numbers: "3500", "3.5e3" and "3.50e3" are one value.
    assert [(text[f.start : f.end], _value(f.value)) for f in found] == [
        (span, _value(value)) for span, value in expected]


def _value(value: str) -> Decimal | str:
    """A number as a number, a date ("2-19") as written."""
    return value if "-" in value else Decimal(value)


CHANGES = [
    # An amount that changed by a factor of a hundred.
    ("Der Bau kostet 3,5 Milliarden Euro laut Senat.",
     "Der Bau kostet 35 Millionen Euro laut Senat.",
     [("changed", "3,5 Milliarden Euro", "35 Millionen Euro")]),
    # The same value in another unit is a change; a unit left out is not.
    ("Die Brücke ist an der schmalsten Stelle 600 Meter breit.",
     "Die Brücke ist an der schmalsten Stelle 600 Kilometer breit.",
     [("changed", "600 Meter", "600 Kilometer")]),
    ("Der Preis der Karten stieg um 10 % im letzten Jahr.",
     "Der Preis der Karten stieg um 10 Prozent im letzten Jahr.", []),
    # Other spelling, same value: nothing to flag.
    ("Der Bau kostet 1.000 Euro laut dem Senat der Stadt.",
     "Der Bau kostet 1000 Euro laut dem Senat der Stadt.", []),
    ("Die Invasion begann vor drei Jahren in der Ukraine.",
     "Die Invasion begann vor 3 Jahren in der Ukraine.", []),
    ("Das Treffen fand am 19.02.2025 in Riad statt.",
     "Das Treffen fand am 19. Februar 2025 in Riad statt.", []),
    # A number word with a scale word, and the digits ("2e3" and "2000" once differed).
    ("The firm will cut two thousand jobs in the region by next year.",
     "The firm will cut 2,000 jobs in the region by next year.", []),
    ("Die Firma streicht zwei Millionen Euro im Haushalt.",
     "Die Firma streicht 2.000.000 Euro im Haushalt.", []),
    # The weekday moved.
    ("Xi Jinping telefonierte am Montag mit Wladimir Putin.",
     "Xi Jinping telefonierte am Dienstag mit Wladimir Putin.",
     [("changed", "Montag", "Dienstag")]),
    # A figure left out, and one put in.
    ("Rubio nannte einen der vier zentralen Punkte in Riad.",
     "Rubio nannte einen der zentralen Punkte in Riad.",
     [("dropped", "vier", "")]),
    ("Rubio nannte einen der zentralen Punkte in Riad.",
     "Rubio nannte einen der 4 zentralen Punkte in Riad.",
     [("added", "", "4")]),
    # A changed day is shown with its month, not as a bare number.
    ("The vote on the bill was set for Feb. 20 in the Senate.",
     "The vote on the bill was set for Feb. 2 in the Senate.",
     [("changed", "Feb. 20", "Feb. 2")]),
    # A day is no number: it is not paired with a share; shares pair by their unit.
    ("LONDON, Feb 22 (Reuters) - Shares of the bank fell 23% in early trading.",
     "LONDON (Reuters) - Shares of the bank had fallen 32% in early trading.",
     [("dropped", "Feb 22", ""), ("changed", "23%", "32%")]),
    # Figures with a unit pair with the same unit first, wherever each stands.
    ("Shares of the bank fell 23% after 2 profit warnings this year.",
     "After 3 profit warnings this year, shares of the bank fell 32%.",
     [("changed", "23%", "32%"), ("changed", "2", "3")]),
    # A glued scale is read: "$3.5bn" → "$4.5bn" is the whole amount.
    ("The company paid $3.5bn for the stake last year.",
     "The company paid $4.5bn for the stake last year.",
     [("changed", "$3.5bn", "$4.5bn")]),
    ("The fund is worth 50 billion euros according to the bank.",
     "The fund is worth €50bn according to the bank.", []),
    # A range is shown whole, once, when one or both of its ends changed.
    ("Doctors recommend walking between 8,000 and 10,000 steps a day for good health.",
     "Doctors recommend walking between 6,000 and 8,000 steps a day for good health.",
     [("changed", "8,000 and 10,000", "6,000 and 8,000")]),
    ("Die Fahrt dauert 3-4 Stunden mit dem Zug nach Berlin.",
     "Die Fahrt dauert 5-6 Stunden mit dem Zug nach Berlin.",
     [("changed", "3-4 Stunden", "5-6 Stunden")]),
    # "and" without "between" joins two figures, not a range.
    ("Er kam um 3 und ging um 4 Uhr nach Hause zurück heute.",
     "Er kam um 3 und ging um 5 Uhr nach Hause zurück heute.", [("changed", "4", "5")]),
    # A compound number word is one value.
    ("The bill passed with 68 Republicans voting in favour of it.",
     "The bill passed with sixty-eight Republicans voting in favour of it.", []),
    # A year and a day are not paired with a month: sorts stay apart.
    ("Die Gespräche in Riad begannen im März 2025 mit Rubio.",
     "Die Gespräche in Riad begannen im April 2025 mit Rubio.",
     [("changed", "März", "April")]),
]


@pytest.mark.parametrize(("a", "b", "expected"), CHANGES)
def test_figure_changes_in_a_link(a: str, b: str, expected: list[tuple[str, str, str]]) -> None:
    c = compare(a, b)
    assert len(c.links) == 1, "the pair must link for this test to mean anything"
    got = [(f.change, a[f.a[0] : f.a[1]] if f.a else "", b[f.b[0] : f.b[1]] if f.b else "")
           for f in c.links[0].figure_changes]
    assert got == expected
    assert all(f.link == c.links[0].id for f in c.links[0].figure_changes)
    assert c.stats.figure_changes == len(expected)


@pytest.fixture(scope="module")
def sample():  # type: ignore[no-untyped-def]
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return compare(a, b)


def test_sample_dropped_count_of_points_is_flagged(sample) -> None:  # type: ignore[no-untyped-def]
    # "als einen der vier zentralen diskutierten Punkte" is gone from Rubio's sentence.
    dropped = [(link, f) for link in sample.links for f in link.figure_changes
               if f.change == "dropped"]
    assert [sample.a.text[f.a[0] : f.a[1]] for _, f in dropped] == ["vier"]
    assert "Rubio" in sample.a.sentence(dropped[0][0].a[0]).text
    assert sample.stats.figure_changes == sum(len(link.figure_changes) for link in sample.links)


def test_figure_changes_survive_json_and_reach_csv(sample) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(sample.to_json()))
    back = comparison_from_json(data, sample.a.text, sample.b.text)
    assert [link.figure_changes for link in back.links] == [link.figure_changes for link in sample.links]
    assert back.stats.figure_changes == sample.stats.figure_changes
    # A file written before figure changes existed still loads.
    for item in data["links"]:
        del item["figure_changes"]
    del data["stats"]["figure_changes"]
    old = comparison_from_json(data, sample.a.text, sample.b.text)
    assert all(link.figure_changes == () for link in old.links)
    rows = list(csv.DictReader(io.StringIO(export_csv(sample))))
    assert sum(int(r["figure_changes"]) for r in rows) == sample.stats.figure_changes > 0


SENTENCES = st.lists(
    st.sampled_from([
        "Die Invasion begann vor drei Jahren.",
        "Der Bau kostet 3,5 Milliarden Euro.",
        "Am 19.02.2025 trafen sie sich in Riad.",
        "Xi Jinping telefonierte am Montag mit Putin.",
        "Rund 1.500 Menschen kamen im März.",
    ]),
    min_size=1, max_size=5, unique=True,
)


@settings(max_examples=20, deadline=None)
@given(SENTENCES)
def test_property_self_comparison_has_no_figure_changes(sentences: list[str]) -> None:
    text = " ".join(sentences)
    c = compare(text, text)
    assert c.links and all(not link.figure_changes for link in c.links)
    assert c.stats.figure_changes == 0


def test_a_figure_moved_to_another_sentence_is_not_dropped() -> None:
    a = ("Der Senat der Stadt plant den Bau der neuen Brücke über den Rhein. "
         "Nach Angaben der Verwaltung kostet das Projekt 3,5 Milliarden Euro.")
    b = ("Der Senat der Stadt plant den Bau der neuen Brücke für 3,5 Milliarden Euro über den "
         "Rhein. Nach Angaben der Verwaltung ist das Projekt sehr teuer.")
    c = compare(a, b)
    assert [(link.a, link.b) for link in c.links] == [(("a.s0",), ("b.s0",)), (("a.s1",), ("b.s1",))]
    assert c.stats.figure_changes == 0


LABELS = [
    # A list item's number opens its sentence: no figure.
    ("4. Fertiggerichte aufpeppen. Geben Sie Gemüse dazu.", []),
    ("2) Einkaufen gehen, am besten früh.", []),
    # A year opening a sentence is a figure.
    ("1700 lebte dort ein Bauer.", ["1700"]),
    # A number inside the sentence is one.
    ("Es kamen 4. Mal mehr.", ["4"]),
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_a_list_items_number_is_no_figure(text: str, expected: list[str]) -> None:
    c = compare(text, text)
    first = c.a.sentences[0]
    stated = statement(c.a, [first.id])
    assert [c.a.text[f.start : f.end] for f in stated.by_sentence[first.id]] == expected
