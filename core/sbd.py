"""pysbd's rules, run without its regex recompilation and without shared state.

pysbd (0.3.x) is the rule engine behind collatio.core.sentences. Used as documented
(``Segmenter(...).segment(text)``) it has two costs and one bug:

* it builds regular expressions from strings on every call (one per abbreviation found
  in the text, one per sentence found) and hands them to ``re.sub``/``re.finditer``;
  there are more distinct patterns than ``re``'s 512-entry cache holds, so the cache
  thrashes and about half of the splitting time went to compiling patterns;
* ``Segmenter.segment`` locates each sentence in the text with a fresh
  ``re.finditer(re.escape(sentence))`` scan from the start (quadratic per paragraph);
* ``Segmenter.segment`` keeps the text on the instance (``self.original_text``), so a
  segmenter shared by threads splits one thread's text against another's.

``split`` runs pysbd's own ``Processor`` (the part that holds the rules; a new one per
call, so nothing is shared between threads) and then does what
``Segmenter.sentences_with_char_spans`` does, with ``str.find`` instead of a regex,
giving the same pieces. ``install_pattern_cache`` gives pysbd's modules a stand-in for
``re`` whose functions compile each pattern once (a plain dict: the patterns pysbd
builds come from its abbreviation lists and the text's case variants of them, so
there are a few thousand at most; the dict is emptied if it ever grows past a bound).
Pattern semantics are untouched: the same pattern strings and flags are compiled by
``re`` itself. The stand-in also skips passes that cannot match: with each pattern it
keeps a run of characters every match holds (read from the parsed pattern,
``required_text``), and a text without that run gets the no-match answer at once;
most of pysbd's ~600 passes per call are skipped so (tests/core/test_perf_regex_needle.py
checks the reading against ``re`` on generated patterns).

May import: the standard library (including ``re._parser``/``re._constants``, the
parser behind ``re.compile``, to read patterns) and pysbd.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pysbd
import pysbd.processor
from pysbd.lang.deutsch import Deutsch
from pysbd.languages import Language

_LANGUAGES = ("de", "en", "fr", "es", "it", "nl")
_MAX_PATTERNS = 20_000
# White space other than " ", "\r" and "\n", or a character that re.IGNORECASE matches
# to a letter of pysbd's German abbreviations although it does not lower-case to it
# (found by trying every code point against every letter; tests/core/test_perf_sentences.py
# re-checks). "\r" and "\n" are allowed: pysbd's list rules put "\r" between list
# items before the abbreviation scan, and the pattern names both.
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_ODD_TEXT = re.compile(r"[^\S \r\n]|[İıſ]")
# "\r" and "\n" read as " " (same length) for the str.find scan of _word_starts.
_AS_SPACE = str.maketrans("\r\n", "  ")


def _literal_runs(items: Any, flags: int, out: list[str]) -> None:
    """Append to ``out`` the runs of literal characters every match of ``items`` holds.

    ``items`` is a parsed regular expression (``re._parser``). Only parts that every
    match must pass through are read: the top-level sequence, groups, repeats of at
    least one, atomic groups and positive look-arounds (whose characters are in the
    text too), and of alternatives a run that each of them holds. Optional parts,
    classes and negative look-arounds are passed over, and so is anything matched
    case-insensitively.
    """
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append("".join(run))
            run = []
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not (flags | add_flags) & re.IGNORECASE:
                _literal_runs(sub.data, flags | add_flags, out)
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                _literal_runs(sub.data, flags, out)
        elif op is _c.ASSERT:  # positive look-ahead or look-behind (ASSERT_NOT is apart)
            _direction, sub = av
            _literal_runs(sub.data, flags, out)
        elif op is _c.ATOMIC_GROUP:
            _literal_runs(av.data, flags, out)
        elif op is _c.BRANCH:  # a run that every alternative holds
            _none, alternatives = av
            held: list[set[str]] = []
            for alternative in alternatives:
                runs: list[str] = []
                _literal_runs(alternative.data, flags, runs)
                held.append(set(runs))
            out.extend(sorted(set.intersection(*held)) if held else ())
    if run:
        out.append("".join(run))


def required_text(pattern: str, flags: int = 0) -> str:
    """The longest run of characters every match of ``pattern`` holds ("" if none found)."""
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    runs: list[str] = []
    _literal_runs(parsed.data, parsed.state.flags, runs)
    return max(runs, key=len, default="")


class _CachedRe:
    """The parts of ``re`` that pysbd calls, compiling each (pattern, flags) once.

    Speed trick: most of pysbd's ~600 passes per call cannot match the text at all,
    and a pass that cannot match still scans it. With each pattern is kept the longest
    run of characters every match holds (``required_text``: "Januar" in
    ``(?<=\\d)\\.(?=\\s*Januar)``, the abbreviation in the patterns built per
    abbreviation); when the text does not contain it, the answer of a pass is known
    without running it (``sub`` gives the text back, ``search`` None, ``findall`` []),
    and ``str.__contains__`` answers that far faster than a regex scan.
    """

    def __init__(self) -> None:
        self._patterns: dict[tuple[str | bytes, int], tuple[re.Pattern[Any], str]] = {}

    def _entry(self, pattern: str | re.Pattern[Any], flags: int | re.RegexFlag = 0) -> tuple[re.Pattern[Any], str]:
        # Hot path (~600 lookups per pysbd call): one dict probe. A RegexFlag hashes and
        # compares like its int, and "a" differs from b"a", so the key needs no
        # conversion; compiled patterns passed in are never stored, so never found.
        found = self._patterns.get((pattern, flags))  # type: ignore[arg-type]
        if found is not None:
            return found
        if isinstance(pattern, re.Pattern):
            return (pattern if not flags else re.compile(pattern, flags)), ""  # re raises as usual
        if len(self._patterns) >= _MAX_PATTERNS:
            self._patterns.clear()
        compiled = re.compile(pattern, flags)
        needle = required_text(pattern, int(flags)) if isinstance(pattern, str) else ""
        found = self._patterns[(pattern, flags)] = (compiled, needle)
        return found

    def _compile(self, pattern: str | re.Pattern[Any], flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:
        return self._entry(pattern, flags)[0]

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[Any]:
        return self._compile(pattern, flags)

    def sub(self, pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        # The hottest call (~600 per pysbd call, most skipped): _entry's probe inlined.
        compiled, needle = self._patterns.get((pattern, flags)) or self._entry(pattern, flags)
        if needle and type(string) is str and needle not in string:
            return string  # no match possible: what Pattern.sub returns then
        result: str = compiled.sub(repl, string, count)
        return result

    def subn(self, pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
        compiled, needle = self._entry(pattern, flags)
        if needle and type(string) is str and needle not in string:
            return string, 0
        return compiled.subn(repl, string, count)

    def search(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        compiled, needle = self._entry(pattern, flags)
        if needle and type(string) is str and needle not in string:
            return None
        return compiled.search(string)

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        compiled, needle = self._entry(pattern, flags)
        if needle and type(string) is str and needle not in string:
            return None
        return compiled.match(string)

    def fullmatch(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        compiled, needle = self._entry(pattern, flags)
        if needle and type(string) is str and needle not in string:
            return None
        return compiled.fullmatch(string)

    def findall(self, pattern: str, string: str, flags: int = 0) -> list[Any]:
        compiled, needle = self._entry(pattern, flags)
        if needle and type(string) is str and needle not in string:
            return []
        return compiled.findall(string)

    def finditer(self, pattern: str, string: str, flags: int = 0) -> Any:
        return self._compile(pattern, flags).finditer(string)

    def split(self, pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return self._compile(pattern, flags).split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:  # escape, IGNORECASE, Pattern, ...
        return getattr(re, name)


_CACHED_RE = _CachedRe()
_install_lock = threading.Lock()
_installed = False


def install_pattern_cache() -> None:
    """Point every loaded pysbd module's ``re`` at the compiling-once stand-in."""
    global _installed
    with _install_lock:
        if _installed:
            return
        for name, module in list(sys.modules.items()):
            ours = name == "pysbd" or name.startswith("pysbd.")
            if ours and isinstance(module, ModuleType) and getattr(module, "re", None) is re:
                module.re = _CACHED_RE  # type: ignore[attr-defined]
        _installed = True


