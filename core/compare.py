"""The pipeline: segment → similarity → align → word diff → classify → stats.

``compare`` never raises for a cancelled or oversized run: the result's ``outcome``
says how it ended. Loading files is separate (collatio.core.load) so that pasted text,
tests and benchmarks enter here directly.

May import: the standard library and collatio.core.*.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from .align import TUNING, Group, Tuning, align_sentences, tuned
from .classify import classify_link, facts_reword
from .figures import check_figures
from .gcpause import gc_paused
from .language import AUTO, resolve_language
from .linkscore import confidences
from .load import LoadedText
from .model import (
    Comparison,
    Document,
    Link,
    LinkKind,
    Outcome,
    Paragraph,
    QuoteChange,
    Role,
    Side,
    Stats,
)
from .negation import check_negations
from .options import Cancelled, CancelToken, CompareOptions
from .overrides import Overrides, enforce_forbidden, pinned_groups, resolve
from .quotes import (
    document_quotes,
    link_quote_changes,
    outside,
    rejoin_moved_quotes,
    unlinked_quote_changes,
)
from .segment import LazyVocabulary, SegmentedDocument, segment_document
from .semantic import Backend, SemanticScores, load_backend
from .similarity import SimilarityModel
from .stats import compute_stats
from .tokens import tokenize
from .worddiff import diff_tokens, same_text_ops

Progress = Callable[[float, str], None]


def _no_progress(fraction: float, stage: str) -> None:
    return None


def _empty_stats(a: Document, b: Document) -> Stats:
    return compute_stats(a, b, (), set(), set())


def _unsegmented(text: str, side: Side, source: str | None, fmt: str) -> Document:
    """The whole text as one paragraph, for runs that stop before segmentation."""
    paragraph = Paragraph(f"{side.value}.p0", side, 0, Role.BODY, 0, len(text), ())
    return Document(side, source, text, (paragraph,) if text else (), (), fmt)


def _aligned_rows(seg: SegmentedDocument, include_boilerplate: bool) -> list[int]:
    doc = seg.document
    return [
        k
        for k, s in enumerate(doc.sentences)
        if include_boilerplate or doc.paragraph(s.paragraph).role.is_content
    ]


def with_preset(options: CompareOptions, backend: Backend | None) -> tuple[CompareOptions, Tuning]:
    """Options and aligner knobs for a run: a semantic backend's preset fills in the
    options the caller left at their defaults."""
    if backend is None:
        return options, TUNING
    defaults = CompareOptions()
    changes = {k: v for k, v in backend.options.items() if getattr(options, k) == getattr(defaults, k)}
    return replace(options, **changes), tuned(backend.tuning) if backend.tuning else TUNING


def build_links(
    seg_a: SegmentedDocument,
    seg_b: SegmentedDocument,
    groups: list[Group],
    rows_a: list[int],
    rows_b: list[int],
    check: Callable[[], None] = lambda: None,
    confidence: Sequence[float | None] | None = None,
) -> tuple[Link, ...]:
    """Word-diff and classify each aligned group; rows map to sentence indices.

    ``confidence``: per group, the estimate that it is exactly right (see linkscore).
    """
    links: list[Link] = []
    estimates = list(confidence) if confidence is not None else [None] * len(groups)
    for group, estimate in zip(groups, estimates, strict=True):
        check()
        ka = [rows_a[r] for r in group.a]
        kb = [rows_b[r] for r in group.b]
        text_a = " ".join(seg_a.document.sentences[k].text for k in ka)
        text_b = " ".join(seg_b.document.sentences[k].text for k in kb)
        kind: LinkKind | None = None
        if len(ka) == len(kb) == 1 and seg_a.mapped[ka[0]].text == seg_b.mapped[kb[0]].text:
            # Speed trick: half the links of a light rewrite are copies; same text needs
            # no tokens and no diff, and classifies as identical before tokens are read.
            ops = same_text_ops(seg_a.mapped[ka[0]], seg_b.mapped[kb[0]])
            kind = classify_link(text_a, text_b, ops, (), ())
        if kind is not LinkKind.IDENTICAL:
            tokens_a = [tokenize(seg_a.mapped[k]) for k in ka]
            tokens_b = [tokenize(seg_b.mapped[k]) for k in kb]
            ops = diff_tokens(tokens_a, tokens_b)
            kind = classify_link(
                text_a, text_b, ops, [t for g in tokens_a for t in g], [t for g in tokens_b for t in g]
            )
        links.append(
            Link(
                id=f"l{len(links)}",
                a=tuple(seg_a.document.sentences[k].id for k in ka),
                b=tuple(seg_b.document.sentences[k].id for k in kb),
                kind=kind,
                similarity=round(group.similarity, 4),
                moved=group.moved,
                ops=ops,
                manual=group.pinned,
                confidence=None if estimate is None else round(estimate, 3),
            )
        )
    return tuple(links)


def check_quotes(
    a: Document, b: Document, links: tuple[Link, ...], aligned_a: set[str], aligned_b: set[str]
) -> tuple[tuple[Link, ...], tuple[QuoteChange, ...]]:
    """Attach quote changes to links; also list quotes of removed and added sentences."""
    quotes_a = document_quotes(a)
    quotes_b = document_quotes(b)
    every: list[QuoteChange] = []
    for link in links:
        every.extend(link_quote_changes(a, b, link, quotes_a, quotes_b))
    linked_a = {s for link in links for s in link.a}
    linked_b = {s for link in links for s in link.b}
    removed = [s for s in sorted(aligned_a - linked_a, key=lambda x: a.sentence(x).index)]
    added = [s for s in sorted(aligned_b - linked_b, key=lambda x: b.sentence(x).index)]
    # A quotation that also overlaps a linked sentence was judged with that link.
    spans_a = [(a.sentence(s).start, a.sentence(s).end) for s in linked_a]
    spans_b = [(b.sentence(s).start, b.sentence(s).end) for s in linked_b]
    free_a = outside(quotes_a, spans_a)
    free_b = outside(quotes_b, spans_b)
    every.extend(unlinked_quote_changes(a, b, removed, added, free_a, free_b))
    every = rejoin_moved_quotes(a, b, every, quotes_a, quotes_b)
    by_link: dict[str | None, list[QuoteChange]] = {}
    for change in every:
        by_link.setdefault(change.link, []).append(change)
    checked = [replace(link, quote_changes=tuple(by_link[link.id])) if link.id in by_link else link
               for link in links]
    return tuple(checked), tuple(every)


def _heading_rows(seg: SegmentedDocument, rows: Sequence[int]) -> frozenset[int]:
    """The rows (indices into ``rows``) whose sentence is in a title or heading paragraph."""
    doc = seg.document
    return frozenset(r for r, k in enumerate(rows)
                     if doc.paragraph(doc.sentences[k].paragraph).role in (Role.TITLE, Role.HEADING))


@gc_paused
def compare(
    text_a: str,
    text_b: str,
    *,
    presegmented: bool = False,
    options: CompareOptions | None = None,
    source_a: str | None = None,
    source_b: str | None = None,
    format_a: str = "text",
    format_b: str = "text",
    cancel: CancelToken | None = None,
    progress: Progress = _no_progress,
    heading_spans_a: Sequence[tuple[int, int]] = (),
    heading_spans_b: Sequence[tuple[int, int]] = (),
    overrides: Overrides | None = None,
    body_spans_a: Sequence[tuple[int, int]] = (),
    body_spans_b: Sequence[tuple[int, int]] = (),
) -> Comparison:
    """Compare two decoded texts. ``heading_spans_*``: title/heading hints from the loader;
    ``body_spans_*``: its list items and table cells, which are never headings.

    ``overrides``: a reader's corrections (collatio.core.overrides); forced links come out
    with ``manual=True``, and corrections that no longer resolve are left out.
    """
    options = options or CompareOptions()
    if options.language == AUTO:  # the result records the language it was compared in
        options = replace(options, language=resolve_language(options.language, text_a, text_b))
    if presegmented != options.presegmented:
        options = replace(options, presegmented=presegmented or options.presegmented)
    token = cancel or CancelToken()
    too_big = [
        f"{name} ({source})" if source else name
        for name, text, source in (("original", text_a, source_a), ("revision", text_b, source_b))
        if len(text) > options.max_chars
    ]
    if too_big:
        a = _unsegmented(text_a, Side.A, source_a, format_a)
        b = _unsegmented(text_b, Side.B, source_b, format_b)
        # The file's name as well: the message is all a batch log or a dialog shows.
        message = (
            f"The {' and '.join(too_big)} is over the size limit of {options.max_chars:,} characters; "
            "not compared."
        )
        return Comparison(a, b, (), _empty_stats(a, b), Outcome.SKIPPED, message, options.to_json())
    try:
        progress(0.0, "segmenting")
        vocab = LazyVocabulary(text_a, text_b)
        common = {
            "presegmented": options.presegmented,
            "vocab": vocab,
            "language": options.language,
        }
        seg_a = segment_document(
            text_a, Side.A, source=source_a, fmt=format_a, heading_spans=heading_spans_a,
            body_spans=body_spans_a, **common,  # type: ignore[arg-type]
        )
        token.check()
        seg_b = segment_document(
            text_b, Side.B, source=source_b, fmt=format_b, heading_spans=heading_spans_b,
            body_spans=body_spans_b, **common,  # type: ignore[arg-type]
        )
        token.check()
        progress(0.35, "scoring")
        rows_a = _aligned_rows(seg_a, options.include_boilerplate)
        rows_b = _aligned_rows(seg_b, options.include_boilerplate)
        texts_a = [seg_a.document.sentences[k].text for k in rows_a]
        texts_b = [seg_b.document.sentences[k].text for k in rows_b]
        semantic = None
        backend = load_backend(options.semantic_model_path) if options.semantic_model_path else None
        options, tuning = with_preset(options, backend)
        if backend is not None:
            semantic = SemanticScores(backend, texts_a, texts_b)
        model = SimilarityModel(texts_a, texts_b, options.language, semantic, options.semantic_weight)
        token.check()
        progress(0.55, "aligning")
        paragraphs = (
            [seg_a.document.sentences[k].paragraph for k in rows_a],
            [seg_b.document.sentences[k].paragraph for k in rows_b],
        )
        pinned: list[Group] = []
        forbidden: set[tuple[int, int]] = set()
        if overrides:
            resolution = resolve(overrides, seg_a.document, seg_b.document,
                                 options.include_boilerplate)
            pinned, forbidden = pinned_groups(
                resolution,
                [seg_a.document.sentences[k].id for k in rows_a],
                [seg_b.document.sentences[k].id for k in rows_b],
                model.group,
            )
        headings = (_heading_rows(seg_a, rows_a), _heading_rows(seg_b, rows_b))
        groups = align_sentences(model, options, check=token.check, paragraphs=paragraphs,
                                 headings=headings,
                                 pinned=pinned, forbidden=forbidden, tuning=tuning)
        if forbidden:
            groups = enforce_forbidden(groups, forbidden, model.group)
        if options.min_similarity > 0:  # the user's own links stay, however weak
            groups = [g for g in groups if g.pinned or g.similarity >= options.min_similarity]
        progress(0.75, "diffing")
        links = build_links(seg_a, seg_b, groups, rows_a, rows_b, token.check,
                            confidences(model, groups, paragraphs))
        progress(0.9, "checking quotes")
        a, b = seg_a.document, seg_b.document
        aligned_a = {a.sentences[k].id for k in rows_a}
        aligned_b = {b.sentences[k].id for k in rows_b}
        links, quote_changes = check_quotes(a, b, links, aligned_a, aligned_b)
        links = check_figures(a, b, links, aligned_a, aligned_b)
        links = check_negations(a, b, links, options.language)
        links = facts_reword(links)
        progress(0.95, "counting")
        stats = compute_stats(a, b, links, aligned_a, aligned_b, len(quote_changes))
        progress(1.0, "done")
        return Comparison(
            a, b, links, stats, Outcome.COMPLETED, "", options.to_json(), quote_changes
        )
    except Cancelled:
        a = _unsegmented(text_a, Side.A, source_a, format_a)
        b = _unsegmented(text_b, Side.B, source_b, format_b)
        return Comparison(
            a, b, (), _empty_stats(a, b), Outcome.CANCELLED, "Cancelled.", options.to_json()
        )


def compare_loaded(a: LoadedText, b: LoadedText, **kwargs: Any) -> Comparison:
    """Compare two loaded inputs, passing on their sources, formats and role hints."""
    return compare(
        a.text,
        b.text,
        source_a=a.source or None,  # pasted text has no source
        source_b=b.source or None,
        format_a=a.format,
        format_b=b.format,
        heading_spans_a=a.role_hints,
        heading_spans_b=b.role_hints,
        body_spans_a=a.body_spans,
        body_spans_b=b.body_spans,
        **kwargs,
    )
