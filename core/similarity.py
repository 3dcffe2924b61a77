"""Lexical sentence similarity that survives paraphrase.

Two signals, each a TF-IDF cosine with IDF over the sentences of both documents:
stemmed content words (numbers and names count fully) and character 4-grams inside
words (German compounds and inflections share most of their 4-grams). Vectors are
sparse (scipy), and only pairs that share a term are ever scored; a term that would pair
too many sentences (a topic word, a common 4-gram) proposes none, so cost stays near
linear in the length instead of following n×m. Group scores (split and merged
sentences) use all terms and cache the vectors of the groups the aligner retries.

May import: the standard library, numpy, scipy, Stemmer, and collatio.core.{normalise,semantic}.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise

import numpy as np
import Stemmer
from scipy import sparse

from .normalise import fold_typography
from .semantic import SemanticScores, band_pairs

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
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_STEMMERS = {"de": "german", "en": "english", "fr": "french", "es": "spanish", "it": "italian", "nl": "dutch"}


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMERS.get(language, "german"))


# Plain-language German writes compounds with a middle dot ("Ziegen∙mutter"); matching
# needs the plain compound.
_MIDDLE_DOTS = str.maketrans("", "", "\u00b7\u2219\u22c5\u2027")
# Speed trick: translate only text that holds a middle dot (see normalise.fold_typography:
# str.translate is slow on non-ASCII text, and gives the text back when nothing is mapped).
_HAS_MIDDLE_DOT = re.compile("[\u00b7\u2219\u22c5\u2027]")


def _fold(text: str) -> str:
    folded = fold_typography(text)
    if _HAS_MIDDLE_DOT.search(folded) is not None:
        folded = folded.translate(_MIDDLE_DOTS)
    return folded.lower()


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(_fold(text)) if w not in STOPWORDS]


def content_terms(text: str, language: str = "de") -> list[str]:
    """Stems of the content words of ``text``, lower-cased first."""
    stems: list[str] = _stemmer(language).stemWords(_content_words(text))
    return stems


@lru_cache(maxsize=1 << 16)
def _word_grams(word: str, n: int) -> tuple[str, ...]:
    # Words repeat across the sentences of a document: cache their grams.
    padded = f"<{word}>"
    if len(padded) <= n:
        return (padded,)
    return tuple(padded[i : i + n] for i in range(len(padded) - n + 1))


def char_ngrams(text: str, n: int = 4) -> list[str]:
    """Character n-grams inside the content words of ``text`` (padded with < and >)."""
    return _grams_of(_content_words(text), n)


def _grams_of(words: Sequence[str], n: int) -> list[str]:
    grams: list[str] = []
    for word in words:
        grams.extend(_word_grams(word, n))
    return grams


def _count_matrix(bags: Sequence[Sequence[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    # One flat pass over the terms; the sparse constructor sums repeated (row, term) cells.
    # Speed trick: new terms get their column in order of first occurrence (as one
    # setdefault per term would give them) from a loop over the distinct terms only;
    # the per-term lookup is then a C-level map over the flat list.
    flat = list(chain.from_iterable(bags))
    for term in dict.fromkeys(flat):
        if term not in vocab:
            vocab[term] = len(vocab)
    cols = list(map(vocab.__getitem__, flat))
    rows = np.repeat(np.arange(len(bags)), [len(bag) for bag in bags])
    data = np.ones(len(cols))
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

    def cosine_matrix(self, max_pairs: int | None = None) -> sparse.csr_matrix:
        """Cosine of every pair of sentences sharing a term.

        A term found in ``a`` sentences of one side and ``b`` of the other makes a·b
        pairs; terms over ``max_pairs`` are left out of the product (not of the norms).
        They say little about which sentence matches which (a topic word, a common
        4-gram), and without the cap the product grows with the square of the length.
        """
        wa, wb = self.weigh(self.counts_a), self.weigh(self.counts_b)
        if max_pairs is not None:
            df_a = np.asarray((self.counts_a > 0).sum(axis=0)).ravel()
            df_b = np.asarray((self.counts_b > 0).sum(axis=0)).ravel()
            keep = sparse.diags(((df_a * df_b) <= max_pairs).astype(np.float64))
            wa, wb = (wa @ keep).tocsr(), (wb @ keep).tocsr()
            wa.eliminate_zeros()
            wb.eliminate_zeros()
        return (wa @ wb.T).tocsr()

    def __post_init__(self) -> None:
        # Per-row term counts as dicts: group scores sum a few short rows, and plain
        # dict arithmetic beats building scipy matrices for every candidate group.
        self.rows_a = self._row_dicts(self.counts_a)
        self.rows_b = self._row_dicts(self.counts_b)
        self._idf = self.idf.tolist()  # float(numpy scalar) per term is slow in these loops
        # The aligner scores overlapping groups (the same run of b rows against each a row
        # of a gap, growth retrying a link): cache group vectors, bounded.
        self._vectors: dict[tuple[bool, tuple[int, ...]], dict[int, float]] = {}

    @staticmethod
    def _row_dicts(matrix: sparse.csr_matrix) -> list[dict[int, float]]:
        # Speed trick: the matrix converted to Python lists once, then sliced per row
        # (the same ints and floats as converting each row's slice: two numpy calls
        # per row cost more than the row's own work).
        bounds = matrix.indptr.tolist()
        indices = matrix.indices.tolist()
        data = matrix.data.tolist()
        return [dict(zip(indices[lo:hi], data[lo:hi], strict=True)) for lo, hi in pairwise(bounds)]

    _CACHE_SIZE = 1 << 14

    def _group_vector(self, side_a: bool, rows: Sequence[int]) -> dict[int, float]:
        key = (side_a, tuple(rows))
        cached = self._vectors.get(key)
        if cached is not None:
            return cached
        source = self.rows_a if side_a else self.rows_b
        summed: dict[int, float] = {}
        for r in rows:
            for col, count in source[r].items():
                summed[col] = summed.get(col, 0.0) + count
        idf = self._idf
        weighted = {col: (1.0 + math.log(c)) * idf[col] for col, c in summed.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        vector = {col: v / norm for col, v in weighted.items()}
        if len(self._vectors) >= self._CACHE_SIZE:
            self._vectors.clear()
        self._vectors[key] = vector
        return vector

    def group_cosine(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        va = self._group_vector(True, rows_a)
        vb = self._group_vector(False, rows_b)
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(col, 0.0) for col, v in va.items())

    def term_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Number of distinct terms of each sentence on each side."""
        return (np.asarray((self.counts_a > 0).sum(axis=1)).ravel(),
                np.asarray((self.counts_b > 0).sum(axis=1)).ravel())

    def coverage(self, rows_from: Sequence[int], from_a: bool, rows_into: Sequence[int]) -> float:
        """IDF-weighted share of the terms of rows_from that occur in rows_into."""
        src = self.rows_a if from_a else self.rows_b
        dst = self.rows_b if from_a else self.rows_a
        have = {col for r in rows_from for col in src[r]}
        into = {col for r in rows_into for col in dst[r]}
        idf = self._idf
        total = sum(idf[c] for c in have)
        return sum(idf[c] for c in have & into) / total if total else 0.0


