"""Fit the weights of collatio.core.linkscore on the DEplain-web dev split (even pair ids).

    .venv/bin/python bench/fit_links.py [--data DIR] [--l2 1.0] [--check]

Runs ``compare`` on every dev document and records the links just before the aligner's
last look (collatio.core.linkscore.refine). Every in-order link is a candidate, labelled
1 when it is exactly a gold alignment of the plan file. A logistic regression (numpy, Newton steps on
standardised features, L2) is fit to them, and its weights printed in raw feature
units, ready to paste into ``linkscore.WEIGHTS``. A held-out check fits on the dev
documents whose pair id is divisible by 4 and scores the other dev documents (F1 of
the kept links, at a few thresholds). Only the dev split is read; no text of the
benchmark is written anywhere.

May import: the standard library, numpy, collatio.core and the bench helpers beside it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deplain_data
from collatio.core import compare
from collatio.core.linkscore import FEATURES, WEIGHTS, features

REPO = Path(__file__).resolve().parent.parent
# The modules, not the functions of the same name re-exported by collatio.core.
align_module = importlib.import_module("collatio.core.align")
compare_module = importlib.import_module("collatio.core.compare")


def collect(docs: list[deplain_data.GoldDocument]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels, pair ids and link numbers of every variant of every link."""
    original_refine = align_module.refine
    original_rows = compare_module._aligned_rows
    state: dict[str, list] = {"rows": [], "links": []}

    def record_rows(seg, include_boilerplate):  # type: ignore[no-untyped-def]
        rows = original_rows(seg, include_boilerplate)
        state["rows"].append(rows)
        return rows

    def record_refine(model, groups, paragraphs, min_score, weights=WEIGHTS):  # type: ignore[no-untyped-def]
        # As refine sees them when it keeps every link (neighbours as they were).
        chain = sorted((g for g in groups if not g.moved), key=lambda g: (g.a[0], g.b[0]))
        taken_b = {j for g in groups for j in g.b}
        for k, g in enumerate(chain):
            prev = chain[k - 1] if k else None
            nxt = chain[k + 1] if k + 1 < len(chain) else None
            if not g.pinned:
                state["links"].append([(list(g.a), list(g.b),
                                        features(model, g.a, g.b, paragraphs, prev, nxt, taken_b))])
        return original_refine(model, groups, paragraphs, min_score, weights)

    align_module.refine = record_refine
    compare_module._aligned_rows = record_rows
    xs: list[list[float]] = []
    ys: list[int] = []
    ds: list[int] = []
    ls: list[int] = []
    try:
        for doc in docs:
            state["rows"] = []
            start = len(state["links"])
            compare(doc.presegmented("original"), doc.presegmented("simple"), presegmented=True)
            rows_a, rows_b = state["rows"]
            gold = {(frozenset(a), frozenset(b)) for a, b, _ in doc.alignments}
            for n, link in enumerate(state["links"][start:], start):
                for ra, rb, feats in link:
                    key = (frozenset(doc.original[rows_a[i]][0] for i in ra),
                           frozenset(doc.simple[rows_b[j]][0] for j in rb))
                    xs.append(feats)
                    ys.append(int(key in gold))
                    ds.append(doc.pair_id)
                    ls.append(n)
    finally:
        align_module.refine = original_refine
        compare_module._aligned_rows = original_rows
    return np.array(xs), np.array(ys, dtype=float), np.array(ds), np.array(ls)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression (column 0 is the bias, not penalised); weights in raw units."""
    mean = x[:, 1:].mean(axis=0)
    std = x[:, 1:].std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x[:, 1:] - mean) / std])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    raw = np.empty_like(w)
    raw[1:] = w[1:] / std
    raw[0] = w[0] - (w[1:] * mean / std).sum()
    return raw


STALE_LOSS = 0.005  # mean log-loss per link; the refit on the same links is the reference


def log_loss(x: np.ndarray, y: np.ndarray, w: np.ndarray | tuple[float, ...]) -> float:
    """Mean negative log-likelihood of the labels under weights w (raw feature units)."""
    z = np.clip(x @ np.asarray(w), -30, 30)
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def kept_f1(x: np.ndarray, y: np.ndarray, w: np.ndarray, threshold: float) -> str:
    """Exact-link P/R/F1 among these links when those scoring below threshold are dropped."""
    keep = (x @ w) >= threshold
    hit = int((keep & (y == 1)).sum())
    p, r = hit / max(int(keep.sum()), 1), hit / max(int(y.sum()), 1)
    return f"{threshold:+.1f}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when linkscore.WEIGHTS are stale (see STALE_LOSS)")
    args = parser.parse_args(argv)
    root = deplain_data.locate(args.data, REPO)
    dev = [d for d in deplain_data.load_documents(root) if d.split == "dev"]
    x, y, docs, _links = collect(dev)
    print(f"{len(y)} links, {int(y.sum())} exactly gold, from {len(set(docs.tolist()))} documents")
    half = docs % 4 == 0
    w_half = fit(x[half], y[half], args.l2)
    w = fit(x, y, args.l2)
    for t in (-np.inf, -3.0, -2.0, -1.0, 0.0):
        print(f"held out (pair id % 4 != 0) {kept_f1(x[~half], y[~half], w_half, t)}; "
              f"all dev, fit on all {kept_f1(x, y, w, t)}")
    print("WEIGHTS = (")
    print("    " + " ".join(f"{v:.4g}," for v in w))
    print(")")
    for name, v in zip(FEATURES, w, strict=True):
        print(f"# {name:>18} {v:+.4f}")
    current, refit = log_loss(x, y, WEIGHTS), log_loss(x, y, w)
    stale = current - refit > STALE_LOSS
    print(f"log-loss per link: linkscore.WEIGHTS {current:.4f}, refit {refit:.4f} -> "
          + ("STALE: paste the weights above into collatio/core/linkscore.py" if stale else "current"))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
