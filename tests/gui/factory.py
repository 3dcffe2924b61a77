"""Build small Comparisons by hand, so row/mark tests do not depend on the aligner's mood.

``make(a, b, links)``: ``a`` and ``b`` are lists of paragraphs, each a list of sentences
(a paragraph may be given as ``(role, [sentences])``); sentences are joined by a space,
paragraphs by a blank line. ``links`` are ``Link`` specs: (a indices, b indices, kind,
moved) with optional ops.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from collatio.core.model import (
    Comparison,
    DiffOp,
    Document,
    Link,
    LinkKind,
    Paragraph,
    Role,
    Sentence,
    Side,
    Stats,
)

ParagraphSpec = Sequence[str] | tuple[Role, Sequence[str]]


@dataclass
class L:
    """A link spec: sentence indices on each side."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    kind: LinkKind = LinkKind.REWORDED
    moved: bool = False
    similarity: float = 0.6
    ops: tuple[DiffOp, ...] = field(default=())


def document(side: Side, paragraphs: Sequence[ParagraphSpec]) -> Document:
    text = ""
    paras: list[Paragraph] = []
    sents: list[Sentence] = []
    for p_index, spec in enumerate(paragraphs):
        role, sentences = spec if isinstance(spec, tuple) else (Role.BODY, spec)
        if text:
            text += "\n\n"
        p_start = len(text)
        ids = []
        for k, sentence in enumerate(sentences):
            if k:
                text += " "
            sid = f"{side.value}.s{len(sents)}"
            sents.append(Sentence(sid, side, len(sents), f"{side.value}.p{p_index}", len(text),
                                  len(text) + len(sentence), sentence))
            ids.append(sid)
            text += sentence
        paras.append(Paragraph(f"{side.value}.p{p_index}", side, p_index, role, p_start, len(text),
                               tuple(ids)))
    return Document(side, None, text, tuple(paras), tuple(sents))


def make(a: Sequence[ParagraphSpec], b: Sequence[ParagraphSpec], links: Sequence[L] = ()) -> Comparison:
    doc_a, doc_b = document(Side.A, a), document(Side.B, b)
    built = tuple(
        Link(f"l{k}", tuple(f"a.s{i}" for i in spec.a), tuple(f"b.s{i}" for i in spec.b),
             spec.kind, spec.similarity, spec.moved, spec.ops)
        for k, spec in enumerate(links)
    )
    stats = Stats(len(doc_a.sentences), len(doc_b.sentences), 0, 0, len(built), 0, 0, 0, 0, 0, 0,
                  0.0, 0.0, 0.0, 0.0, 0)
    return Comparison(doc_a, doc_b, built, stats)
