"""On-disk cache of sentence embeddings for benchmark runs (tuning reruns the same texts).

Vectors are stored under the system temp dir (``<tmp>/collatio-embeddings/<backend>.npz``),
keyed by the SHA-256 of the sentence text: no text is written anywhere, and nothing
goes into the repository. ``cached_backend`` registers a wrapper of a semantic backend
under a new name (``<spec>+cache``) with the same calibration and preset; pass that
name as ``CompareOptions.semantic_model_path``. Concurrent runs may lose each other's
additions (the last save wins); that only costs cache misses.

May import: the standard library, numpy and collatio.core.semantic.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from collatio.core import semantic


def cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "collatio-embeddings"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors by text hash, loaded from and saved to one .npz file."""

    def __init__(self, encode: semantic.Encoder, path: Path) -> None:
        self.encode = encode
        self.path = path
        self.rows: dict[str, np.ndarray] = {}
        self.dirty = False
        self.hits = self.misses = 0
        if path.is_file():
            with np.load(path) as data:
                self.rows = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.rows}.items())
        self.misses += len(missing)
        self.hits += len(keys) - len(missing)
        if missing:
            vectors = self.encode([t for _, t in missing])
            self.rows.update((k, v) for (k, _), v in zip(missing, vectors, strict=True))
            self.dirty = True
        out: np.ndarray = (np.stack([self.rows[k] for k in keys]).astype(np.float32) if keys
                           else np.asarray(self.encode([]), dtype=np.float32))
        return out

    def save(self) -> None:
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".npz")
        with os.fdopen(fd, "wb") as out:
            np.savez(out, keys=np.array(list(self.rows)), vectors=np.stack(list(self.rows.values())))
        os.replace(tmp, self.path)
        self.dirty = False


def cached_backend(spec: str, enabled: bool = True) -> tuple[str, EmbeddingCache | None]:
    """Register ``spec``'s backend behind a cache; returns the name to use and the cache."""
    backend = semantic.load_backend(spec)
    if not enabled:
        return spec, None
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", spec.strip("/"))[-80:]
    cache = EmbeddingCache(backend.encode, cache_dir() / f"{slug}.npz")
    name = f"{spec}+cache"
    semantic.register_backend(name, replace(backend, encode=cache))
    return name, cache
