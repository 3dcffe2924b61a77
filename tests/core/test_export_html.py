"""The HTML report: escaping, completeness of the side-by-side table, highlights, sections."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from collatio.core import Comparison, QuoteChange, compare
from collatio.core.export_html import export_html
from collatio.core.model import Side
from collatio.core.reportrows import place, report_rows, row_anchors
from hypothesis import given, settings
from hypothesis import strategies as st

from .renderings import SWAPPED_QUOTES

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"

HOSTILE_A = (
    "Die Regierung hat am Montag neue Regeln beschlossen.\n\n"
    "Ein Leser schrieb <script>alert(1)</script> in das Formular der Zeitung.\n\n"
    "Dieser Satz wird in der Bearbeitung vollständig gestrichen, ohne Ersatz.\n"
)
HOSTILE_B = (
    "Die Regierung hat am Montag strenge Regeln beschlossen.\n\n"
    "Ein Leser schrieb <script>alert(1)</script> in das Formular der Redaktion.\n\n"
    "Neu ist ein Bild <img src=x onerror=alert(1)> mitten im Text & so weiter.\n"
)


class _Collector(HTMLParser):
    """Start tags and text content, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Collector:
    parser = _Collector()
    parser.feed(markup)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def sample() -> Comparison:
    a = (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8")
    return compare(a, b, source_a="/home/editor/secret/xi-putin-original.txt", source_b="rewrite.txt")


@pytest.fixture(scope="module")
def hostile() -> Comparison:
    return compare(HOSTILE_A, HOSTILE_B, source_a="<b onmouseover=alert(2)>x.txt", source_b="b.txt")


def test_markup_in_articles_is_shown_as_text_not_run(hostile: Comparison) -> None:
    parsed = _parse(export_html(hostile))
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<b onmouseover=alert(2)>x.txt" in text  # the file name is escaped too
    assert not [name for name in parsed.attributes if name.startswith("on")]  # no event handlers
    assert "& so weiter" in text


def test_report_has_no_external_resources_or_scripts(sample: Comparison) -> None:
    markup = export_html(sample)
    parsed = _parse(markup)
    assert {"script", "img", "link", "iframe", "object"}.isdisjoint(parsed.tags)
    assert "http://" not in markup.split("<body>")[0] and "https://" not in markup.split("<body>")[0]
    assert "@media print" in markup and "size: A4" in markup


def test_local_folders_are_not_disclosed(sample: Comparison) -> None:
    markup = export_html(sample)
    assert "xi-putin-original.txt" in markup
    assert "/home/editor/secret" not in markup


def test_every_sentence_appears_once_in_reading_order(sample: Comparison) -> None:
    rows = report_rows(sample)
    seen_a = [sid for row in rows for sid in row.a]
    seen_b = [sid for row in rows for sid in row.b]
    assert sorted(seen_a) == sorted(s.id for s in sample.a.sentences)
    assert sorted(seen_b) == sorted(s.id for s in sample.b.sentences)
    assert len(seen_a) == len(set(seen_a)) and len(seen_b) == len(set(seen_b))
    # The revision is read in order: its sentences come out in document order.
    index_b = {s.id: s.index for s in sample.b.sentences}
    assert [index_b[s] for s in seen_b] == sorted(index_b[s] for s in seen_b)


def test_moved_sentences_are_placed_once() -> None:
    # Paragraphs swapped: one side's order differs, and each sentence still appears once.
    first = "Der Hafen wurde im Jahr 1850 gebaut und später erweitert."
    second = "Heute legen dort jede Woche große Containerschiffe aus Asien an."
    third = "Die Stadt plant einen neuen Kai für Kreuzfahrtschiffe bis 2030."
    c = compare(f"{first}\n\n{second}\n\n{third}\n", f"{third}\n\n{first}\n\n{second}\n")
    rows = report_rows(c)
    assert sorted(sid for r in rows for sid in r.a) == [s.id for s in c.a.sentences]
    assert sorted(sid for r in rows for sid in r.b) == [s.id for s in c.b.sentences]
    assert any(link.moved for link in c.links)
    assert "↕" in export_html(c)


def test_deleted_words_are_struck_and_inserted_underlined(hostile: Comparison) -> None:
    markup = export_html(hostile)
    assert "<del>neue</del>" in markup
    assert "<ins>strenge</ins>" in markup
    assert "<del>Zeitung</del>" in markup and "<ins>Redaktion</ins>" in markup


def test_added_and_removed_sentences_carry_glyphs_not_just_colour(hostile: Comparison) -> None:
    markup = export_html(hostile)
    assert '<div class="removed"><span class="glyph">−</span>' in markup
    assert '<div class="added"><span class="glyph">+</span>' in markup


def test_sections_legend_statistics_changes(sample: Comparison) -> None:
    markup = export_html(sample)
    # What an editor checks first (quotations, figures) comes before the long parts.
    order = ("Quote changes", "Figure changes", "Statistics", "Legend", "Side by side",
             "List of changes")
    at = [markup.find(f"<h2>{heading}</h2>") for heading in order]
    assert -1 not in at and at == sorted(at)
    figures = markup.split("<h2>Figure changes</h2>")[1].split("<h2>")[0]
    assert "# figure dropped" in figures and "vier" in figures
    quotes = markup.split("<h2>Quote changes</h2>")[1].split("<h2>")[0]
    assert "quotation attributed to someone else<br><span class=\"small\">Xi Jinping → Xinhua" in quotes
    assert f"{sample.stats.b_verbatim_pct:.1f} %" in markup
    assert f"{sample.stats.longest_verbatim_words} words" in markup


def test_quote_changes_are_listed_with_their_words(hostile: Comparison) -> None:
    link = hostile.links[0]
    a_start = HOSTILE_A.index("neue Regeln")
    b_start = HOSTILE_B.index("strenge Regeln")
    quote = QuoteChange("altered", (a_start, a_start + 11), (b_start, b_start + 14))
    changed = replace(hostile, links=(replace(link, quote_changes=(quote,)), *hostile.links[1:]))
    text = "".join(_parse(export_html(changed)).text)
    assert "altered" in text and "neue Regeln" in text and "strenge Regeln" in text
    assert "No quotation was altered" not in text


def test_boilerplate_is_dimmed_and_labelled() -> None:
    a = "Startseite > Politik > Ausland\n\nDer Minister reiste am Dienstag nach Rom und traf dort den Papst.\n"
    b = "Startseite > Politik > Ausland\n\nDer Minister reiste am Dienstag nach Rom und sprach mit dem Papst.\n"
    c = compare(a, b)
    ignored = [s for s in c.a.sentences if c.status(s).value == "ignored"]
    if not ignored:
        pytest.skip("the role detector does not call this line boilerplate")
    assert '<div class="ignored"><span class="tag">[' in export_html(c)


def test_a_quote_dropped_with_its_sentence_is_listed_and_marked() -> None:
    kept = "Der Minister sprach am Montag in Berlin vor der Presse über den Haushalt."
    quoted = "Er sagte: „Wir werden keine neuen Schulden machen, auch nicht im nächsten Jahr.“"
    c = compare(f"{kept}\n\n{quoted}\n", f"{kept}\n")
    if not c.quote_changes:
        pytest.skip("quote detection does not report quotes of removed sentences")
    markup = export_html(c)
    quotes = markup.split("<h2>Quote changes</h2>")[1].split("<h2>")[0]
    assert "dropped" in quotes and "Wir werden keine neuen Schulden machen" in quotes
    assert '<span class="glyph">−</span> <span class="glyph">❝</span>' in markup


POOL = [
    "Der Hafen wurde im Jahr 1850 gebaut und später mehrmals erweitert.",
    "Heute legen dort jede Woche große Containerschiffe aus Asien an.",
    "Die Stadt plant einen neuen Kai für Kreuzfahrtschiffe bis 2030.",
    "Umweltverbände kritisieren den Plan wegen der Vertiefung der Elbe.",
    "Der Bürgermeister verteidigte das Projekt am Dienstag im Rathaus.",
    "Die Kosten werden auf rund 400 Millionen Euro geschätzt.",
    "Ein Gutachten soll im Frühjahr vorliegen.",
    "Kritiker fordern eine Bürgerbefragung vor dem ersten Spatenstich.",
]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=6, unique=True),
    st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=6, unique=True),
    st.booleans(),
)
def test_rows_place_every_sentence_exactly_once(order_a: list[int], order_b: list[int], reword: bool) -> None:
    # Random selections and orders of the same sentences: kept, moved, added, removed.
    b_sentences = [POOL[k].replace("im", "in dem") if reword and k % 2 else POOL[k] for k in order_b]
    c = compare("\n\n".join(POOL[k] for k in order_a) + "\n", "\n\n".join(b_sentences) + "\n")
    rows = report_rows(c)
    assert sorted(sid for r in rows for sid in r.a) == sorted(s.id for s in c.a.sentences)
    assert sorted(sid for r in rows for sid in r.b) == sorted(s.id for s in c.b.sentences)
    markup = export_html(c)
    anchors = row_anchors(rows)
    for sentence in (*c.a.sentences, *c.b.sentences):
        # Every sentence's row has its anchor; every change is listed by its place, linked
        # to that row. Identical and ignored sentences need not be listed.
        assert f'id="{anchors[sentence.id]}"' in markup
        doc = c.a if sentence.side is Side.A else c.b
        listed = f'<a href="#{anchors[sentence.id]}">'
        assert (listed in markup and place(doc, [sentence.id]) in markup) \
            or c.status(sentence).value in ("identical", "ignored")


