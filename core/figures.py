"""Figure integrity: numbers, dates and amounts that a link's rewrite changed.

After the quotes, an editor checks the figures: a rewrite that reads smoothly but says
"35 Millionen" for "3,5 Milliarden", or moves a meeting from Monday to Tuesday, is wrong.
Figures are found in the source text of each linked sentence and compared by value, link
by link:

- changed: a figure of the original whose value is not in the linked revision text,
  paired (in reading order, with one of the same sort) with a figure of the revision
  whose value is not in the original;
- dropped: such a figure of the original left over after pairing, whose value the
  revision does not state anywhere (a figure moved to another sentence is not dropped);
- added: likewise, a figure of the revision left over that the original never states.

Values are compared, not spellings: "1.000", "1000" and "1 000" are one value, as are
"3,5" and "3.5", "3,5 Mrd." and "3,5 Milliarden"; number words ("drei", "siebzig",
"hundert") and ordinals ("dritten", "third") are read as their digits; "19.02.2025" is a
day, a month and a year, as is "19. Februar 2025". A unit written with a number ("600
Meter", "10 %", "$5") is part of the figure: the same value in another unit is a change
("600 Meter" → "600 Kilometer"), the same value without a unit is not ("3 Jahre", "drei").
A figure glued to letters ("G20", "COVID-19") is a name, not a figure; "ein"/"one" are
left alone (mostly articles), and so is a list item's number ("4. Fertiggerichte
aufpeppen"). Removed and added sentences are not checked: the whole sentence is already
reported.

May import: the standard library and collatio.core.model.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any

from .model import Document, FigureChange, Link

_GERMAN_CARDINALS = ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                     "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
                     "achtzehn", "neunzehn")
_ENGLISH_TEENS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                  "nineteen")
# Round numbers, by value: "siebzig" = "70".
_ROUND = {
    **dict(zip(("zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
                "neunzig"), range(20, 100, 10), strict=True)),
    **dict(zip(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
               range(20, 100, 10), strict=True)),
    "hundert": 100, "hundred": 100, "tausend": 1000,
}
_ENGLISH_CARDINALS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "eleven", "twelve")
_GERMAN_ORDINALS = ("erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht",
                    "neunt", "zehnt", "elft", "zwölft")
_OLD_ORDINALS = {"siebent": 7}  # "das siebente" (older German)
# "first" and "second" are left out: "at first", "a second" are rarely figures.
_ENGLISH_ORDINALS = ("third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth")
_MONTH_NAMES = (
    ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
     "Oktober", "November", "Dezember"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"),
)
_WEEKDAY_NAMES = (
    ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)
_MONTHS = {name: k for names in _MONTH_NAMES for k, name in enumerate(names, 1)} | {"Jänner": 1}
_WEEKDAYS = {name: k for names in _WEEKDAY_NAMES for k, name in enumerate(names, 1)} | {
    "Sonnabend": 6}
# Scale words after a number are part of its value. German "Billion" is 10^12, English
# "billion" 10^9: the case tells them apart (German nouns are capitalised).
_SCALES = {
    "Tausend": "e3", "thousand": "e3",
    "Million": "e6", "Millionen": "e6", "Mio.": "e6", "Mio": "e6", "million": "e6",
    "millions": "e6",
    "Milliarde": "e9", "Milliarden": "e9", "Mrd.": "e9", "Mrd": "e9", "billion": "e9",
    "billions": "e9", "bn": "e9",
    "Billion": "e12", "Billionen": "e12", "trillion": "e12",
}
_SCALE = "|".join(re.escape(s) for s in sorted(_SCALES, key=len, reverse=True))


def _units() -> dict[str, str]:
    """Unit spellings after a number → the unit ("Kilometern" → "km")."""
    spelled = {
        "m": "m Meter Metern Metres Meters meter meters metre metres",
        "km": "km Kilometer Kilometern kilometer kilometers kilometre kilometres",
        "cm": "cm Zentimeter Zentimetern centimeters centimetres",
        "mm": "mm Millimeter Millimetern millimeters millimetres",
        "mi": "Meilen miles mile",
        "g": "g Gramm grams gram",
        "kg": "kg Kilogramm Kilo kilograms kilogram kilos",
        "t": "t Tonnen Tonne tons tonnes",
        "EUR": "€ Euro EUR euros",
        "USD": "$ Dollar US-Dollar USD dollars",
        "GBP": "£ Pfund GBP pounds",
        "CHF": "CHF Franken",
        "%": "% Prozent percent",
        "pp": "Prozentpunkte Prozentpunkten",
        "s": "Sekunden Sekunde seconds second",
        "min": "Minuten Minute minutes minute",
        "h": "Stunden Stunde hours hour",
        "d": "Tage Tagen Tag days day",
        "wk": "Wochen Woche weeks week",
        "mo": "Monate Monaten Monat months month",
        "yr": "Jahre Jahren Jahr Jahres years year",
    }
    return {name: unit for unit, names in spelled.items() for name in names.split()}


# A unit changes a figure's meaning ("600 Meter" → "600 Kilometer") but is often left out
# ("600 breit"); see _leftovers for how a missing unit is compared.
_UNITS = _units()
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_PREFIX_UNITS = {"€": "EUR", "$": "USD", "£": "GBP"}
_NUMBER = re.compile(
    # A date, day.month.year (year optional): three figures.
    r"(?P<date>(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})?)(?!\d)"
    # A number: grouped thousands, a decimal part or a time, an optional scale word.
    r"|(?P<number>\d{1,3}(?:(?P<sep>[.,\u00a0\u202f\u2009 ])\d{3}(?!\d))(?:(?P=sep)\d{3}(?!\d))*"
    r"(?:[.,]\d+)?|\d+(?:[.,]\d+|:\d{2})?)"
    r"(?!\w)(?:\s+(?P<scale>" + _SCALE + r")(?!\w))?"
    r"(?:\s?(?P<unit>" + _UNIT + r")(?![^\W\d_]))?"
)
_SCALE_AFTER = re.compile(r"\s+(" + _SCALE + r")(?!\w)")


def _word_forms() -> dict[str, tuple[str, str]]:
    """Every spelling of a number word, ordinal, month or weekday → (sort, value)."""
    forms: dict[str, tuple[str, str]] = {}
    numbered = ((_GERMAN_CARDINALS, 2), (_ENGLISH_CARDINALS, 2), (_ENGLISH_TEENS, 13),
                (_ENGLISH_ORDINALS, 3))
    for names, first in numbered:
        for k, name in enumerate(names, first):
            forms[name] = forms[name.capitalize()] = ("number", str(k))
    for name, value in _ROUND.items():
        forms[name] = forms[name.capitalize()] = ("number", str(value))
    # German ordinals lower-case only: "Dritte" is a third party; "achten" is a verb.
    for k, stem in enumerate(_GERMAN_ORDINALS, 1):
        for ending in ("e", "er", "es") if stem == "acht" else ("e", "en", "er", "es", "em"):
            forms[stem + ending] = ("number", str(k))
    for stem, k in _OLD_ORDINALS.items():
        for ending in ("e", "en", "er", "es", "em"):
            forms[stem + ending] = ("number", str(k))
    forms.update({name: ("month", str(k)) for name, k in _MONTHS.items()})
    forms.update({name: ("weekday", str(k)) for name, k in _WEEKDAYS.items()})
    return forms


def _trie(words: Iterable[str]) -> str:
    """One regex alternative for many words, shared prefixes factored out.

    Speed: the regex engine tries the alternatives of a flat list one by one at every
    position; as a trie it reads one character to rule most of them out.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here, and longer ones go on
            body = f"(?:{body})?"
        return body

    return pattern(root)


