"""Re-attribution: which speaker changes of a linked quotation are flagged, and which not."""

from __future__ import annotations

import pytest
from collatio.core import compare
from collatio.core.attribution import find_speaker

QUOTE_A = "Die Geschichte zeigt, dass wir gute Nachbarn für immer sind"
QUOTE_B = "Die Geschichte zeigt, dass wir wahre Nachbarn für immer sind"

CASES = [
    # The sample's case: a reworded quotation given to the agency instead of the speaker.
    (f"Xi Jinping sagte zu Putin: „{QUOTE_A}.“",
     f"„{QUOTE_B}“, zitierte die staatliche Nachrichtenagentur Xinhua.",
     ["altered", "reattributed"]),
    # The same words, another speaker.
    (f"„{QUOTE_A}“, sagte Xi Jinping.", f"„{QUOTE_A}“, sagte Wladimir Putin.", ["reattributed"]),
    # Only the title changed: the same person.
    (f"„{QUOTE_A}“, sagte Präsident Xi.", f"„{QUOTE_A}“, sagte Xi Jinping.", []),
    # A shared title does not hide a changed person.
    (f"„{QUOTE_A}“, sagte Präsident Xi.", f"„{QUOTE_A}“, sagte Präsident Putin.",
     ["reattributed"]),
    # A compound title ("Außenminister") is a title too.
    (f"„{QUOTE_A}“, sagte Außenminister Wang.", f"„{QUOTE_A}“, sagte Außenminister Lawrow.",
     ["reattributed"]),
    # The addressee is not the speaker: the tag moved, the speaker stayed.
    (f"Xi sagte zu Putin: „{QUOTE_A}.“", f"„{QUOTE_A}“, sagte Xi.", []),
    # Speaker and addressee swapped.
    (f"Xi sagte zu Putin: „{QUOTE_A}.“", f"Putin sagte zu Xi: „{QUOTE_A}.“", ["reattributed"]),
    # A pronoun names nobody: nothing is claimed.
    (f"„{QUOTE_A}“, sagte Xi Jinping.", f"„{QUOTE_A}“, fügte er hinzu.", []),
    # A sentence adverb opening the tag is no name ("Weiter", "Zudem").
    (f"Weiter erklärte er: „{QUOTE_A}.“", f"Zudem betonte er: „{QUOTE_A}.“", []),
    # A weekday on both sides does not make two speakers one.
    (f"„{QUOTE_A}“, sagte Xi am Montag.", f"„{QUOTE_A}“, sagte Putin am Montag.",
     ["reattributed"]),
    # A place is not a speaker.
    (f"„{QUOTE_A}“, sagte Xi in Peking.", f"„{QUOTE_A}“, sagte Xi in Moskau.", []),
    # A declined name is the same name.
    (f"„{QUOTE_A}“, so die Sprecherin des Kremls.", f"„{QUOTE_A}“, so der Kreml.", []),
    # No speech tag in the revision's sentence: nothing is claimed.
    (f"„{QUOTE_A}“, sagte Xi Jinping.", f"„{QUOTE_A}.“", []),
    # English, tag before and after the quotation, the same speaker.
    ('Mayor Anna Berg said: "This is the biggest investment in public transport."',
     '"This is the biggest investment in public transport," said Mayor Anna Berg.', []),
    # A description by age or party names nobody ("der 65-Jährige", "der SPD-Politiker").
    (f"„{QUOTE_A}“, sagte Olaf Scholz.", f"„{QUOTE_A}“, sagte der 65-Jährige.", []),
    (f"„{QUOTE_A}“, sagte der SPD-Politiker.", f"„{QUOTE_A}“, sagte Karl Lauterbach.", []),
    # A spokesman's institution is his voice: "Kremlsprecher Peskow" = "der Kreml".
    (f"„{QUOTE_A}“, sagte Kremlsprecher Dmitri Peskow.", f"„{QUOTE_A}“, teilte der Kreml mit.",
     []),
    # A manner adverb opening the sentence is no name.
    (f"Wörtlich sagte er: „{QUOTE_A}.“", f"Merz sagte: „{QUOTE_A}.“", []),
    # A speech verb of two parts ("stellte klar") is a tag too.
    (f"Markus Söder stellte klar: „{QUOTE_A}.“", f"Friedrich Merz sagte: „{QUOTE_A}.“",
     ["reattributed"]),
    # A newspaper the speaker told is no speaker ("der „Rheinischen Post“").
    (f"„{QUOTE_A}“, sagte Lauterbach der „Rheinischen Post“.", f"Lauterbach: „{QUOTE_A}“", []),
    # A headline's "Name: „…“".
    (f"Habeck: „{QUOTE_A}“", f"Lindner: „{QUOTE_A}“", ["reattributed"]),
    # A shared occasion ("zur Eröffnung der Hannover Messe") does not hide the speaker.
    (f"„{QUOTE_A}“, sagte Scholz zur Eröffnung der Hannover Messe.",
     f"„{QUOTE_A}“, sagte Habeck zur Eröffnung der Hannover Messe.", ["reattributed"]),
    # English: the one told is not the speaker.
    (f'"{QUOTE_A}," Putin told Xi.', f'"{QUOTE_A}," Xi told Putin.', ["reattributed"]),
    # English: "according to" names the speaker, wherever it stands.
    (f'According to Peskov, the talks were "{QUOTE_A}".', f'"{QUOTE_A}," Peskov said.', []),
    # A named speaker made anonymous is a change of attribution; a pronoun is not.
    (f"„{QUOTE_A}“, sagte Außenamtssprecher Matthew Miller.", f"„{QUOTE_A}“, sagte ein Sprecher.",
     ["reattributed"]),
    (f'"{QUOTE_A}," said Senator Mitch McConnell.', f'"{QUOTE_A}," said a Republican aide.',
     ["reattributed"]),
    (f"„{QUOTE_A}“, sagte ein Sprecher.", f"„{QUOTE_A}“, sagte er.", []),
    # A quotation split by its tag is one quotation with one speaker: one re-attribution.
    ("„Das ist“, sagte Friedrich Merz, „ein unglaublicher Skandal für das ganze Land.“",
     "„Das ist“, sagte Markus Söder, „ein unglaublicher Skandal für das ganze Land.“",
     ["reattributed"]),
    # "in a statement" is how, not who.
    (f'"{QUOTE_A}," the spokesperson said in a statement.', f'"{QUOTE_A}," the palace said.', []),
    # English, another speaker.
    ('"This is the biggest investment in public transport," said Mayor Anna Berg.',
     '"This is the biggest investment in public transport," said councillor Tom Hill.',
     ["reattributed"]),
    # A title's abbreviation is a title, and its full stop ends no clause.
    (f'"{QUOTE_A}," said Rep. Tom Calder, the Oklahoma Republican.',
     f'"{QUOTE_A}," said Rep. Rosa Delgado, the top Democrat.', ["reattributed"]),
    (f'"{QUOTE_A}," said Mr. Calder.', f'"{QUOTE_A}," said Tom Calder.', []),
    (f"„{QUOTE_A}“, sagte Prof. Dr. Anna Berg.", f"„{QUOTE_A}“, sagte Dr. Karl Weber.",
     ["reattributed"]),
    # More English speech verbs.
    (f'"{QUOTE_A}," Calder said.', f'"{QUOTE_A}," Delgado acknowledged.', ["reattributed"]),
    # Unnamed groups are anonymous sources, like "ein Sprecher".
    (f"„{QUOTE_A}“, sagte Annalena Baerbock.", f"„{QUOTE_A}“, hieß es aus Regierungskreisen.",
     ["reattributed"]),
    (f'"{QUOTE_A}," said Chief Constable Stephen Watson.', f'"{QUOTE_A}," witnesses told the BBC.',
     ["reattributed"]),
    (f"„{QUOTE_A}“, sagten Augenzeugen.", f"„{QUOTE_A}“, berichteten Zeugen.", []),
    # The adjective of a title the speaker told is not the speaker ("der Deutschen
    # Presse-Agentur" on both sides).
    (f"„{QUOTE_A}“, sagte Außenministerin Annalena Baerbock der Deutschen Presse-Agentur.",
     f"„{QUOTE_A}“, sagte Entwicklungsministerin Svenja Schulze der Deutschen Presse-Agentur.",
     ["reattributed"]),
]


