"""Read the DEplain-web (manual, open) benchmark into documents and gold alignments.

The data stays where it is (evaluation-only license): this module only reads it. A
document is rebuilt from the simplification-plan file of each pair: the sentence ids
``<pair>-<side>-<para>-<sent>`` give the order and the paragraph structure (side 1 =
original = our A, side 0 = simple = our B). The plan gives a sentence's text directly
when it stands alone in a row; a sentence that only ever occurs inside an n:m group is
cut out of the group's joined text with the help of the spaCy sentence split of
the document corpus, which has the same sentences.

May import: the standard library only.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

csv.field_size_limit(1 << 30)

ENV_VAR = "COLLATIO_DEPLAIN"
PLANS = Path("D__Simplification_Plans/DEplain-web/test")
SENTENCE_SPLIT = Path("B__Document-level_Corpus/DEplain-web-doc/manual/open/sentence-split/test.csv")
GOLD_CSV = Path("C__Alignment_Algorithms/DEplain_web_alignments_test.csv")
OUTPUTS = Path("C__Alignment_Algorithms/outputs")
_ID = re.compile(r"^(\d+)-([01])-(\d+)-(-?\d+)$")


def locate(explicit: str | None, repo_root: Path) -> Path:
    """--data, else $COLLATIO_DEPLAIN, else ../shared/benchmarks/deplain-web-manual."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return repo_root.parent / "shared" / "benchmarks" / "deplain-web-manual"


def sort_key(sentence_id: str) -> tuple[int, int]:
    m = _ID.match(sentence_id)
    assert m, sentence_id
    return int(m.group(3)), int(m.group(4))


def paragraph_of(sentence_id: str) -> int:
    return sort_key(sentence_id)[0]


@dataclass
class GoldDocument:
    pair_id: int
    domain: str
    original: list[tuple[str, str]]  # (sentence id, text) in document order
    simple: list[tuple[str, str]]
    # Each gold alignment row: original ids, simple ids, label ("aligned"/"identical").
    alignments: list[tuple[tuple[str, ...], tuple[str, ...], str]] = field(default_factory=list)

    @property
    def split(self) -> str:
        return "dev" if self.pair_id % 2 == 0 else "test"

    def presegmented(self, side: str) -> str:
        """One sentence per line, a blank line between paragraphs."""
        sentences = self.original if side == "original" else self.simple
        lines: list[str] = []
        previous: int | None = None
        for sid, text in sentences:
            para = paragraph_of(sid)
            if previous is not None and para != previous:
                lines.append("")
            lines.append(" ".join(text.split()))
            previous = para
        return "\n".join(lines) + "\n"

    def gold_pairs(self) -> set[tuple[str, str]]:
        """Every (original id, simple id) pair implied by a gold alignment."""
        return {(a, b) for ids_a, ids_b, _ in self.alignments for a in ids_a for b in ids_b}


def _ids(field_value: str) -> list[str]:
    return [i for i in field_value.split("|") if _ID.match(i)]


def _label(row: dict[str, str]) -> str:
    """"identical" or "aligned" for a row with sentence ids on both sides.

    Trust the ids, not the label: 309 rows with real ids on both sides are labelled
    "deletion" or "addition" (pairs 116 and 33, for example, hold identical sentence
    pairs labelled "addition"), and the paper's gold lines (C__) count them as alignments.
    """
    label = row["alignment"]
    if label.startswith(("aligned", "identical")):
        return label.split(" ")[0]
    same = " ".join(row["original"].split()) == " ".join(row["simplification"].split())
    return "identical" if same else "aligned"


