"""Sentences that read exactly alike: always candidates, and always similarity 1.

The lexical signals (collatio.core.similarity) score words that carry content. A
sentence made only of function words ("»Doch!«", "Und dann?") has none, and a sentence
of frequent words may lose its pairs to the per-term cap; so an exact copy could be
left unlinked, and ``compare(a, a)`` would report changes. Here two sentences whose text
is the same (white space folded) are a pair with score 1.0, whatever their words.

A text repeated many times on both sides pairs each copy with the copies of about the
same rank on the other side only (``RANK_BAND``), so cost stays linear: ten thousand
"»Doch!«" lines on each side give fifty thousand pairs, not a hundred million.

May import: the standard library, numpy and scipy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse

RANK_BAND = 2  # the k-th copy on one side pairs with copies k-2 .. k+2 on the other


def text_key(text: str) -> str:
    """What must be equal for two sentences to read exactly alike."""
    return " ".join(text.split())


def identical_pairs(keys_a: Sequence[str], keys_b: Sequence[str]) -> sparse.csr_matrix:
    """1.0 for each pair of rows with the same non-empty key (see ``RANK_BAND``)."""
    where_b: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(keys_b):
        if key:
            where_b[key].append(j)
    where_a: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys_a):
        if key in where_b:
            where_a[key].append(i)
    rows: list[int] = []
    cols: list[int] = []
    for key, in_a in where_a.items():
        in_b = where_b[key]
        scale = len(in_b) / len(in_a)
        for rank, i in enumerate(in_a):
            centre = round(rank * scale)
            for other in range(max(0, centre - RANK_BAND), min(len(in_b), centre + RANK_BAND + 1)):
                rows.append(i)
                cols.append(in_b[other])
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(keys_a), len(keys_b)))


def same_text(keys_a: Sequence[str], keys_b: Sequence[str], rows_a: Sequence[int],
              rows_b: Sequence[int]) -> bool:
    """Whether the rows of a group read exactly alike on both sides, joined."""
    if not rows_a or not rows_b:
        return False
    joined_a = " ".join(keys_a[i] for i in rows_a)
    return bool(joined_a) and joined_a == " ".join(keys_b[j] for j in rows_b)