_START = attrgetter("start")
_FORMS = _word_forms()
_CANDIDATE = re.compile(
    r"[0-9]+|(?<![^\W\d_])(?P<word>" + _trie(_FORMS) + r")(?![^\W\d_])")
_CARDINALS = frozenset((*_GERMAN_CARDINALS, *_ENGLISH_CARDINALS, *_ENGLISH_TEENS, *_ROUND))


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # source offsets
    end: int
    sort: str  # "number" | "month" | "weekday": only figures of one sort are paired
    value: str  # the canonical value ("3.5E+3", "3.5E+9", "2"; see _number_key)
    unit: str | None = None  # "km", "EUR", "%", … when one is written with it

    def __post_init__(self) -> None:
        if self.sort == "number":
            object.__setattr__(self, "value", _number_key(self.value))


def _number_key(value: str) -> str:
    """One spelling per number: "2000", "2e3" ("two thousand") and "2.0e3" are one value."""
    try:
        return str(Decimal(value).normalize())
    except InvalidOperation:
        return value


def _number_value(text: str, grouped: bool) -> str:
    if grouped:  # every separator between digit groups is a thousands separator…
        digits = re.sub(r"[^\d.,]", "", text)
        head, sep, tail = digits, "", ""
        match = re.fullmatch(r"(.*?)([.,])(\d+)", digits)
        # …except a last one followed by other than three digits: a decimal part.
        if match and len(match.group(3)) != 3:
            head, sep, tail = match.groups()
        value = re.sub(r"[.,]", "", head) + ("." + tail if sep else "")
    else:
        value = text.replace(",", ".").replace(":", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".") or "0"
    return value.lstrip("0") or "0"


