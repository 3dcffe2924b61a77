"""Overrides: editing, merging onto a new run (ids shift, text changes) and through compare."""

from __future__ import annotations

import pytest
from collatio.core import compare
from collatio.core.align import Group
from collatio.core.model import Document, Paragraph, Role, Sentence, Side
from collatio.core.overrides import (
    ForbiddenPair,
    ForcedLink,
    Overrides,
    SentenceRef,
    add_link,
    enforce_forbidden,
    fingerprint,
    mark_moved,
    overrides_from_json,
    overrides_to_json,
    ref,
    refs,
    remove_link,
    resolve,
)


def doc(side: Side, sentences: list[str], boilerplate: frozenset[int] = frozenset()) -> Document:
    """One paragraph per sentence; paragraphs listed in ``boilerplate`` are not compared."""
    text, paras, sents = "", [], []
    for k, sentence in enumerate(sentences):
        if text:
            text += "\n\n"
        sid, pid = f"{side.value}.s{k}", f"{side.value}.p{k}"
        role = Role.BOILERPLATE if k in boilerplate else Role.BODY
        sents.append(Sentence(sid, side, k, pid, len(text), len(text) + len(sentence), sentence))
        paras.append(Paragraph(pid, side, k, role, len(text), len(text) + len(sentence), (sid,)))
        text += sentence
    return Document(side, None, text, tuple(paras), tuple(sents))


def r(side: str, k: int, text: str) -> SentenceRef:
    return SentenceRef(f"{side}.s{k}", fingerprint(text))


A = ["Alpha kommt zuerst.", "Beta folgt danach.", "Gamma schließt ab."]
B = ["Erstens Alpha.", "Zweitens Beta.", "Drittens Gamma."]


# ---- editing (table) -------------------------------------------------------------------------
EDITS = [
    # Linking two free sentences forces exactly that link, not moved.
    ("link free pair", Overrides(), "link", ([r("a", 0, A[0])], [r("b", 0, B[0])]),
     [(("a.s0",), ("b.s0",), False)], []),
    # A new link replaces an older forced link that shares a sentence: a sentence has one link.
    ("link replaces overlapping",
     Overrides((ForcedLink((r("a", 0, A[0]),), (r("b", 0, B[0]),)),)), "link",
     ([r("a", 0, A[0])], [r("b", 1, B[1])]), [(("a.s0",), ("b.s1",), False)], []),
    # Linking a pair that was kept apart lifts the ban on that pair only.
    ("link lifts forbid",
     Overrides((), (ForbiddenPair(r("a", 0, A[0]), r("b", 0, B[0])),
                    ForbiddenPair(r("a", 1, A[1]), r("b", 1, B[1])))), "link",
     ([r("a", 0, A[0])], [r("b", 0, B[0])]), [(("a.s0",), ("b.s0",), False)],
     [("a.s1", "b.s1")]),
    # Unlinking an automatic 1:2 link keeps both pairs apart and forces nothing.
    ("unlink automatic", Overrides(), "unlink",
     ([r("a", 0, A[0])], [r("b", 0, B[0]), r("b", 1, B[1])]), [],
     [("a.s0", "b.s0"), ("a.s0", "b.s1")]),
    # Unlinking a forced link removes it as well as forbidding its pair.
    ("unlink forced", Overrides((ForcedLink((r("a", 2, A[2]),), (r("b", 0, B[0]),)),)), "unlink",
     ([r("a", 2, A[2])], [r("b", 0, B[0])]), [], [("a.s2", "b.s0")]),
    # Marking an automatic link moved pins it, so the flag survives the next run.
    ("mark automatic moved", Overrides(), "moved", ([r("a", 1, A[1])], [r("b", 1, B[1])]),
     [(("a.s1",), ("b.s1",), True)], []),
    # Unmarking a forced moved link keeps it forced, with the flag off.
    ("unmark forced", Overrides((ForcedLink((r("a", 1, A[1]),), (r("b", 1, B[1]),), True),)),
     "unmoved", ([r("a", 1, A[1])], [r("b", 1, B[1])]), [(("a.s1",), ("b.s1",), False)], []),
]


