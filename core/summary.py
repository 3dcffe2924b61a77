"""The one-line account of a comparison that the window's status line shows: counts,
then what the reader should know before trusting them (a document that is mostly
repetition), then credits dropped or added.

May import: collatio.core.{credits,model,stats}.
"""

from __future__ import annotations

from .credits import credit_note
from .model import Comparison
from .stats import repetition_note


def counts_line(comparison: Comparison) -> str:
    """The counts, and a warning when a text is mostly repetition (the reports' head)."""
    return comparison.stats.summary() + repetition_note(comparison.a, comparison.b)


def summary_line(comparison: Comparison) -> str:
    """The status line: the counts line, then credits dropped or added."""
    return counts_line(comparison) + credit_note(comparison.credits)
