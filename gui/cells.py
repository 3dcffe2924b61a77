"""What each pane displays, as plain data: blocks of marked text pieces, row by row.

``plan_side`` turns the row model into the blocks of one pane. A row's cell is split into
one block per paragraph it touches; every piece of text knows its mark and, for sentence
text, the source offset where it starts, so a display position maps back to the input.
The widgets only turn this plan into a Qt document.

Pure: no Qt. May import: the standard library, collatio.core.{model,normalise} and
collatio.gui.{rows,marks}.
"""

from __future__ import annotations

from dataclasses import dataclass

from collatio.core.model import Comparison, Document, Role, SentenceStatus, Side
from collatio.core.normalise import reading_runs

from .marks import GLYPHS, Mark, base_mark, display_text, glyph_mark, word_spans
from .rows import Entry, Hidden, Row, RowKind


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: Mark
    sentence: str | None = None  # the sentence this text belongs to, if any
    source_start: int | None = None  # source offset of text[0], for sentence text only
    # Source characters the text stands for, when not len(text): a decoded entity
    # ("…" for "&amp;hellip;") is one piece that maps back to the whole entity.
    source_length: int | None = None

    @property
    def source_end(self) -> int | None:
        if self.source_start is None:
            return None
        return self.source_start + (len(self.text) if self.source_length is None else self.source_length)


@dataclass(frozen=True, slots=True)
class Block:
    row: int
    first_in_row: bool
    paragraph_start: bool  # gets paragraph spacing above
    role: Role
    bar: Mark | None  # left-margin bar (removed, added, moved)
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def _sentence_pieces(comparison: Comparison, doc: Document, sid: str,
                     hide_minor: bool = False) -> list[Piece]:
    sentence = doc.sentence(sid)
    pieces: list[Piece] = []
    glyph = glyph_mark(comparison, sentence)
    if glyph is not None:
        pieces.append(Piece(GLYPHS[glyph] + "\u2009", glyph, sid))
    text = display_text(doc.text[sentence.start : sentence.end])
    base = base_mark(comparison, sentence, hide_minor)
    cut = 0
    for span in word_spans(comparison, sentence, hide_minor):
        if span.start > cut:
            pieces.append(Piece(text[cut : span.start], base, sid, sentence.start + cut))
        pieces.append(Piece(text[span.start : span.end], span.mark, sid, sentence.start + span.start))
        cut = span.end
    if cut < len(text):
        pieces.append(Piece(text[cut:], base, sid, sentence.start + cut))
    if "&" in text or "  " in text:
        return _as_read(doc, pieces)
    return pieces


def _as_read(doc: Document, pieces: list[Piece]) -> list[Piece]:
    """The pieces with each entity and white-space run shown as it reads.

    A text copied out of a PDF or web page says "der\n    amerikanischen" or
    "&amp;hellip;"; the comparison reads one space and "…", and so should the reader.
    Such a run becomes a piece of its own whose positions map back to the whole run, so
    offsets stay true.
    """
    out: list[Piece] = []
    for piece in pieces:
        start = piece.source_start
        if start is None or not ("&" in piece.text or "  " in piece.text):
            out.append(piece)
            continue
        cut = 0
        for run in reading_runs(doc.text, start, start + len(piece.text)):
            if run.end - run.start == len(run.reads):
                continue  # a single line break already shows as a space
            lo, hi = run.start - start, run.end - start
            if lo > cut:
                out.append(Piece(piece.text[cut:lo], piece.mark, piece.sentence, start + cut))
            out.append(Piece(run.reads, piece.mark, piece.sentence, run.start, hi - lo))
            cut = hi
        if cut < len(piece.text):
            out.append(Piece(piece.text[cut:], piece.mark, piece.sentence, start + cut))
    return out


def _hidden_text(hidden: Hidden) -> str:
    n = len(hidden.sentences)
    if hidden.reason == "unchanged":
        return f"⋯ {n} unchanged {'sentence' if n == 1 else 'sentences'}"
    return f"⋯ {n} boilerplate {'line' if n == 1 else 'lines'} hidden"


def _starts_paragraph(doc: Document, entries: tuple[Entry, ...]) -> bool:
    for entry in entries:
        sid = entry.sentences[0] if isinstance(entry, Hidden) else entry
        return bool(doc.paragraph_of(sid).sentences[0] == sid)
    return False


