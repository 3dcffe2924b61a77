"""Segment a decoded text into paragraphs and sentences with source offsets.

May import: the standard library, pysbd, and collatio.core.{model,normalise,paragraphs,roles}.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

import pysbd

from .model import Document, Paragraph, Role, Sentence, Side
from .normalise import MappedText, normalise_span
from .paragraphs import split_paragraphs, split_presegmented
from .roles import assign_roles

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    """A document plus the normalised text of each sentence, kept for tokenising."""

    document: Document
    mapped: tuple[MappedText, ...]  # one per sentence, same order as document.sentences


def vocabulary(*texts: str) -> frozenset[str]:
    """Lower-cased words of the texts: evidence that a hyphen-split word exists whole."""
    words: set[str] = set()
    for text in texts:
        words.update(w.lower() for w in _WORD.findall(text))
    return frozenset(words)


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    lang = language if language in ("de", "en", "fr", "es", "it", "nl") else "en"
    return pysbd.Segmenter(language=lang, clean=False)


def split_sentences(text: str, language: str = "de") -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, stripped of surrounding spaces."""
    if not text.strip():
        return []
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter(language).segment(text):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, cursor)
        if found < 0:
            # pysbd changed the text; keep the rest as one sentence rather than lose it.
            break
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    rest_start = cursor
    while rest_start < len(text) and text[rest_start].isspace():
        rest_start += 1
    if rest_start < len(text):
        spans.append((rest_start, len(text.rstrip())))
    return spans


def _sentence_spans(
    text: str, paragraph_spans: Iterable[tuple[int, int]], vocab: Container[str], language: str
) -> list[list[tuple[MappedText, int, int]]]:
    out: list[list[tuple[MappedText, int, int]]] = []
    for start, end in paragraph_spans:
        mapped = normalise_span(text, start, end, vocab)
        out.append([(mapped, s, e) for s, e in split_sentences(mapped.text, language)])
    return out


def segment_document(
    text: str,
    side: Side,
    *,
    source: str | None = None,
    fmt: str = "text",
    presegmented: bool = False,
    vocab: Container[str] | None = None,
    language: str = "de",
    roles: list[Role] | None = None,
) -> SegmentedDocument:
    """Paragraphs and sentences of ``text``; ``roles`` overrides role detection."""
    vocab = vocab if vocab is not None else vocabulary(text)
    prefix = side.value
    paragraph_mapped: list[MappedText] = []
    sentence_parts: list[list[tuple[MappedText, int, int]]] = []
    if presegmented:
        for lines in split_presegmented(text):
            para = [(normalise_span(text, s, e), 0, 0) for s, e in lines]
            sentence_parts.append([(m, 0, len(m.text)) for m, _, _ in para])
            paragraph_mapped.append(normalise_span(text, lines[0][0], lines[-1][1]))
    else:
        spans = split_paragraphs(text)
        sentence_parts = _sentence_spans(text, spans, vocab, language)
        paragraph_mapped = [parts[0][0] if parts else normalise_span(text, s, e)
                            for parts, (s, e) in zip(sentence_parts, spans, strict=True)]
    if roles is None:
        roles = assign_roles([m.text for m in paragraph_mapped])
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    mapped_out: list[MappedText] = []
    for p_index, (parts, pm) in enumerate(zip(sentence_parts, paragraph_mapped, strict=True)):
        pid = f"{prefix}.p{p_index}"
        ids: list[str] = []
        for mapped, s, e in parts:
            src_start, src_end = mapped.source_span(s, e)
            sid = f"{prefix}.s{len(sentences)}"
            sub = MappedText(mapped.text[s:e], mapped.starts[s:e], mapped.ends[s:e])
            sentences.append(Sentence(sid, side, len(sentences), pid, src_start, src_end, sub.text))
            mapped_out.append(sub)
            ids.append(sid)
        p_start, p_end = pm.source_span(0, len(pm.text)) if pm.text else (0, 0)
        paragraphs.append(Paragraph(pid, side, p_index, roles[p_index], p_start, p_end, tuple(ids)))
    document = Document(side, source, text, tuple(paragraphs), tuple(sentences), fmt)
    return SegmentedDocument(document, tuple(mapped_out))
