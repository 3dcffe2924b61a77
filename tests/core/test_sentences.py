"""Golden rules for sentence splitting (German and English news text).

Each case: input text and the expected sentences. Known-hard cases that the splitter
still gets wrong are marked xfail(strict=True), so fixing one turns the suite red until
the mark is removed.
"""

from __future__ import annotations

import pytest
from collatio.core.segment import split_sentences


def sentences(text: str, language: str = "de") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, language)]


GOLDEN: list[tuple[str, list[str], str]] = [
    # Plain two sentences.
    ("Er kam. Dann ging er.", ["Er kam.", "Dann ging er."], "de"),
    # German abbreviations with inner space must not end a sentence.
    ("Das gilt z. B. für Äpfel. Birnen auch.", ["Das gilt z. B. für Äpfel.", "Birnen auch."], "de"),
    ("Äpfel, Birnen u. a. sind Obst. Gemüse usw. auch.",
     ["Äpfel, Birnen u. a. sind Obst.", "Gemüse usw. auch."], "de"),
    # Title before a name.
    ("Dr. Müller kam spät. Er blieb lange.", ["Dr. Müller kam spät.", "Er blieb lange."], "de"),
    # Ordinal dates: "am 3. März" is one sentence.
    ("Er kam am 3. März nach Berlin. Er blieb.", ["Er kam am 3. März nach Berlin.", "Er blieb."], "de"),
    # Ordinal before a noun: "der 20. Jahrestag".
    ("Der 20. Jahrestag wurde gefeiert. Alle kamen.",
     ["Der 20. Jahrestag wurde gefeiert.", "Alle kamen."], "de"),
    # Ordinal before a month name followed by a year.
    ("Es geschah am 24. Februar 2022. Seitdem herrscht Krieg.",
     ["Es geschah am 24. Februar 2022.", "Seitdem herrscht Krieg."], "de"),
    # Ordinals after a preposition, an article or a possessive count the next noun.
    ("Das war im 19. Jahrhundert. Nein.", ["Das war im 19. Jahrhundert.", "Nein."], "de"),
    ("Die 3. Liga spielt. Seine 2. Amtszeit endet.",
     ["Die 3. Liga spielt.", "Seine 2. Amtszeit endet."], "de"),
    # A number at the very end of a sentence, after a noun, ends it ("Platz 3. Dann").
    ("Er belegte Platz 3. Dann kam Anna.", ["Er belegte Platz 3.", "Dann kam Anna."], "de"),
    # After a preposition, an ordinal may count a date: "ab 1. Januar".
    ("Das gilt ab 1. Januar. Dann nicht mehr.", ["Das gilt ab 1. Januar.", "Dann nicht mehr."], "de"),
    # A year or an amount after a bare preposition ends the sentence.
    ("Er lebt seit 2019. Danach kam die Wende.", ["Er lebt seit 2019.", "Danach kam die Wende."], "de"),
    ("Die Zahl der Fälle stieg auf 1000. Das war ein Rekord.",
     ["Die Zahl der Fälle stieg auf 1000.", "Das war ein Rekord."], "de"),
    # A word that opens a sentence never follows an ordinal: "am 3." was the day.
    ("Er kam am 3. Das war ein Montag.", ["Er kam am 3.", "Das war ein Montag."], "de"),
    # An article before a four-digit ordinal still counts the noun.
    ("Der 1000. Besucher kam. Alle jubelten.", ["Der 1000. Besucher kam.", "Alle jubelten."], "de"),
    # English writes ordinals "3rd": a number with a full stop ends the sentence.
    ("Sales reached 500 in 2023. Costs rose. The plant opened in 1998. It closed later.",
     ["Sales reached 500 in 2023.", "Costs rose.", "The plant opened in 1998.", "It closed later."], "en"),
    ("He scored on the 3. Then he left.", ["He scored on the 3.", "Then he left."], "en"),
    # Numbered list items run into one line: each number opens its item.
    ("1. Das ist gut. 2. Das auch.", ["1. Das ist gut.", "2. Das auch."], "de"),
    # A quoted question followed by the speech tag stays one sentence (»…?«, dachte er).
    ("»Was ist mit mir geschehen?«, dachte er. Es war kein Traum.",
     ["»Was ist mit mir geschehen?«, dachte er.", "Es war kein Traum."], "de"),
    # An exclamation closing a quotation ends the sentence with the quote.
    ("Er sagte: „Bieg ab!“ Und dieser bog ab.", ["Er sagte: „Bieg ab!“", "Und dieser bog ab."], "de"),
    # Roman regnal number.
    ("Ludwig XIV. war König. Er starb 1715.", ["Ludwig XIV. war König.", "Er starb 1715."], "de"),
    # German quotation marks: the closing „…“ stays with its sentence.
    ("Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."], "de"),
    # A question inside „…“ ends the sentence with the quote.
    ("Er fragte: „Kommst du?“ Sie nickte.", ["Er fragte: „Kommst du?“", "Sie nickte."], "de"),
    # A quotation of several sentences is kept whole: it is one statement in the text.
    ("Xi sagte: „Die Geschichte zeigt es. Wir sind Freunde.“ Dann endete das Gespräch.",
     ["Xi sagte: „Die Geschichte zeigt es. Wir sind Freunde.“", "Dann endete das Gespräch."], "de"),
    # A quote followed by the speech tag is one sentence.
    ("„Das bleibt so“, fügte er hinzu. Der Kreml schwieg.",
     ["„Das bleibt so“, fügte er hinzu.", "Der Kreml schwieg."], "de"),
    # English straight quotes: the closing quote belongs to the first sentence.
    ('He said "This is fine." Then he left.', ['He said "This is fine."', "Then he left."], "en"),
    # English abbreviations.
    ("Mr. Smith went to Washington. He arrived at 5 p.m. yesterday.",
     ["Mr. Smith went to Washington.", "He arrived at 5 p.m. yesterday."], "en"),
    # Headings have no full stop: one sentence.
    ("Chinas Rolle im Ukraine-Konflikt", ["Chinas Rolle im Ukraine-Konflikt"], "de"),
    # URLs: "?" and "." inside a URL never end a sentence.
    ("Mehr unter https://www.example.com/a.b?x=1. Danke.",
     ["Mehr unter https://www.example.com/a.b?x=1.", "Danke."], "de"),
    # A bare domain name.
    ("Siehe www.zdf.de für mehr. Danke.", ["Siehe www.zdf.de für mehr.", "Danke."], "de"),
    ("Quelle edition.cnn.com", ["Quelle edition.cnn.com"], "de"),
    # E-mail addresses.
    ("Schreiben Sie an info@example.org. Wir antworten.",
     ["Schreiben Sie an info@example.org.", "Wir antworten."], "de"),
    # Street abbreviation followed by a number.
    ("Er wohnt in der Hauptstr. 5 in Bonn. Schön dort.",
     ["Er wohnt in der Hauptstr. 5 in Bonn.", "Schön dort."], "de"),
    # Decimal numbers and dates with dots.
    ("Das kostet 3.50 Euro. Am 1.1.2020 begann es.", ["Das kostet 3.50 Euro.", "Am 1.1.2020 begann es."], "de"),
    # Million abbreviation before a currency.
    ("Er ist 1,5 Mio. Euro schwer. Das ist viel.", ["Er ist 1,5 Mio. Euro schwer.", "Das ist viel."], "de"),
    # Questions and exclamations.
    ("Was? Wirklich! Ja.", ["Was?", "Wirklich!", "Ja."], "de"),
    # Leading and trailing spaces are not part of a sentence.
    ("  Er kam.  ", ["Er kam."], "de"),
    # Blank text has no sentences.
    ("   ", [], "de"),
    # A sentence opening with a year or a number after a word's full stop (German).
    ("Das Jahr war gut für die Firma. 2023 war ein Rekordjahr. 15 neue Leute kamen.",
     ["Das Jahr war gut für die Firma.", "2023 war ein Rekordjahr.", "15 neue Leute kamen."], "de"),
    # … with a phone number, or a handle.
    ("Die Zahl ist neu. +49 30 123456 ist die Nummer. @stadt_info twittert oft.",
     ["Die Zahl ist neu.", "+49 30 123456 ist die Nummer.", "@stadt_info twittert oft."], "de"),
    # An abbreviated month before a year is no sentence end.
    ("Es war im Jan. 2023 so kalt wie nie.", ["Es war im Jan. 2023 so kalt wie nie."], "de"),
]


