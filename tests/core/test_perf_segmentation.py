"""Speed tricks of the segmentation side against the plain code they replaced.

Each shortcut (a cheap pre-check, a C loop instead of a Python one) must give exactly
what the straightforward version gives; these compare the two on generated text,
including the awkward characters the tricks' comments name.
"""

from __future__ import annotations

import re
from collections import Counter

from collatio.core import boilerplate, roles, sentences
from collatio.core.normalise import fold_typography
from collatio.core.quotes import find_quotes
from hypothesis import given, settings
from hypothesis import strategies as st

_WORD = re.compile(r"\w+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aΑΣσ .'-", "‛", "’", "′", "…", "\u00a0", "„", "“", "İ"])))
def test_words_match_folded_words(text: str) -> None:
    assert roles._words(text) == _WORD.findall(fold_typography(text).lower())


def test_words_final_sigma_still_folded() -> None:
    # lower() depends on the neighbours of "Σ"; folding "‛" to "'" changes them.
    assert roles._words("ΑΣ‛Α") == _WORD.findall(fold_typography("ΑΣ‛Α").lower())


def _plain_duplicates(texts: list[str], candidates: list[bool]) -> list[bool]:
    def trigrams(text: str) -> list[tuple[str, str, str]]:
        words = _WORD.findall(fold_typography(text).lower())
        return list(zip(words, words[1:], words[2:], strict=False))

    grams = [trigrams(t) if c else [] for t, c in zip(texts, candidates, strict=True)]
    pool: Counter[tuple[str, str, str]] = Counter()
    for g in grams:
        pool.update(set(g))
    duplicate = [False] * len(texts)
    for i, g in enumerate(grams):
        if len(g) + 2 < roles.DUPLICATE_MIN_WORDS:
            continue
        own = set(g)
        found = sum(1 for gram in own if pool[gram] > 1)
        if found >= roles.DUPLICATE_CONTAINMENT * len(own):
            duplicate[i] = True
            pool.subtract(own)
    return duplicate


_PARAGRAPH = st.lists(st.sampled_from(["a", "b", "c", "d", "„x“"]), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PARAGRAPH, st.booleans()), max_size=8))
def test_find_duplicates_matches_plain(items: list[tuple[str, bool]]) -> None:
    texts = [t for t, _ in items]
    candidates = [c for _, c in items]
    assert roles.find_duplicates(texts, candidates) == _plain_duplicates(texts, candidates)


def _plain_separated_breadcrumb(text: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s+[›>|»/]\s+|\s*[›»]\s*", text.strip())]
    return len(parts) >= 3 and all(
        p and len(p.split()) <= 4 and not re.search(r"[.!?,;]$", p) for p in parts
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab .›>|»/", "\n"]), max_size=20))
def test_separated_breadcrumb_matches_plain(text: str) -> None:
    assert boilerplate._separated_breadcrumb(text) == _plain_separated_breadcrumb(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"Im 12. Gut!a", "\n", "٣"]), min_size=1, max_size=16))
def test_ends_in_number_is_necessary(piece: str) -> None:
    text = "x " + piece
    end = len(text)
    if (
        sentences._LIST_NUMBER_END.search(text, 2, end) is not None
        or sentences._ORDINAL_END.search(text[2:end]) is not None
    ):
        assert sentences._ends_in_number(text, end)


def _plain_first_close(text: str, start: int, limit: int, closers: str) -> int:
    return next((k for k in range(start, limit) if text[k] in closers), -1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*'ab "', "„", "“", "”", "»", "«"]), max_size=30))
def test_find_quotes_closes_at_first_mark(text: str) -> None:
    for quote in find_quotes(text, 0, len(text)):
        opener = text[quote.start - 1]
        closers = {"„": "“”", "“": "”", "»": "«", "«": "»", '"': '"'}[opener]
        assert quote.end == _plain_first_close(text, quote.start, len(text), closers)


def _plain_boilerplate_rule(text: str) -> str | None:
    text = " ".join(text.split())
    if not text or len(text) > 600:
        return None
    return next((rule.name for rule in boilerplate.RULES if rule.matches(text)), None)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(295, 305),
    st.sampled_from(["Anzeige", "a", "Teilen"]),
    st.sampled_from([" ", "  ", "\n", " \t"]),
)
def test_boilerplate_rule_long_text_matches_plain(words: int, word: str, gap: str) -> None:
    text = gap + gap.join([word] * words) + gap
    assert boilerplate.boilerplate_rule(text) == _plain_boilerplate_rule(text)
    assert boilerplate.boilerplate_rule("Teilen" + gap * 3) == _plain_boilerplate_rule("Teilen" + gap * 3)


def _plain_heading_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= roles.HEADING_MAX_WORDS
        and len(text) <= roles.HEADING_MAX_CHARS
        and not roles._TERMINAL.search(text)
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab .", "\n"]), max_size=140))
def test_heading_like_matches_plain(text: str) -> None:
    assert roles.is_heading_like(text) == _plain_heading_like(text)

