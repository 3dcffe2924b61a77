"""Turn a pane's block plan into a QTextDocument, and measure or pad its rows.

Every character format carries its mark name in ``MARK_PROPERTY`` and every block its bar
mark in ``BAR_PROPERTY``, so tests and the painter read what a span *is*, not its colour.

May import: PySide6, the standard library and collatio.gui.{cells,geometry,marks,palette}.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import TypeVar, cast

from collatio.core.model import Role
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from .cells import Block
from .geometry import SideRows
from .marks import Mark
from .palette import Palette

MARK_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
BAR_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
ROW_PROPERTY = int(QTextFormat.Property.UserProperty) + 3

# Vertical rhythm, in pixels: a little air between sentence rows, more between paragraphs.
ROW_GAP = 6.0
PARAGRAPH_GAP = 14.0
BAR_INDENT = 14.0  # left margin that holds the bar
LINE_HEIGHT_PERCENT = 125.0
BUILD_STEP = 100  # blocks built between two yields of ``building``
MEASURE_STEP = 60  # rows measured between two yields of ``measuring``

T = TypeVar("T")


def char_format(mark: Mark, palette: Palette, role: Role) -> QTextCharFormat:
    style = palette.style(mark)
    fmt = QTextCharFormat()
    fmt.setProperty(MARK_PROPERTY, mark.value)
    if style.background:
        fmt.setBackground(QBrush(QColor(style.background)))
    fmt.setForeground(QBrush(QColor(style.foreground or palette.text)))
    fmt.setFontStrikeOut(style.strike)
    fmt.setFontUnderline(style.underline)
    if style.underline_colour:
        fmt.setUnderlineColor(QColor(style.underline_colour))
    if mark is Mark.KEPT:
        # Anchors in a rewrite must stay quieter than the change marks: a dotted line.
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    elif mark is Mark.MOVED_WORDS:
        # Not the solid line of inserted words: these were neither cut nor added.
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setFontItalic(style.italic)
    weight = QFont.Weight.Bold if style.bold or role in (Role.TITLE, Role.HEADING) else None
    if weight is not None:
        fmt.setFontWeight(weight)
    if role is Role.TITLE:
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
    return fmt


def block_format(block: Block) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    top = PARAGRAPH_GAP if block.paragraph_start else ROW_GAP
    fmt.setTopMargin(top)
    fmt.setBottomMargin(0.0)
    fmt.setLeftMargin(BAR_INDENT)
    # Generous leading: this is a reading view, and the marks sit on the text.
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value))
    fmt.setProperty(ROW_PROPERTY, block.row)
    if block.bar is not None:
        fmt.setProperty(BAR_PROPERTY, block.bar.value)
    return fmt


def building(blocks: tuple[Block, ...], palette: Palette, font: QFont,
             pads: Sequence[float] = ()) -> Generator[None, None, QTextDocument]:
    """Build a document with exactly one QTextBlock per planned block, in the same order,
    yielding every ``BUILD_STEP`` blocks (``staging`` spreads a long build over turns of
    the event loop).

    ``pads`` are the rows' paddings, if known: the space below each row that makes both
    sides' rows equally tall. Qt collapses a block's bottom margin with the next block's
    top margin (it uses the larger), so padding a row's last block would be partly
    swallowed. The padding of row i therefore goes into the top margin of row i+1's first
    block, on top of its base margin; the last row's padding goes below the document's
    text (the root frame's bottom margin)."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(12.0)
    # A reading view: no undo history to record.
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    formats: dict[tuple[Mark, Role], QTextCharFormat] = {}
    row = -1  # the row of the block, counted by the blocks that start one
    for start in range(0, len(blocks), BUILD_STEP):
        cursor.beginEditBlock()
        for number in range(start, min(start + BUILD_STEP, len(blocks))):
            block = blocks[number]
            fmt_block = block_format(block)
            if block.first_in_row:
                row += 1
                if 0 < row <= len(pads):  # the padding of the row above
                    fmt_block.setTopMargin(fmt_block.topMargin() + pads[row - 1])
            if number == 0:
                cursor.setBlockFormat(fmt_block)
            else:
                cursor.insertBlock(fmt_block)
            for piece in block.pieces:
                key = (piece.mark, block.role)
                fmt = formats.get(key)
                if fmt is None:  # a few dozen distinct formats serve tens of thousands of pieces
                    fmt = formats[key] = char_format(piece.mark, palette, block.role)
                cursor.insertText(piece.text, fmt)
        cursor.endEditBlock()
        yield
    if pads and len(pads) == row + 1 and pads[-1] > 0:
        # The last row's padding: Qt leaves a last block's bottom margin out of the
        # document's height, but not the root frame's.
        frame = doc.rootFrame().frameFormat()
        frame.setBottomMargin(frame.bottomMargin() + pads[-1])
        doc.rootFrame().setFrameFormat(frame)
    return doc


def run_through(steps: Generator[None, None, T]) -> T:
    """What a stepwise computation returns, computed at once."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return cast(T, done.value)


def measuring(doc: QTextDocument, first_blocks: list[int]) -> Generator[None, None, SideRows]:
    """Where the rows of ``doc`` lie at its page width, yielding every ``MEASURE_STEP``
    rows: measuring lays the document out that far, and laying a book out at once would
    stall the UI thread."""
    extents: list[tuple[float, float]] = []
    for start in range(0, len(first_blocks), MEASURE_STEP):
        extents.extend(row_extents(doc, first_blocks, start, start + MEASURE_STEP))
        yield
    return SideRows(tuple(top for top, _ in extents), tuple(extents), document_height(doc))


def row_extents(doc: QTextDocument, first_blocks: list[int], start: int = 0,
                end: int | None = None) -> list[tuple[float, float]]:
    """(top, bottom) of each row's text: its blocks without the padding above or below;
    rows ``start``..``end`` (exclusive) only if given.

    The padding of a row sits in the next row's top margin (see ``building``), so the
    last block's bounding rect ends where the row's text ends.
    """
    layout = doc.documentLayout()
    out: list[tuple[float, float]] = []
    count = doc.blockCount()
    stop = len(first_blocks) if end is None else min(end, len(first_blocks))
    for k in range(start, stop):
        first = first_blocks[k]
        last = (first_blocks[k + 1] if k + 1 < len(first_blocks) else count) - 1
        block = doc.findBlockByNumber(first)
        top = layout.blockBoundingRect(block).top()  # the rect starts below the top margin
        bottom = layout.blockBoundingRect(doc.findBlockByNumber(last)).bottom()
        out.append((top, max(top, bottom)))
    return out


def document_height(doc: QTextDocument) -> float:
    return float(doc.documentLayout().documentSize().height())


def bar_colour(value: object, palette: Palette) -> QColor | None:
    """The bar colour of a block property value, or None."""
    if not isinstance(value, str):
        return None
    try:
        colour = palette.style(Mark(value)).bar
    except ValueError:
        return None
    return QColor(colour) if colour else None

