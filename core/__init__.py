"""Collatio's pipeline: load → normalise → segment → align → word diff → classify → stats.

Pure Python; never imports Qt (checked by import-linter, see pyproject.toml).
"""

from .compare import compare, compare_loaded
from .load import (
    FILE_DIALOG_FILTER,
    SUPPORTED_SUFFIXES,
    LoadedText,
    LoadError,
    load_bytes,
    load_text,
    load_url,
)
from .model import (
    Comparison,
    DiffOp,
    Document,
    FigureChange,
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
    "FILE_DIALOG_FILTER",
    "SUPPORTED_SUFFIXES",
    "CancelToken",
    "CompareOptions",
    "Comparison",
    "DiffOp",
    "Document",
    "FigureChange",
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
    "compare_loaded",
    "load_bytes",
    "load_text",
    "load_url",
]