def _glued(text: str, at: int) -> bool:
    """Whether a figure starting at ``at`` is part of a name ("G20", "COVID-19")."""
    if at == 0:
        return False
    before = text[at - 1]
    if before.isalnum() or before == "_":
        return True
    return before == "-" and at >= 2 and text[at - 2].isalpha()


def _number(m: re.Match[str], text: str) -> list[Figure]:
    if m.group("date"):
        figures = [Figure(m.start("day"), m.end("day"), "number", str(int(m.group("day")))),
                   Figure(m.start("month"), m.end("month"), "month", str(int(m.group("month"))))]
        if m.group("year"):
            figures.append(Figure(m.start("year"), m.end("year"), "number", m.group("year")))
        return figures
    scale = m.group("scale")
    value = _number_value(m.group("number"), m.group("sep") is not None)
    start, unit = m.start(), _UNITS[m.group("unit")] if m.group("unit") else None
    # A currency sign before the number ("$5 million", "€ 20").
    if start >= 1 and text[start - 1] in _PREFIX_UNITS:
        start -= 1
    elif start >= 2 and text[start - 1] == " " and text[start - 2] in _PREFIX_UNITS:
        start -= 2
    if start != m.start():
        unit = unit or _PREFIX_UNITS[text[start]]
    return [Figure(start, m.end(), "number", value + (_SCALES[scale] if scale else ""), unit)]


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """The figures inside ``text[start:end]``, in order, with source offsets."""
    stop = len(text) if end is None else end
    found: list[Figure] = []
    after = start  # where the last figure ended: a digit run inside it starts nothing
    # Speed: one regex pass finds digit runs and words (most text is neither, and the
    # engine skips it in C); the full number pattern is tried only where a run starts.
    for m in _CANDIDATE.finditer(text, start, stop):
        at = m.start()
        if at < after:
            continue
        word = m.group("word")
        if word is None:
            number = None if _glued(text, at) else _NUMBER.match(text, at, stop)
            if number is not None:
                found.extend(_number(number, text))
                after = number.end()
            continue
        sort, value = _FORMS[word]
        after = m.end()
        if word.lower() in _CARDINALS:
            scale = _SCALE_AFTER.match(text, after, stop)
            if scale:
                value += _SCALES[scale.group(1)]
                after = scale.end()
        found.append(Figure(at, after, sort, value))
    return found


def _label(text: str, figure: Figure, sentence_start: int) -> bool:
    """A list item's number ("4. Fertiggerichte aufpeppen", "2) Einkaufen"): the figure
    opens its sentence, has one or two digits and a full stop or bracket after it."""
    return (figure.start == sentence_start and figure.end - figure.start <= 2
            and text[figure.start].isdigit() and text[figure.end : figure.end + 1] in (".", ")"))


@dataclass(frozen=True)
class Statement:
    """The figures one document states: by sentence, and the set of their values."""

    by_sentence: dict[str, list[Figure]]
    values: frozenset[tuple[str, str]]


