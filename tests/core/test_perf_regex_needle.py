"""``sbd.required_text`` is sound: a text without it has no match of the pattern.

collatio.core.sbd skips a pysbd pass when the text lacks the run of characters every
match of the pass's pattern holds. Patterns are generated from literals, classes,
groups (also case-insensitive ones), alternatives, repeats and look-arounds; texts
from the same few characters, so that matches are frequent.
"""

from __future__ import annotations

import re

import pysbd
from collatio.core import sbd
from hypothesis import assume, given, settings
from hypothesis import strategies as st

_ATOMS = st.sampled_from(["a", "b", "ab", "ba", "A", "\\.", ".", "[ab]", "[^a]", "\\s", " ", "\\d", "1", "$", "^"])


def _patterns() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda p: f"{p[0]}|{p[1]}"),
            inner.map(lambda p: f"(?:{p})"),
            inner.map(lambda p: f"({p})"),
            inner.map(lambda p: f"(?i:{p})"),
            st.tuples(inner, st.sampled_from(["*", "+", "?", "{2}", "{0,2}", "+?"])).map("".join),
            inner.map(lambda p: f"(?={p})"),
            inner.map(lambda p: f"(?!{p})"),
            st.sampled_from(["a", "ab", "\\.", " "]).map(lambda p: f"(?<={p})"),
            st.sampled_from(["a", "ab", "\\."]).map(lambda p: f"(?<!{p})"),
            inner.map(lambda p: f"(?>{p})"),
        )

    return st.recursive(_ATOMS, extend, max_leaves=8)


_TEXT = st.text(alphabet=st.sampled_from(list("abAB. 1")), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(_patterns(), _TEXT, st.sampled_from([0, re.IGNORECASE]))
def test_text_without_required_run_has_no_match(pattern: str, text: str, flags: int) -> None:
    try:
        compiled = re.compile(pattern, flags)
    except (re.error, OverflowError, AssertionError):  # e.g. "a**": not a pattern at all
        assume(False)
    needle = sbd.required_text(pattern, flags)
    if needle and needle not in text:
        assert compiled.search(text) is None


def test_required_text_of_pysbd_rules() -> None:
    assert sbd.required_text(r"(?<=\d)\.(?=\s*Januar)") == "Januar"
    assert sbd.required_text(r"a|bc") == ""
    assert sbd.required_text(r"x(?i:abc)yz") == "yz"
    assert sbd.required_text("abc", re.IGNORECASE) == ""
    assert sbd.required_text(r"(?!abc)d") == "d"
    # Every rule pysbd has compiled so far is parsed without error.
    sbd.split("Am 3. Januar kam Dr. Kim, d.h. um 5 Uhr. Er ging.", "de")
    assert pysbd.Segmenter(language="de", clean=False).segment("Er ging. Sie kam.")
    for (pattern, flags), (_compiled, needle) in list(sbd._CACHED_RE._patterns.items()):
        if isinstance(pattern, str):
            assert needle == sbd.required_text(pattern, flags)
