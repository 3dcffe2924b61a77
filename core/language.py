"""Which language two texts are in, from their function words ("auto", the default).

Stemming, stop words and the ordinal rule of the sentence splitter depend on the
language; an English pair compared with German rules still aligns, but less well and
with German sentence rules. The most frequent function words of a language are nearly
disjoint from those of the others, so counting them in the first few thousand words is
enough. Too little text to tell (a heading, an empty side) keeps German.

May import: the standard library.
"""

from __future__ import annotations

import re
from collections import Counter

AUTO = "auto"
FALLBACK = "de"
# Read this much of each text: plenty of function words, and constant time on a book.
SAMPLE_CHARS = 20_000
# Fewer function words than this in both texts together: too little to tell.
MIN_HITS = 3

# The most frequent words of each language that are rare as words of the others.
_FUNCTION_WORDS = {
    "de": "der die das und ist nicht ein eine dem den des mit sich auch auf für von zu "
          "wird werden wurde sind hat haben bei nach aus über einer",
    "en": "the and of to is that was for with are this have from which were has been "
          "would their they will but not by",
    "fr": "le la les et est une des du que qui dans pour sur pas avec sont ont été cette "
          "aux mais elle il",
    "es": "el la los las y es una del que en por para con se su sus fue han pero como "
          "más este esta",
    "it": "il la gli le e è una del della che di per con sono ha non questo anche dei "
          "alla nel più",
    "nl": "de het een en is van dat niet zijn voor met op te ook aan er maar worden werd "
          "heeft hebben dit",
}
_LANGUAGE_OF: dict[str, list[str]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGE_OF.setdefault(_word, []).append(_code)
_WORD = re.compile(r"\w+", re.UNICODE)


def detect_language(*texts: str) -> str:
    """The code ("de", "en", …) of the language the texts share most function words with."""
    votes: Counter[str] = Counter()
    for text in texts:
        for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
            for code in _LANGUAGE_OF.get(word, ()):
                votes[code] += 1
    if sum(votes.values()) < MIN_HITS:
        return FALLBACK
    return max(votes, key=lambda code: (votes[code], code == FALLBACK))


def resolve_language(language: str, *texts: str) -> str:
    """``language`` itself, or the detected one for "auto"."""
    return detect_language(*texts) if language == AUTO else language
