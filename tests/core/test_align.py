"""Sentence alignment: the monotone backbone, splits and merges, moves, no forced links,
and the facts an editor checks on the bundled sample pair."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from collatio.core import Comparison, Side, compare
from collatio.core.align import TUNING, _chain_groups, align_sentences
from collatio.core.backbone import monotone_assignment, scattered_pairs, top_per_column
from collatio.core.gapfill import GapTuning, fill_gap, gap_candidates
from collatio.core.options import CompareOptions
from collatio.core.similarity import SimilarityModel
from scipy import sparse

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


def links_by_text(result: Comparison) -> list[tuple[list[str], list[str], bool]]:
    return [
        ([result.a.sentence(s).text for s in link.a], [result.b.sentence(s).text for s in link.b], link.moved)
        for link in result.links
    ]


# --- the backbone -----------------------------------------------------------------


def test_monotone_assignment_keeps_order_and_drops_the_crossing_pair() -> None:
    # b0→a0 and b2→a2 are in order; b1→a3 would cross b2→a2 and is lighter.
    candidates = [[(0, 1.0)], [(3, 0.4)], [(2, 1.0)]]
    assert monotone_assignment(candidates, 4) == {0: 0, 2: 2}


def test_monotone_assignment_lets_several_b_rows_share_one_a_row() -> None:
    # A split: b0 and b1 both come from a0; b2 from a1.
    candidates = [[(0, 0.5)], [(0, 0.5), (1, 0.1)], [(1, 0.6)]]
    assert monotone_assignment(candidates, 2) == {0: 0, 1: 0, 2: 1}


def test_monotone_assignment_of_nothing_is_empty() -> None:
    assert monotone_assignment([[], []], 3) == {}


# --- behaviour on small documents ----------------------------------------------------

ORIGINAL = """Die Stadt Bonn plant einen neuen Radweg entlang des Rheinufers.
Der Bau soll im Frühjahr beginnen und rund zwei Millionen Euro kosten.
Anwohner hatten sich seit Jahren über gefährliche Kreuzungen beschwert.

