"""A negation put in or taken out is a change of its own: found with its offsets, counted,
kept through the JSON and named in every export (core.negation)."""

from __future__ import annotations

import json

import pytest
from collatio.core import compare
from collatio.core.export_html import export_html
from collatio.core.jsonio import comparison_from_json
from collatio.core.model import Comparison, Link
from collatio.core.textreport import text_report

# (original, revision, expected change or None, expected words)
CASES: list[tuple[str, str, str | None, tuple[str, ...]]] = [
    # "not" put in: the opposite meaning.
    ("The council approved the new law on Monday after a long debate.",
     "The council has not approved the new law on Monday after a long debate.", "added", ("not",)),
    # A contraction taken out.
    ("The council hasn't approved the new law after a long debate in the chamber.",
     "The council has approved the new law after a long debate in the chamber.", "dropped", ("hasn't",)),
    # German "keine" taken out.
    ("Es gab keine Einigung im Rat nach der langen Debatte am Montag.",
     "Es gab eine Einigung im Rat nach der langen Debatte am Montag.", "dropped", ("keine",)),
    # "nicht" rewritten as "keine": the same sense, no change.
    ("Der Kreml machte nach dem Gespräch nicht viele Angaben zu den Beziehungen.",
     "Der Kreml machte nach dem Gespräch keine Angaben zu den Beziehungen.", None, ()),
    # Two negations rewritten as two others ("keinem … niemanden" → "nicht … nicht"): none.
    ("Sie ist strategischer Natur, unterliegt keinem externen Einfluss und richtet sich gegen niemanden.",
     "Sie ist strategisch, steht nicht unter fremdem Einfluss und ist nicht gegen andere gerichtet.",
     None, ()),
    # A negation kept while another word changed.
    ("The council has not approved the new law after a long debate in the chamber.",
     "The council has not passed the new law after a long debate in the chamber.", None, ()),
    # A word that only starts like a negation ("Nichte" is a niece): no change.
    ("Die Nichte des Ministers reiste am Montag mit dem Zug nach Paris.",
     "Die Tante des Ministers reiste am Montag mit dem Zug nach Paris.", None, ()),
    # German "Not" (need) is no English "not".
    ("Die Herzöge beschlossen es damals aus Not, denn Nahrung war in Bayern sehr knapp.",
     "Die Herzöge beschlossen es damals, denn Nahrung war in Bayern sehr knapp.", None, ()),
    # "not yet" taken out: the review's case.
    ("Work on a second phase has not yet been scheduled by the city council.",
     "Work on a second phase has been scheduled by the city council.", "dropped", ("not",)),
    # A phrase rewritten into its negation.
    ("The council approved the new law on Monday after a long debate.",
     "The council did not pass the new law on Monday after a long debate.", "added", ("not",)),
    # A negation brought in with a whole clause is that clause's rewording, not a reversal.
    ("Jeder deutsche Erwachsene sitzt durchschnittlich sieben Stunden am Tag.",
     "Jeder deutsche Erwachsene sitzt durchschnittlich sieben Stunden am Tag, er bewegt sich "
     "praktisch nicht.", None, ()),
    # A speech tag added right after a kept negation does not take the negation with it.
    ('- "Das macht nichts.', "„Das macht nichts“, sagte er.", None, ()),
]


def _only_link(c: Comparison) -> Link:
    (link,) = c.links
    return link


@pytest.mark.parametrize(("a", "b", "change", "words"), CASES)
def test_a_negation_change_is_found_with_its_words(a: str, b: str, change: str | None,
                                                   words: tuple[str, ...]) -> None:
    c = compare(a, b)
    found = _only_link(c).negation_change
    if change is None:
        assert found is None
        assert c.stats.negation_changes == 0
        return
    assert found is not None and found.change == change and found.words == words
    assert c.stats.negation_changes == 1
    # Offsets are truth: each span covers its word on the side the change names.
    text = c.document(found.side).text
    assert [text[s:e].lower() for s, e in found.spans] == list(words)


def test_the_change_survives_the_json() -> None:
    a, b, *_ = CASES[0]
    c = compare(a, b)
    back = comparison_from_json(json.loads(json.dumps(c.to_json())), a, b)
    assert _only_link(back).negation_change == _only_link(c).negation_change
    assert back.stats.negation_changes == 1
    data = c.to_json()["links"][0]["negation_change"]
    assert data == {"change": "added", "side": "b", "words": ["not"], "spans": [[16, 19]]}
    # A file written before links carried it reads as none.
    old = c.to_json()
    del old["links"][0]["negation_change"]
    assert _only_link(comparison_from_json(old, a, b)).negation_change is None


def test_every_report_names_it() -> None:
    a, b, *_ = CASES[0]
    c = compare(a, b)
    assert "1 negation change" in c.stats.summary()  # the status line and the reports' head
    assert "    ¬ negation added: not" in text_report(c).splitlines()
    html = export_html(c)
    assert "reworded, negation added: not" in html  # the list of changes
    assert "Negation changes" in html  # the statistics
    # Without one, the summary stays as short as before.
    assert "negation" not in compare(CASES[3][0], CASES[3][1]).stats.summary()