@pytest.mark.parametrize(("a", "b", "expected"), CASES)
def test_reattribution_in_a_link(a: str, b: str, expected: list[str]) -> None:
    c = compare(a, b)
    assert len(c.links) == 1, "the pair must link for this test to mean anything"
    assert sorted(q.change for q in c.links[0].quote_changes) == sorted(expected)


def test_reattribution_carries_both_speakers() -> None:
    a = f"Xi Jinping sagte zu Putin: „{QUOTE_A}.“"
    b = f"„{QUOTE_B}“, zitierte die staatliche Nachrichtenagentur Xinhua."
    (change,) = [q for q in compare(a, b).quote_changes if q.change == "reattributed"]
    assert change.speaker_a is not None and change.speaker_b is not None
    assert a[change.speaker_a[0] : change.speaker_a[1]] == "Xi Jinping"
    assert b[change.speaker_b[0] : change.speaker_b[1]] == "Xinhua"


@pytest.mark.parametrize(("b", "speaker"), [
    # The speaker's name, not the place after it.
    (f'"{QUOTE_B}," Rishi Sunak said outside Downing Street.', "Rishi Sunak"),
    # The name, not the title before it.
    (f'"{QUOTE_B}," said Pentagon spokesman John Kirby.', "John Kirby"),
    # An anonymous speaker is shown as written.
    (f'"{QUOTE_B}," said a Republican aide.', "a Republican aide"),
    # Not the abbreviated title, and of two runs of names the one closer to the verb.
    (f'"{QUOTE_B}," said Sen. Mark Hollis.', "Mark Hollis"),
])
def test_the_speaker_shown_is_the_name(b: str, speaker: str) -> None:
    a = f"„{QUOTE_A}“, sagte Xi Jinping."
    (change,) = [q for q in compare(a, b).quote_changes if q.change == "reattributed"]
    assert change.speaker_b is not None and b[change.speaker_b[0] : change.speaker_b[1]] == speaker


