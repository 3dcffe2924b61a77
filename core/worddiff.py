"""Word-level diff inside a link; the only module that imports diff-match-patch.

Words are mapped to single characters (as diff-match-patch's own line mode does for
lines), the character strings are diffed, and semantic cleanup merges the result into
phrases, so highlights read as "these words were replaced" rather than confetti. Each
returned op lies within one sentence on each side and carries source offsets.

The diff runs in fast-diff-match-patch (the C++ port, with the same semantic cleanup)
when it is installed, and in the pure-Python diff-match-patch otherwise; both give the
same ops (tests/core/test_perf_worddiff.py checks it on generated token strings).

May import: the standard library, diff_match_patch, fast_diff_match_patch and
collatio.core.{model,normalise,tokens}.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from itertools import chain
from types import ModuleType

from diff_match_patch import diff_match_patch

from .model import DiffOp, OpKind
from .normalise import MappedText
from .tokens import Token, token_extent

_fast: ModuleType | None
try:  # optional: about 5× faster than the pure-Python port on word strings
    import fast_diff_match_patch
except ImportError:  # pragma: no cover - depends on the environment
    _fast = None
else:
    _fast = fast_diff_match_patch

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # word strings are short; a timeout would give "delete all, insert all"
_FAST_OPS = {"=": 0, "-": -1, "+": 1}


def pure_diff(text_a: str, text_b: str) -> list[tuple[int, int]]:
    """(op, length) runs, op -1/0/1, from diff-match-patch with semantic cleanup."""
    diffs = _DMP.diff_main(text_a, text_b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return [(op, len(chunk)) for op, chunk in diffs]


def fast_diff(text_a: str, text_b: str) -> list[tuple[int, int]]:
    """``pure_diff`` computed by fast-diff-match-patch (which must be installed)."""
    assert _fast is not None
    runs = _fast.diff(text_a, text_b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)
    return [(_FAST_OPS[op], n) for op, n in runs]


def _diff(text_a: str, text_b: str, top: int) -> list[tuple[int, int]]:
    # A 16-bit build of the C++ port cannot hold codes above U+FFFF (> ~50k distinct words).
    if _fast is not None and (_fast.CHAR_WIDTH >= 4 or top < 0x10000):
        return fast_diff(text_a, text_b)
    return pure_diff(text_a, text_b)


# The characters words are encoded as: letters from U+0100 up, in order.
# Semantic cleanup slides an edit towards a "word boundary", which it finds by character
# class (space, punctuation, letter). Every code here is one word, so no boundary between
# codes is better than another; with a code that happens to be punctuation (U+03F6) or a
# combining mark, the edit would slide next to it for no reason, and the two ports class
# such characters (and "other numbers" such as U+1369) differently. With letters only,
# both ports agree.
_ALPHABET: list[str] = []
_ALPHABET_LOCK = threading.Lock()
_ALPHABET_OVERFLOW: list[bool] = []
_ALPHABET_STEP = 4096


def _alphabet(n: int) -> list[str]:
    """The first ``n`` codes (grown on demand: most links need a few hundred)."""
    if len(_ALPHABET) < n:
        with _ALPHABET_LOCK:
            point = ord(_ALPHABET[-1]) + 1 if _ALPHABET else 0x100
            while len(_ALPHABET) < n and point <= sys.maxunicode:
                chunk = [chr(c) for c in range(point, min(point + _ALPHABET_STEP, sys.maxunicode + 1))
                         if not 0xD800 <= c < 0xE000 and chr(c).isalpha()]
                _ALPHABET.extend(chunk)
                point += _ALPHABET_STEP
            if len(_ALPHABET) < n and not _ALPHABET_OVERFLOW:
                # Past the last letter (a link of over 131,000 distinct words): every other
                # code, where the two ports may place an edit differently but still diff.
                _ALPHABET_OVERFLOW.append(True)
                _ALPHABET.extend(chr(c) for c in range(0x100, sys.maxunicode + 1)
                                 if not 0xD800 <= c < 0xE000 and not chr(c).isalpha())
            if len(_ALPHABET) < n:
                raise ValueError(f"more than {len(_ALPHABET)} distinct words in one link")
    return _ALPHABET


# One element per sentence: that sentence's tokens.
TokenGroups = Sequence[Sequence[Token]]


def _encode(a: list[Token], b: list[Token]) -> tuple[str, str, int]:
    """Both token lists as strings of word codes, and the highest code point used."""
    keys_a = [t.key for t in a]
    keys_b = [t.key for t in b]
    # Codes in order of first occurrence (a, then b); each distinct key is visited once
    # and the texts are then joined by a C-level map over the keys.
    distinct = dict.fromkeys(chain(keys_a, keys_b))
    codes = dict(zip(distinct, _alphabet(len(distinct)), strict=False))
    text_a = "".join(map(codes.__getitem__, keys_a))
    text_b = "".join(map(codes.__getitem__, keys_b))
    # The highest, not the last: past the last letter the codes start low again.
    return text_a, text_b, max(map(ord, codes.values()), default=0)


def _flatten(groups: TokenGroups) -> tuple[list[Token], list[int]]:
    tokens: list[Token] = []
    owner: list[int] = []
    for index, group in enumerate(groups):
        tokens.extend(group)
        owner.extend([index] * len(group))
    return tokens, owner


def diff_tokens(groups_a: TokenGroups, groups_b: TokenGroups) -> tuple[DiffOp, ...]:
    """Diff the tokens of the sentences on each side of a link."""
    a, owner_a = _flatten(groups_a)
    b, owner_b = _flatten(groups_b)
    text_a, text_b, top = _encode(a, b)
    ops: list[DiffOp] = []
    ia = ib = 0
    for code, n in _diff(text_a, text_b, top):
        if code == 0:
            ops.extend(_equal_ops(a, owner_a, ia, b, owner_b, ib, n))
            ia += n
            ib += n
        elif code < 0:
            ops.extend(_side_ops(OpKind.DELETE, a, owner_a, ia, n))
            ia += n
        else:
            ops.extend(_side_ops(OpKind.INSERT, b, owner_b, ib, n))
            ib += n
    return tuple(ops)


def same_text_ops(a: MappedText, b: MappedText) -> tuple[DiffOp, ...]:
    """``diff_tokens`` of two sentences with the same normalised text, without tokenising.

    Same text, same tokens: the diff is one equal run over all of them (none when the
    text has no token).
    """
    span_a, span_b = token_extent(a), token_extent(b)
    if span_a is None or span_b is None:
        return ()
    return (DiffOp(OpKind.EQUAL, span_a, span_b),)


def _side_ops(kind: OpKind, tokens: list[Token], owner: list[int], i: int, n: int) -> list[DiffOp]:
    ops: list[DiffOp] = []
    start = i
    for k in range(i, i + n + 1):
        if k == i + n or owner[k] != owner[start]:
            span = (tokens[start].start, tokens[k - 1].end)
            ops.append(
                DiffOp(kind, span, None) if kind is OpKind.DELETE else DiffOp(kind, None, span)
            )
            start = k
    return ops


def _equal_ops(
    a: list[Token], owner_a: list[int], ia: int, b: list[Token], owner_b: list[int], ib: int, n: int
) -> list[DiffOp]:
    ops: list[DiffOp] = []
    start = 0
    for k in range(n + 1):
        if (
            k == n
            or owner_a[ia + k] != owner_a[ia + start]
            or owner_b[ib + k] != owner_b[ib + start]
        ):
            ops.append(
                DiffOp(
                    OpKind.EQUAL,
                    (a[ia + start].start, a[ia + k - 1].end),
                    (b[ib + start].start, b[ib + k - 1].end),
                )
            )
            start = k
    return ops
