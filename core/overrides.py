"""A reader's corrections to the alignment: links to force, pairs to keep apart, moved flags.

``Overrides`` is plain frozen data. The editing functions (``add_link``, ``remove_link``,
``mark_moved``) return a new value; ``resolve`` maps it onto the documents of a new run so
that re-running a comparison keeps the corrections; ``pinned_groups`` and ``enforce_forbidden``
turn the result into what ``align_sentences`` takes and keeps.

Sentence ids are positional (``a.s12``) and shift when a file is edited, so every reference
also stores a fingerprint of the sentence's normalised text. On a new run a reference keeps
its id when the text there still matches, else it moves to the sentence with the same text
nearest to its old position; a forced link with any reference that no longer resolves is
dropped and reported, never applied to the wrong sentence.

May import: the standard library and collatio.core.{align,model}.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .align import Group
from .model import Document, Side

_INDEX = re.compile(r"\.s(\d+)$")


def fingerprint(text: str) -> str:
    """A short hash of a sentence's text with case and whitespace folded."""
    folded = " ".join(text.casefold().split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class SentenceRef:
    id: str  # "a.s12" when the override was made (or last resolved)
    fingerprint: str

    @property
    def index(self) -> int:
        match = _INDEX.search(self.id)
        return int(match.group(1)) if match else -1


@dataclass(frozen=True, slots=True)
class ForcedLink:
    a: tuple[SentenceRef, ...]
    b: tuple[SentenceRef, ...]
    moved: bool = False

    @property
    def ids(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(r.id for r in self.a), tuple(r.id for r in self.b)


@dataclass(frozen=True, slots=True)
class ForbiddenPair:
    a: SentenceRef
    b: SentenceRef


@dataclass(frozen=True)
class Overrides:
    forced: tuple[ForcedLink, ...] = ()
    forbidden: tuple[ForbiddenPair, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.forced or self.forbidden)

    def swapped(self) -> Overrides:
        """The same corrections with the original and the revision exchanged."""
        return Overrides(
            tuple(ForcedLink(tuple(map(_flip, f.b)), tuple(map(_flip, f.a)), f.moved)
                  for f in self.forced),
            tuple(ForbiddenPair(_flip(p.b), _flip(p.a)) for p in self.forbidden),
        )


def _flip(ref: SentenceRef) -> SentenceRef:
    side, _, rest = ref.id.partition(".")
    other = Side.B.value if side == Side.A.value else Side.A.value
    return SentenceRef(f"{other}.{rest}", ref.fingerprint)


def ref(doc: Document, sentence_id: str) -> SentenceRef:
    return SentenceRef(sentence_id, fingerprint(doc.sentence(sentence_id).text))


def refs(doc: Document, sentence_ids: Iterable[str]) -> tuple[SentenceRef, ...]:
    found = sorted(set(sentence_ids), key=lambda s: doc.sentence(s).index)
    return tuple(ref(doc, s) for s in found)


# ---- editing ---------------------------------------------------------------------------------
def _ids(items: Iterable[SentenceRef]) -> set[str]:
    return {r.id for r in items}


def add_link(overrides: Overrides, a: Sequence[SentenceRef], b: Sequence[SentenceRef],
             moved: bool = False) -> Overrides:
    """Force a link between these sentences; the newest correction wins over older ones."""
    if not a or not b:
        raise ValueError("a link needs at least one sentence on each side")
    new = ForcedLink(tuple(a), tuple(b), moved)
    ids_a, ids_b = _ids(a), _ids(b)
    # A sentence belongs to one link: an older forced link sharing a sentence is replaced.
    kept = tuple(f for f in overrides.forced
                 if not (_ids(f.a) & ids_a or _ids(f.b) & ids_b))
    # Linking a pair the reader once kept apart means they changed their mind.
    allowed = tuple(p for p in overrides.forbidden
                    if not (p.a.id in ids_a and p.b.id in ids_b))
    return Overrides((*kept, new), allowed)


def remove_link(overrides: Overrides, a: Sequence[SentenceRef],
                b: Sequence[SentenceRef]) -> Overrides:
    """Unlink: drop a forced link over these sentences and keep every a×b pair apart."""
    ids_a, ids_b = _ids(a), _ids(b)
    kept = tuple(f for f in overrides.forced
                 if not (_ids(f.a) & ids_a and _ids(f.b) & ids_b))
    known = {(p.a.id, p.b.id) for p in overrides.forbidden}
    pairs = [ForbiddenPair(x, y) for x in a for y in b if (x.id, y.id) not in known]
    return Overrides(kept, (*overrides.forbidden, *pairs))


def mark_moved(overrides: Overrides, a: Sequence[SentenceRef], b: Sequence[SentenceRef],
               moved: bool = True) -> Overrides:
    """Set a link's moved flag; an automatic link becomes a forced one so the flag sticks."""
    ids_a, ids_b = _ids(a), _ids(b)
    for k, f in enumerate(overrides.forced):
        if _ids(f.a) == ids_a and _ids(f.b) == ids_b:
            forced = (*overrides.forced[:k], replace(f, moved=moved), *overrides.forced[k + 1:])
            return replace(overrides, forced=forced)
    return add_link(overrides, a, b, moved)


# ---- resolving onto a new run ----------------------------------------------------------------
@dataclass(frozen=True)
class Resolution:
    links: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]  # (a ids, b ids, moved)
    forbidden: frozenset[tuple[str, str]]
    dropped: tuple[str, ...]  # one line per correction that no longer applies
    overrides: Overrides  # the corrections with ids updated to this run (what to save)
    moved_ids: int = 0  # how many references had to be found again by their text


@dataclass
class _Finder:
    doc: Document
    aligned: set[str]
    by_print: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    moved_ids: int = 0

    def __post_init__(self) -> None:
        for s in self.doc.sentences:
            if s.id in self.aligned:
                self.by_print.setdefault(fingerprint(s.text), []).append((s.index, s.id))

    def find(self, r: SentenceRef) -> str | None:
        if r.id in self.aligned and fingerprint(self.doc.sentence(r.id).text) == r.fingerprint:
            return r.id
        candidates = self.by_print.get(r.fingerprint, [])
        if not candidates:
            return None
        self.moved_ids += 1
        # The same text may occur twice: take the occurrence nearest the old position.
        return min(candidates, key=lambda c: (abs(c[0] - r.index), c[0]))[1]


def aligned_ids(doc: Document, include_boilerplate: bool) -> set[str]:
    """Ids of the sentences that take part in alignment (the rows of align_sentences)."""
    return {s.id for s in doc.sentences
            if include_boilerplate or doc.paragraph(s.paragraph).role.is_content}


def _describe(link: ForcedLink) -> str:
    ids_a, ids_b = link.ids
    return f"{'+'.join(ids_a)} ↔ {'+'.join(ids_b)}"


def resolve(overrides: Overrides, a: Document, b: Document,
            include_boilerplate: bool = False) -> Resolution:
    """Map the corrections onto these documents; report what no longer applies."""
    find_a = _Finder(a, aligned_ids(a, include_boilerplate))
    find_b = _Finder(b, aligned_ids(b, include_boilerplate))
    links: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = []
    kept_forced: list[ForcedLink] = []
    dropped: list[str] = []
    used: set[str] = set()
    for forced in overrides.forced:
        found_a = [find_a.find(r) for r in forced.a]
        found_b = [find_b.find(r) for r in forced.b]
        if None in found_a or None in found_b:
            dropped.append(f"link {_describe(forced)}: a sentence is no longer in the text")
            continue
        ids_a = tuple(sorted({s for s in found_a if s}, key=lambda s: a.sentence(s).index))
        ids_b = tuple(sorted({s for s in found_b if s}, key=lambda s: b.sentence(s).index))
        if used & {*ids_a, *ids_b}:
            dropped.append(f"link {_describe(forced)}: its sentences now belong to another link")
            continue
        used.update(ids_a, ids_b)
        links.append((ids_a, ids_b, forced.moved))
        kept_forced.append(ForcedLink(refs(a, ids_a), refs(b, ids_b), forced.moved))
    forbidden: set[tuple[str, str]] = set()
    kept_pairs: list[ForbiddenPair] = []
    for pair in overrides.forbidden:
        sa, sb = find_a.find(pair.a), find_b.find(pair.b)
        if sa is None or sb is None:
            dropped.append(f"unlink {pair.a.id} ↔ {pair.b.id}: a sentence is no longer in the text")
            continue
        if (sa, sb) not in forbidden:
            forbidden.add((sa, sb))
            kept_pairs.append(ForbiddenPair(ref(a, sa), ref(b, sb)))
    return Resolution(tuple(links), frozenset(forbidden), tuple(dropped),
                      Overrides(tuple(kept_forced), tuple(kept_pairs)),
                      find_a.moved_ids + find_b.moved_ids)


def pinned_groups(
    resolution: Resolution, rows_a: Sequence[str], rows_b: Sequence[str],
    similarity: Callable[[list[int], list[int]], float],
) -> tuple[list[Group], set[tuple[int, int]]]:
    """Pinned groups and forbidden row pairs for ``align_sentences``.

    ``rows_a``/``rows_b`` are the sentence ids of the aligned rows, in row order; ``resolve``
    only returns ids among them.
    """
    row_a = {sid: k for k, sid in enumerate(rows_a)}
    row_b = {sid: k for k, sid in enumerate(rows_b)}
    groups = []
    for ids_a, ids_b, moved in resolution.links:
        ra, rb = sorted(row_a[s] for s in ids_a), sorted(row_b[s] for s in ids_b)
        groups.append(Group(ra, rb, similarity(ra, rb), moved=moved, pinned=True))
    forbidden = {(row_a[x], row_b[y]) for x, y in resolution.forbidden}
    return groups, forbidden


def enforce_forbidden(groups: list[Group], forbidden: set[tuple[int, int]],
                      similarity: Callable[[list[int], list[int]], float]) -> list[Group]:
    """Take kept-apart pairs out of automatic groups (slot filling and growth may add them).

    A group holding a forbidden pair loses the member on its larger side (the one grown
    onto it); a 1:1 group with a forbidden pair is dropped.
    """
    result: list[Group] = []
    for group in groups:
        if group.pinned:
            result.append(group)
            continue
        a, b = list(group.a), list(group.b)
        changed = False
        while a and b:
            bad = next(((i, j) for i in a for j in b if (i, j) in forbidden), None)
            if bad is None:
                break
            changed = True
            if len(a) >= len(b) and len(a) > 1:
                a.remove(bad[0])
            elif len(b) > 1:
                b.remove(bad[1])
            else:
                a, b = [], []
        if a and b:
            result.append(replace(group, a=a, b=b, similarity=similarity(a, b))
                          if changed else group)
    return result


# ---- JSON ------------------------------------------------------------------------------------
def _ref_json(r: SentenceRef) -> dict[str, str]:
    return {"id": r.id, "fingerprint": r.fingerprint}


def _ref_from(data: Mapping[str, Any]) -> SentenceRef:
    return SentenceRef(str(data["id"]), str(data["fingerprint"]))


def overrides_to_json(overrides: Overrides) -> dict[str, Any]:
    return {
        "links": [{"a": [_ref_json(r) for r in f.a], "b": [_ref_json(r) for r in f.b],
                   "moved": f.moved} for f in overrides.forced],
        "unlinked": [{"a": _ref_json(p.a), "b": _ref_json(p.b)} for p in overrides.forbidden],
    }


def overrides_from_json(data: Mapping[str, Any]) -> Overrides:
    """Raises KeyError/TypeError/ValueError on malformed data (the session reader reports it)."""
    forced = tuple(
        ForcedLink(tuple(_ref_from(r) for r in item["a"]), tuple(_ref_from(r) for r in item["b"]),
                   bool(item.get("moved", False)))
        for item in data.get("links", [])
    )
    pairs = tuple(ForbiddenPair(_ref_from(item["a"]), _ref_from(item["b"]))
                  for item in data.get("unlinked", []))
    if any(not f.a or not f.b for f in forced):
        raise ValueError("a forced link without sentences on both sides")
    return Overrides(forced, pairs)
