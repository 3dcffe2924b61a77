"""Lexical sentence similarity that survives paraphrase.

Two signals, each a TF-IDF cosine with IDF over the sentences of both documents:
stemmed content words (numbers and names count fully) and character 4-grams inside
words (German compounds and inflections share most of their 4-grams). Vectors are
sparse (scipy), and only pairs that share a term are ever scored, so cost follows the
overlap, not n×m.

May import: the standard library, numpy, scipy, Stemmer, and collatio.core.{normalise,tokens}.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import Stemmer
from scipy import sparse

from .normalise import fold_typography

_WORD = re.compile(r"\w+", re.UNICODE)

STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes auch auf aus bei bin bis bist da damit dann das dass dem den denn der des die
    dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer
    eines er es etwas euch für gegen hab habe haben hat hatte hatten hier hin hinter ich
    ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem ins ist jede jedem jeden jeder
    jedes jene kann kein keine können könnte man manche mein meine mit muss nach nicht
    nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so
    solche soll sondern sonst über um und uns unser unter viel vom von vor war waren warst
    was weil welche welchem welchen welcher wenn werde werden wie wieder will wir wird
    wirst wo wollen würde würden zu zum zur zwar zwischen
    a an and are as at be been but by for from had has have he her his i if in into is it
    its not of on or our she so than that the their them there these they this those to
    was we were what when which who will with would you your
    """.split()
)

_STEMMERS = {"de": "german", "en": "english", "fr": "french", "es": "spanish", "it": "italian", "nl": "dutch"}


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMERS.get(language, "german"))


def content_terms(text: str, language: str = "de") -> list[str]:
    """Stems of the content words of ``text``, lower-cased first."""
    words = [w for w in _WORD.findall(fold_typography(text).lower()) if w not in STOPWORDS]
    stems: list[str] = _stemmer(language).stemWords(words)
    return stems


def char_ngrams(text: str, n: int = 4) -> list[str]:
    grams: list[str] = []
    for word in _WORD.findall(fold_typography(text).lower()):
        if word in STOPWORDS:
            continue
        padded = f"<{word}>"
        if len(padded) <= n:
            grams.append(padded)
        else:
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def _count_matrix(bags: Sequence[Sequence[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows: list[int] = []
    cols: list[int] = []
    for r, bag in enumerate(bags):
        for term in bag:
            col = vocab.setdefault(term, len(vocab))
            rows.append(r)
            cols.append(col)
    data = np.ones(len(rows), dtype=np.float64)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(bags), max(len(vocab), 1)))
    matrix.sum_duplicates()
    return matrix


@dataclass
class _Signal:
    counts_a: sparse.csr_matrix
    counts_b: sparse.csr_matrix
    idf: np.ndarray

    @classmethod
    def build(cls, bags_a: Sequence[Sequence[str]], bags_b: Sequence[Sequence[str]]) -> _Signal:
        vocab: dict[str, int] = {}
        counts_a = _count_matrix(bags_a, vocab)
        counts_b = _count_matrix(bags_b, vocab)
        width = max(len(vocab), 1)
        counts_a.resize((counts_a.shape[0], width))
        counts_b.resize((counts_b.shape[0], width))
        df = np.asarray((counts_a > 0).sum(axis=0)).ravel() + np.asarray((counts_b > 0).sum(axis=0)).ravel()
        n_docs = counts_a.shape[0] + counts_b.shape[0]
        idf = np.log((n_docs + 1) / (df + 1)) + 1.0
        return cls(counts_a.tocsr(), counts_b.tocsr(), idf)

    def weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        weighted = counts.copy()
        weighted.data = 1.0 + np.log(weighted.data)  # sublinear tf
        weighted = weighted.multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ weighted

    def cosine_matrix(self) -> sparse.csr_matrix:
        return (self.weigh(self.counts_a) @ self.weigh(self.counts_b).T).tocsr()

    def group_cosine(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        va = self.weigh(sparse.csr_matrix(self.counts_a[list(rows_a)].sum(axis=0)))
        vb = self.weigh(sparse.csr_matrix(self.counts_b[list(rows_b)].sum(axis=0)))
        return float(va.multiply(vb).sum())

    def coverage(self, rows_from: Sequence[int], from_a: bool, rows_into: Sequence[int]) -> float:
        """IDF-weighted share of the terms of rows_from that occur in rows_into."""
        src = self.counts_a if from_a else self.counts_b
        dst = self.counts_b if from_a else self.counts_a
        have = np.asarray(src[list(rows_from)].sum(axis=0)).ravel() > 0
        into = np.asarray(dst[list(rows_into)].sum(axis=0)).ravel() > 0
        total = float(self.idf[have].sum())
        return float(self.idf[have & into].sum()) / total if total else 0.0


class SimilarityModel:
    """Similarity between sentences (and groups of sentences) of two documents."""

    WORD_WEIGHT = 0.5

    def __init__(self, texts_a: Sequence[str], texts_b: Sequence[str], language: str = "de") -> None:
        self.n_a = len(texts_a)
        self.n_b = len(texts_b)
        self.words = _Signal.build(
            [content_terms(t, language) for t in texts_a], [content_terms(t, language) for t in texts_b]
        )
        self.chars = _Signal.build([char_ngrams(t) for t in texts_a], [char_ngrams(t) for t in texts_b])

    def pair_scores(self) -> sparse.coo_matrix:
        """Combined similarity for every pair that shares at least one term."""
        w = self.WORD_WEIGHT
        combined = w * self.words.cosine_matrix() + (1 - w) * self.chars.cosine_matrix()
        return sparse.coo_matrix(combined)

    def group(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        if not rows_a or not rows_b:
            return 0.0
        w = self.WORD_WEIGHT
        score = w * self.words.group_cosine(rows_a, rows_b) + (1 - w) * self.chars.group_cosine(rows_a, rows_b)
        return min(1.0, max(0.0, score))

    def coverage(self, rows_from: Sequence[int], from_a: bool, rows_into: Sequence[int]) -> float:
        return self.words.coverage(rows_from, from_a, rows_into)


def relative_position(index: int, count: int) -> float:
    return (index + 0.5) / count if count else 0.0


def log_ratio(a: float, b: float) -> float:
    return abs(math.log((a + 1) / (b + 1)))