@pytest.mark.parametrize(("text", "expected", "language"), GOLDEN, ids=[g[0][:40] for g in GOLDEN])
def test_golden_rules(text: str, expected: list[str], language: str) -> None:
    assert sentences(text, language) == expected


KNOWN_HARD: list[tuple[str, list[str]]] = [
    # A heading run into the next sentence by hard-wrapped text (no punctuation, no
    # line break left): nothing marks the boundary but the capital letter.
    ("Chinas Unterstützung für Russland Das Telefongespräch fällt auf den Jahrestag.",
     ["Chinas Unterstützung für Russland", "Das Telefongespräch fällt auf den Jahrestag."]),
    # A sentence ending with an abbreviation that could continue it.
    ("Wir kaufen Äpfel, Birnen usw. Dann gehen wir.",
     ["Wir kaufen Äpfel, Birnen usw.", "Dann gehen wir."]),
]


@pytest.mark.xfail(strict=True, reason="known hard case for rule-based splitting")
@pytest.mark.parametrize(("text", "expected"), KNOWN_HARD, ids=[k[0][:40] for k in KNOWN_HARD])
def test_known_hard(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_point_into_the_text() -> None:
    text = "  Er sagte: „Gut.“  Dann ging er.\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Er sagte: „Gut.“", "Dann ging er."]
    assert all(0 <= s < e <= len(text) for s, e in spans)
