"""Paragraph links: joined by sentence links, or by order inside an expanded passage."""

from __future__ import annotations

import pytest
from collatio.core import compare
from collatio.core.model import (
    Document,
    Link,
    LinkKind,
    Paragraph,
    ParagraphBasis,
    Role,
    Sentence,
    Side,
)
from collatio.core.paragraph_links import link_paragraphs

S, ORD = ParagraphBasis.SENTENCES, ParagraphBasis.ORDER


def _document(side: Side, shape: list[int | str]) -> Document:
    """Paragraphs with the given numbers of sentences; "B" is a one-sentence boilerplate
    paragraph. Every sentence is the text "x." (offsets are not looked at here)."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for k, item in enumerate(shape):
        count, role = (1, Role.BOILERPLATE) if item == "B" else (int(item), Role.BODY)
        ids = []
        for _ in range(count):
            sid = f"{side.value}.s{len(sentences)}"
            sentences.append(Sentence(sid, side, len(sentences), f"{side.value}.p{k}", 0, 2, "x."))
            ids.append(sid)
        paragraphs.append(Paragraph(f"{side.value}.p{k}", side, k, role, 0, 2, tuple(ids)))
    return Document(side, None, "x.", tuple(paragraphs), tuple(sentences))


def _links(spec: list[tuple[list[int], list[int], bool]]) -> tuple[Link, ...]:
    return tuple(
        Link(f"l{n}", tuple(f"a.s{i}" for i in a), tuple(f"b.s{j}" for j in b),
             LinkKind.REWORDED, 0.5, moved, ())
        for n, (a, b, moved) in enumerate(spec)
    )


CASES = [
    # b.p1 sits between two paragraphs rewritten from a.p0: part of a.p0's rewrite
    ([2], [1, 1, 1], [([0], [0], False), ([1], [2], False)],
     {("a.p0", "b.p0", S), ("a.p0", "b.p1", ORD), ("a.p0", "b.p2", S)}),
    # its neighbours come from different paragraphs of a: nothing says where it belongs
    ([1, 1], [1, 1, 1], [([0], [0], False), ([1], [2], False)],
     {("a.p0", "b.p0", S), ("a.p1", "b.p2", S)}),
    # no linked paragraph after it: an addition at the end stays unlinked
    ([2], [1, 1], [([0, 1], [0], False)],
     {("a.p0", "b.p0", S)}),
    # a moved link says nothing about its surroundings
    ([2, 1], [1, 1, 1], [([0], [0], False), ([1], [2], True)],
     {("a.p0", "b.p0", S), ("a.p0", "b.p2", S)}),
    # boilerplate is never linked by order, and does not break the passage
    ([2], [1, "B", 1, 1], [([0], [0], False), ([1], [3], False)],
     {("a.p0", "b.p0", S), ("a.p0", "b.p2", ORD), ("a.p0", "b.p3", S)}),
    # two inserted paragraphs in a row are both part of the passage
    ([2], [1, 1, 1, 1], [([0], [0], False), ([1], [3], False)],
     {("a.p0", "b.p0", S), ("a.p0", "b.p1", ORD), ("a.p0", "b.p2", ORD), ("a.p0", "b.p3", S)}),
    # the rule is not applied to side a: an original paragraph inside a passage was cut
    ([1, 1, 1], [2], [([0], [0], False), ([2], [1], False)],
     {("a.p0", "b.p0", S), ("a.p2", "b.p0", S)}),
    # a merge across two paragraphs of a links both of them, with the link's id
    ([1, 1], [1], [([0, 1], [0], False)],
     {("a.p0", "b.p0", S), ("a.p1", "b.p0", S)}),
]


@pytest.mark.parametrize(("shape_a", "shape_b", "spec", "expected"), CASES)
def test_paragraph_links(
    shape_a: list[int | str], shape_b: list[int | str],
    spec: list[tuple[list[int], list[int], bool]], expected: set[tuple[str, str, ParagraphBasis]],
) -> None:
    a, b = _document(Side.A, shape_a), _document(Side.B, shape_b)
    found = link_paragraphs(a, b, _links(spec))
    assert {(p.a, p.b, p.basis) for p in found} == expected
    # sentence-based links name their sentence links; order-based ones have none
    assert all(bool(p.links) == (p.basis is S) for p in found)


def test_paragraph_links_are_sorted_and_name_the_joining_links() -> None:
    a, b = _document(Side.A, [1, 1]), _document(Side.B, [1])
    found = link_paragraphs(a, b, _links([([1], [0], False), ([0], [0], False)]))
    assert [(p.a, p.links) for p in found] == [("a.p0", ("l1",)), ("a.p1", ("l0",))]


def test_self_comparison_links_each_paragraph_to_itself() -> None:
    text = "Erster Absatz mit Inhalt. Noch ein Satz dazu.\n\nZweiter Absatz über etwas anderes.\n"
    result = compare(text, text)
    assert [(p.a, p.b, p.basis) for p in result.paragraph_links] == [
        ("a.p0", "b.p0", S), ("a.p1", "b.p1", S)]
    assert result.to_json()["paragraph_links"][0] == {
        "a": "a.p0", "b": "b.p0", "basis": "sentences", "links": ["l0", "l1"]}
