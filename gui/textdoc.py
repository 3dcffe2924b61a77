"""Turn a pane's block plan into a QTextDocument, and measure or pad its rows.

Every character format carries its mark name in ``MARK_PROPERTY`` and every block its bar
mark in ``BAR_PROPERTY``, so tests and the painter read what a span *is*, not its colour.

May import: PySide6, the standard library and collatio.gui.{cells,marks,palette}.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from .marks import Mark
from .palette import Palette

MARK_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
BAR_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
ROW_PROPERTY = int(QTextFormat.Property.UserProperty) + 3
BASE_TOP_PROPERTY = int(QTextFormat.Property.UserProperty) + 4  # top margin before padding

# Vertical rhythm, in pixels: a little air between sentence rows, more between paragraphs.
ROW_GAP = 6.0
PARAGRAPH_GAP = 14.0
BAR_INDENT = 14.0  # left margin that holds the bar
LINE_HEIGHT_PERCENT = 125.0


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
    fmt.setProperty(BASE_TOP_PROPERTY, top)
    fmt.setBottomMargin(0.0)
    fmt.setLeftMargin(BAR_INDENT)
    # Generous leading: this is a reading view, and the marks sit on the text.
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value))
    fmt.setProperty(ROW_PROPERTY, block.row)
    if block.bar is not None:
        fmt.setProperty(BAR_PROPERTY, block.bar.value)
    return fmt


def build_document(blocks: tuple[Block, ...], palette: Palette, font: QFont) -> QTextDocument:
    """A document with exactly one QTextBlock per planned block, in the same order."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(12.0)
    # A reading view: no undo history to record (padding edits would fill it, too).
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    formats: dict[tuple[Mark, Role], QTextCharFormat] = {}
    for number, block in enumerate(blocks):
        if number == 0:
            cursor.setBlockFormat(block_format(block))
        else:
            cursor.insertBlock(block_format(block))
        for piece in block.pieces:
            key = (piece.mark, block.role)
            fmt = formats.get(key)
            if fmt is None:  # a few dozen distinct formats serve tens of thousands of pieces
                fmt = formats[key] = char_format(piece.mark, palette, block.role)
            cursor.insertText(piece.text, fmt)
    cursor.endEditBlock()
    return doc


def row_tops(doc: QTextDocument, first_blocks: list[int], start: int = 0,
             end: int | None = None) -> list[float]:
    """The y of each row's first block (margins excluded, the same on both sides); rows
    ``start``..``end`` (exclusive) only if given. Measuring lays the document out that far."""
    layout = doc.documentLayout()
    return [layout.blockBoundingRect(doc.findBlockByNumber(n)).top()
            for n in first_blocks[start:end]]


def row_extents(doc: QTextDocument, first_blocks: list[int], start: int = 0,
                end: int | None = None) -> list[tuple[float, float]]:
    """(top, bottom) of each row's text: its blocks without the padding above or below;
    rows ``start``..``end`` (exclusive) only if given.

    The padding of a row sits in the next row's top margin (see ``set_paddings``), so the
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


def current_paddings(doc: QTextDocument, first_blocks: list[int]) -> list[float]:
    """The padding each row has now (see ``set_paddings`` for where it is kept)."""
    pads: list[float] = []
    for row in range(len(first_blocks)):
        if row + 1 < len(first_blocks):
            fmt = doc.findBlockByNumber(first_blocks[row + 1]).blockFormat()
            base = (float(fmt.property(BASE_TOP_PROPERTY))
                    if fmt.hasProperty(BASE_TOP_PROPERTY) else 0.0)
            pads.append(max(0.0, fmt.topMargin() - base))
        else:
            pads.append(max(0.0, doc.lastBlock().blockFormat().bottomMargin()))
    return pads


def set_paddings(doc: QTextDocument, first_blocks: list[int], pads: Sequence[float],
                 start: int = 0) -> None:
    """Add each row's padding below it (all zeros resets); ``pads`` are those of the rows
    from ``start`` on.

    Qt collapses a block's bottom margin with the next block's top margin (it uses the
    larger), so padding a row's last block would be partly swallowed. The padding of row i
    therefore goes into the top margin of row i+1's first block, on top of its base margin;
    the last row's padding is the bottom margin of the document's last block.
    """
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for row, pad in enumerate(pads, start):
        if row + 1 < len(first_blocks):
            block = doc.findBlockByNumber(first_blocks[row + 1])
            current = block.blockFormat()
            base = (float(current.property(BASE_TOP_PROPERTY))
                    if current.hasProperty(BASE_TOP_PROPERTY) else 0.0)
            want, have = base + pad, block.blockFormat().topMargin()
            fmt = QTextBlockFormat()
            fmt.setTopMargin(want)
        else:
            block = doc.lastBlock()
            want, have = pad, block.blockFormat().bottomMargin()
            fmt = QTextBlockFormat()
            fmt.setBottomMargin(want)
        if abs(want - have) < 0.25:
            continue  # unchanged: skip, each change relayouts the block
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(fmt)
    cursor.endEditBlock()


def bar_colour(value: object, palette: Palette) -> QColor | None:
    """The bar colour of a block property value, or None."""
    if not isinstance(value, str):
        return None
    try:
        colour = palette.style(Mark(value)).bar
    except ValueError:
        return None
    return QColor(colour) if colour else None