def test_changed_figures_are_highlighted_inside_the_word_marks() -> None:
    c = compare("Der Bau kostet 3,5 Milliarden Euro laut Senat.",
                "Der Bau kostet 35 Millionen Euro laut Senat.")
    assert c.stats.figure_changes == 1, "the pair must have a figure change to mean anything"
    page = export_html(c)
    assert '<strong class="figure">3,5 Milliarden</strong>' in page
    assert '<strong class="figure">35 Millionen</strong>' in page
    assert "# 1 figure" in page.replace('<span class="glyph">#</span>', "#")


def test_escaped_entities_read_as_what_they_stand_for(sample: Comparison) -> None:
    # The sample's teaser ends in a doubly escaped "&amp;hellip;" (copied from a web page).
    text = "".join(_parse(export_html(sample)).text)
    assert "anhaltend …" in text
    assert "hellip" not in text
    # A decoded entity is still escaped: markup written as entities stays text.
    c = compare("Er schrieb &lt;script&gt; in das Formular.\n", "Er schrieb nichts.\n")
    parsed = _parse(export_html(c))
    assert "script" not in parsed.tags and "<script>" in "".join(parsed.text)


def test_an_altered_quotation_names_its_changed_words(sample: Comparison) -> None:
    markup = export_html(sample)
    # In the quotations table, beside the two full quotations.
    assert '<span class="small">besonders → insbesondere; ' in markup