class _Deutsch(Deutsch):  # type: ignore[misc]
    """pysbd's German rules, with the abbreviation scan made linear.

    ``search_for_abbreviations_in_string`` runs one substitution over the whole text for
    every *occurrence* of every abbreviation; one-letter abbreviations ("v", "x", "ä")
    start a word every few lines, so a long paragraph cost quadratic time (a 77k-char
    paragraph of the DEplain corpus: seconds). The German substitution depends only on
    the occurrence's text (``am``), not on its index, and only turns "." into "∯", so
    applying it again for an ``am`` already applied changes nothing: each distinct
    ``am`` is applied once, in order of first occurrence. The German
    ``scan_for_replacements`` ignores the next-character array, so it is not built.
    """

    class AbbreviationReplacer(Deutsch.AbbreviationReplacer):  # type: ignore[misc]
        def search_for_abbreviations_in_string(self, text: str) -> str:
            lowered = text.lower()
            # When the only white space is " ", "\r" or "\n" and no character matches
            # a letter case-insensitively without lowering to it (İ, ı, ſ), pysbd's
            # case-insensitive "(?:^|\s|\r|\n)abbr" search for a letters-only
            # abbreviation finds exactly the places where " " + abbr occurs in " " +
            # lowered with "\r" and "\n" read as " ": found with str.find instead of
            # ~150 regex scans per paragraph. Replacements only turn "." into "∯"
            # (same length, not a letter), so the places hold.
            spaced = "" if _ODD_TEXT.search(text) else " " + lowered.translate(_AS_SPACE)
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered:
                    continue
                if spaced and "." not in stripped:
                    found = _word_starts(text, spaced, stripped)
                else:
                    found = _CACHED_RE.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                for am in dict.fromkeys(found):
                    text = self.scan_for_replacements(text, am, 0, [])
            return text


