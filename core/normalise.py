"""Normalise a span of source text while remembering where every character came from.

A ``MappedText`` is the normalised text plus, for each of its characters, the source
span it was made from. Sentence text, word tokens and diff spans are computed on the
normalised text and mapped back, so highlights always land on the source characters.

Normalisation here: HTML entities decoded (repeatedly, for double escapes such as
``&amp;hellip;``), soft hyphens and zero-width characters dropped (also as entities),
every whitespace run (line breaks, NBSP, ``&nbsp;``) folded to one space, and a
line-end hyphen joined. A line-end hyphen is removed only when the
caller's vocabulary knows the joined word ("Bemü-\\nhungen"); otherwise it is kept, so
"Trump-\\nAdministration" stays "Trump-Administration".

``fold_typography`` is for matching only: display keeps the original characters.

May import: the standard library only.
"""

from __future__ import annotations

import html
import re
import threading
from array import array
from collections.abc import Container, Iterable
from dataclasses import dataclass

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SOFT_HYPHEN = "\u00ad"
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", _SOFT_HYPHEN}
_HYPHENS = "-\u2010\u2011"
_WORD_TAIL = re.compile(r"(\w+)$")
# What sends a span down the character-by-character path: an entity or invisible
# character, or a hyphen before a line break. Most text has none of these.
# Speed trick: written as one character class first (then: a hyphen needs a line break
# after it, anything else matches as it is), the same matches as
# r"[&\u00ad\u200b\u200c\u200d\ufeff]|[-\u2010\u2011][ \t]*[\r\n]", but the regex engine
# can skip ahead to the next candidate character instead of trying every position.
_SPECIAL = re.compile(
    r"[&\u00ad\u200b\u200c\u200d\ufeff\-\u2010\u2011]"
    r"(?:(?<=[-\u2010\u2011])[ \t]*[\r\n]|(?<![-\u2010\u2011]))"
)
_SPACE_RUN = re.compile(r"\s+")
# Characters normalise_span copies as they are: not white space, "&", a hyphen or an
# invisible character; and single spaces between them.
_PLAIN_RUN = re.compile(
    r"[^\s&\-\u2010\u2011\u00ad\u200b\u200c\u200d\ufeff]+"
    r"(?: [^\s&\-\u2010\u2011\u00ad\u200b\u200c\u200d\ufeff]+)*"
)
# A white-space run that folds to a different text than itself (see _fold_spaces).
_FOLDED_RUN = re.compile(r"\s{2,}|[^\S ]")
_WORD_HEAD = re.compile(r"^(\w+)")

_TYPO_FOLD = str.maketrans(
    {
        "„": '"', "“": '"', "”": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‚": "'", "‘": "'", "’": "'", "‛": "'", "‹": "'", "›": "'", "′": "'", "`": "'",
        "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
        "…": "...",
    }
)


# Speed trick: str.translate looks every character up in the table one by one once the
# text has a non-ASCII letter ("ä"), which German text nearly always has; most sentences
# hold none of the characters folded, and a regex character class finds that out far
# faster. Without one, translating would give the text back unchanged.
_TYPO_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _TYPO_FOLD)) + "]")


def fold_typography(text: str) -> str:
    """Quote styles, dashes, ellipses and special spaces folded to ASCII, for matching."""
    if _TYPO_CHARS.search(text) is None:
        return text
    return text.translate(_TYPO_FOLD)


def offsets(values: Iterable[int] = ()) -> array[int]:
    """A compact list of source offsets (8 bytes each, no int object per character)."""
    return array("q", values)


# Speed trick: ``array.extend(range(...))`` converts the offsets one int object at a time;
# a slice of a ready array of consecutive offsets is a plain memory copy. This one holds
# 0, 1, 2, ... and is extended as far as needed, up to _CONSECUTIVE_CAP offsets (8 MiB,
# kept for the process); a span reaching beyond that builds its own. Values are the
# same either way. Only ever extended (under a lock: two threads must not append the
# same offsets), never changed, so a slice below its length is always right.
_CONSECUTIVE_CAP = 1 << 20
_CONSECUTIVE = array("q")
_CONSECUTIVE_LOCK = threading.Lock()


def _consecutive(low: int, high: int) -> array[int]:
    """The offsets low, low + 1, ..., high - 1."""
    if high > len(_CONSECUTIVE):
        if high > _CONSECUTIVE_CAP:
            return offsets(range(low, high))
        with _CONSECUTIVE_LOCK:
            if high > len(_CONSECUTIVE):
                _CONSECUTIVE.extend(range(len(_CONSECUTIVE), high))
    return _CONSECUTIVE[low:high]


