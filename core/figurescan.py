"""Figures in a text: numbers, dates and amounts with their source offsets and values.

What ``core.figures`` compares. Values are read, not spellings: "1.000", "1000" and
"1 000" are one value, as are "3,5" and "3.5", "3,5 Mrd." and "3,5 Milliarden"; number
words ("drei", "siebzig", "sixty-eight") and ordinals ("dritten", "third") are read as
their digits; "19.02.2025" is a day, a month and a year, as is "19. Februar 2025". A unit
written with a number ("600 Meter", "10 %", "$5") is part of the figure. A figure glued
to letters ("G20", "COVID-19") is a name, not a figure; "ein"/"one" are left alone
(mostly articles), and so is a list item's number ("4. Fertiggerichte aufpeppen").

May import: the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any

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
    # A date, day.month.year (year optional): a date and a year.
    r"(?P<date>(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})?)(?!\d)"
    # A number: grouped thousands, a decimal part or a time, an optional scale word.
    r"|(?P<number>\d{1,3}(?:(?P<sep>[.,\u00a0\u202f\u2009 ])\d{3}(?!\d))(?:(?P=sep)\d{3}(?!\d))*"
    r"(?:[.,]\d+)?|\d+(?:[.,]\d+|:\d{2})?)"
    # Glued to the number: a scale ("$3.5bn", "£2m"), a unit ("5km") or an English
    # ordinal's ending ("3rd").
    r"(?P<suffix>bn|tn|mn|km|kg|cm|mm|st|nd|rd|th|m|k)?"
    r"(?!\w)(?:\s+(?P<scale>" + _SCALE + r")(?!\w))?"
    r"(?:\s?(?P<unit>" + _UNIT + r")(?![^\W\d_]))?"
)
_SCALE_AFTER = re.compile(r"\s+(" + _SCALE + r")(?!\w)")
_GLUED_SCALES = {"k": "e3", "mn": "e6", "bn": "e9", "tn": "e12"}
# Abbreviated months, read only beside a day ("Feb. 20", "20 Feb"): "Jan" alone is a name.
_MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Febr": 2, "Mar": 3, "Mär": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Okt": 10, "Nov": 11, "Dec": 12, "Dez": 12,
}
_MONTH_NUMBERS = _MONTHS | _MONTH_ABBREVIATIONS
_ANY_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_ENGLISH_MONTH = "|".join(sorted((*_MONTH_NAMES[1], *_MONTH_ABBREVIATIONS), key=len, reverse=True))
# A day and its month are one date ("3. März", "20 February", "5th of May"; in English
# also "Feb. 20", "March 5th"), so a changed day reads "Feb. 20 → Feb. 2", not "20 → 2",
# and is never paired with another sort of number. German never writes the month first.
_DAY_MONTH = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>" + _ANY_MONTH
    + r")(?![^\W\d_])")
_MONTH_DAY = re.compile(
    r"(?P<month>" + _ENGLISH_MONTH + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\w%])"
    r"(?![.,:]\d)(?!\s*(?:percent|per cent|[%‰]))")


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
    # German ordinals lower-case only: "Dritte" is a third party; "achten" is a verb. "erst"
    # is left out, like "first": "zum ersten Mal", "die ersten Schritte" are rarely facts.
    for k, stem in enumerate(_GERMAN_ORDINALS, 1):
        if k == 1:
            continue
        for ending in ("e", "er", "es") if stem == "acht" else ("e", "en", "er", "es", "em"):
            forms[stem + ending] = ("number", str(k))
    for stem, k in _OLD_ORDINALS.items():
        for ending in ("e", "en", "er", "es", "em"):
            forms[stem + ending] = ("number", str(k))
    # Compound numbers: "sixty-eight", "einundzwanzig".
    units = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    german_units = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
    for tens, value in _ROUND.items():
        if value >= 100:
            continue
        for k, (unit, german) in enumerate(zip(units, german_units, strict=True), 1):
            for name in (f"{tens}-{unit}", f"{german}und{tens}"):
                forms[name] = forms[name.capitalize()] = ("number", str(value + k))
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
    r"[0-9]+|(?<![^\W\d_])(?:(?P<word>" + _trie(_FORMS) + r")|(?P<abbreviation>"
    + _trie(_MONTH_ABBREVIATIONS) + r"))(?![^\W\d_])")
_CARDINALS = frozenset((*_GERMAN_CARDINALS, *_ENGLISH_CARDINALS, *_ENGLISH_TEENS, *_ROUND))


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # source offsets
    end: int
    # "number" | "date" (a day and its month) | "month" | "weekday": only figures of one
    # sort are paired
    sort: str
    value: str  # the canonical value ("3.5E+3", "3.5E+9", "2", "2-19"; see _number_key)
    unit: str | None = None  # "km", "EUR", "%", … when one is written with it
    # The whole range the figure bounds ("between 8,000 and 10,000", "3–4 Stunden"): a
    # change of one end is shown as a change of the range.
    span_range: tuple[int, int] | None = None

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
        figures = [Figure(m.start("day"), m.end("month"), "date",
                          f"{int(m.group('month'))}-{int(m.group('day'))}")]
        if m.group("year"):
            figures.append(Figure(m.start("year"), m.end("year"), "number", m.group("year")))
        return figures
    scale = _SCALES[m.group("scale")] if m.group("scale") else ""
    value = _number_value(m.group("number"), m.group("sep") is not None)
    start, unit = m.start(), _UNITS[m.group("unit")] if m.group("unit") else None
    # A currency sign before the number ("$5 million", "€ 20").
    if start >= 1 and text[start - 1] in _PREFIX_UNITS:
        start -= 1
    elif start >= 2 and text[start - 1] == " " and text[start - 2] in _PREFIX_UNITS:
        start -= 2
    if start != m.start():
        unit = unit or _PREFIX_UNITS[text[start]]
    suffix = m.group("suffix")
    if suffix in _GLUED_SCALES:
        scale = scale or _GLUED_SCALES[suffix]
    elif suffix == "m":  # "$5m" is five million, "600m" six hundred metres
        scale, unit = (scale or "e6", unit) if start != m.start() else (scale, unit or "m")
    elif suffix in ("km", "kg", "cm", "mm"):
        unit = unit or suffix
    return [Figure(start, m.end(), "number", value + scale, unit)]


def _date(text: str, at: int, stop: int) -> Figure | None:
    """A day with its month starting at ``at`` ("3. März", "Feb. 20"), as one figure."""
    if text[at].isdigit():
        match = None if _glued(text, at) else _DAY_MONTH.match(text, at, stop)
    else:
        match = _MONTH_DAY.match(text, at, stop)
    if match is None or not 1 <= int(match.group("day")) <= 31:
        return None
    month = _MONTH_NUMBERS[match.group("month")]
    return Figure(at, match.end(), "date", f"{month}-{int(match.group('day'))}")


# Between the two ends of a range; "and"/"und" only after "between"/"zwischen".
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|bis)\s*|\s+(?:and|und)\s+")
_BETWEEN = re.compile(r"(?:between|zwischen)\s+$", re.IGNORECASE)


def _ranges(text: str, found: list[Figure]) -> list[Figure]:
    """The figures, each pair that bounds a range knowing the range's span."""
    out = list(found)
    for k in range(len(out) - 1):
        low, high = out[k], out[k + 1]
        if low.sort != "number" or high.sort != "number":
            continue
        join = _RANGE_JOIN.fullmatch(text, low.end, high.start)
        if join is None or (join.group(0).strip() in ("and", "und")
                            and not _BETWEEN.search(text, max(0, low.start - 12), low.start)):
            continue
        span = (low.start, high.end)
        out[k], out[k + 1] = replace(low, span_range=span), replace(high, span_range=span)
    return out


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
        if word is None or word in _MONTHS:
            date = _date(text, at, stop)
            if date is not None:
                found.append(date)
                after = date.end
                continue
        if m.group("abbreviation"):
            continue  # "Jan" without a day
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
    return _ranges(text, found)


def list_label(text: str, figure: Figure, sentence_start: int) -> bool:
    """A list item's number ("4. Fertiggerichte aufpeppen", "2) Einkaufen"): the figure
    opens its sentence, has one or two digits and a full stop or bracket after it."""
    return (figure.start == sentence_start and figure.end - figure.start <= 2
            and text[figure.start].isdigit() and text[figure.end : figure.end + 1] in (".", ")"))