Der Bürgermeister sprach von einem wichtigen Schritt für die Verkehrswende.
Kritiker bemängeln dagegen fehlende Parkplätze für Lieferdienste.
"""


def test_identical_documents_link_every_sentence_one_to_one() -> None:
    result = compare(ORIGINAL, ORIGINAL, presegmented=True)
    assert [(link.a, link.b) for link in result.links] == [
        ((f"a.s{k}",), (f"b.s{k}",)) for k in range(5)
    ]
    assert not any(link.moved for link in result.links)


def test_unrelated_sentences_are_not_forced_into_links() -> None:
    other = (
        "Im Zoo von Leipzig kam ein Elefantenbaby zur Welt.\n"
        "Die Pfleger tauften das Jungtier auf den Namen Tamika.\n"
    )
    result = compare(ORIGINAL, other, presegmented=True)
    assert result.links == ()


def test_a_split_sentence_becomes_one_link_with_two_sentences() -> None:
    rewrite = ORIGINAL.replace(
        "Der Bau soll im Frühjahr beginnen und rund zwei Millionen Euro kosten.",
        "Der Bau soll im Frühjahr beginnen.\nEr wird rund zwei Millionen Euro kosten.",
    )
    result = compare(ORIGINAL, rewrite, presegmented=True)
    texts = links_by_text(result)
    assert (
        ["Der Bau soll im Frühjahr beginnen und rund zwei Millionen Euro kosten."],
        ["Der Bau soll im Frühjahr beginnen.", "Er wird rund zwei Millionen Euro kosten."],
        False,
    ) in texts


def test_two_merged_sentences_become_one_link() -> None:
    rewrite = ORIGINAL.replace(
        "Der Bürgermeister sprach von einem wichtigen Schritt für die Verkehrswende.\n"
        "Kritiker bemängeln dagegen fehlende Parkplätze für Lieferdienste.",
        "Der Bürgermeister sprach von einem wichtigen Schritt für die Verkehrswende, "
        "Kritiker bemängeln fehlende Parkplätze für Lieferdienste.",
    )
    result = compare(ORIGINAL, rewrite, presegmented=True)
    merged = [link for link in result.links if len(link.a) == 2]
    assert [(link.a, link.b) for link in merged] == [(("a.s3", "a.s4"), ("b.s3",))]


@pytest.mark.parametrize(
    ("replacement", "linked"),
    [
        # Heavily reworded (similarity about 0.2): the slot between two links says it corresponds.
        ("Die Nachbarn beschweren sich schon ewig über die Kreuzungen.", True),
        # A different statement in the same slot: removed and added, not linked.
        ("Im Zoo kam ein Elefant zur Welt.", False),
    ],
)
def test_a_lone_sentence_between_two_links_needs_less_evidence(replacement: str, linked: bool) -> None:
    rewrite = ORIGINAL.replace(
        "Anwohner hatten sich seit Jahren über gefährliche Kreuzungen beschwert.", replacement
    )
    result = compare(ORIGINAL, rewrite, presegmented=True)
    link = result.link_of("b.s2")
    assert (link is not None and link.a == ("a.s2",)) is linked


def test_a_strong_out_of_order_sentence_is_a_moved_link() -> None:
    lines = ORIGINAL.strip().split("\n")
    # The complaint of the residents moves to the very end of the rewrite.
    rewrite = "\n".join([lines[0], lines[1], "", lines[4], lines[5], lines[2]]) + "\n"
    result = compare(ORIGINAL, rewrite, presegmented=True)
    moved = [(link.a, link.b) for link in result.links if link.moved]
    assert moved == [(("a.s2",), ("b.s4",))]
    assert len(result.links) == 5


def test_a_weak_out_of_order_match_is_not_linked() -> None:
    # Shares a word or two with the first sentence but sits at the end: no move.
    rewrite = ORIGINAL + "\nEin Radweg in Köln ist schon fertig.\n"
    result = compare(ORIGINAL, rewrite, presegmented=True)
    assert result.link_of("b.s5") is None
    first = result.link_of("a.s0")
    assert first is not None and first.b == ("b.s0",)


# --- the bundled sample pair ----------------------------------------------------------

PARAPHRASES = [
    ("Xi betont enge Russland-Beziehungen", "Xi betont enge Russland-Bindungen"),
    ("Der chinesische Staatsführer Xi Jinping hat", "Am Montag telefonierte der chinesische Präsident"),
    ("Dies war das erste Gespräch der beiden Führer", "In ihrem ersten Gespräch seit dem massiven Wandel"),
    ("Das Telefongespräch fällt zeitlich", "Der Anruf fand aus Anlass"),
    ("Das Telefongespräch fällt zeitlich", "Xi erklärte, dass die Beziehungen zu Russland nicht"),
    ("Xi Jinping sagte zu Putin", "„Die Geschichte und die Realität zeigen"),
    ("Weiter erklärte Xi", "Zudem betonte er"),
    ("Der Kreml bezeichnete das Gespräch", "Der Kreml beschrieb das Gespräch"),
    ("„Die Führer betonten besonders", "„Die Führer betonten insbesondere"),
    ("„Die Führer betonten besonders", "Dies unterstreicht die strategische Dimension"),
    ("Das sehnlich erwartete Gespräch", "In den letzten Wochen hat sich die Position Russlands"),
    ("Trump hat versucht", "Trump unternimmt Schritte"),
    ("Hohe Beamte der Trump-", "Hochrangige Vertreter des Trump-Teams"),
    ("Trotz der Erklärung zur Neutralität", "Obwohl China Neutralität"),
    ("China wird von der NATO vorgeworfen", "Westliche Staaten werfen Peking vor"),
    ("Xi und Putin, die Wochen vor der Invasion", "Xi und Putin, die kurz vor der Invasion"),
    ("Die jüngsten Bemühungen der USA werfen", "Die jüngsten Bemühungen der USA, die beiden"),
    ("US-Außenminister Marco Rubio nannte", "Bei einem Treffen zwischen hohen US-"),
    ("Tage zuvor hatte Keith Kellogg", "Tage zuvor hatte Keith Kellogg"),
    ("China hat erste Signale gesendet", "China gab erste Anzeichen"),
    ("Chinas Außenminister Wang Yi äußerte", "Chinas Außenminister Wang Yi sagte"),
    ("Russland begann vor drei Jahren", "Russland begann vor drei Jahren"),
    ("Die Invasion hat ukrainische Städte zerstört", "Die Invasion führte zu massiven Zerstörungen"),
    ("Bericht von CNN, zu dem", "Dieser Bericht wurde von den CNN-Journalisten"),
]


@pytest.fixture(scope="module")
def sample() -> Comparison:
    return compare(
        (SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8"),
        (SAMPLES / "xi-putin-rewrite.txt").read_text(encoding="utf-8"),
    )


def _content_sentence(result: Comparison, side: Side, start: str) -> str:
    doc = result.document(side)
    found = [s.id for s in doc.content_sentences() if s.text.startswith(start)]
    assert len(found) == 1, (start, found)
    return str(found[0])


@pytest.mark.parametrize(("a_start", "b_start"), PARAPHRASES, ids=[p[1][:30] for p in PARAPHRASES])
def test_sample_paraphrase_is_linked_to_its_source(sample: Comparison, a_start: str, b_start: str) -> None:
    a_id = _content_sentence(sample, Side.A, a_start)
    b_id = _content_sentence(sample, Side.B, b_start)
    link = sample.link_of(b_id)
    assert link is not None and a_id in link.a


def test_sample_g20_sentence_is_added(sample: Comparison) -> None:
    b_id = _content_sentence(sample, Side.B, "Dennoch fehlte diese Sprache")
    assert "G20-Treffen in Johannesburg" in sample.b.sentence(b_id).text
    assert sample.link_of(b_id) is None


def test_sample_window_for_peace_sentence_is_removed(sample: Comparison) -> None:
    a_id = _content_sentence(sample, Side.A, "Wang fügte hinzu")
    assert "Ein Fenster für Frieden öffnet sich" in sample.a.sentence(a_id).text
    assert sample.link_of(a_id) is None


def test_sample_sentences_dropped_by_the_rewrite_are_removed(sample: Comparison) -> None:
    for start in ("„Trotz der Veränderungen", "Dies wirft Bedenken auf", "China betont, dass es"):
        assert sample.link_of(_content_sentence(sample, Side.A, start)) is None


def test_sample_links_never_join_body_and_boilerplate(sample: Comparison) -> None:
    for link in sample.links:
        roles = {sample.a.paragraph_of(s).role.is_content for s in link.a}
        roles |= {sample.b.paragraph_of(s).role.is_content for s in link.b}
        assert roles == {True}, link


def test_sample_has_no_moves(sample: Comparison) -> None:
    # The rewrite keeps the order of the original; the ad marker moved, but it is
    # boilerplate and must not make the Kremlin paragraph look moved.
    assert [link.id for link in sample.links if link.moved] == []


# --- gaps between links, candidate selection -------------------------------------------

GRANDMOTHER = "Die Großmutter wohnt draußen im Wald, eine halbe Stunde vom Dorf, und ist krank und schwach."
SPLIT = ["Die Groß∙mutter ist krank.", "Sie ist auch schwach.", "Sie wohnt im Wald."]


def test_gap_dp_links_a_split_as_one_group() -> None:
    model = SimilarityModel([GRANDMOTHER], SPLIT)
    assert [(a, b) for a, b, _ in fill_gap(model, [0], [0, 1, 2], None, GapTuning())] == [([0], [0, 1, 2])]


def test_gap_dp_groups_never_cross_a_paragraph_break() -> None:
    model = SimilarityModel([GRANDMOTHER], SPLIT)
    paragraphs = (["a.p0"], ["b.p0", "b.p0", "b.p1"])
    assert [(a, b) for a, b, _ in fill_gap(model, [0], [0, 1, 2], paragraphs, GapTuning())] == [([0], [0, 1])]


def test_gap_dp_leaves_unrelated_sentences_unmatched() -> None:
    model = SimilarityModel(["Der Bürgermeister eröffnete das Stadtfest am Rhein."],
                            ["Im Zoo kam ein Elefant zur Welt.", "Die Pfleger freuen sich sehr."])
    assert fill_gap(model, [0], [0, 1], None, GapTuning()) == []


def test_gap_dp_skips_gaps_too_wide_for_order_to_say_much() -> None:
    model = SimilarityModel([GRANDMOTHER], SPLIT)
    assert fill_gap(model, [0], [0, 1, 2], None, GapTuning(max_cells=2, expand_ratio=None)) == []


def test_gap_dp_looks_further_in_an_expanded_passage() -> None:
    # One original sentence, three plain ones: an expansion; the cell limit is lifted.
    model = SimilarityModel([GRANDMOTHER], SPLIT)
    tuning = GapTuning(max_cells=2, expand_ratio=2.0, expand_max_cells=10)
    assert [(a, b) for a, b, _ in fill_gap(model, [0], [0, 1, 2], None, tuning)] == [([0], [0, 1, 2])]


# (free a rows, free b rows) → the gap's own threshold, cell limit and split limit.
FOR_GAP_CASES = [
    ((4, 4), (0.2, 100, 5)),  # as long as the original: the usual tuning
    ((4, 7), (0.2, 100, 5)),  # longer, but under twice as long
    ((4, 8), (0.15, 400, 6)),  # twice as long: an expanded passage
    ((0, 8), (0.2, 100, 5)),  # no original sentence free: nothing to expand
]


@pytest.mark.parametrize(("sizes", "expected"), FOR_GAP_CASES)
def test_a_gap_gets_its_own_tuning_by_its_shape(
    sizes: tuple[int, int], expected: tuple[float, int, int]
) -> None:
    own = GapTuning(threshold=0.2, max_cells=100, max_split=5, expand_ratio=2.0).for_gap(*sizes)
    assert (own.threshold, own.max_cells, own.max_split) == expected


def test_top_per_column_keeps_the_best_k_above_the_floor_best_first() -> None:
    scores = sparse.csr_matrix(np.array([[0.9, 0.1], [0.5, 0.0], [0.7, 0.35], [0.2, 0.4]]))
    assert top_per_column(scores, 0.3, 2) == {0: [(0.9, 0), (0.7, 2)], 1: [(0.4, 3), (0.35, 2)]}


# Splits from the backbone: (b rows per a row, allowed hole, pairs taken out of the chain).
SCATTER_CASES = [
    # A run of neighbours is a split: nothing taken out.
    ({0: [3, 4, 5]}, 2, set()),
    # One row between two members is a hole the rewrite may leave (an added remark).
    ({0: [3, 5]}, 1, set()),
    # Far-apart members: the lighter cluster (b 40, 41) leaves the chain.
    ({0: [3, 4, 40, 41]}, 2, {(0, 40), (0, 41)}),
    # The heavier cluster stays even when it comes later.
    ({0: [3, 40, 41]}, 2, {(0, 3)}),
    # No hole allowed: a member two rows on is another cluster.
    ({0: [3, 5]}, 0, {(0, 5)}),
    # Each a row is judged on its own.
    ({0: [1, 2], 1: [9, 30]}, 2, {(1, 9)}),
]


def test_a_heading_and_body_text_are_never_one_split() -> None:
    # b 3 is a heading, b 4 and b 5 body text: two clusters, and the heavier one stays.
    columns = {3: [(0.4, 0)], 4: [(0.6, 0)], 5: [(0.6, 0)]}
    assert scattered_pairs({0: [3, 4, 5]}, columns, 2, frozenset({3})) == {(0, 3)}
    assert scattered_pairs({0: [3, 4, 5]}, columns, 2) == set()  # without the headings


TITLED_A = """City council approves new tram line