def _cut(group_text: str, unknown: list[str], known: dict[str, str], members: list[str],
         split: list[str]) -> dict[str, str]:
    """Texts of the unknown members of a group whose joined text is group_text."""
    # Strip the known members first, then find the spaCy sentences that make up the rest.
    rest = group_text
    for sid in members:
        if sid in known and known[sid] and known[sid] in rest:
            rest = rest.replace(known[sid], " ", 1)
    rest = " ".join(rest.split())
    if len(unknown) == 1:
        return {unknown[0]: rest}
    k = len(unknown)
    for start in range(len(split) - k + 1):
        window = split[start : start + k]
        if " ".join(" ".join(s.split()) for s in window) == rest:
            return dict(zip(unknown, (" ".join(s.split()) for s in window), strict=True))
    # Fall back to the spaCy sentences found inside the rest, in order.
    found = [" ".join(s.split()) for s in split if len(s) > 3 and " ".join(s.split()) in rest]
    out: dict[str, str] = {}
    cursor = 0
    for sid in unknown:
        for text in found:
            pos = rest.find(text, cursor)
            if pos >= 0:
                out[sid] = text
                cursor = pos + len(text)
                found.remove(text)
                break
    if not out:
        out[unknown[0]] = rest
    return out


def _read_plan(path: Path, split_by_pair: dict[str, tuple[list[str], list[str]]]) -> GoldDocument:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pair_id = int(rows[0]["pair_id"])
    texts: dict[str, str] = {}
    groups: list[tuple[str, list[str]]] = []
    alignments: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
    for row in rows:
        ids_o, ids_s = _ids(row["original_id"]), _ids(row["simplification_id"])
        if ids_o and ids_s:
            alignments.append((tuple(ids_o), tuple(ids_s), _label(row)))
        for ids, text in ((ids_o, row["original"]), (ids_s, row["simplification"])):
            if len(ids) == 1 and text.strip():
                texts.setdefault(ids[0], " ".join(text.split()))
            elif len(ids) > 1:
                groups.append((text, ids))
    split_o, split_s = split_by_pair.get(str(pair_id), ([], []))
    for text, ids in groups:
        unknown = [i for i in ids if i not in texts]
        if unknown:
            side_split = split_o if ids[0].split("-")[1] == "1" else split_s
            texts.update(_cut(text, unknown, texts, ids, side_split))
    original = sorted(((i, t) for i, t in texts.items() if i.split("-")[1] == "1" and t), key=lambda x: sort_key(x[0]))
    simple = sorted(((i, t) for i, t in texts.items() if i.split("-")[1] == "0" and t), key=lambda x: sort_key(x[0]))
    return GoldDocument(pair_id, rows[0]["domain"], original, simple, alignments)


def load_documents(root: Path) -> list[GoldDocument]:
    with (root / SENTENCE_SPLIT).open(encoding="utf-8") as handle:
        split_by_pair = {
            r["pair_id"]: (r["original"].split("|||"), r["simplification"].split("|||"))
            for r in csv.DictReader(handle)
        }
    docs = [_read_plan(p, split_by_pair) for p in sorted((root / PLANS).glob("plan_doc_*.csv"))]
    return sorted(docs, key=lambda d: d.pair_id)


@dataclass(frozen=True)
class GoldLine:
    pair_id: int
    original: str
    simple: str
    identical: bool


def load_gold_lines(root: Path) -> list[GoldLine]:
    """The 2,741 line pairs of the paper's evaluation (n:m groups joined by a space)."""
    with (root / GOLD_CSV).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    src = (root / GOLD_CSV.with_suffix(".src")).read_text(encoding="utf-8").split("\n")
    tgt = (root / GOLD_CSV.with_suffix(".tgt")).read_text(encoding="utf-8").split("\n")
    return [
        GoldLine(int(r["pair_id"]), s, t, r["alignment"] == "identical")
        for r, s, t in zip(rows, src, tgt, strict=False)
    ]


PUBLISHED = {
    "MASSalign": "MASSalign/massalign_default",
    "Sent-LaBSE": "Sent-LaBSE/model_LaBSE_th_0.9_1_1",
    "BERTalign": "BERTalign/bertalign_alignments_default_params_trial_3",
}


def load_published(root: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for name, stem in PUBLISHED.items():
        complex_ = (root / OUTPUTS / f"{stem}.complex").read_text(encoding="utf-8").split("\n")
        simple = (root / OUTPUTS / f"{stem}.simple").read_text(encoding="utf-8").split("\n")
        if complex_ and complex_[-1] == "" and simple and simple[-1] == "":
            complex_, simple = complex_[:-1], simple[:-1]
        out[name] = list(zip(complex_, simple, strict=True))
    return out
