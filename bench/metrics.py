"""Alignment metrics: the DEplain paper's strict line-pair score and set-based P/R/F1.

* ``strict``: the protocol of the DEplain paper's evaluate.py. A predicted line pair
  (original text, simple text) is correct if the exact pair occurs in the gold lines;
  P = correct / predicted lines, R = correct / gold lines. With ``exclude_identical``
  pairs whose two sides are the same string are dropped from both sides first.
* ``set_prf``: precision/recall/F1 of two sets (sentence pairs, paragraph pairs,
  deleted or added sentences).

May import: the standard library only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    p: float
    r: float
    f: float
    n_pred: int
    n_gold: int

    def to_json(self) -> dict[str, float | int]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f, 4),
                "pred": self.n_pred, "gold": self.n_gold}


def prf(correct_pred: int, n_pred: int, correct_gold: int, n_gold: int) -> PRF:
    p = correct_pred / n_pred if n_pred else 0.0
    r = correct_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, n_pred, n_gold)


def strict(pred: Sequence[tuple[str, str]], gold: Sequence[tuple[str, str]],
           exclude_identical: bool = False) -> PRF:
    if exclude_identical:
        pred = [x for x in pred if x[0] != x[1]]
        gold = [x for x in gold if x[0] != x[1]]
    gold_set = set(gold)
    correct = sum(1 for x in pred if x in gold_set)
    # As in the paper's script, recall divides the same count by the number of gold lines.
    return prf(correct, len(pred), correct, len(gold))


def set_prf(pred: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    p_set, g_set = set(pred), set(gold)
    hit = len(p_set & g_set)
    return prf(hit, len(p_set), hit, len(g_set))
