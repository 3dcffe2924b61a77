"""Link details: kind, similarity in percent, moved, shared words, quote changes (pure)."""

from __future__ import annotations

from dataclasses import replace

from collatio.core.model import DiffOp, FigureChange, LinkKind, OpKind, QuoteChange
from collatio.gui.details import details_html, link_details, tooltip_text, unlinked_html

from .factory import L, make


def test_details_name_kind_similarity_shared_words_and_quotes() -> None:
    a = "Putin sagte: „Wir sind Freunde.“"
    b = "Putin erklärte: „Wir bleiben Freunde.“"
    def at(text: str, word: str) -> tuple[int, int]:
        return text.index(word), text.index(word) + len(word)

    # The word diff: "sagte" → "erklärte" (outside the quotation), "sind" → "bleiben".
    ops = (DiffOp(OpKind.EQUAL, (0, 6), (0, 6)),
           DiffOp(OpKind.DELETE, at(a, "sagte"), None), DiffOp(OpKind.INSERT, None, at(b, "erklärte")),
           DiffOp(OpKind.EQUAL, (at(a, "sagte")[1], at(a, "sind")[0]), (at(b, "erklärte")[1], at(b, "bleiben")[0])),
           DiffOp(OpKind.DELETE, at(a, "sind"), None), DiffOp(OpKind.INSERT, None, at(b, "bleiben")),
           DiffOp(OpKind.EQUAL, (at(a, "sind")[1], len(a)), (at(b, "bleiben")[1], len(b))))
    c = make([[a]], [[b]], [L((0,), (0,), LinkKind.REWORDED, moved=True, similarity=0.734, ops=ops)])
    qa, qb = (a.index("Wir"), a.index(".“")), (b.index("Wir"), b.index(".“"))
    link = replace(c.links[0], quote_changes=(QuoteChange("altered", qa, qb, "l0"),))
    c = replace(c, links=(link,))
    d = link_details(c, link)
    assert (d.kind, d.similarity, d.moved) == ("reworded", "73 %", True)
    assert d.shared == ("Putin", "Freunde")
    assert [(q.change, q.a, q.b, q.edits) for q in d.quotes] == [
        ("quotation reworded", "Wir sind Freunde", "Wir bleiben Freunde", "sind → bleiben")]
    html = details_html(d, "#888")
    assert "73 %" in html and "moved" in html and "Wir bleiben Freunde" in html
    assert f"link {link.id}" in html  # named as what it is: the id in the exports
    assert "quotation reworded</b>: sind → bleiben" in html
    tip = tooltip_text(c, c.a.sentences[0])
    assert tip.startswith("Reworded · similarity 0.73") and "Shared words: Putin, Freunde" in tip
    assert "⚠ quotation reworded: sind → bleiben" in tip


def test_tooltip_of_an_unlinked_sentence_is_its_status() -> None:
    c = make([["Gone."]], [["New."]])
    assert tooltip_text(c, c.a.sentences[0]).startswith("Removed")


def test_unlinked_details_say_what_was_dropped_and_added() -> None:
    from collatio.gui.navigation import changes
    from collatio.gui.rows import build_rows

    c = make([["Gone one.", "Gone two."]], [["New."]])
    (change,) = changes(c, build_rows(c))
    html = unlinked_html(c, change)
    assert "<b>Removed</b>: 2 sentences of the original" in html  # the list's word, "Removed"
    assert "1 sentence in the revision" in html
    assert "no sentence of one matches the other" in html
    # The sentences themselves, marked as in the panes.
    assert "<br>− Gone one.<br>− Gone two.<br>+ New." in html


def test_unlinked_details_name_each_quotation_that_went_or_came() -> None:
    """Not "a quotation changed": which one, and whether it was dropped or added."""
    from dataclasses import replace

    from collatio.core.model import QuoteChange
    from collatio.gui.navigation import changes
    from collatio.gui.rows import build_rows

    c = make([["Er nannte ihn „völlig überzogen“."]], [["Sie sprach von „engem Kontakt“."]])
    a, b = c.a.text.index("völlig"), c.b.text.index("engem")
    c = replace(c, quote_changes=(QuoteChange("dropped", (a, a + 16), None, None),
                                  QuoteChange("added", None, (b, b + 13), None)))
    (change,) = changes(c, build_rows(c))
    html = unlinked_html(c, change)
    assert "⚠ <b>quotation dropped</b>: „völlig überzogen“" in html
    assert "⚠ <b>quotation added</b>: „engem Kontakt“" in html