def test_words_kept_in_a_heavy_rewrite_are_dotted_as_in_the_window(sample: Comparison) -> None:
    # The window's legend: bold is a changed figure, dotted the words a rewrite kept. The
    # report used bold for the kept words, so an editor reading both misread one.
    html = export_html(sample)
    pairs = html[html.index('<table class="pairs"'):]
    assert '<span class="kept">' in pairs and "<b>" not in pairs
    assert "text-underline-style: dotted" in html  # what Qt's PDF layout understands
    legend = html[html.index('<table class="legend">'):]
    assert '<span class="kept">dotted</span>' in legend[:legend.index("</table>")]


def test_words_moved_in_a_sentence_are_marked_moved_not_cut_and_added() -> None:
    a = "Heute sagte der Minister in Berlin, die Steuern würden steigen."
    b = "Der Minister sagte in Berlin, die Steuern würden heute steigen."
    markup = export_html(compare(a, b))
    assert '<span class="moved">Heute</span>' in markup and '<span class="moved">heute</span>' in markup
    assert "<del>Heute" not in markup and "<ins>heute" not in markup
    # "der Minister" kept its place while "sagte" moved around it: unmarked on both sides.
    assert "<del>der Minister" not in markup and "<ins>Der Minister" not in markup


def test_a_quotation_moved_to_another_link_is_placed_by_its_own_sentences() -> None:
    a, b = SWAPPED_QUOTES
    c = compare(a, b)
    quotes = export_html(c).split("<h2>Quote changes</h2>")[1].split("<h2>")[0]
    # „Das Angebot …“ is a.s1 in the original and b.s2 in the revision, whatever its link.
    for sa, sb in (("a.s1", "b.s2"), ("a.s3", "b.s1")):
        assert f">{place(c.a, [sa])} → {place(c.b, [sb])}</a></td>" in quotes
