"""Words a link's rewrite moved within it: the same phrase cut in one place and added in
another ("Der Rat stimmte mit 28 zu 12 Stimmen zu" → "Mit 28 zu 12 Stimmen stimmte der
Rat zu").

A word diff is a sequence diff: it keeps the longest run in order and reports the rest
as deleted and inserted, so a reordered phrase reads as cut and added although nothing
was. A phrase found both among a link's deleted words and among its inserted words can
only have crossed another kept run, so it moved. The longest such phrases are paired
first, each at least ``MIN_WORDS`` words or one long word, case and typography folded.

May import: the standard library and collatio.core.{model,tokens}.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from .model import DiffOp, OpKind
from .tokens import NUMBER

MIN_WORDS = 2
MIN_SINGLE_CHARS = 3  # one moved word counts if it is this long ("hat", "heute"), not "in"
# Deleted × inserted words above which a link is not searched: the search is quadratic
# in Python, and a replacement this large is a rewrite, whose kept words are shown instead.
MAX_CELLS = 10_000
_WORD = re.compile(NUMBER + r"|\w+(?:[-'’]\w+)*", re.UNICODE)
# (folded word, start, end, run): words of one run follow each other in the text.
Word = tuple[str, int, int, Hashable]


@dataclass(frozen=True, slots=True)
class WordMove:
    a: tuple[int, int]  # source offsets of the phrase in the original
    b: tuple[int, int]  # and in the revision


@dataclass(frozen=True, slots=True)
class WordMoves:
    moved: tuple[WordMove, ...] = ()
    # Words of a replacement that has moved words which kept their place and order: the
    # anchors the others moved around, no change either ("Heute sagte der Minister" →
    # "Der Minister sagte": "der Minister" stayed, "sagte" and "Heute" moved).
    kept: tuple[WordMove, ...] = ()


def _words(text: str, spans: Sequence[tuple[int, int]]) -> list[Word]:
    """(folded word, start, end, run) of the words in the spans; ``run`` numbers the span,
    so that a phrase never joins words of two separate runs."""
    found: list[Word] = []
    for run, (start, end) in enumerate(spans):
        for m in _WORD.finditer(text, start, end):
            found.append((m.group(0).casefold(), m.start(), m.end(), run))
    return found


def _longest_common(a: list[Word], b: list[Word],
                    used_a: set[int], used_b: set[int]) -> tuple[int, int, int]:
    """(length, end in a, end in b) of the longest run of equal, unused words within one
    run on each side (dynamic programming over the two word lists)."""
    best = (0, 0, 0)
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        wa = a[i - 1]
        if i - 1 not in used_a:
            for j in range(1, len(b) + 1):
                wb = b[j - 1]
                if j - 1 in used_b or wa[0] != wb[0]:
                    continue
                same_runs = i > 1 and j > 1 and a[i - 2][3] == wa[3] and b[j - 2][3] == wb[3]
                current[j] = (previous[j - 1] if same_runs else 0) + 1
                if current[j] > best[0]:
                    best = (current[j], i, j)
        previous = current
    return best


def _in_order(a: list[Word],
              b: list[Word]) -> list[tuple[int, int]]:
    """(i, j) pairs of the longest in-order run of equal words of a and b (an LCS)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if a[i][0] == b[j][0]
                           else max(table[i + 1][j], table[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i][0] == b[j][0]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _free(words: list[Word], kept: set[int], block: int) -> list[Word]:
    """The words not kept in place, each run renumbered so that a phrase never spans a
    kept word (nor two runs, nor two blocks): the run number counts the gaps."""
    free: list[Word] = []
    gap = 0
    for k, (word, start, end, run) in enumerate(words):
        if k in kept:
            gap += 1
            continue
        free.append((word, start, end, (block, run, gap)))
    return free


def _blocks(ops: Sequence[DiffOp]) -> list[list[DiffOp]]:
    """The runs of cuts and additions between two kept runs: one replacement each."""
    blocks: list[list[DiffOp]] = [[]]
    for op in ops:
        if op.op is OpKind.EQUAL:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(op)
    return [b for b in blocks if b]


def _runs(pairs: list[tuple[int, int]], a: list[Word],
          b: list[Word]) -> list[WordMove]:
    """In-order word pairs joined into phrases where they follow each other on both sides."""
    out: list[WordMove] = []
    start = 0
    for k in range(1, len(pairs) + 1):
        if k < len(pairs) and pairs[k] == (pairs[k - 1][0] + 1, pairs[k - 1][1] + 1) \
                and a[pairs[k][0]][3] == a[pairs[k - 1][0]][3] and b[pairs[k][1]][3] == b[pairs[k - 1][1]][3]:
            continue
        (i0, j0), (i1, j1) = pairs[start], pairs[k - 1]
        out.append(WordMove((a[i0][1], a[i1][2]), (b[j0][1], b[j1][2])))
        start = k
    return out


def word_moves(text_a: str, text_b: str, ops: Sequence[DiffOp]) -> WordMoves:
    """The phrases the revision moved within a link, longest first, in no other order.

    Semantic cleanup folds a short kept word between two edits into the replacement
    ("vor 3 Jahren" → "vor 4 Jahren" is one replacement, "vor" on both sides): such
    words keep their order, so the in-order words of each replacement are left out
    first; only words out of that order can have moved.
    """
    deleted: list[Word] = []
    inserted: list[Word] = []
    anchors: list[tuple[int, list[WordMove]]] = []  # (block number, its in-order phrases)
    owner_a: list[int] = []  # the block of each word in ``deleted``
    owner_b: list[int] = []
    for number, block in enumerate(_blocks(ops)):
        cut = _words(text_a, [op.a for op in block if op.op is OpKind.DELETE and op.a])
        added = _words(text_b, [op.b for op in block if op.op is OpKind.INSERT and op.b])
        if len(cut) * len(added) > MAX_CELLS:
            return WordMoves()
        in_place = _in_order(cut, added)
        kept_a = {i for i, _ in in_place}
        kept_b = {j for _, j in in_place}
        if in_place:
            anchors.append((number, _runs(in_place, cut, added)))
        # The run numbers stay distinct across blocks: a phrase never spans two blocks.
        free_a = _free(cut, kept_a, number)
        free_b = _free(added, kept_b, number)
        deleted += free_a
        inserted += free_b
        owner_a += [number] * len(free_a)
        owner_b += [number] * len(free_b)
    if not deleted or not inserted or len(deleted) * len(inserted) > MAX_CELLS:
        return WordMoves()
    used_a: set[int] = set()
    used_b: set[int] = set()
    moves: list[WordMove] = []
    while True:
        length, end_a, end_b = _longest_common(deleted, inserted, used_a, used_b)
        if length < MIN_WORDS and not (length == 1 and len(deleted[end_a - 1][0]) >= MIN_SINGLE_CHARS):
            break
        first_a, first_b = end_a - length, end_b - length
        used_a.update(range(first_a, end_a))
        used_b.update(range(first_b, end_b))
        moves.append(WordMove((deleted[first_a][1], deleted[end_a - 1][2]),
                              (inserted[first_b][1], inserted[end_b - 1][2])))
    moved_in = {owner_a[i] for i in used_a} | {owner_b[j] for j in used_b}
    kept = [phrase for number, phrases in anchors if number in moved_in for phrase in phrases]
    return WordMoves(tuple(moves), tuple(kept))


def split_changes(text: str, spans: Sequence[tuple[int, int]], moves: WordMoves,
                  side_a: bool) -> list[tuple[int, int, bool]]:
    """One side's cut (or added) spans as (start, end, moved): the moved phrases marked
    moved, the words they moved around and bare spaces between them left out."""
    moved = sorted(m.a if side_a else m.b for m in moves.moved)
    taken = sorted([*moved, *(m.a if side_a else m.b for m in moves.kept)])
    out: list[tuple[int, int, bool]] = [(lo, hi, True) for lo, hi in moved]
    for lo, hi in spans:
        cursor = lo
        for t_lo, t_hi in taken:
            if t_hi <= cursor or t_lo >= hi:
                continue
            if t_lo > cursor and text[cursor:t_lo].strip():
                out.append((cursor, t_lo, False))
            cursor = max(cursor, t_hi)
        if cursor < hi and (cursor == lo or text[cursor:hi].strip()):
            out.append((cursor, hi, False))
    return sorted(out)
