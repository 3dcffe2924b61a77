"""Property: offsets stay exact through reflow, hyphenation, entities and segmentation."""

from __future__ import annotations

from collatio.core import compare
from collatio.core.normalise import normalise_span
from collatio.core.segment import vocabulary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    "Der", "die", "China", "Russland", "Gespräch", "betont", "Bemühungen", "Staatsführer",
    "Trump", "Administration", "dual", "use", "und", "nicht", "Kreml", "über", "Frieden",
    "the", "talks", "will", "continue", "Geneva", "2025", "US", "Außenpolitik",
]
ENTITIES = ["&amp;", "&amp;hellip;", "&hellip;", "&nbsp;", "&quot;", "&amp;quot;", "&#8222;", "&shy;", "&bdquo;"]
ENDS = [".", ".", "!", "?", ":", ",", ""]


@st.composite
def article(draw: st.DrawFn) -> str:
    """Words with random wraps, blank lines, line-end hyphens, entities and punctuation."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 60))):
        kind = draw(st.integers(0, 9))
        word = draw(st.sampled_from(WORDS))
        if kind == 0:
            pieces.append(draw(st.sampled_from(ENTITIES)))
        elif kind == 1:
            cut = draw(st.integers(1, max(1, len(word) - 1)))
            pieces.append(word[:cut] + "-\n" + word[cut:])  # line-end hyphenation
        elif kind == 2:
            pieces.append(word + draw(st.sampled_from(ENDS)))
        else:
            pieces.append(word)
        pieces.append(draw(st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n\n\n", "\r\n", "  "])))
    return "".join(pieces)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=article(), b=article())
def test_offsets_are_exact_and_nothing_is_lost(a: str, b: str) -> None:
    comparison = compare(a, b)
    vocab = vocabulary(a, b)
    for doc, source in ((comparison.a, a), (comparison.b, b)):
        previous_end = -1
        for s in doc.sentences:
            assert 0 <= s.start < s.end <= len(source)
            # The sentence's source span normalises to exactly its text.
            assert normalise_span(source, s.start, s.end, vocab).text == s.text
            # Sentences do not overlap and come in document order.
            assert s.start >= previous_end
            previous_end = s.end
            # A paragraph contains its sentences.
            p = doc.paragraph(s.paragraph)
            assert p.start <= s.start and s.end <= p.end
        # Every visible character of the input lies inside some paragraph.
        covered = [False] * len(source)
        for p in doc.paragraphs:
            for k in range(p.start, p.end):
                covered[k] = True
        lost = [k for k, ch in enumerate(source) if not ch.isspace() and not covered[k]]
        assert not lost, [source[k] for k in lost]