def test_speaker_is_read_from_the_nearest_tag() -> None:
    # Two quotations, two speakers: each quotation gets the tag beside it.
    text = "„Wir bleiben Partner“, sagte Xi. „Wir auch“, antwortete Putin."
    first_end = text.index("“")
    second = text.index("„", first_end)
    regions = [(0, first_end + 1), (second, text.index("“", second) + 1)]
    sentences = [(0, text.index("Xi.") + 3), (second, len(text))]
    left = find_speaker(text, sentences[:1], regions, (1, first_end))
    right = find_speaker(text, sentences[1:], regions, (second + 1, regions[1][1] - 1))
    assert left is not None and left.names == {"xi"}
    assert right is not None and right.names == {"putin"}


# Texts of several sentences: a pronoun or a description refers to the sentence before.
REFERRING = [
    # "he added" after a quotation of Tedros is Tedros; the original gave it to Kaseya.
    ('"This should concern us all," Tedros said in Geneva. "We need vaccines now, not next '
     'year," Africa CDC head Jean Kaseya said.',
     '"This should concern us all," Tedros said in Geneva. "We need vaccines now, not next '
     'year," he added.',
     [("Jean Kaseya", "Tedros")]),
    # The same "he added" on both sides: the same speaker.
    ('"This should concern us all," Tedros said in Geneva. "We need vaccines now, not next '
     'year," he added.',
     '"This should concern us all," Tedros told reporters in Geneva. "We need vaccines now, '
     'not next year," he added.',
     []),
    # A description refers to the person the sentence before introduces with a title.
    ("Wirtschaftsminister Robert Habeck fordert ein Sondervermögen für die Industrie. „Wir "
     "können uns Stillstand nicht leisten“, sagte der Grünen-Politiker in Berlin.",
     "In der Koalition wird über ein Sondervermögen für die Industrie gestritten. „Wir "
     "können uns Stillstand nicht leisten“, sagte Finanzminister Christian Lindner in Berlin.",
     [("Robert Habeck", "Christian Lindner")]),
    # Across a paragraph break the titled person is not taken: a new paragraph often
    # turns to someone else.
    ("Wirtschaftsminister Robert Habeck fordert ein Sondervermögen für die Industrie.\n\n„Wir "
     "können uns Stillstand nicht leisten“, sagte der Grünen-Politiker in Berlin.",
     "In der Koalition wird über ein Sondervermögen für die Industrie gestritten.\n\n„Wir "
     "können uns Stillstand nicht leisten“, sagte Finanzminister Christian Lindner in Berlin.",
     []),
    # A pronoun whose sentence before introduces nobody by title claims nothing: it may
    # mean anyone named earlier.
    ("„Dieser Haushalt ist unseriös und verfassungswidrig“, sagte Merz. Auch Söder meldete "
     "sich zu Wort.",
     "Auch Söder meldete sich zu Wort. „Dieser Haushalt ist unseriös und verfassungswidrig“, "
     "sagte er.",
     []),
    # An institution ("die Regierung") is no person a description refers back to.
    ("Kanzler Olaf Scholz reiste nach Kiew. „Die Hilfe für die Ukraine geht weiter“, teilte "
     "die Regierung mit.",
     "Kanzler Olaf Scholz reiste nach Kiew. „Die Hilfe für die Ukraine geht weiter“, sagte "
     "Robert Habeck.",
     []),
]


@pytest.mark.parametrize(("a", "b", "speakers"), REFERRING)
def test_pronouns_and_descriptions_refer_back(a: str, b: str,
                                               speakers: list[tuple[str, str]]) -> None:
    found = [(a[slice(*q.speaker_a)], b[slice(*q.speaker_b)])
             for q in compare(a, b).quote_changes
             if q.change == "reattributed" and q.speaker_a and q.speaker_b]
    assert found == speakers


def test_a_split_quotation_is_reported_by_its_first_part() -> None:
    a = '"This ruling by the appeals court," said defense attorney Mark Ellison, "is a victory."'
    b = '"This ruling by the appeals court," said prosecutor Janet Cole, "is a victory."'
    (change,) = [q for q in compare(a, b).quote_changes if q.change == "reattributed"]
    assert change.a is not None and a[change.a[0]:change.a[1]].startswith("This ruling")
