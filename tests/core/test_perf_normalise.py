"""The fast white-space folding of collatio.core.normalise against a plain reference.

``_fold_spaces`` copies a span in stretches between white-space runs that fold to
something else; this checks it against the character-by-character definition (every
white-space run between words becomes one space spanning the run; leading and
trailing runs go; every other character maps to itself).
"""

from __future__ import annotations

import re

from collatio.core import normalise
from collatio.core.normalise import _SPECIAL, _consecutive, _fold_spaces
from hypothesis import given, settings
from hypothesis import strategies as st


def _reference(source: str, start: int, end: int) -> tuple[str, list[int], list[int]]:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending: tuple[int, int] | None = None
    for i in range(start, end):
        if source[i].isspace():
            pending = (i, i + 1) if pending is None else (pending[0], i + 1)
            continue
        if pending is not None and out:
            out.append(" ")
            starts.append(pending[0])
            ends.append(pending[1])
        pending = None
        out.append(source[i])
        starts.append(i)
        ends.append(i + 1)
    return "".join(out), starts, ends


_TEXT = st.text(alphabet=st.sampled_from([*"ab. ", "\n", "\t", "\u00a0", "\u2009", "\r", "ä", "\x1c"]))


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_fold_spaces_matches_reference(text: str, cut_start: int, cut_end: int) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    mapped = _fold_spaces(text, start, end)
    assert (mapped.text, list(mapped.starts), list(mapped.ends)) == _reference(text, start, end)


_PLAIN_SPECIAL = re.compile(r"[&\u00ad\u200b\u200c\u200d\ufeff]|[-\u2010\u2011][ \t]*[\r\n]")
_SPECIAL_TEXT = st.text(alphabet=st.sampled_from([*"a- \t\n\r&", "\u00ad", "\u2010", "\u2011", "\ufeff"]))


@settings(max_examples=400, deadline=None)
@given(_SPECIAL_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_special_matches_plain_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    fast = _SPECIAL.search(text, start, end)
    plain = _PLAIN_SPECIAL.search(text, start, end)
    assert (fast and fast.span()) == (plain and plain.span())


def test_consecutive_offsets() -> None:
    assert list(_consecutive(3, 9)) == list(range(3, 9))
    assert list(_consecutive(5, 5)) == []
    beyond = (1 << 20) + 5  # past the cached offsets: built on the spot, same values
    assert list(_consecutive(beyond - 10, beyond)) == list(range(beyond - 10, beyond))


def _reference_span(source: str, start: int, end: int, vocabulary: set[str]) -> tuple[str, list[int], list[int]]:
    """normalise_span's character loop as it was before the plain-stretch shortcut."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = start
    pending: tuple[int, int] | None = None
    while i < end:
        ch = source[i]
        if ch.isspace():
            pending = (i, i + 1) if pending is None else (pending[0], i + 1)
            i += 1
            continue
        if ch in normalise._ZERO_WIDTH:
            i += 1
            continue
        if ch in normalise._HYPHENS and pending is None and normalise._line_end_follows(source, i + 1, end):
            j = normalise._skip_space(source, i + 1, end)
            if out and normalise._dehyphenate(out, source, j, end, vocabulary):
                i = j
                continue
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            i = j
            continue
        piece, stop = ch, i + 1
        if ch == "&":
            length = normalise._entity_length(source, i, end)
            if length:
                decoded = "".join(
                    c for c in normalise._decode_entity(source[i : i + length]) if c not in normalise._ZERO_WIDTH
                )
                if not decoded:
                    i += length
                    continue
                if decoded.isspace():
                    pending = (pending[0] if pending is not None else i, i + length)
                    i += length
                    continue
                piece, stop = decoded, i + length
        if pending is not None:
            if out:
                out.append(" ")
                starts.append(pending[0])
                ends.append(pending[1])
            pending = None
        for pch in piece:
            out.append(" " if pch.isspace() else pch)
            starts.append(i)
            ends.append(stop)
        i = stop
    return "".join(out), starts, ends


_PIECES = st.sampled_from(
    ["ab", "Bemü", "hungen", "x" * 45, " ", "  ", "\n", " \n", "-", "-\n", "- \n", "\u2010\n", "\t",
     "&amp;", "&nbsp;", "&shy;", "&amp;hellip;", "&", "&x", "\u00ad", "\u200b", "\u00a0", "ä", "."]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.integers(0, 3), st.integers(0, 3))
def test_normalise_span_matches_character_loop(text: str, cut_start: int, cut_end: int) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    vocabulary = {"bemühungen", "abab", "x" * 40 + "ab"}
    mapped = normalise.normalise_span(text, start, end, vocabulary)
    assert (mapped.text, list(mapped.starts), list(mapped.ends)) == _reference_span(text, start, end, vocabulary)
