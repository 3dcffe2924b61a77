"""The vocabulary that decides line-end hyphens is built only when a hyphen asks."""

from __future__ import annotations

from collatio.core.segment import LazyVocabulary, vocabulary


def test_lazy_vocabulary_answers_as_the_word_set_does() -> None:
    texts = ("Die Bemühungen des Kremls.", "Der KREML und China")
    lazy, eager = LazyVocabulary(*texts), vocabulary(*texts)
    for word in ("bemühungen", "kreml", "china", "Kreml", "peking", ""):
        assert (word in lazy) == (word in eager)


def test_lazy_vocabulary_is_not_built_until_asked() -> None:
    lazy = LazyVocabulary("Bemühungen")
    assert lazy._texts is not None  # nothing built yet
    assert "bemühungen" in lazy
    assert lazy._texts is None
