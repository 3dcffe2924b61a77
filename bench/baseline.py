"""The trivial matcher the aligner must beat: character n-gram TF-IDF cosine + threshold.

Each simple sentence is linked 1:1 to its most similar original sentence when the
cosine of their character 3-gram TF-IDF vectors (IDF over the sentences of both
documents) reaches the threshold. No order, no groups, no paragraphs.

May import: the standard library, numpy and scipy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

THRESHOLD = 0.55  # chosen on the dev split (even pair ids), see deplain.py --tune-baseline


def _grams(text: str, n: int = 3) -> Counter[str]:
    padded = f" {' '.join(text.lower().split())} "
    return Counter(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))


def _tfidf(bags: Sequence[Counter[str]]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    n = len(bags)
    for r, bag in enumerate(bags):
        for gram, tf in bag.items():
            rows.append(r)
            cols.append(vocab.setdefault(gram, len(vocab)))
            vals.append((1 + math.log(tf)) * (math.log((n + 1) / (df[gram] + 1)) + 1))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def similarities(original: Sequence[str], simple: Sequence[str]) -> np.ndarray:
    """Dense (simple × original) cosine matrix; documents here are small."""
    m = _tfidf([_grams(t) for t in [*original, *simple]])
    a, b = m[: len(original)], m[len(original) :]
    return np.asarray((b @ a.T).todense())


def align(original: Sequence[str], simple: Sequence[str], threshold: float = THRESHOLD,
          sims: np.ndarray | None = None) -> list[tuple[int, int]]:
    """(original index, simple index) pairs."""
    if not original or not simple:
        return []
    sims = similarities(original, simple) if sims is None else sims
    best = sims.argmax(axis=1)
    return [(int(best[j]), j) for j in range(len(simple)) if sims[j, best[j]] >= threshold]
