"""The kind of a link: identical, minor (a copy-edit) or reworded, on real sentence pairs."""

from __future__ import annotations

import pytest
from collatio.core import CompareOptions, LinkKind, compare

ID, MINOR, REWORDED = LinkKind.IDENTICAL, LinkKind.MINOR, LinkKind.REWORDED

CASES: list[tuple[str, str, str, LinkKind]] = [
    # Same text.
    ("Der Kanzler reiste am Montag nach Paris.", "Der Kanzler reiste am Montag nach Paris.", "de", ID),
    # Typography only: quotation marks and spaces fold away.
    ("Er sagte: „Wir kommen.“", 'Er sagte:  "Wir kommen."', "de", ID),
    # Letter case only.
    ("Der Kanzler reiste am Montag nach Paris.", "der Kanzler reiste am Montag nach PARIS.", "de", MINOR),
    # Punctuation only.
    ("Der Kanzler, der müde war, reiste nach Paris.", "Der Kanzler der müde war reiste nach Paris!",
     "de", MINOR),
    # One word of nine.
    ("Der Kanzler reiste am Montag mit dem Zug nach Paris.",
     "Der Kanzler fuhr am Montag mit dem Zug nach Paris.", "de", MINOR),
    # Two words of eleven.
    ("Der Kanzler reiste am frühen Montag mit dem schnellen Zug nach Paris.",
     "Der Kanzler fuhr am frühen Montag mit dem neuen Zug nach Paris.", "de", MINOR),
    # Three words: a rewording, however long the sentence.
    ("Der Kanzler reiste am frühen Montag mit dem schnellen Zug nach Paris.",
     "Der Kanzler fuhr am späten Montag mit dem neuen Zug nach Paris.", "de", REWORDED),
    # One word of four is more than a fifth: reworded.
    ("Die Gäste kamen spät.", "Die Gäste kamen früh.", "de", REWORDED),
    # A figure written another way, same value: a copy-edit, even in a short sentence.
    ("About 1,000 people attended.", "About 1000 people attended.", "en", MINOR),
    ("Es kamen drei Gäste.", "Es kamen 3 Gäste.", "de", MINOR),
    ("Der Preis stieg auf 3,5 Prozent.", "Der Preis stieg auf 3,5 %.", "de", MINOR),
    # Two changed words of thirteen ("3.5" is one word, not two), but a figure changed:
    # a new fact is never a copy-edit.
    ("The company lost 3.5 million dollars in the last quarter of the year.",
     "The company lost 35 million euros in the last quarter of the year.", "en", REWORDED),
    # The same change without a figure is a copy-edit.
    ("The company lost many millions of dollars in the last quarter of the year.",
     "The company lost many millions of euros in the last quarter of the year.", "en", MINOR),
    # One word of a quotation changed: reworded too.
    ("Der Minister sagte am Montag in Berlin: „Wir werden das Projekt bald beginnen.“",
     "Der Minister sagte am Montag in Berlin: „Wir werden das Projekt sofort beginnen.“", "de",
     REWORDED),
    # A short sentence whose figure changed value: reworded (one word of four).
    ("Es kamen drei Gäste.", "Es kamen 4 Gäste.", "de", REWORDED),
    # A negation put in or taken out is the opposite meaning, never a copy-edit.
    ("The council approved the new law on Monday evening after a long debate.",
     "The council has not approved the new law on Monday evening after a long debate.", "en",
     REWORDED),
    ("Der Rat hat das neue Gesetz am Montagabend nach langer Debatte beschlossen.",
     "Der Rat hat das neue Gesetz am Montagabend nach langer Debatte nicht beschlossen.", "de",
     REWORDED),
    ("The council hasn't approved the new law after a long debate in the chamber.",
     "The council has approved the new law after a long debate in the chamber.", "en", REWORDED),
    ("Es gab keine Einigung im Rat nach der langen Debatte am Montag.",
     "Es gab eine Einigung im Rat nach der langen Debatte am Montag.", "de", REWORDED),
    # One negation rewritten as another keeps the sense.
    ("Der Kreml machte nach dem Gespräch nicht viele Angaben zu den Beziehungen.",
     "Der Kreml machte nach dem Gespräch keine Angaben zu den Beziehungen.", "de", MINOR),
    # A negation kept, with another word changed: still a copy-edit.
    ("The council has not approved the new law after a long debate in the chamber.",
     "The council has not passed the new law after a long debate in the chamber.", "en", MINOR),
    # A paraphrase.
    ("Der Kanzler reiste am Montag nach Paris.", "Am Montag fuhr der Kanzler in die "
     "französische Hauptstadt Paris.", "de", REWORDED),
]


@pytest.mark.parametrize(("a", "b", "language", "kind"), CASES, ids=[f"{c[3].value}:{c[1][:30]}" for c in CASES])
def test_link_kind(a: str, b: str, language: str, kind: LinkKind) -> None:
    result = compare(a, b, options=CompareOptions(language=language))
    assert len(result.links) == 1, result.links
    assert result.links[0].kind is kind


def test_a_changed_figure_is_flagged_and_no_minor_edit() -> None:
    """An editor skips minor edits: "24-stündigen" → "36-stündigen" must not be one."""
    result = compare("Die GDL hat für Mittwoch einen 24-stündigen Streik im Personen- und "
                     "Güterverkehr angekündigt.",
                     "Die GDL hat für Mittwoch einen 36-stündigen Streik im Personen- und "
                     "Güterverkehr angekündigt.")
    link = result.links[0]
    assert link.kind is REWORDED and [f.change for f in link.figure_changes] == ["changed"]