@dataclass(frozen=True, slots=True, eq=False)
class MappedText:
    """Normalised text and, per character, its source span.

    The offsets are arrays, not tuples: a tuple of ints costs ~40 bytes per character
    (pointer plus int object), which made these maps most of the memory on a book.
    Compared by identity (arrays are not hashable; nothing compares maps by value).
    """

    text: str
    starts: array[int]  # source start of each character of ``text``
    ends: array[int]  # source end of each character of ``text``

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised slice ``text[start:end]`` (end exclusive)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _decode_entity(token: str) -> str:
    # Decode repeatedly: "&amp;hellip;" is an escaped "&hellip;" and means "…".
    previous = None
    while previous != token:
        previous, token = token, html.unescape(token)
    return token


_ENTITY_BODY = re.compile(r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entity_length(source: str, pos: int, end: int) -> int:
    """Length of an entity (possibly escaped several times) in source[pos:end], 0 if none."""
    match = _ENTITY.match(source, pos, end)
    if not match:
        return 0
    length = match.end() - pos
    # "&amp;hellip;" and "&amp;amp;quot;": each "&amp;" may be followed by the rest of
    # an escaped entity; take the whole chain as one token.
    while _decode_entity(source[pos : pos + length]) == "&":
        inner = _ENTITY_BODY.match(source, pos + length, end)
        if not inner or html.unescape("&" + inner.group(0)) == "&" + inner.group(0):
            break
        length = inner.end() - pos
    return length


@dataclass(frozen=True, slots=True)
class ReadingRun:
    """A stretch of source that reads as something shorter: an HTML entity (a double
    escape counts as one) or a run of white space."""

    start: int
    end: int
    reads: str


# Where a reading run may start: an ampersand, or white space that is not one plain space.
_READING_START = re.compile(r"&|\s{2,}|[^\S ]")


def reading_runs(source: str, start: int = 0, end: int | None = None) -> tuple[ReadingRun, ...]:
    """The stretches of ``source[start:end]`` that read as something else, in order.

    For display: a text copied out of a PDF or web page carries line breaks, runs of
    spaces and escapes such as "&amp;hellip;". The comparison reads "…" and one space,
    and a reader should see the same. White space reads as one space; an unknown name
    ("&foo;") is not an entity.
    """
    end = len(source) if end is None else min(end, len(source))
    runs: list[ReadingRun] = []
    match = _READING_START.search(source, start, end)
    while match is not None:
        pos = match.start()
        if source[pos] == "&":
            length = _entity_length(source, pos, end)
            token = source[pos : pos + length]
            reads = _decode_entity(token) if length else token
            if length and reads != token:
                runs.append(ReadingRun(pos, pos + length, " " if reads.isspace() else reads))
            stop = pos + max(length, 1)
        else:
            space = _SPACE_RUN.match(source, pos, end)
            stop = space.end() if space is not None else pos + 1
            runs.append(ReadingRun(pos, stop, " "))
        match = _READING_START.search(source, stop, end)
    return tuple(runs)


def readable(source: str, start: int = 0, end: int | None = None) -> str:
    """``source[start:end]`` as it reads (see ``reading_runs``)."""
    end = len(source) if end is None else min(end, len(source))
    out: list[str] = []
    cut = start
    for run in reading_runs(source, start, end):
        out.append(source[cut : run.start])
        out.append(run.reads)
        cut = run.end
    out.append(source[cut:end])
    return "".join(out)


def normalise_span(
    source: str, start: int, end: int, vocabulary: Container[str] | None = None
) -> MappedText:
    """Normalise ``source[start:end]``; see the module docstring for what that means."""
    end = min(end, len(source))
    if not _SPECIAL.search(source, start, end):
        return _fold_spaces(source, start, end)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = start
    pending_space: tuple[int, int] | None = None  # source span of a whitespace run
    while i < end:
        plain = _PLAIN_RUN.match(source, i, end)
        if plain is not None:
            # Speed trick: characters the loop below would copy one by one as they are
            # (and single spaces between them, which map to themselves once ``out`` holds
            # a character), copied as one stretch.
            _flush_space(pending_space, out, starts, ends)
            pending_space = None
            j = plain.end()
            out.extend(source[i:j])
            starts.extend(range(i, j))
            ends.extend(range(i + 1, j + 1))
            i = j
            continue
        ch = source[i]
        if ch.isspace():
            pending_space = (i, i + 1) if pending_space is None else (pending_space[0], i + 1)
            i += 1
            continue
        if ch in _ZERO_WIDTH:
            i += 1
            continue
        if ch in _HYPHENS and pending_space is None and _line_end_follows(source, i + 1, end):
            # A hyphen at the end of a line: join the word across the break.
            j = _skip_space(source, i + 1, end)
            if out and _dehyphenate(out, source, j, end, vocabulary):
                i = j  # drop the hyphen and the break
                continue
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            i = j  # keep the hyphen, drop the break: "Trump-Administration"
            continue
        # What this position contributes: the character itself, or a decoded entity whose
        # characters all map back to the whole entity.
        piece, stop = ch, i + 1
        if ch == "&":
            length = _entity_length(source, i, end)
            if length:
                decoded = "".join(c for c in _decode_entity(source[i : i + length]) if c not in _ZERO_WIDTH)
                if not decoded:  # "&shy;": invisible, like a soft hyphen in the text
                    i += length
                    continue
                if decoded.isspace():
                    # "&nbsp;" is white space: it joins the run instead of adding to it.
                    run_start = pending_space[0] if pending_space is not None else i
                    pending_space = (run_start, i + length)
                    i += length
                    continue
                piece, stop = decoded, i + length
        _flush_space(pending_space, out, starts, ends)
        pending_space = None
        for pch in piece:
            out.append(" " if pch.isspace() else pch)
            starts.append(i)
            ends.append(stop)
        i = stop
    return MappedText("".join(out), offsets(starts), offsets(ends))


def _flush_space(
    pending: tuple[int, int] | None, out: list[str], starts: list[int], ends: list[int]
) -> None:
    """Emit a pending white-space run as one space (none before the first character)."""
    if pending is not None and out:
        out.append(" ")
        starts.append(pending[0])
        ends.append(pending[1])


def _fold_spaces(source: str, start: int, end: int) -> MappedText:
    """``normalise_span`` for a span with only white space to fold (the common case).

    The same result as the general loop, built stretch by stretch instead of character
    by character. Speed trick: a run of white space that is a single " " between two
    words maps to itself (one output character, source span (i, i + 1)), exactly like a
    letter, so it needs no special handling; only runs that fold to a different text
    (two or more characters, or one that is not " ": _FOLDED_RUN) break the identity.
    After leading and trailing white space is skipped, the span is copied in stretches
    between such runs, each stretch's offsets being one slice of consecutive offsets.
    """
    lead = _SPACE_RUN.match(source, start, end)
    if lead is not None:
        start = lead.end()
    # The last white space of the span: trailing runs are dropped.
    while end > start and source[end - 1].isspace():
        end -= 1
    parts: list[str] = []
    starts = offsets()
    ends = offsets()
    base = _consecutive(start, end + 1)  # base[k] == start + k
    pos = start
    for match in _FOLDED_RUN.finditer(source, start, end):
        run_start, run_end = match.span()
        # source[pos:run_start] holds words and single spaces, all mapping to themselves.
        parts.append(source[pos:run_start])
        parts.append(" ")
        starts.extend(base[pos - start : run_start + 1 - start])  # + the run's start for its space
        ends.extend(base[pos + 1 - start : run_start + 1 - start])
        ends.append(run_end)
        pos = run_end
    if end > pos:
        parts.append(source[pos:end])
        starts.extend(base[pos - start : end - start])
        ends.extend(base[pos + 1 - start : end + 1 - start])
    return MappedText("".join(parts), starts, ends)


def _line_end_follows(source: str, pos: int, end: int) -> bool:
    """True if only spaces/tabs and then a line break follow pos (before end)."""
    j = pos
    while j < end and source[j] in " \t":
        j += 1
    return j < end and source[j] in "\r\n"


def _skip_space(source: str, pos: int, end: int) -> int:
    while pos < end and source[pos].isspace():
        pos += 1
    return pos


def _dehyphenate(
    out: list[str], source: str, next_pos: int, end: int, vocabulary: Container[str] | None
) -> bool:
    """Should a line-end hyphen between the word in ``out`` and the next word go?"""
    if vocabulary is None:
        return False
    tail = _WORD_TAIL.search("".join(out[-40:]))
    head = _WORD_HEAD.match(source[next_pos : min(end, next_pos + 40)])
    if not tail or not head:
        return False
    # A capital after the break means a compound ("Trump-Administration"): keep it.
    if head.group(1)[0].isupper():
        return False
    joined = (tail.group(1) + head.group(1)).lower()
    return joined in vocabulary


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())
