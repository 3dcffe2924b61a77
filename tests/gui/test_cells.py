"""The pane plan: blocks per row, marks per piece, source offsets kept true."""

from __future__ import annotations

from collatio.core.model import Comparison, DiffOp, LinkKind, OpKind, Role, Side
from collatio.gui.cells import plan_side, position_of, sentence_at
from collatio.gui.marks import Mark, describe, display_text, word_spans
from collatio.gui.rows import build_rows

from .factory import L, make


def _reworded() -> Comparison:
    # "Der Hund bellt." → "Der Kater bellt." : "Hund" deleted, "Kater" inserted.
    return make([["Der Hund bellt.", "Weg damit."]], [["Der Kater bellt."], ["Ganz neu."]], [
        L((0,), (0,), ops=(DiffOp(OpKind.EQUAL, (0, 3), (0, 3)), DiffOp(OpKind.DELETE, (4, 8), None),
                          DiffOp(OpKind.INSERT, None, (4, 9)),
                          DiffOp(OpKind.EQUAL, (9, 15), (10, 16))))])


def test_word_spans_come_from_ops_relative_to_the_sentence() -> None:
    c = _reworded()
    assert [(s.start, s.end, s.mark) for s in word_spans(c, c.a.sentences[0])] == [
        (4, 8, Mark.DELETED)]
    assert [(s.start, s.end, s.mark) for s in word_spans(c, c.b.sentences[0])] == [
        (4, 9, Mark.INSERTED)]


def test_pieces_carry_marks_and_true_source_offsets() -> None:
    c = _reworded()
    rows = build_rows(c)
    for side in (Side.A, Side.B):
        doc = c.document(side)
        for block in plan_side(c, rows, side):
            for piece in block.pieces:
                if piece.source_start is not None:
                    source = doc.text[piece.source_start : piece.source_start + len(piece.text)]
                    assert display_text(source) == piece.text
    a_blocks = plan_side(c, rows, Side.A)
    assert [(p.text, p.mark) for p in a_blocks[0].pieces] == [
        ("Der ", Mark.REWORDED), ("Hund", Mark.DELETED), (" bellt.", Mark.REWORDED)]
    # The removed sentence has a glyph first, then its text with the removed mark.
    assert [p.mark for p in a_blocks[1].pieces] == [Mark.GLYPH_REMOVED, Mark.REMOVED]
    assert a_blocks[1].bar is Mark.REMOVED


def test_every_row_has_a_block_on_both_sides_and_paragraphs_get_space() -> None:
    c = _reworded()
    rows = build_rows(c)
    a, b = plan_side(c, rows, Side.A), plan_side(c, rows, Side.B)
    assert [blk.row for blk in a if blk.first_in_row] == list(range(len(rows)))
    assert [blk.row for blk in b if blk.first_in_row] == list(range(len(rows)))
    # Row 1: A's "Weg damit." continues a paragraph, B's "Ganz neu." starts one, so the
    # row gets paragraph spacing on both sides (else the rows would drift apart).
    assert a[1].paragraph_start and b[1].paragraph_start


def test_hidden_boilerplate_is_one_placeholder_line() -> None:
    c = make([["A0."], (Role.BOILERPLATE, ["Ad one.", "Ad two.", "Ad three."])], [["B0."]],
             [L((0,), (0,))])
    blocks = plan_side(c, build_rows(c, show_boilerplate=False), Side.A)
    assert blocks[1].text == "⋯ 3 boilerplate lines hidden"
    assert blocks[1].pieces[0].mark is Mark.PLACEHOLDER
    shown = plan_side(c, build_rows(c, show_boilerplate=True), Side.A)
    assert shown[1].text == "Ad one. Ad two. Ad three."
    assert {p.mark for p in shown[1].pieces} == {Mark.IGNORED}


def test_moved_stub_says_where_the_sentence_is_shown() -> None:
    c = make([["A0.", "A1.", "A2."]], [["B0.", "B1.", "B2."]],
             [L((0,), (2,), moved=True), L((1,), (0,)), L((2,), (1,))])
    rows = build_rows(c)
    b = plan_side(c, rows, Side.B)
    assert b[-1].text == "⇅ the revision has a moved sentence here — shown above, beside its original"
    assert b[0].pieces[0].mark is Mark.GLYPH_MOVED


def test_sentence_at_finds_the_piece_under_an_offset() -> None:
    c = _reworded()
    blocks = plan_side(c, build_rows(c), Side.A)
    assert sentence_at(blocks, 0, 5) is not None and sentence_at(blocks, 0, 5).mark is Mark.DELETED
    assert sentence_at(blocks, 0, 99) is None
    assert sentence_at(blocks, 42, 0) is None


def test_describe_names_status_and_similarity() -> None:
    c = _reworded()
    assert describe(c, c.a.sentences[0]) == "Reworded · similarity 0.60 · paired with b.s0"
    assert describe(c, c.a.sentences[1]).startswith("Removed")
    assert describe(c, c.b.sentences[1]).startswith("Added")


def test_position_of_maps_a_source_offset_to_the_display() -> None:
    c = _reworded()
    blocks = plan_side(c, build_rows(c), Side.A)
    # "Hund" starts at source offset 4 of a.s0 → block 0, offset 4 (no glyph on a link).
    assert position_of(blocks, "a.s0", 4) == (0, 4)
    # "damit" in the removed a.s1: after the glyph (2 chars) in block 1.
    start = c.a.sentence("a.s1").start
    assert position_of(blocks, "a.s1", start + 4) == (1, 2 + 4)
    assert position_of(blocks, "a.s1", 0) is None


def test_an_escaped_entity_reads_decoded_and_maps_back_to_the_whole_entity() -> None:
    # A PDF/web copy says "&amp;hellip;"; the comparison reads "…", so must the reader.
    c = make([["Er sagte &amp;hellip; nichts."]], [["Er sagte nichts."]], [
        L((0,), (0,), ops=(DiffOp(OpKind.EQUAL, (0, 9), (0, 9)), DiffOp(OpKind.DELETE, (9, 22), None),
                          DiffOp(OpKind.EQUAL, (22, 29), (9, 16))))])
    blocks = plan_side(c, build_rows(c), Side.A)
    assert blocks[0].text == "Er sagte … nichts."
    assert [(p.text, p.mark, p.source_start, p.source_end) for p in blocks[0].pieces] == [
        ("Er sagte ", Mark.REWORDED, 0, 9),
        ("…", Mark.DELETED, 9, 21),  # one character standing for twelve
        (" ", Mark.DELETED, 21, 22),
        ("nichts.", Mark.REWORDED, 22, 29)]
    # Every source offset inside the entity shows on its one character; after it, the
    # display is eleven characters shorter than the source.
    assert {position_of(blocks, "a.s0", k) for k in range(9, 21)} == {(0, 9)}
    assert position_of(blocks, "a.s0", 21) == (0, 10)
    assert position_of(blocks, "a.s0", 28) == (0, 17)


def test_a_pdf_line_break_with_indent_reads_as_one_space() -> None:
    c = make([["Er sagte\n    nichts."]], [["Er sagte nichts."]], [L((0,), (0,), kind=LinkKind.IDENTICAL)])
    blocks = plan_side(c, build_rows(c), Side.A)
    assert blocks[0].text == "Er sagte nichts."
    assert position_of(blocks, "a.s0", 8) == position_of(blocks, "a.s0", 12) == (0, 8)
    assert position_of(blocks, "a.s0", 13) == (0, 9)  # the "n" of "nichts"