@pytest.mark.parametrize(("name", "before", "action", "args", "forced", "forbidden"), EDITS,
                         ids=[e[0] for e in EDITS])
def test_edits(name: str, before: Overrides, action: str,
               args: tuple[list[SentenceRef], list[SentenceRef]],
               forced: list[tuple[tuple[str, ...], tuple[str, ...], bool]],
               forbidden: list[tuple[str, str]]) -> None:
    a, b = args
    after = {
        "link": lambda: add_link(before, a, b),
        "unlink": lambda: remove_link(before, a, b),
        "moved": lambda: mark_moved(before, a, b, True),
        "unmoved": lambda: mark_moved(before, a, b, False),
    }[action]()
    assert [(*f.ids, f.moved) for f in after.forced] == forced
    assert [(p.a.id, p.b.id) for p in after.forbidden] == forbidden


def test_a_link_needs_both_sides() -> None:
    with pytest.raises(ValueError):
        add_link(Overrides(), [r("a", 0, A[0])], [])


# ---- merging onto a new run (table) ----------------------------------------------------------
LINK_A1_B2 = Overrides((ForcedLink((r("a", 1, A[1]),), (r("b", 2, B[2]),)),))
FORBID_A0_B0 = Overrides((), (ForbiddenPair(r("a", 0, A[0]), r("b", 0, B[0])),))
MERGES = [
    # Same texts: ids resolve in place, nothing dropped.
    ("unchanged", LINK_A1_B2, A, B, [(("a.s1",), ("b.s2",), False)], set(), 0),
    # A sentence inserted at the top of A shifts ids: found again by its text.
    ("ids shift", LINK_A1_B2, ["Neu am Anfang.", *A], B, [(("a.s2",), ("b.s2",), False)], set(), 0),
    # The linked sentence was edited away: the link is dropped and reported, not misapplied.
    ("text gone", LINK_A1_B2, [A[0], "Beta wurde umgeschrieben.", A[2]], B, [], set(), 1),
    # Only case and spacing changed: the fingerprint folds both, so it still resolves.
    ("case and spaces", LINK_A1_B2, [A[0], "beta  FOLGT danach.", A[2]], B,
     [(("a.s1",), ("b.s2",), False)], set(), 0),
    # The text occurs twice: the occurrence nearest the old position wins.
    ("duplicate text", LINK_A1_B2, [A[1], "Anderes.", "Noch anderes.", A[1]], B,
     [(("a.s0",), ("b.s2",), False)], set(), 0),
    # A forbidden pair follows its sentences like a link does.
    ("forbid shifts", FORBID_A0_B0, A, ["Neu.", *B], [], {("a.s0", "b.s1")}, 0),
    # A forbidden pair whose sentence disappeared is dropped and reported.
    ("forbid gone", FORBID_A0_B0, A[1:], B, [], set(), 1),
]


@pytest.mark.parametrize(("name", "overrides", "a", "b", "links", "forbidden", "dropped"),
                         MERGES, ids=[m[0] for m in MERGES])
def test_merge_onto_new_texts(name: str, overrides: Overrides, a: list[str], b: list[str],
                              links: list[object], forbidden: set[tuple[str, str]],
                              dropped: int) -> None:
    result = resolve(overrides, doc(Side.A, a), doc(Side.B, b))
    assert list(result.links) == links
    assert set(result.forbidden) == forbidden
    assert len(result.dropped) == dropped
    if dropped:
        assert all("no longer in the text" in line for line in result.dropped)