def statement(doc: Document, sentence_ids: Iterable[str]) -> Statement:
    """Find the figures of these sentences, once (links then look them up)."""
    wanted = set(sentence_ids)
    sentences = [s for s in doc.sentences if s.id in wanted]
    starts = [s.start for s in sentences]
    by_sentence: dict[str, list[Figure]] = {s.id: [] for s in sentences}
    # Speed: one pass over the whole text (figures are rare; a call per sentence cost
    # more than the scan), then each figure to its sentence; one across a sentence end
    # belongs to neither.
    for f in find_figures(doc.text):
        k = bisect_right(starts, f.start) - 1
        if k >= 0 and f.end <= sentences[k].end and not _label(doc.text, f, sentences[k].start):
            by_sentence[sentences[k].id].append(f)
    values = frozenset((f.sort, f.value) for found in by_sentence.values() for f in found)
    return Statement(by_sentence, values)


def _leftovers(figures_a: Sequence[Figure],
               figures_b: Sequence[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The figures of each side that the other side does not have (as often), in order.

    Equal values with equal units match first; then a figure written without a unit
    matches the same value with any unit ("3 Jahre" and "drei"). Equal values with two
    different units ("600 Meter", "600 Kilometer") do not match.
    """
    only_a, only_b = list(figures_a), list(figures_b)
    for loose in (False, True):
        for fa in list(only_a):
            for fb in only_b:
                if (fa.sort, fa.value) == (fb.sort, fb.value) and (
                        fa.unit == fb.unit or (loose and (fa.unit is None or fb.unit is None))):
                    only_a.remove(fa)
                    only_b.remove(fb)
                    break
    return only_a, only_b


def link_figure_changes(link: Link, stated_a: Statement, stated_b: Statement) -> tuple[FigureChange, ...]:
    """The figures of this link that the revision changed, dropped or added.

    ``stated_a``/``stated_b``: what each document states, covering the link's sentences; a
    leftover figure that the other side states elsewhere moved there and is not reported.
    """
    # A link lists its sentences in document order, so its figures come in reading order.
    figures_a = [f for sid in link.a for f in stated_a.by_sentence[sid]]
    figures_b = [f for sid in link.b for f in stated_b.by_sentence[sid]]
    if not figures_a and not figures_b:
        return ()
    only_a, only_b = _leftovers(figures_a, figures_b)
    changes: list[FigureChange] = []
    for sort in ("number", "month", "weekday"):
        side_a = [f for f in only_a if f.sort == sort]
        side_b = [f for f in only_b if f.sort == sort]
        for fa, fb in zip(side_a, side_b, strict=False):
            changes.append(FigureChange("changed", (fa.start, fa.end), (fb.start, fb.end), link.id))
        for fa in side_a[len(side_b):]:
            if (fa.sort, fa.value) not in stated_b.values:
                changes.append(FigureChange("dropped", (fa.start, fa.end), None, link.id))
        for fb in side_b[len(side_a):]:
            if (fb.sort, fb.value) not in stated_a.values:
                changes.append(FigureChange("added", None, (fb.start, fb.end), link.id))
    # Reading order: the original's figures (changed, dropped), then the added ones.
    changes.sort(key=lambda c: (c.a is None, c.a or c.b or (0, 0)))
    return tuple(changes)


def check_figures(a: Document, b: Document, links: Iterable[Link],
                  aligned_a: Iterable[str], aligned_b: Iterable[str]) -> tuple[Link, ...]:
    """The links, each with its figure changes attached; ``aligned_a``/``aligned_b`` are
    the sentences that took part in alignment (what each document states)."""
    links = tuple(links)
    # Every linked sentence takes part in alignment (overrides pin only aligned ones);
    # the union only makes sure a link never looks up a sentence that was not scanned.
    stated_a = statement(a, {*aligned_a, *(s for link in links for s in link.a)})
    stated_b = statement(b, {*aligned_b, *(s for link in links for s in link.b)})
    checked: list[Link] = []
    for link in links:
        changes = link_figure_changes(link, stated_a, stated_b)
        checked.append(replace(link, figure_changes=changes) if changes else link)
    return tuple(checked)
