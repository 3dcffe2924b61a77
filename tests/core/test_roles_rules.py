"""The boilerplate rule table, duplicates, and title/heading choice, in German and English."""

from __future__ import annotations

import pytest
from collatio.core.boilerplate import RULES, boilerplate_rule
from collatio.core.model import Role
from collatio.core.roles import assign_roles, find_duplicates

# (text, expected rule or None) — one comment per case says why.
CASES: list[tuple[str, str | None]] = [
    ("Kurze Werbeeinblendung", "ad_marker"),  # German ad marker from the sample
    ("Anzeige", "ad_marker"),  # German print/online ad label
    ("ADVERTISEMENT", "ad_marker"),  # English label, upper case
    ("Story continues below advertisement", "ad_marker"),  # English inline ad note
    ("https://www.cnn.com/2025/02/19/politics/index.html", "bare_url"),  # a bare URL line
    ("https://a.example/x https://b.example/y", "bare_url"),  # a URL-only block
    ("edition.cnn.com", "bare_domain"),  # the rewrite's source domain
    ('Schaltfläche "Zurück zum Anfang"', "navigation"),  # German button label
    ("Back to top", "navigation"),  # English button label
    ("Nach oben", "navigation"),  # German back-to-top link
    ("Ähnliche Artikel", "related"),  # German related-articles header
    ("Mehr zum Thema", "related"),  # German related header
    ("Read more", "related"),  # English teaser link
    ("Related articles", "related"),  # English related header
    ("Details zur Meldung", "source"),  # the rewrite's source block
    ("Quelle", "source"),  # German "source" label
    ("Source: Reuters", "source"),  # English source credit
    ("AußenpolitikAußenpolitikRusslandUkraine", "breadcrumb"),  # run-together breadcrumb
    ("Home › World › Europe", "breadcrumb"),  # English breadcrumb with ›
    ("Startseite > Politik > Ausland", "breadcrumb"),  # German breadcrumb with >
    ("Teilen", "share_print"),  # German share button
    ("Share | Print | Email", "share_print"),  # English share bar
    ("Von Max Muster", "byline"),  # German byline
    ("By Jane Doe and John Roe, CNN", "byline"),  # English byline with outlet
    ("Stand: 24.02.2025, 14:30 Uhr", "dateline"),  # German dateline
    ("Updated: February 24, 2025", "dateline"),  # English dateline
    ("Updated 6:10 AM EST, Mon February 24, 2025", "dateline"),  # CNN-style: time before date
    ("We use cookies to improve your experience", "cookie_notice"),  # English cookie banner
    # Negative cases: real content that mentions the same words must stay content.
    ("Er erstattete Anzeige gegen den Nachbarn.", None),  # "Anzeige" inside a sentence
    ("Mehr unter https://example.org finden Sie Details.", None),  # URL inside prose
    ("Nach oben hin ist die Skala offen.", None),  # "Nach oben" starting a sentence
    ("Read more carefully, the contract says otherwise.", None),  # "Read more" in prose
    ("Quelle der Unruhe war ein Streit um Land.", None),  # "Quelle" as a noun in prose
    ("Von Moskau aus gesehen ist das anders.", None),  # "Von" + place, a sentence
    ("By the way, this is content.", None),  # English "By" in prose
    ("Bericht von CNN, zu dem Anna Chernova und Ivana Kottasová beigetragen haben.", None),  # credit sentence stays body
    ("Russland-Ukraine", None),  # a hyphenated compound is no breadcrumb
    ("Fazit und Ausblick", None),  # a real heading
    ("Am 24.02.2025 telefonierten Xi und Putin.", None),  # a date inside a sentence
    ("Teilen Sie diese Meinung?", None),  # "Teilen" as a verb in a question
    ("Print media is in decline across Europe.", None),  # "Print" as a noun
    ("Die EU will Cookie-Banner abschaffen, weil niemand sie liest.", None),  # article about cookies
    ("Werbung für Tabak wird verboten", None),  # a headline starting with "Werbung"
    ("Xi betont enge Russland-Beziehungen im Gespräch mit Putin", None),  # the sample's title
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rule_table(text: str, expected: str | None) -> None:
    assert boilerplate_rule(text) == expected


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_recognises_its_examples_and_spares_its_near_misses(rule: object) -> None:
    from collatio.core.boilerplate import Rule

    assert isinstance(rule, Rule)
    for example in rule.examples:
        assert rule.matches(example), example
    for miss in rule.near_misses:
        assert boilerplate_rule(miss) is None, miss


def test_body_paragraphs_of_both_samples_are_never_boilerplate() -> None:
    from pathlib import Path

    from collatio.core import compare

    samples = Path(__file__).resolve().parents[2] / "assets" / "samples"
    a = (samples / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (samples / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    comparison = compare(a, b)
    for doc in (comparison.a, comparison.b):
        for p in doc.paragraphs:
            if p.role is Role.BOILERPLATE:
                assert len(doc.text[p.start : p.end].split()) <= 6 or doc.text[p.start : p.end].startswith("http")


LONG = "Der chinesische Staatsführer Xi Jinping hat mit Wladimir Putin telefoniert und betont, dass beide Länder eng verbunden bleiben."


def test_teaser_repeated_later_is_a_duplicate_and_the_full_copy_stays_body() -> None:
    teaser = LONG[:90] + " …"
    texts = ["Titel des Artikels", teaser, LONG, "Ein ganz anderer Absatz über etwas anderes, mit vielen Wörtern darin."]
    roles = assign_roles(texts)
    assert roles == [Role.TITLE, Role.DUPLICATE, Role.BODY, Role.BODY]


def test_of_two_identical_paragraphs_only_the_earlier_is_marked() -> None:
    assert find_duplicates([LONG, "Zwischentext ohne Bezug.", LONG], [True, True, True]) == [True, False, False]


def test_english_pull_quote_repeating_a_sentence_is_a_duplicate() -> None:
    body = ("The minister said the talks would continue next week in Geneva, and that both sides "
            "had agreed to keep the details confidential until then.")
    quote = "both sides had agreed to keep the details confidential until then"
    roles = assign_roles(["Talks to continue", body, quote + " and more"])
    assert roles[2] is Role.DUPLICATE and roles[1] is Role.BODY


def test_short_repeats_and_similar_but_different_paragraphs_are_not_duplicates() -> None:
    a = "Russland begann vor drei Jahren mit seiner umfassenden Invasion der Ukraine, die zehntausende Menschen tötete."
    b = "Russland begann vor drei Jahren mit seiner Invasion, die Zehntausende getötet und Millionen vertrieben hat."
    assert find_duplicates([a, b], [True, True]) == [False, False]  # a rewrite, not a repeat
    assert find_duplicates(["Fazit", "Fazit"], [True, True]) == [False, False]  # too short to judge


def test_title_skips_leading_boilerplate_and_hints_make_headings() -> None:
    texts = ["AußenpolitikRusslandUkraine", "Xi betont enge Bindungen", "Ein Absatz mit Text.", "Was nun?"]
    assert assign_roles(texts) == [Role.BOILERPLATE, Role.TITLE, Role.BODY, Role.BODY]
    hinted = assign_roles(texts, heading_hints=[False, False, False, True])
    assert hinted[3] is Role.HEADING  # the source said <h2>, although it ends in "?"
