"""Which word marks a link's sentences get: changes for light edits, anchors for rewrites."""

from __future__ import annotations

from dataclasses import replace

import pytest
from collatio.core.model import Comparison, DiffOp, FigureChange, LinkKind, OpKind, Side
from collatio.gui.marks import Mark, word_spans

from .factory import L, make

A = "Der Präsident betonte die enge Partnerschaft beider Länder."
B_REWRITE = "Beide Länder pflegen laut dem Präsidenten eine enge Partnerschaft."
B_LIGHT = "Der Präsident betonte die sehr enge Partnerschaft beider Länder."


def _ops_rewrite() -> tuple[DiffOp, ...]:
    # The word diff of a heavy rewrite: nothing kept in place.
    return (DiffOp(OpKind.DELETE, (0, len(A)), None), DiffOp(OpKind.INSERT, None, (0, len(B_REWRITE))))


def _ops_light() -> tuple[DiffOp, ...]:
    at = B_LIGHT.index("sehr ")
    return (DiffOp(OpKind.EQUAL, (0, at), (0, at)),
            DiffOp(OpKind.INSERT, None, (at, at + 5)),
            DiffOp(OpKind.EQUAL, (at, len(A)), (at + 5, len(B_LIGHT))))


def _comparison(b: str, kind: LinkKind, ops: tuple[DiffOp, ...]) -> Comparison:
    return make([[A]], [[b]], [L((0,), (0,), kind, ops=ops)])


def _marked(c: Comparison, side: Side, hide_minor: bool = False) -> list[tuple[str, Mark]]:
    doc = c.document(side)
    s = doc.sentences[0]
    return [(doc.text[s.start + sp.start : s.start + sp.end], sp.mark)
            for sp in word_spans(c, s, hide_minor)]


@pytest.mark.parametrize(
    ("case", "b", "kind", "ops", "side", "hide_minor", "expected"),
    [
        # Heavy rewrite (no kept words in the diff): no struck words on A ...
        ("rewrite-a", B_REWRITE, LinkKind.REWORDED, _ops_rewrite(), Side.A, False,
         [("Präsident", Mark.KEPT), ("enge", Mark.KEPT), ("Partnerschaft", Mark.KEPT),
          ("beider", Mark.KEPT), ("Länder", Mark.KEPT)]),
        # ... and no underlined words on B: the shared content words (same stem: "beider"/
        # "Beide", "Präsident"/"Präsidenten") are anchors instead.
        ("rewrite-b", B_REWRITE, LinkKind.REWORDED, _ops_rewrite(), Side.B, False,
         [("Beide", Mark.KEPT), ("Länder", Mark.KEPT), ("Präsidenten", Mark.KEPT),
          ("enge", Mark.KEPT), ("Partnerschaft", Mark.KEPT)]),
        # A light rewording keeps its insertion underlined.
        ("light-b", B_LIGHT, LinkKind.REWORDED, _ops_light(), Side.B, False,
         [("sehr ", Mark.INSERTED)]),
        ("light-a", B_LIGHT, LinkKind.REWORDED, _ops_light(), Side.A, False, []),
        # A minor edit is marked as such ...
        ("minor", B_LIGHT, LinkKind.MINOR, _ops_light(), Side.B, False,
         [("sehr ", Mark.INSERTED)]),
        # ... unless minor changes are hidden.
        ("minor-hidden", B_LIGHT, LinkKind.MINOR, _ops_light(), Side.B, True, []),
        # Hiding minor changes does not touch a reworded link.
        ("light-hide", B_LIGHT, LinkKind.REWORDED, _ops_light(), Side.B, True,
         [("sehr ", Mark.INSERTED)]),
    ],
)
def test_rewrite_marks_table(case: str, b: str, kind: LinkKind, ops: tuple[DiffOp, ...],
                             side: Side, hide_minor: bool,
                             expected: list[tuple[str, Mark]]) -> None:
    assert _marked(_comparison(b, kind, ops), side, hide_minor) == expected


def test_unlinked_sentence_has_no_word_marks() -> None:
    c = make([[A]], [[B_LIGHT]])
    assert _marked(c, Side.A) == [] and _marked(c, Side.B) == []


def test_prepare_rewrites_computes_the_anchors_ahead() -> None:
    from collatio.gui import marks

    c = _comparison(B_REWRITE, LinkKind.REWORDED, _ops_rewrite())
    marks.prepare_rewrites(c)
    cached = marks._cache_for(c)["l0"]
    assert cached is not None and "Partnerschaft" in cached.terms
    light = _comparison(B_LIGHT, LinkKind.REWORDED, _ops_light())
    marks.prepare_rewrites(light)
    assert marks._cache_for(light)["l0"] is None  # word changes shown: no anchors needed


def test_a_changed_figure_is_drawn_over_the_word_marks() -> None:
    # The diff deletes "vor 3 Jahren" and inserts "vor 4 Jahren"; the figures inside are
    # marked on their own, and the rest of each phrase keeps its word mark.
    a, b = "Es begann vor 3 Jahren in Kiew.", "Es begann vor 4 Jahren in Kiew."
    at, end = a.index("vor"), a.index(" in")
    ops = (DiffOp(OpKind.EQUAL, (0, at), (0, at)), DiffOp(OpKind.DELETE, (at, end), None),
           DiffOp(OpKind.INSERT, None, (at, end)), DiffOp(OpKind.EQUAL, (end, len(a)), (end, len(b))))
    c = make([[a]], [[b]], [L((0,), (0,), LinkKind.MINOR, ops=ops)])
    digit = (a.index("3"), a.index("3") + 1)
    link = replace(c.links[0], figure_changes=(FigureChange("changed", digit, digit, "l0"),))
    c = replace(c, links=(link,))
    assert _marked(c, Side.A) == [("vor ", Mark.DELETED), ("3", Mark.FIGURE_A), (" Jahren", Mark.DELETED)]
    assert _marked(c, Side.B) == [("vor ", Mark.INSERTED), ("4", Mark.FIGURE_B), (" Jahren", Mark.INSERTED)]
    # With minor changes hidden, the figure still shows: it is no minor matter.
    assert _marked(c, Side.B, hide_minor=True) == [("4", Mark.FIGURE_B)]


@pytest.mark.parametrize("side", [Side.A, Side.B])
def test_words_moved_in_the_sentence_are_neither_cut_nor_added(side: Side) -> None:
    from collatio.core import compare

    a = "Heute sagte der Minister in Berlin, die Steuern würden steigen."
    b = "Der Minister sagte in Berlin, die Steuern würden heute steigen."
    c = compare(a, b)
    doc = c.document(side)
    sentence = doc.sentences[0]
    spans = word_spans(c, sentence)
    moved = [doc.text[sentence.start + s.start : sentence.start + s.end]
             for s in spans if s.mark is Mark.MOVED_WORDS]
    assert sorted(w.casefold() for w in moved) == ["heute", "sagte"]
    # "der Minister" stayed in place while "sagte" moved around it: no mark at all.
    assert not any("Minister" in doc.text[sentence.start + s.start : sentence.start + s.end]
                   for s in spans)
    # No cut or added mark is left on the space between two moved phrases.
    for s in spans:
        if s.mark in (Mark.DELETED, Mark.INSERTED):
            assert doc.text[sentence.start + s.start : sentence.start + s.end].strip()
