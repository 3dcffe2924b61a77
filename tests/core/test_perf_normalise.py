"""The fast white-space folding of collatio.core.normalise against a plain reference.

``_fold_spaces`` copies a span in stretches between white-space runs that fold to
something else; this checks it against the character-by-character definition (every
white-space run between words becomes one space spanning the run; leading and
trailing runs go; every other character maps to itself).
"""

from __future__ import annotations

import re

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