The city council voted on Tuesday to build a new tram line from the main station to the university. The project will cost 120 million euros.
"""
TITLED_B = """Council backs tram line to university

On Tuesday the city council approved plans for a tram line linking the main station and the university. The project will cost 150 million euros.
"""


def test_a_title_links_to_the_title_not_with_the_first_sentence() -> None:
    """The rewritten headline shares "university" with the first sentence; it must not
    become part of that sentence's link (nor the original's headline join it)."""
    result = compare(TITLED_A, TITLED_B)
    assert [(link.a, link.b) for link in result.links] == [
        (("a.s0",), ("b.s0",)), (("a.s1",), ("b.s1",)), (("a.s2",), ("b.s2",))]


HEADLINE_A = """Stadtrat beschließt Sanierung des Hallenbads

Der Stadtrat von Bamberg hat am Dienstag die Sanierung des Hallenbads am Stephansberg beschlossen. Die Kosten werden auf 14,5 Millionen Euro geschätzt.

Das Hallenbad war 1972 eröffnet worden und gilt als stark sanierungsbedürftig.
"""
# The rewrite opens with the background sentence: the headlines are no lone pair
# between two links.
HEADLINE_B = """Bamberg: Hallenbad wird für Millionen saniert

Das Hallenbad war 1972 eröffnet worden und gilt als stark sanierungsbedürftig.

