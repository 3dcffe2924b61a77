"""Lexical sentence similarity that survives paraphrase.

Two signals, each a TF-IDF cosine with IDF over the sentences of both documents:
stemmed content words (numbers and names count fully) and character 4-grams inside
words (German compounds and inflections share most of their 4-grams). Vectors are
sparse (scipy), and only pairs that share a term are ever scored; a term that would pair
too many sentences (a topic word, a common 4-gram) proposes none, so cost stays near
linear in the length instead of following n×m. Group scores (split and merged
sentences) use all terms and cache the vectors of the groups the aligner retries.

Sentences that read exactly alike always score 1 (collatio.core.exact), whatever words
they have.

May import: the standard library, numpy, scipy, Stemmer, and
collatio.core.{exact,normalise,semantic}.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import Stemmer
from scipy import sparse

from .exact import identical_pairs, same_text, text_key
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
LANGUAGES = tuple(_STEMMERS)  # what --language accepts (another would be stemmed as German)


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
    # padded[i : i + n] for each i, sliced by a C-level map rather than a generator.
    return tuple(map(padded.__getitem__, map(slice, range(len(padded) - n + 1), range(n, len(padded) + 1))))


def _distinct(words_a: Sequence[Sequence[str]], words_b: Sequence[Sequence[str]]) -> list[str]:
    """Distinct words in order of first occurrence, side a then side b."""
    return list(dict.fromkeys(chain(chain.from_iterable(words_a), chain.from_iterable(words_b))))


def char_ngrams(text: str, n: int = 4) -> list[str]:
    """Character n-grams inside the content words of ``text`` (padded with < and >)."""
    return _grams_of(_content_words(text), n)


def _grams_of(words: Sequence[str], n: int) -> list[str]:
    grams: list[str] = []
    for word in words:
        grams.extend(_word_grams(word, n))
    return grams


def _count_matrix(
    bags: Sequence[Sequence[str]], vocab: dict[str, int], grow: bool = True, width: int = 0
) -> sparse.csr_matrix:
    # One flat pass over the terms; the sparse constructor sums repeated (row, term) cells.
    # Speed trick: new terms get their column in order of first occurrence (as one
    # setdefault per term would give them) from a loop over the distinct terms only;
    # the per-term lookup is then a C-level map over the flat list.
    flat = list(chain.from_iterable(bags))
    if grow:
        for term in dict.fromkeys(flat):
            if term not in vocab:
                vocab[term] = len(vocab)
    return _csr_of_runs(list(map(vocab.__getitem__, flat)), [len(bag) for bag in bags],
                        max(len(vocab), width, 1))


def _csr_of_runs(cols: list[int], lengths: list[int], width: int) -> sparse.csr_matrix:
    """Counts matrix whose row k holds a 1 for each of the next ``lengths[k]`` columns.

    Speed trick: the rows are consecutive runs, so the CSR arrays are built directly
    (no coordinate lists to sort); sum_duplicates then sorts each row and adds repeated
    columns, giving the same canonical matrix the (data, (rows, cols)) constructor gives.
    """
    indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.array(cols, dtype=np.int64)
    matrix = sparse.csr_matrix((np.ones(len(cols)), indices, indptr), shape=(len(lengths), width))
    matrix.sum_duplicates()
    return matrix


class _RowDicts:
    """Row r of a CSR matrix as a {column: value} dict, made on first use and kept.

    The aligner looks at well under half of the rows (on the DEplain concatenation, 40%
    of the character-gram rows), so rows are converted when asked for, not all up front.
    The values are the matrix's own floats, whichever way they are sliced out.
    """

    __slots__ = ("_bounds", "_data", "_indices", "_rows")

    def __init__(self, matrix: sparse.csr_matrix) -> None:
        self._bounds: list[int] = matrix.indptr.tolist()
        self._indices = matrix.indices
        self._data = matrix.data
        self._rows: list[dict[int, float] | None] = [None] * matrix.shape[0]

    def __getitem__(self, r: int) -> dict[int, float]:
        row = self._rows[r]
        if row is None:
            lo, hi = self._bounds[r], self._bounds[r + 1]
            row = dict(zip(self._indices[lo:hi].tolist(), self._data[lo:hi].tolist(), strict=True))
            self._rows[r] = row
        return row


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
        return cls._weighted(counts_a, counts_b)

    @classmethod
    def _weighted(cls, counts_a: sparse.csr_matrix, counts_b: sparse.csr_matrix) -> _Signal:
        df = np.asarray((counts_a > 0).sum(axis=0)).ravel() + np.asarray((counts_b > 0).sum(axis=0)).ravel()
        n_docs = counts_a.shape[0] + counts_b.shape[0]
        idf = np.log((n_docs + 1) / (df + 1)) + 1.0
        return cls(counts_a.tocsr(), counts_b.tocsr(), idf)

    @classmethod
    def build_grams(
        cls, words_a: Sequence[Sequence[str]], words_b: Sequence[Sequence[str]], n: int,
        words: list[str] | None = None,
    ) -> _Signal:
        """``build`` on the character n-grams of each sentence's words, made faster.

        Speed trick: sentence-by-gram counts are (sentence-by-word counts) @ (word-by-gram
        counts), so each distinct word is cut into grams once instead of at every
        occurrence. Words are visited in order of first occurrence (side a, then b) and
        a gram gets its column when first seen, which is the order ``build`` gives over
        the flat gram stream; counts are small integers, exact in floating point.
        ``words``: the distinct words in that order, when the caller has them already.
        """
        if words is None:
            words = _distinct(words_a, words_b)
        word_col = {w: k for k, w in enumerate(words)}
        per_word = [_word_grams(w, n) for w in words]
        flat = list(chain.from_iterable(per_word))
        # dict.fromkeys keeps first occurrences in order: the columns a gram-by-gram
        # setdefault would give, without a Python-level loop over the grams.
        vocab = {gram: k for k, gram in enumerate(dict.fromkeys(flat))}
        word_grams = _csr_of_runs(list(map(vocab.__getitem__, flat)), list(map(len, per_word)),
                                  max(len(vocab), 1))
        if not words:
            word_grams.resize((1, word_grams.shape[1]))

        def counts(bags: Sequence[Sequence[str]]) -> sparse.csr_matrix:
            by_word = _count_matrix(bags, word_col, grow=False, width=max(len(words), 1))
            product = (by_word @ word_grams).tocsr()
            product.sum_duplicates()  # canonical: sorted columns per row, as build gives
            return product

        counts_a, counts_b = counts(words_a), counts(words_b)
        return cls._weighted(counts_a, counts_b)

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
        self.rows_a = _RowDicts(self.counts_a)
        self.rows_b = _RowDicts(self.counts_b)
        self._idf = self.idf.tolist()  # float(numpy scalar) per term is slow in these loops
        # The aligner scores overlapping groups (the same run of b rows against each a row
        # of a gap, growth retrying a link): cache group vectors, bounded.
        self._vectors: dict[tuple[bool, tuple[int, ...]], dict[int, float]] = {}

    _CACHE_SIZE = 1 << 14

    def _group_vector(self, side_a: bool, rows: Sequence[int]) -> dict[int, float]:
        key = (side_a, tuple(rows))
        cached = self._vectors.get(key)
        if cached is not None:
            return cached
        source = self.rows_a if side_a else self.rows_b
        if len(rows) == 1:
            summed = source[rows[0]]  # what the loop below gives: 0.0 + count is count
        else:
            summed = {}
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
        # Terms missing from vb add 0.0, which leaves a float sum unchanged: skip them.
        return sum((v * vb[col] for col, v in va.items() if col in vb), 0.0)

    def group_cosines(self, groups: Sequence[tuple[Sequence[int], Sequence[int]]]) -> np.ndarray:
        """``group_cosine`` of many groups at once, as sparse products instead of dict loops.

        The same arithmetic (summed counts, sublinear tf × idf, unit length, dot product);
        sums may run in another order, so a score can differ in its last bits.
        """
        va = self._group_matrix(self.counts_a, [rows for rows, _ in groups])
        vb = self._group_matrix(self.counts_b, [rows for _, rows in groups])
        return np.asarray(va.multiply(vb).sum(axis=1)).ravel()

    def _group_matrix(self, counts: sparse.csr_matrix, members: Sequence[Sequence[int]]) -> sparse.csr_matrix:
        """One unit-length tf-idf row per group: the summed counts of its member rows."""
        pick = _csr_of_runs([r for rows in members for r in rows], [len(rows) for rows in members],
                            counts.shape[0])
        summed = (pick @ counts).tocsr()
        summed.data = (1.0 + np.log(summed.data)) * self.idf[summed.indices]
        norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ summed)

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
        # Speed trick: each distinct word is stemmed once (stemming is a pure function).
        distinct = _distinct(words_a, words_b)
        stem_of = dict(zip(distinct, _stemmer(language).stemWords(distinct), strict=True)).__getitem__
        self.words = _Signal.build([list(map(stem_of, w)) for w in words_a],
                                   [list(map(stem_of, w)) for w in words_b])
        self.chars = _Signal.build_grams(words_a, words_b, self.CHAR_N, distinct)
        self.semantic = semantic
        self.semantic_weight = semantic_weight
        self.keys_a = [text_key(t) for t in texts_a]
        self.keys_b = [text_key(t) for t in texts_b]

    def pair_scores(self) -> sparse.coo_matrix:
        """Combined similarity for every pair that shares a term (or is near the diagonal)."""
        w = self.WORD_WEIGHT
        lexical = sparse.csr_matrix(w * self.words.cosine_matrix(self.MAX_PAIRS) + (1 - w) * self.chars.cosine_matrix(self.MAX_PAIRS))
        exact = identical_pairs(self.keys_a, self.keys_b)
        if self.semantic is None:
            return sparse.coo_matrix(lexical.maximum(exact))
        pattern = (lexical > 0).astype(np.float64) + band_pairs(self.n_a, self.n_b, self.semantic.band)
        meaning = self.semantic.pairs(sparse.csr_matrix(pattern))
        s = self.semantic_weight
        return sparse.coo_matrix(sparse.csr_matrix((1 - s) * lexical + s * meaning).maximum(exact))

    def group(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        if not rows_a or not rows_b:
            return 0.0
        if same_text(self.keys_a, self.keys_b, rows_a, rows_b):
            return 1.0
        w = self.WORD_WEIGHT
        score = w * self.words.group_cosine(rows_a, rows_b) + (1 - w) * self.chars.group_cosine(rows_a, rows_b)
        if self.semantic is not None:
            s = self.semantic_weight
            score = (1 - s) * score + s * self.semantic.group(rows_a, rows_b)
        return min(1.0, max(0.0, score))

    def group_many(self, groups: Sequence[tuple[Sequence[int], Sequence[int]]]) -> list[float]:
        """``group`` for many groups at once (one batch of sparse products per signal)."""
        if not groups:
            return []
        w = self.WORD_WEIGHT
        scores = w * self.words.group_cosines(groups) + (1 - w) * self.chars.group_cosines(groups)
        if self.semantic is not None:
            s = self.semantic_weight
            meaning = np.array([self.semantic.group(a, b) if a and b else 0.0 for a, b in groups])
            scores = (1 - s) * scores + s * meaning
        empty = np.array([not a or not b for a, b in groups])
        same = np.array([same_text(self.keys_a, self.keys_b, a, b) for a, b in groups])
        out: list[float] = np.where(empty, 0.0, np.where(same, 1.0, np.clip(scores, 0.0, 1.0))).tolist()
        return out

    def coverage(self, rows_from: Sequence[int], from_a: bool, rows_into: Sequence[int]) -> float:
        return self.words.coverage(rows_from, from_a, rows_into)
