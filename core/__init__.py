"""Collatio's pipeline: load → normalise → segment → align → word diff → classify → stats.

Pure Python; never imports Qt (checked by import-linter, see pyproject.toml).
"""

from .compare import compare
from .load import LoadedText, LoadError, load_text
from .model import (
    Comparison,
    DiffOp,
    Document,
    Link,
    LinkKind,
    OpKind,
    Outcome,
    Paragraph,
    QuoteChange,
    Role,
    Sentence,
    SentenceStatus,
    Side,
    Stats,
)
from .options import CancelToken, CompareOptions

__all__ = [
    "CancelToken",
    "CompareOptions",
    "Comparison",
    "DiffOp",
    "Document",
    "Link",
    "LinkKind",
    "LoadError",
    "LoadedText",
    "OpKind",
    "Outcome",
    "Paragraph",
    "QuoteChange",
    "Role",
    "Sentence",
    "SentenceStatus",
    "Side",
    "Stats",
    "compare",
    "load_text",
]
