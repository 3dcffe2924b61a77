"""Optional semantic similarity: sentence embeddings from a model on local disk.

Installed with the ``collatio[semantic]`` extra (sentence-transformers). The model is
only ever read from a local folder given in ``CompareOptions.semantic_model_path``;
nothing is downloaded, and hub look-ups are switched off while it loads. Without the
option, or without the package, Collatio's lexical similarity works alone.

Scores are cosine similarities of normalised embeddings, mapped onto the scale of the
lexical scores (below ``FLOOR`` counts as unrelated) so both can be blended, and only
computed for candidate pairs: pairs that share a term plus a band around the diagonal
of relative positions, so cost stays near-linear for books.

May import: the standard library, numpy, scipy, and sentence_transformers (lazily).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from scipy import sparse

# Cosines of unrelated sentences of small English/multilingual models sit around
# 0.1-0.3, paraphrases at 0.7-0.95: map [FLOOR, FLOOR + SPAN] onto [0, 1].
FLOOR = 0.35
SPAN = 0.55
BAND = 8  # rows around the diagonal always scored, whatever their lexical overlap


class SemanticUnavailable(RuntimeError):
    """The semantic backend was asked for but cannot be used (package or model missing)."""


class Encoder(Protocol):
    def __call__(self, texts: Sequence[str]) -> np.ndarray: ...


@lru_cache(maxsize=2)
def load_encoder(path: str) -> Encoder:
    """An encoder for the sentence-transformers model stored in the folder ``path``."""
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise SemanticUnavailable(f"No model folder at {folder}; semantic models load from local disk only.")
    # Never reach for a model hub, even if the folder is incomplete.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise SemanticUnavailable("Install collatio[semantic] to use a semantic model.") from exc
    model: Any = SentenceTransformer(str(folder), device="cpu", local_files_only=True)

    def encode(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                               show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    return encode


def band_pairs(n_a: int, n_b: int, width: int = BAND) -> sparse.csr_matrix:
    """Indicator of the pairs near the diagonal of relative positions (n_a × n_b)."""
    if not n_a or not n_b:
        return sparse.csr_matrix((n_a, n_b))
    rows: list[int] = []
    cols: list[int] = []
    for j in range(n_b):
        centre = round((j + 0.5) / n_b * n_a - 0.5)
        for i in range(max(0, centre - width), min(n_a, centre + width + 1)):
            rows.append(i)
            cols.append(j)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_a, n_b))


def calibrated(cosine: np.ndarray) -> np.ndarray:
    return np.clip((cosine - FLOOR) / SPAN, 0.0, 1.0)


class SemanticScores:
    """Embeddings of both documents and calibrated similarities for chosen pairs."""

    def __init__(self, encoder: Encoder, texts_a: Sequence[str], texts_b: Sequence[str]) -> None:
        self.a = encoder(texts_a)
        self.b = encoder(texts_b)

    def pairs(self, pattern: sparse.csr_matrix) -> sparse.csr_matrix:
        """Calibrated similarity at each stored position of ``pattern`` (n_a × n_b)."""
        coo = sparse.coo_matrix(pattern)
        if coo.nnz == 0:
            return sparse.csr_matrix(pattern.shape)
        values = np.einsum("ij,ij->i", self.a[coo.row], self.b[coo.col])
        return sparse.csr_matrix((calibrated(values), (coo.row, coo.col)), shape=pattern.shape)

    def group(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        va = self.a[list(rows_a)].sum(axis=0)
        vb = self.b[list(rows_b)].sum(axis=0)
        norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
        return float(calibrated(np.array([float(va @ vb) / norm if norm else 0.0]))[0])
