"""Credits: bylines, source lines, credit sentences and agency tags, and what a rewrite kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.core import compare
from collatio.core.credits import credit_note, credit_report, document_credits, name_key

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
BODY = "Die Bahn streikt am Mittwoch im ganzen Land. Die Gewerkschaft fordert mehr Lohn für alle."

CASES = [
    # A byline paragraph (boilerplate, so never aligned).
    (f"{BODY}\n\nVon Max Muster und Erika Beispiel\n", ["Max Muster", "Erika Beispiel"]),
    # A source line with the source after a colon.
    (f"{BODY}\n\nQuelle: dpa\n", ["dpa"]),
    # A bare source label with the domain on the next line.
    (f"{BODY}\n\nQuelle\n\nedition.cnn.com\n", ["edition.cnn.com"]),
    # An agency tag in the dateline, and two agencies in one tag.
    (f"BERLIN (dpa) – {BODY}\n", ["dpa"]),
    (f"{BODY} (AFP/Reuters)\n", ["AFP", "Reuters"]),
    # A credit sentence at the end of the body.
    (f"{BODY}\n\nBericht von CNN, zu dem Anna Chernova und Ivana Kottasová beigetragen haben.\n",
     ["CNN", "Anna Chernova", "Ivana Kottasová"]),
    (f"{BODY}\n\nMitarbeit: Anna Schmidt\n", ["Anna Schmidt"]),
    ("Rail workers walked out on Wednesday across the country. The union wants more pay.\n\n"
     "Additional reporting by Jane Doe in London.\n", ["Jane Doe"]),  # a place is no name
    # A byline's outlet after a comma, however written.
    (f"{BODY}\n\nVon Klaus Bergmann, dpa\n", ["Klaus Bergmann", "dpa"]),
    # dpa's regional code is no name of its own.
    (f"MÜNCHEN (dpa/lby) – {BODY}\n", ["dpa"]),
    # A byline and the credit line under it are two credits, not one name.
    ("Rail workers walked out on Wednesday across the country. The union wants more pay.\n\n"
     "By Danica Kirka\nAssociated Press writer Jill Lawless contributed to this report.\n",
     ["Danica Kirka", "Associated Press", "Jill Lawless"]),
    # AP's closing line without "to this report", with a place.
    ("Rail workers walked out on Wednesday across the country. The union wants more pay.\n\n"
     "Associated Press writers Raf Casertano and Samuel Petit in Brussels contributed.\n",
     ["Associated Press", "Raf Casertano", "Samuel Petit"]),
    # A byline that names no one is a credit all the same.
    (f"By staff and agencies\n\n{BODY}\n", ["staff and agencies"]),
    (f"From staff reports\n\n{BODY}\n", ["staff reports"]),
    # A desk title names the agency, not a person ("AP Science Writer").
    (f"By LAURA UNGERMAN\nAP Science Writer\n\n{BODY}\n", ["LAURA UNGERMAN", "AP"]),
    # A desk after the name says which desk, not who ("Staff" is no one).
    (f"By Sarah Lindqvist, Staff Reporter\n\n{BODY}\n", ["Sarah Lindqvist"]),
    (f"Von Petra Maier, Freie Journalistin\n\n{BODY}\n", ["Petra Maier"]),
    (f"By Tom Hale, Senior Political Correspondent\n\n{BODY}\n", ["Tom Hale"]),
    # Reuters' credit line in parentheses.
    ("Rail workers walked out on Wednesday across the country. The union wants more pay.\n\n"
     "(Reporting by Rene Wagner in Berlin; Additional reporting by Maria Martinez; Editing by "
     "Alex Richardson)\n", ["Rene Wagner", "Maria Martinez", "Alex Richardson"]),
    # An outlet's reporter: the outlet and the reporter.
    ("Rail workers walked out on Wednesday across the country. The union wants more pay.\n\n"
     "CNN's Peter Wong contributed to this report.\n", ["CNN", "Peter Wong"]),
    # dpa's closing line: a credit (and boilerplate), not a row of figures.
    (f"{BODY}\n\n© dpa-infocom, dpa:240312-99-123456/3\n", ["dpa-infocom"]),
    # A text credit.
    (f"{BODY}\n\nText: Anna Müller\n", ["Anna Müller"]),
    # A long article sentence that merely starts with "Bericht" is no credit.
    ("Der Bericht von Amnesty International über die Lage in den Gefängnissen des Landes "
     "wurde am Montag in Genf vorgestellt und von der Regierung sofort als einseitig und "
     "falsch zurückgewiesen, obwohl er sich auf Aussagen von mehr als hundert Zeugen stützt.\n", []),
    # Article sentences that look like credits are none: a report by someone else, pictures
    # that show someone, a coach who contributed to a win.
    (f"{BODY}\n\nDer Bericht der Kommission wurde am Montag von Experten der Weltbank erstellt.\n", []),
    (f"{BODY}\n\nBilder zeigen Wladimir Putin beim Treffen.\n", []),
    (f"{BODY}\n\nZu dem Erfolg hat auch Trainer Julian Nagelsmann beigetragen.\n", []),
    ("Rail workers walked out on Wednesday across the country. The union wants more pay.\n\n"
     "Heavy rain and the strike contributed.\n", []),
    # A parenthesis that is no agency is no credit.
    (f"{BODY} (Lokführer)\n", []),
    # Nothing credited.
    (f"{BODY}\n", []),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_credits_of_a_document(text: str, names: list[str]) -> None:
    doc = compare(text, text).a
    assert [n for c in document_credits(doc) for n in c.names] == names
    for credit in document_credits(doc):  # offsets are truth: each name is in its span
        for name in credit.names:
            assert name.split()[0] in text[credit.span[0] : credit.span[1]]


@pytest.mark.parametrize(("name", "key"), [
    ("edition.cnn.com", "cnn"),  # a domain is matched by its name
    ("https://www.tagesschau.de/inland", "tagesschau"),
    ("CNN", "cnn"),
    ("Anna Chernova", "anna chernova"),
])
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_the_sample_rewrite_keeps_the_outlet_and_the_reporters() -> None:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    c = compare(a, b)
    report = credit_report(c.a, c.b)
    # "Dieser Bericht wurde von den CNN-Journalisten Anna Chernova und Ivana Kottasová
    # unterstützt." is the rewrite's credit sentence.
    names_b = [n for credit in report.b for n in credit.names]
    assert "Anna Chernova" in names_b and "Ivana Kottasová" in names_b
    assert (report.dropped, report.added) == ((), ())


def test_a_name_the_rewrite_states_elsewhere_is_not_dropped() -> None:
    a = f"{BODY}\n\nVon Max Muster\n"
    b = f"{BODY} Das sagte Max Muster im Gespräch.\n"
    assert credit_report(compare(a, a).a, compare(b, b).b).dropped == ()


def test_an_agency_written_out_is_the_same_agency() -> None:
    c = compare(f"WASHINGTON (AP) – {BODY}\n", f"WASHINGTON (Associated Press) – {BODY}\n")
    report = credit_report(c.a, c.b)
    assert (report.dropped, report.added) == ((), ())


def test_a_changed_agency_is_dropped_on_one_side_and_added_on_the_other() -> None:
    c = compare(f"BERLIN (dpa) – {BODY}\n\nVon Max Muster\n", f"Berlin (AFP) – {BODY}\n\nVon Max Muster\n")
    report = credit_report(c.a, c.b)
    assert (report.dropped, report.added) == (("dpa",), ("AFP",))



def test_the_status_line_names_a_credit_change_and_is_silent_otherwise() -> None:
    c = compare(f"BERLIN (dpa) – {BODY}\n\nVon Max Muster\n", f"Berlin (AFP) – {BODY}\n")
    assert credit_note(credit_report(c.a, c.b)) == " · credit dropped: dpa, Max Muster; credit added: AFP"
    same = compare(f"BERLIN (dpa) – {BODY}\n", f"Berlin (dpa) – {BODY}\n")
    assert credit_note(credit_report(same.a, same.b)) == ""


def test_a_comparison_finds_its_credits_once() -> None:
    c = compare(f"BERLIN (dpa) – {BODY}\n", f"Berlin (AFP) – {BODY}\n")
    assert c.credits == credit_report(c.a, c.b)
    assert c.credits is c.credits  # computed once, then read