class SimilarityModel:
    """Similarity between sentences (and groups of sentences) of two documents.

    With ``semantic`` (embeddings from a local model, see collatio.core.semantic) the
    lexical score is blended with the calibrated embedding cosine, and pairs near the
    diagonal are scored even without a shared term: paraphrases that share no word.
    """

    WORD_WEIGHT = 0.5
    CHAR_N = 4  # German compounds and inflections share most of their 4-grams
    # Per-term cap on the pairs it proposes (see _Signal.cosine_matrix): near-linear cost,
    # and on the DEplain dev split it also helped (sentence-pair F1 .532 → .568).
    MAX_PAIRS: int | None = 256

    def __init__(
        self, texts_a: Sequence[str], texts_b: Sequence[str], language: str = "de",
        semantic: SemanticScores | None = None, semantic_weight: float = 0.5,
    ) -> None:
        self.n_a = len(texts_a)
        self.n_b = len(texts_b)
        # Fold and tokenise each sentence once; both signals start from its content words.
        words_a = [_content_words(t) for t in texts_a]
        words_b = [_content_words(t) for t in texts_b]
        stem = _stemmer(language).stemWords
        self.words = _Signal.build([stem(w) for w in words_a], [stem(w) for w in words_b])
        self.chars = _Signal.build(
            [_grams_of(w, self.CHAR_N) for w in words_a], [_grams_of(w, self.CHAR_N) for w in words_b]
        )
        self.semantic = semantic
        self.semantic_weight = semantic_weight

    def pair_scores(self) -> sparse.coo_matrix:
        """Combined similarity for every pair that shares a term (or is near the diagonal)."""
        w = self.WORD_WEIGHT
        lexical = sparse.csr_matrix(w * self.words.cosine_matrix(self.MAX_PAIRS) + (1 - w) * self.chars.cosine_matrix(self.MAX_PAIRS))
        if self.semantic is None:
            return sparse.coo_matrix(lexical)
        pattern = (lexical > 0).astype(np.float64) + band_pairs(self.n_a, self.n_b, self.semantic.band)
        meaning = self.semantic.pairs(sparse.csr_matrix(pattern))
        s = self.semantic_weight
        return sparse.coo_matrix((1 - s) * lexical + s * meaning)

    def group(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        if not rows_a or not rows_b:
            return 0.0
        w = self.WORD_WEIGHT
        score = w * self.words.group_cosine(rows_a, rows_b) + (1 - w) * self.chars.group_cosine(rows_a, rows_b)
        if self.semantic is not None:
            s = self.semantic_weight
            score = (1 - s) * score + s * self.semantic.group(rows_a, rows_b)
        return min(1.0, max(0.0, score))

    def coverage(self, rows_from: Sequence[int], from_a: bool, rows_into: Sequence[int]) -> float:
        return self.words.coverage(rows_from, from_a, rows_into)