def test_sentences_not_compared_do_not_resolve() -> None:
    """A forced link onto a boilerplate sentence applies only when boilerplate is compared."""
    a = doc(Side.A, A, boilerplate=frozenset({1}))
    b = doc(Side.B, B)
    assert resolve(LINK_A1_B2, a, b).dropped
    assert resolve(LINK_A1_B2, a, b, include_boilerplate=True).links


def test_two_links_claiming_one_sentence_keep_the_first() -> None:
    twice = Overrides((ForcedLink((r("a", 1, A[1]),), (r("b", 2, B[2]),)),
                       ForcedLink((r("a", 1, A[1]),), (r("b", 0, B[0]),))))
    result = resolve(twice, doc(Side.A, A), doc(Side.B, B))
    assert [links[:2] for links in result.links] == [(("a.s1",), ("b.s2",))]
    assert "another link" in result.dropped[0]


def test_resolved_overrides_carry_the_new_ids() -> None:
    result = resolve(LINK_A1_B2, doc(Side.A, ["Neu.", *A]), doc(Side.B, B))
    assert result.overrides.forced[0].ids == (("a.s2",), ("b.s2",))


def test_enforce_forbidden_trims_grown_groups_and_drops_pairs() -> None:
    groups = [Group([0], [0], 0.9), Group([1, 2], [1], 0.8), Group([3], [3], 0.7, pinned=True)]
    kept = enforce_forbidden(groups, {(0, 0), (2, 1), (3, 3)}, lambda a, b: 0.5)
    assert [(g.a, g.b) for g in kept] == [([1], [1]), ([3], [3])]
    assert kept[0].similarity == 0.5


def test_swapped_exchanges_sides() -> None:
    swapped = LINK_A1_B2.swapped()
    assert swapped.forced[0].ids == (("a.s2",), ("b.s1",))
    assert swapped.forced[0].a[0].fingerprint == fingerprint(B[2])


def test_json_round_trip() -> None:
    both = Overrides(LINK_A1_B2.forced, FORBID_A0_B0.forbidden)
    assert overrides_from_json(overrides_to_json(both)) == both


# ---- through compare -------------------------------------------------------------------------
TEXT_A = "\n".join(["Der Hafen wurde im Mai eröffnet.", "Die Stadt feierte drei Tage lang.",
                    "Der Bürgermeister hielt eine Rede über den Handel."])
TEXT_B = "\n".join(["Im Mai wurde der Hafen eröffnet.", "Der Bürgermeister sprach über Handel.",
                    "Ein Regenschauer beendete das Fest am Sonntag."])


def test_compare_keeps_forced_and_forbidden_links() -> None:
    plain = compare(TEXT_A, TEXT_B, presegmented=True)
    first = plain.link_of("a.s0")
    assert first is not None and first.b == ("b.s0",)
    assert plain.link_of("a.s1") is None and plain.link_of("b.s2") is None
    overrides = add_link(Overrides(), refs(plain.a, ["a.s1"]), refs(plain.b, ["b.s2"]), True)
    overrides = remove_link(overrides, refs(plain.a, first.a), refs(plain.b, first.b))
    again = compare(TEXT_A, TEXT_B, presegmented=True, overrides=overrides)
    forced = again.link_of("a.s1")
    assert forced is not None and forced.b == ("b.s2",) and forced.manual and forced.moved
    kept_apart = again.link_of("a.s0")
    assert kept_apart is None or "b.s0" not in kept_apart.b
    assert not any(link.manual for link in again.links if link is not forced)


def test_compare_after_the_file_changed_moves_the_override() -> None:
    plain = compare(TEXT_A, TEXT_B, presegmented=True)
    overrides = add_link(Overrides(), [ref(plain.a, "a.s1")], [ref(plain.b, "b.s2")])
    again = compare("Eine neue Zeile ganz oben.\n" + TEXT_A, TEXT_B, presegmented=True,
                    overrides=overrides)
    link = again.link_of("a.s2")
    assert link is not None and link.manual and link.b == ("b.s2",)