def _word_starts(text: str, spaced: str, abbr: str) -> list[str]:
    r"""``re.findall(r"(?:^|\s|\r|\n)" + abbr, text, re.IGNORECASE)`` for a letters-only
    ``abbr``, where ``spaced`` is " " + text.lower() with "\r" and "\n" made " ", and
    those three are the only white space."""
    found: list[str] = []
    needle, n = " " + abbr, len(abbr)
    at = spaced.find(needle)
    while at >= 0:
        # spaced[at] is the white space before the word: text[at - 1] (" ", "\r" or
        # "\n", returned as it is in the text), or the start of text.
        found.append(text[:n] if at == 0 else text[at - 1 : at + n])
        at = spaced.find(needle, at + 1 + n)  # matches cannot overlap: no space in abbr
    return found


def _processor(language: str) -> Callable[[str], Any]:
    lang = _Deutsch if language == "de" else Language.get_language_code(
        language if language in _LANGUAGES else "en"
    )
    cls = getattr(lang, "Processor", pysbd.processor.Processor)
    return lambda text: cls(text, lang, char_span=False)


def _locate(text: str, sentences: list[str]) -> list[str]:
    """``Segmenter.sentences_with_char_spans`` without a regex per sentence.

    Each sentence is looked for as ``re.finditer(escape(s) + r"\\s*")`` would find it:
    non-overlapping occurrences from the start of the text; the first whose end
    (trailing white space included) lies past the previous sentence's end is taken.
    """
    pieces: list[str] = []
    prior_end = 0
    n = len(text)
    for sentence in sentences:
        pos = 0
        while pos <= n:
            found = text.find(sentence, pos)
            if found < 0:
                break
            end = found + len(sentence)
            while end < n and text[end].isspace():
                end += 1
            if end > prior_end:
                pieces.append(text[found:end])
                prior_end = end
                break
            pos = end if end > found else found + 1
    return pieces


def split(text: str, language: str) -> list[str]:
    """What ``pysbd.Segmenter(language, clean=False).segment(text)`` returns."""
    install_pattern_cache()
    if not text:
        return []
    sentences = _processor(language)(text).process()
    return _locate(text, list(sentences))
