"""The terminal report (``collatio compare``, text format): order, statistics, quote lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.core import Comparison, compare
from collatio.core.reportrows import quote_edits
from collatio.core.summary import summary_line
from collatio.core.textreport import text_report

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


@pytest.fixture(scope="module")
def sample() -> Comparison:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return compare(a, b, source_a="original.txt", source_b="rewrite.txt")


def _lines_after(report: list[str], start: str) -> list[str]:
    """The indented lines that follow the first line starting with ``start``."""
    at = next(k for k, line in enumerate(report) if line.startswith(start))
    out = []
    for line in report[at + 1 :]:
        if not line.startswith("    "):
            break
        out.append(line.strip())
    return out


def test_the_shares_of_the_revision_do_not_read_as_parts_of_one_whole(sample: Comparison) -> None:
    s = sample.stats
    line = text_report(sample).splitlines()[3]
    # Verbatim words lie inside reworded sentences: a separate figure, not a third share.
    assert line == (
        f"revision: {s.b_reworded_pct}% in reworded sentences, {s.b_added_pct}% added; "
        f"{s.b_verbatim_pct}% reused word for word (longest run {s.longest_verbatim_words} words); "
        f"original: {s.a_removed_pct}% removed")


def test_quote_and_figure_changes_are_listed_under_their_row(sample: Comparison) -> None:
    report = text_report(sample).splitlines()
    rubio = next(link for link in sample.links if any(f.change == "dropped" for f in link.figure_changes))
    row = _lines_after(report, f"≈  reworded ({rubio.similarity:.2f}) {'+'.join(rubio.a)} →")
    assert "# figure dropped: vier" in row
    # A reworded quotation says which of its words changed, not the whole clipped quote.
    leaders = next(link for link in sample.links
                   if "Die Führer betonten besonders" in " ".join(sample.a.sentence(s).text for s in link.a))
    row = _lines_after(report, f"≈  reworded ({leaders.similarity:.2f}) {'+'.join(leaders.a)} →")
    assert row[2].startswith("⚠ quotation reworded: besonders → insbesondere; ")
    # A quotation given to another speaker names both speakers, beside its edits.
    history = next(link for link in sample.links
                   if "Xi Jinping sagte zu Putin" in " ".join(sample.a.sentence(s).text for s in link.a))
    row = _lines_after(report, f"≈  reworded ({history.similarity:.2f}) {'+'.join(history.a)} →")
    assert ("⚠ quotation attributed to someone else: „Die Geschichte und die Realität "
            "zeigen, …“ Xi Jinping → Xinhua") in row
    # A quotation dropped with its sentence is listed under the removed sentence.
    assert _lines_after(report, "  − Wang fügte hinzu") == [
        "⚠ quotation dropped: Ein Fenster für Frieden öffnet sich"]
    # Every quote change of the comparison is listed once.
    assert sum(line.lstrip().startswith("⚠ ") for line in report) == sample.stats.quote_changes


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [
        # one word replaced inside the quotation
        ("Er sagte: „Wir bleiben besonders eng verbunden.“", "Er sagte: „Wir bleiben insbesondere eng verbunden.“",
         "besonders → insbesondere"),
        # a word cut, and a later one added: two phrases, in order
        ("Sie sagte: „Das ist sehr gut und richtig so.“", "Sie sagte: „Das ist gut und völlig richtig so.“",
         "cut “sehr”; new “völlig”"),
        # changes outside the quotation are not the quotation's
        ("Gestern sagte er: „Wir kommen morgen.“", "Heute sagte er: „Wir kommen übermorgen.“",
         "morgen → übermorgen"),
        # the full stop that leaves the quotation set before its speech tag is no edit
        ("Der Minister sagte: „Wir werden 300 Stellen streichen müssen.“",
         "„Wir werden 200 Stellen streichen müssen“, sagte der Minister.", "300 → 200"),
        # nor is it part of a changed phrase at the end
        ("Er sagte: „Wir lassen unsere Schwimmer nicht im Regen stehen.“",
         "„Wir lassen unsere Schwimmer nicht im Stich“, sagte er.", "Regen stehen → Stich"),
    ],
)
def test_quote_edits_name_the_changed_words(a: str, b: str, edits: str) -> None:
    c = compare(a + "\n", b + "\n")
    (link,) = c.links
    (quote,) = [q for q in link.quote_changes if q.change == "altered"]
    assert quote_edits(c, link, quote) == edits


def test_identical_links_in_a_row_are_one_line_and_every_change_stands_out() -> None:
    a = "Eins ist da.\n\nZwei ist da.\n\nDrei ist da.\n\nVier ist da.\n\nFünf bleibt."
    b = "Eins ist da.\n\nZwei ist da.\n\nDrei ist da.\n\nVier ist nicht da.\n\nFünf bleibt."
    report = text_report(compare(a, b)).splitlines()
    body = report[report.index("") + 1 :]
    assert body[0] == "=  3 identical links a.s0 … a.s2 → b.s0 … b.s2"
    assert body[1] == "    Eins ist da."  # the first of them, once
    assert body[2].startswith("≈  reworded") and body[3] == "    A: Vier ist da."
    assert "=  identical a.s4 → b.s4" in body and body[-1] == "    Fünf bleibt."


def test_a_text_that_is_mostly_repetition_says_so() -> None:
    """40 versions of one article in one file: most of it is left out as duplicate, and
    the shares describe one copy. The reader must be told, not left to trust them."""
    article = ("Der Stadtrat hat am Montag den Bau einer neuen Brücke über den Fluss beschlossen. "
               "Die Kosten liegen bei zwölf Millionen Euro, die Bauzeit bei drei Jahren.")
    a = "\n\n".join(f"Fassung {k}\n\n{article}" for k in range(6))
    b = f"Fassung 0\n\n{article}"
    c = compare(a, b)
    assert summary_line(c).startswith(c.stats.summary() + " · the original repeats itself: ")
    assert "% of its text is left out as duplicate" in text_report(c).splitlines()[2]
    # The sample's duplicated teaser is a small share: nothing to say.
    sample = compare((SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8"),
                     (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8"))
    assert "repeats itself" not in summary_line(sample)
