"""The C++ diff (fast-diff-match-patch) gives exactly the pure-Python diff's ops.

collatio.core.worddiff uses the C++ port when it is installed; a reader must see the
same highlights either way. Words are encoded as one character each from U+0100 up
(skipping surrogates), so the strings here are drawn the same way, from small
alphabets (many repeats, the usual case) and large ones (codes well past the BMP's
letter blocks, where character classes differ).
"""

from __future__ import annotations

import pytest
from collatio.core import worddiff
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("fast_diff_match_patch")


def _code(n: int) -> str:
    n += 0x100
    return chr(n if n < 0xD800 else n + 0x800)


@st.composite
def _pair(draw: st.DrawFn) -> tuple[str, str]:
    alphabet = draw(st.sampled_from([3, 12, 300, 5000, 70000]))
    words = st.integers(0, alphabet - 1).map(_code)
    a = draw(st.lists(words, max_size=80))
    b = list(a)
    for _ in range(draw(st.integers(0, 12))):
        pos = draw(st.integers(0, len(b)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert":
            b.insert(pos, draw(words))
        elif b:
            pos = min(pos, len(b) - 1)
            if kind == "delete":
                del b[pos]
            else:
                b[pos] = draw(words)
    return "".join(a), "".join(b)


@settings(max_examples=400, deadline=None)
@given(_pair())
def test_fast_and_pure_diff_give_the_same_ops(pair: tuple[str, str]) -> None:
    a, b = pair
    assert worddiff.fast_diff(a, b) == worddiff.pure_diff(a, b)


def test_the_fast_diff_is_used_when_installed() -> None:
    assert worddiff._fast is not None