def _bar(comparison: Comparison, doc: Document, row: Row, ids: list[str]) -> Mark | None:
    if row.kind in (RowKind.MOVED, RowKind.STUB):
        return Mark.MOVED
    statuses = {comparison.status(doc.sentence(s)) for s in ids}
    if SentenceStatus.REMOVED in statuses:
        return Mark.REMOVED
    if SentenceStatus.ADDED in statuses:
        return Mark.ADDED
    return None


def plan_side(comparison: Comparison, rows: tuple[Row, ...], side: Side,
              hide_minor: bool = False) -> tuple[Block, ...]:
    """The blocks of one pane; every row has at least one block on both sides."""
    doc = comparison.document(side)
    moved_row = {row.link: k for k, row in enumerate(rows) if row.kind is RowKind.MOVED}
    blocks: list[Block] = []
    for index, row in enumerate(rows):
        entries = row.a if side is Side.A else row.b
        # Paragraph spacing is decided per row for both sides, so it never misaligns.
        para = _starts_paragraph(comparison.a, row.a) or _starts_paragraph(comparison.b, row.b)
        groups: list[tuple[str | None, list[Entry]]] = []
        for entry in entries:
            pid = None if isinstance(entry, Hidden) else doc.sentence(entry).paragraph
            if groups and pid is not None and groups[-1][0] == pid:
                groups[-1][1].append(entry)
            else:
                groups.append((pid, [entry]))
        cell: list[Block] = []
        for k, (pid, members) in enumerate(groups):
            pieces: list[Piece] = []
            ids: list[str] = []
            for entry in members:
                if isinstance(entry, Hidden):
                    pieces.append(Piece(_hidden_text(entry), Mark.PLACEHOLDER))
                    continue
                if pieces:
                    pieces.append(Piece(" ", base_mark(comparison, doc.sentence(entry),
                                                       hide_minor)))
                pieces.extend(_sentence_pieces(comparison, doc, entry, hide_minor))
                ids.append(entry)
            role = doc.paragraph(pid).role if pid is not None else Role.BOILERPLATE
            bar = _bar(comparison, doc, row, ids)
            cell.append(Block(index, k == 0, para or k > 0, role, bar, tuple(pieces)))
        if not cell:
            pieces = []
            if row.kind is RowKind.STUB and side is Side.B:
                where = "above" if moved_row.get(row.link, -1) < index else "below"
                # The revision has the sentence here; it was moved *to* this place,
                # so "moved from here" (as it read) said the opposite.
                pieces = [Piece(f"⇅ the revision has a moved sentence here — shown {where}, "
                                "beside its original", Mark.PLACEHOLDER)]
            bar = Mark.MOVED if pieces else None
            cell.append(Block(index, True, para, Role.BODY, bar, tuple(pieces)))
        blocks.extend(cell)
    return tuple(blocks)


def sentence_at(blocks: tuple[Block, ...], block_number: int, offset: int) -> Piece | None:
    """The piece at a character offset within a block, or None (gap, placeholder)."""
    if not 0 <= block_number < len(blocks):
        return None
    at = 0
    for piece in blocks[block_number].pieces:
        if at <= offset < at + len(piece.text):
            return piece
        at += len(piece.text)
    return None


def position_of(blocks: tuple[Block, ...], sentence: str, source_offset: int) -> tuple[int, int] | None:
    """(block number, offset in block) showing a source offset of a sentence, or None."""
    for number, block in enumerate(blocks):
        at = 0
        for piece in block.pieces:
            end = piece.source_end
            if (piece.sentence == sentence and piece.source_start is not None and end is not None
                    and piece.source_start <= source_offset < end):
                # Inside a run shown shorter (an entity, spaces) every source offset
                # shows on its one character.
                return number, at + min(source_offset - piece.source_start, len(piece.text) - 1)
            at += len(piece.text)
    return None


def first_sentence_from(blocks: tuple[Block, ...], doc: Document, block_number: int,
                        offset: int) -> str | None:
    """The first sentence that *starts* at or after (block, offset): what is at the top.

    A line may begin with the tail of a sentence started above; that sentence is not
    "at the top", the next one is. Used to keep the top sentence across a re-layout.
    """
    for number in range(max(0, block_number), len(blocks)):
        at = 0
        for piece in blocks[number].pieces:
            starts = (piece.sentence is not None and piece.source_start is not None
                      and piece.source_start == doc.sentence(piece.sentence).start)
            if starts and (number > block_number or at >= offset):
                return piece.sentence
            at += len(piece.text)
    return None
