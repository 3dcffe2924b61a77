"""The ``collatio/alignment-1`` JSON document: write it and read it back.

See docs/alignment-json.md for the format. ``comparison_from_json`` rebuilds an equal
``Comparison`` so that exports, sessions and benchmarks can round-trip.

May import: the standard library and collatio.core.{model,credits,wordmoves}.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .credits import Credit, CreditReport
from .model import (
    Comparison,
    DiffOp,
    Document,
    FigureChange,
    Link,
    LinkKind,
    NegationChange,
    OpKind,
    Outcome,
    Paragraph,
    QuoteChange,
    Role,
    Sentence,
    Side,
    Stats,
)
from .wordmoves import word_moves

SCHEMA = "collatio/alignment-1"


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def collatio_version() -> str:
    try:
        return version("collatio")
    except PackageNotFoundError:
        return "unknown"


def text_sha256(text: str) -> str:
    """Fingerprint of a decoded text: whoever rebuilds it can check it is the same."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _document_json(doc: Document, with_text: bool) -> dict[str, Any]:
    return {
        "source": doc.source,
        "format": doc.format,
        "length": len(doc.text),
        "sha256": text_sha256(doc.text),
        **({"text": doc.text} if with_text else {}),
        "paragraphs": [
            {
                "id": p.id,
                "role": p.role.value,
                "start": p.start,
                "end": p.end,
                "sentences": list(p.sentences),
            }
            for p in doc.paragraphs
        ],
        "sentences": [
            {"id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
            for s in doc.sentences
        ],
    }


def _link_json(link: Link, text_a: str, text_b: str) -> dict[str, Any]:
    moves = word_moves(text_a, text_b, link.ops)
    return {
        "id": link.id,
        "a": list(link.a),
        "b": list(link.b),
        "kind": link.kind.value,
        "similarity": round(link.similarity, 4),
        "confidence": link.confidence,
        "moved": link.moved,
        "manual": link.manual,
        "quote_changed": link.quote_changed,
        "quote_changes": [_quote_json(q) for q in link.quote_changes],
        "figure_changes": [{"change": f.change, "a": _span(f.a), "b": _span(f.b)}
                           for f in link.figure_changes],
        "negation_change": None if (n := link.negation_change) is None else {
            "change": n.change, "side": n.side.value, "words": list(n.words),
            "spans": [_span(span) for span in n.spans]},
        "ops": [{"op": op.op.value, "a": _span(op.a), "b": _span(op.b)} for op in link.ops],
        # Derived from the ops (core.wordmoves), like paragraph_links: not read back.
        "moved_words": [{"a": list(m.a), "b": list(m.b)} for m in moves.moved],
    }


def _quote_json(q: QuoteChange) -> dict[str, Any]:
    data = {"change": q.change, "a": _span(q.a), "b": _span(q.b), "link": q.link}
    if q.speaker_a is not None or q.speaker_b is not None:  # re-attributed only
        data |= {"speaker_a": _span(q.speaker_a), "speaker_b": _span(q.speaker_b)}
    return data


def _negation_from_json(n: dict[str, Any] | None, link: str) -> NegationChange | None:
    if not n:  # none, or a file written before links carried it
        return None
    spans = tuple(span for s in n["spans"] if (span := _tuple_span(s)) is not None)
    return NegationChange(n["change"], tuple(n["words"]), spans, link)


def _quote_from_json(q: dict[str, Any]) -> QuoteChange:
    return QuoteChange(q["change"], _tuple_span(q["a"]), _tuple_span(q["b"]), q.get("link"),
                       _tuple_span(q.get("speaker_a")), _tuple_span(q.get("speaker_b")))


def comparison_to_json(comparison: Comparison, *, with_text: bool = False) -> dict[str, Any]:
    """The alignment document; ``with_text`` also carries each side's decoded text, which
    the offsets point into (for HTML, DOCX and PDF inputs it is not the file's text)."""
    return {
        "schema": SCHEMA,
        "generator": {"name": "collatio", "version": collatio_version()},
        "outcome": comparison.outcome.value,
        "message": comparison.message,
        "options": comparison.options,
        "a": _document_json(comparison.a, with_text),
        "b": _document_json(comparison.b, with_text),
        "links": [_link_json(link, comparison.a.text, comparison.b.text)
                  for link in comparison.links],
        # Derived from the links (Comparison.paragraph_links): written for readers of the
        # file, recomputed rather than read back.
        "paragraph_links": [
            {"a": p.a, "b": p.b, "basis": p.basis.value, "links": list(p.links)}
            for p in comparison.paragraph_links
        ],
        "quote_changes": [_quote_json(q) for q in comparison.quote_changes],
        # Derived from the documents (core.credits), like paragraph_links: not read back.
        "credits": _credits_json(comparison.credits),
        "stats": asdict(comparison.stats),
    }


def _credits_json(report: CreditReport) -> dict[str, Any]:
    def side(credits: tuple[Credit, ...]) -> list[dict[str, Any]]:
        return [{"span": list(c.span), "names": list(c.names)} for c in credits]

    return {"a": side(report.a), "b": side(report.b), "dropped": list(report.dropped),
            "added": list(report.added)}


def _tuple_span(value: list[int] | None) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _document_from_json(data: dict[str, Any], side: Side, text: str) -> Document:
    paragraphs = tuple(
        Paragraph(p["id"], side, k, Role(p["role"]), p["start"], p["end"], tuple(p["sentences"]))
        for k, p in enumerate(data["paragraphs"])
    )
    sentences = tuple(
        Sentence(s["id"], side, k, s["paragraph"], s["start"], s["end"], s["text"])
        for k, s in enumerate(data["sentences"])
    )
    return Document(side, data["source"], text, paragraphs, sentences, data.get("format", "text"))


def comparison_from_json(data: dict[str, Any], text_a: str, text_b: str) -> Comparison:
    """Rebuild a comparison; the JSON carries offsets, the texts come from the inputs."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document")
    links = tuple(
        Link(
            id=item["id"],
            a=tuple(item["a"]),
            b=tuple(item["b"]),
            kind=LinkKind(item["kind"]),
            similarity=float(item["similarity"]),
            moved=bool(item["moved"]),
            ops=tuple(
                DiffOp(OpKind(op["op"]), _tuple_span(op["a"]), _tuple_span(op["b"]))
                for op in item["ops"]
            ),
            quote_changes=tuple(_quote_from_json(q) for q in item.get("quote_changes", [])),
            manual=bool(item.get("manual", False)),
            confidence=None if item.get("confidence") is None else float(item["confidence"]),
            figure_changes=tuple(
                FigureChange(f["change"], _tuple_span(f["a"]), _tuple_span(f["b"]), item["id"])
                for f in item.get("figure_changes", [])
            ),
            negation_change=_negation_from_json(item.get("negation_change"), item["id"]),
        )
        for item in data["links"]
    )
    return Comparison(
        a=_document_from_json(data["a"], Side.A, text_a),
        b=_document_from_json(data["b"], Side.B, text_b),
        links=links,
        stats=Stats(**data["stats"]),
        outcome=Outcome(data.get("outcome", "completed")),
        message=data.get("message", ""),
        options=data.get("options", {}),
        quote_changes=tuple(_quote_from_json(q) for q in data.get("quote_changes", [])),
    )