def test_tooltip_of_an_added_sentence_inside_an_expanded_passage_names_its_paragraph() -> None:
    c = make(
        [["Intro."], ["Der Wolf kam.", "Er fraß sie."]],
        [["Intro."], ["Der Wolf kommt."], ["Ein Wolf ist ein wildes Tier."], ["Er frisst sie."]],
        [L((0,), (0,)), L((1,), (1,)), L((2,), (3,))],
    )
    inserted = c.b.sentences[2]  # no sentence link, between two rewrites of paragraph 2
    assert tooltip_text(c, inserted).endswith(
        "part of the rewrite of the original paragraph\n   „Der Wolf kam.“\n"
        "though no sentence of it matches.")
    # a linked sentence, and the original side, get no such line
    assert "part of the rewrite" not in tooltip_text(c, c.b.sentences[1])
    assert "part of the rewrite" not in tooltip_text(c, c.a.sentences[0])


def test_details_and_tooltip_list_the_figure_changes() -> None:
    a = "Der Bau kostet 3,5 Milliarden Euro, sagte Rubio in vier Reden."
    b = "Der Bau kostet 35 Millionen Euro, sagte Rubio."
    c = make([[a]], [[b]], [L((0,), (0,), LinkKind.REWORDED)])
    fa, fb = (a.index("3,5"), a.index(" Euro")), (b.index("35"), b.index(" Euro"))
    dropped = (a.index("vier"), a.index(" Reden"))
    link = replace(c.links[0], figure_changes=(FigureChange("changed", fa, fb, "l0"),
                                               FigureChange("dropped", dropped, None, "l0")))
    c = replace(c, links=(link,))
    d = link_details(c, link)
    assert [(f.change, f.a, f.b) for f in d.figures] == [
        ("figure changed", "3,5 Milliarden", "35 Millionen"), ("figure dropped", "vier", "")]
    html = details_html(d, "#888")
    assert "3,5 Milliarden → 35 Millionen" in html and "figure dropped</b>: vier" in html
    tip = tooltip_text(c, c.b.sentences[0])
    assert "# figure changed: 3,5 Milliarden → 35 Millionen" in tip
    assert "# figure dropped: vier" in tip


def test_details_and_tooltip_name_both_speakers_of_a_reattributed_quotation() -> None:
    a = "Xi sagte: „Wir sind Freunde.“"
    b = "„Wir sind Freunde“, meldete Xinhua."
    c = make([[a]], [[b]], [L((0,), (0,), LinkKind.REWORDED, similarity=0.6)])
    quote = QuoteChange("reattributed", (a.index("Wir"), a.index(".“")), (1, b.index("“")), "l0",
                        (0, 2), (b.index("Xinhua"), b.index("Xinhua") + 6))
    altered = QuoteChange("altered", quote.a, quote.b, "l0")
    link = replace(c.links[0], quote_changes=(altered, quote))
    c = replace(c, links=(link,))
    # The re-attribution comes first, before the (longer) reworded quotation.
    line, _ = link_details(c, link).quotes
    assert (line.change, line.edits) == ("quotation attributed to someone else", "Xi → Xinhua")
    assert "⚠ quotation attributed to someone else: Xi → Xinhua" in tooltip_text(c, c.a.sentences[0])


def test_details_name_a_negation_first() -> None:
    from collatio.core import compare

    c = compare("The council approved the new law on Monday after a long debate.",
                "The council has not approved the new law on Monday after a long debate.")
    html = details_html(link_details(c, c.links[0]), "#888")
    assert "⚠ <b>negation added</b>: not" in html
    # Under the headline (kind, similarity), where the eye goes first.
    assert html.index("similarity") < html.index("negation added") < html.index("Shared words")
