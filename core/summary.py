"""The one-line account of a comparison that the window's status line shows: counts,
then what the reader should know before trusting them (a document that is mostly
repetition), then credits dropped or added.

May import: collatio.core.{credits,model,stats}.
"""

from __future__ import annotations

from .credits import credit_note
from .model import Comparison
from .stats import repetition_note


def summary_line(comparison: Comparison) -> str:
    return (comparison.stats.summary() + repetition_note(comparison.a, comparison.b)
            + credit_note(comparison.credits))