Der Bamberger Stadtrat hat am Dienstag die Sanierung des Hallenbads am Stephansberg beschlossen. Die Kosten werden auf 14,5 Millionen Euro geschätzt.
"""


UNRELATED_B = """Neue Buslinie zum Flughafen

Ab Montag fährt eine neue Buslinie im Halbstundentakt vom Bahnhof zum Flughafen.

Die Fahrt dauert etwa zwanzig Minuten und kostet drei Euro.
"""


@pytest.mark.parametrize(("a", "b", "paired"), [
    (HEADLINE_A, HEADLINE_B, True),  # two headlines of one article: their place pairs them
    # A headline with hardly a word of the old one is still its counterpart.
    (HEADLINE_A, HEADLINE_B.replace("Bamberg: Hallenbad wird für Millionen saniert",
                                    "Schwimmer atmen auf: Bad wird saniert"), True),
    # Two different articles: nothing else is linked, so neither are the headlines.
    (HEADLINE_A, UNRELATED_B, False),
    # The same lines as body sentences (with a full stop): no headline, no pairing.
    (HEADLINE_A.replace("Hallenbads\n", "Hallenbads.\n", 1),
     HEADLINE_B.replace("saniert\n", "saniert.\n", 1), False),
])
def test_a_rewritten_headline_stays_linked_to_the_headline(a: str, b: str, paired: bool) -> None:
    """The headlines share one stem (similarity 0.18, below the link threshold), or
    only a few letters ("saniert"/"Sanierung")."""
    result = compare(a, b)
    assert ((("a.s0",), ("b.s0",)) in [(link.a, link.b) for link in result.links]) is paired


@pytest.mark.parametrize(("by_a", "hole", "expected"), SCATTER_CASES)
def test_scattered_split_members_leave_the_chain(
    by_a: dict[int, list[int]], hole: int, expected: set[tuple[int, int]]
) -> None:
    # Scores of the candidate pairs: later b rows score a little higher, except b 3 and
    # b 4, so which cluster is heavier depends on the cluster, not on the order.
    weights = {1: 0.5, 2: 0.5, 3: 0.6, 4: 0.6, 5: 0.4, 9: 0.35, 30: 0.5, 40: 0.35, 41: 0.4}
    columns = {j: [(weights[j], i)] for i, js in by_a.items() for j in js}
    assert scattered_pairs(by_a, columns, hole) == expected


def test_a_scattered_split_gives_way_to_the_sentences_it_would_block() -> None:
    # a0 scores the same with b0, b1 (its real split) and b6, b7 (far away, a common
    # word). Taking all four outweighs b3→a1 and b5→a2, which lie between them; the far
    # pair must leave the chain so that the order can link a1 and a2.
    texts_a = ["alpha beta gamma", "delta epsilon zeta", "eta theta iota"]
    texts_b = [f"wort{k} satz{k} text{k}" for k in range(8)]
    model = SimilarityModel(texts_a, texts_b)
    dense = np.zeros((3, 8))
    dense[0, [0, 1, 6, 7]] = 0.5
    dense[1, 3] = dense[2, 5] = 0.4
    groups, _ = _chain_groups(model, sparse.csr_matrix(dense), 0.3, set(), set(), set(), TUNING,
                              frozenset())
    assert [(g.a, g.b) for g in groups] == [([0], [0, 1]), ([1], [3]), ([2], [5])]
    scattered, _ = _chain_groups(model, sparse.csr_matrix(dense), 0.3, set(), set(), set(),
                                 replace(TUNING, split_hole=None), frozenset())
    assert [(g.a, g.b) for g in scattered] == [([0], [0, 1, 6, 7])]  # what the fix prevents


def test_gap_candidates_without_a_scored_pair_are_skipped() -> None:
    # Free a rows 0, 1 and free b rows 0, 1, 2; only (a1, b2) shares a term. The groups
    # that hold (a1, b2) stay candidates; every other group could only score zero.
    scored = sparse.csr_matrix(np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.4]]))
    tuning = GapTuning(max_split=2, expand_ratio=None)
    every = gap_candidates([0, 1], [0, 1, 2], None, tuning)
    kept = gap_candidates([0, 1], [0, 1, 2], None, tuning, scored)
    # (x, da, y, db): a rows [x-da, x), b rows [y-db, y).
    assert kept == [(2, 1, 3, 1), (2, 1, 3, 2)]
    assert len(every) == 10 and set(kept) < set(every)


def test_an_in_order_link_carries_its_group_score_even_when_a_slot_made_it() -> None:
    # "Stadt" is in all 18 sentences of each side, so it pairs 324 sentences and the pair
    # scores leave it out (SimilarityModel.MAX_PAIRS); the group score keeps it. The
    # reworded sentence 9 is linked by its slot on the weaker pair score, and the link
    # must still carry the group score: linkscore's features read it as one.
    topics = ["Radweg Rheinufer", "Bibliothek Neubau", "Schwimmbad Sanierung", "Marktplatz Pflaster",
              "Busbahnhof Umbau", "Stadtwald Aufforstung", "Musikschule Umzug", "Kita Erweiterung",
              "Friedhof Kapelle", "Rathaus Fassade", "Theater Bühne", "Sporthalle Dach",
              "Hafen Kaimauer", "Museum Anbau", "Brücke Geländer", "Parkhaus Schranke",
              "Zoo Gehege", "Kläranlage Becken"]
    a = [f"Die Stadt plant: {t} wird im Frühjahr erneuert, sagte der Sprecher {k}."
         for k, t in enumerate(topics)]
    b = [*a[:9], "Die Stadt will dem Rathaus ein neues Gesicht geben.", *a[10:]]
    model = SimilarityModel(a, b)
    assert TUNING.slot_threshold <= model.pair_scores().tocsr()[9, 9] < CompareOptions().link_threshold
    groups = align_sentences(model, CompareOptions(), paragraphs=(["p"] * 18, ["q"] * 18))
    slot = next(g for g in groups if g.a == [9])
    assert slot.b == [9]
    for g in groups:
        assert not g.moved
        assert g.similarity == pytest.approx(model.group(g.a, g.b), abs=1e-12)
