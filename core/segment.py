"""Segment a decoded text into paragraphs and sentences with source offsets.

May import: the standard library and collatio.core.{model,normalise,paragraphs,roles,sentences}.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from .model import Document, Paragraph, Role, Sentence, Side
from .normalise import MappedText, normalise_span
from .paragraphs import split_paragraphs, split_presegmented
from .roles import assign_roles
from .sentences import sentence_spans

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
        words.update(map(str.lower, _WORD.findall(text)))  # map: no Python-level loop
    return frozenset(words)


class LazyVocabulary:
    """``vocabulary(*texts)``, built on the first lookup.

    Only a hyphen at a line end asks whether the joined word exists ("Bemü-\\nhungen"),
    and most texts have none: building the word set of a book costs ~0.1 s for nothing.
    One comparison uses it from one thread.
    """

    def __init__(self, *texts: str) -> None:
        self._texts: tuple[str, ...] | None = texts
        self._words: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        if self._texts is not None:
            self._words, self._texts = vocabulary(*self._texts), None
        return word in self._words


def split_sentences(text: str, language: str = "de") -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, stripped of surrounding spaces."""
    return sentence_spans(text, language)


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
    heading_spans: Sequence[tuple[int, int]] = (),
    body_spans: Sequence[tuple[int, int]] = (),
) -> SegmentedDocument:
    """Paragraphs and sentences of ``text``; ``roles`` overrides role detection.

    ``heading_spans`` (from ``LoadedText.heading_spans``) mark paragraphs the source
    format called headings; a paragraph overlapping one is a heading (or the title).
    ``body_spans`` mark its list items and table cells: never headings.
    """
    vocab = vocab if vocab is not None else LazyVocabulary(text)
    prefix = side.value
    paragraph_mapped: list[MappedText] = []
    sentence_parts: list[list[tuple[MappedText, int, int]]] = []
    # Paragraph offsets are the raw (stripped) spans, so that characters normalisation
    # drops (a trailing soft hyphen, a paragraph of "&nbsp;") still lie in a paragraph.
    raw_spans: list[tuple[int, int]] = []
    if presegmented:
        raw_spans = [(lines[0][0], lines[-1][1]) for lines in split_presegmented(text)]
        for lines in split_presegmented(text):
            para = [(normalise_span(text, s, e), 0, 0) for s, e in lines]
            sentence_parts.append([(m, 0, len(m.text)) for m, _, _ in para])
            paragraph_mapped.append(normalise_span(text, lines[0][0], lines[-1][1]))
    else:
        spans = split_paragraphs(text)
        raw_spans = spans
        sentence_parts = _sentence_spans(text, spans, vocab, language)
        paragraph_mapped = [parts[0][0] if parts else normalise_span(text, s, e)
                            for parts, (s, e) in zip(sentence_parts, spans, strict=True)]
    if roles is None:
        hints = [any(s < he and hs < e for hs, he in heading_spans) for s, e in raw_spans]
        body = [any(s < be and bs < e for bs, be in body_spans) for s, e in raw_spans]
        roles = assign_roles([m.text for m in paragraph_mapped], hints, body)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    mapped_out: list[MappedText] = []
    for p_index, (parts, (p_start, p_end)) in enumerate(zip(sentence_parts, raw_spans, strict=True)):
        pid = f"{prefix}.p{p_index}"
        ids: list[str] = []
        for mapped, s, e in parts:
            src_start, src_end = mapped.source_span(s, e)
            sid = f"{prefix}.s{len(sentences)}"
            sub = MappedText(mapped.text[s:e], mapped.starts[s:e], mapped.ends[s:e])
            sentences.append(Sentence(sid, side, len(sentences), pid, src_start, src_end, sub.text))
            mapped_out.append(sub)
            ids.append(sid)
        paragraphs.append(Paragraph(pid, side, p_index, roles[p_index], p_start, p_end, tuple(ids)))
    document = Document(side, source, text, tuple(paragraphs), tuple(sentences), fmt)
    return SegmentedDocument(document, tuple(mapped_out))
