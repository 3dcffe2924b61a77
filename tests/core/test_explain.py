"""Why two sentences were linked: the content words they share."""

from __future__ import annotations

import pytest
from collatio.core import CompareOptions, compare
from collatio.core.explain import shared_words


@pytest.mark.parametrize(("a", "b", "shared", "not_shared"), [
    # Inflected forms share a stem; stop words are not listed.
    ("Der Kanzler betonte die engen Beziehungen.", "Die Kanzlerin betont enge Beziehungen.",
     {"betont", "enge", "Beziehungen"}, {"Die"}),
    # A number is one word: "1,200" and "1,500" share no "1".
    ("The plant in Sunderland employs 1,200 people.", "The Sunderland plant employs 1,500 people.",
     {"Sunderland", "plant", "employs", "people"}, {"1"}),
])
def test_shared_words(a: str, b: str, shared: set[str], not_shared: set[str]) -> None:
    result = compare(a, b, options=CompareOptions(language="en" if "The" in a else "de"))
    found = set(shared_words(result.links[0], result.a, result.b, result.options["language"]).terms)
    assert shared <= found and not (not_shared & found)
