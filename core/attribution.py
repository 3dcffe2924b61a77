"""Who a quotation is attributed to: the names in its speech tag.

A re-attribution ("Xi Jinping sagte: „…“" → "„…“, zitierte die Nachrichtenagentur
Xinhua") is what an editor must not miss, whether or not the quoted words changed too.
The speech tag is the clause nearest the quotation, in the sentences that hold it, that
has a speech cue ("sagte", "so", "laut", "said", "according to" …). Its speaker is the
capitalised words of that clause, less what names nobody:

- function words ("Der", "Am", "The") and weekdays and months (a "Montag" on both
  sides would hide a changed speaker, one on one side would invent one);
- titles and kinds of source ("Präsident", "Außenminister", "Nachrichtenagentur",
  "spokesman"), which both sides share while the person changes;
- a name governed by a preposition ("sagte zu Putin", "in Peking"): the addressee or a
  place, not the speaker.

Two quotations are re-attributed when both tags name someone and no name is shared, or
when one tag names the speaker and the other makes the speaker anonymous ("sagte ein
Sprecher", "hieß es aus Regierungskreisen", "witnesses told the BBC"). A tag with only a
pronoun or a description ("fügte er hinzu", "sagte der Grünen-Politiker") refers back:
``refers_back`` says so, and the caller names its speaker with ``antecedent`` from the
sentence before, or claims nothing.

May import: the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Speech cues of German and English (the sample languages) and a few of French, Spanish,
# Italian and Dutch. One set for all: a cue of another language is rare in a speech tag.
_CUE = re.compile(
    r"(?:sag|gesagt|erklär|beton|meint|schrieb|schreib|zitier|bericht|meld|warn|forder|"
    r"kritisier|ergänz|bekräftig|versicher|antwort|verkünd|mahn|äußer|unterstrich|füg|"
    r"stellt|räumt|kündig|verwies|verweist|bestätig|sprach)\w*|so|laut|zufolge|hieß|heißt|"
    r"teilte|teilt|"
    r"said|says|say|told|tells|added|adds|wrote|writes|stated|states|according|quoted|"
    r"quoting|explained|explains|stressed|stresses|warned|warns|noted|notes|argued|"
    r"argues|claimed|claims|insisted|insists|asked|replied|announced|reported|reports|"
    r"declared|recalled|continued|concluded|tweeted|posted|confirmed|acknowledged|"
    r"acknowledges|admitted|admits|conceded|concedes|cautioned|cautions|emphasi[sz]ed|"
    r"emphasi[sz]es|remarked|predicted|observed|"
    r"dit|déclaré|selon|affirmé|ajouté|dijo|afirmó|según|detto|secondo|zei|volgens",
)
# Cues that open a sentence, capitalised ("Laut Peskow …", "According to …", "So …"). Any
# other capitalised word is no cue: German nouns ("Bericht", "Antwort") start like verbs.
_OPENING_CUES = _words("laut so zufolge according")
_MARKS = "„“”»«\"‚‘’"
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_INSIDE = re.compile(r"(?:[^\W\d_]|[,;:])\s+([^\W\d_][\w’'-]*)")
# Where a clause ends: punctuation (the quotation marks are handled as regions), but not
# the full stop of a title's abbreviation (``_clauses``).
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]–—]")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
# Titles written as abbreviations ("said Rep. Tom Calder", "sagte Dr. Anna Berg").
_TITLE_ABBREVIATIONS = _words(
    "mr mrs ms dr prof rep sen gov gen lt col sgt capt adm maj cmdr rev hon pres supt insp "
    "det atty amb sec hr fr dipl ing"
)
_NOBODY = _words(
    "der die das den dem des ein eine einer eines einem er sie es wir ich ihr man und oder "
    "aber doch so laut zufolge am im beim vom zum zur the a an he she it they we i you "
    "and or but this that these those his her their its "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april "
    "mai juni juli august september oktober november dezember monday tuesday wednesday "
    "thursday friday saturday sunday january february march june july october december "
    "gestern heute morgen yesterday today tomorrow "
    # English title words and nationalities, capitalised before a name ("Russian Foreign
    # Minister Sergei Lavrov", "Secretary of State"): both sides share them.
    "foreign prime deputy state general defense defence home interior finance russian "
    "ukrainian chinese german french british american us u.s. european israeli "
    "palestinian iranian turkish polish italian spanish japanese indian"
)
# Ends of titles and kinds of source; German compounds end in them ("Außenminister").
_TITLES = (
    "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "sprecher",
    "sprecherin", "chef", "chefin", "direktor", "direktorin", "agentur", "zeitung", "sender",
    "regierung", "sekretär", "sekretärin", "meister", "meisterin", "vorstand", "vorsitzende",
    "vorsitzender", "president", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "chancellor", "leader", "official", "officials", "director", "agency", "newspaper",
    "government", "politiker", "politikerin", "abgeordnete", "abgeordneter", "jährige",
    "jähriger", "experte", "expertin", "analyst", "analystin",
)
# Title endings whose first part names the institution: "Kremlsprecher" speaks for the
# Kreml, "Regierungssprecher" for no one in particular (the part is then no name: it is
# only matched against a plain name of the other side, see ``reattributed``).
_SPEAKS_FOR = ("sprecher", "sprecherin")
_PREPOSITIONS = _words(
    "zu zur zum vom gegenüber an vor in im am bei beim nach auf mit über aus to at in on "
    "before after with about from into told tell tells outside inside near during "
    "außerhalb während"
)
# "sagte ein Sprecher", "said a Republican aide": someone, but nobody named.
_INDEFINITE = _words("ein eine einer einem eines a an")
# "according to Peskov": the name after it is the speaker, not governed by "to".
_OPENS_SPEAKER = _words("according laut")
# Words that open a sentence before its verb and name nobody ("Zudem betonte er").
_ADVERBS = _words(
    "zudem weiter weiters außerdem ferner dann danach dazu darauf daraufhin damit dabei "
    "dafür dagegen später schließlich zuletzt gleichzeitig jedoch dennoch deshalb daher "
    "trotzdem bereits nun jetzt hier dort auch ebenso ebenfalls zuvor zunächst anschließend "
    "allerdings immerhin insbesondere vorher nachher also wörtlich überdies zugleich indes "
    "inzwischen mittlerweile demnach "
    "then later also however still meanwhile yet now here there earlier afterwards "
    "finally moreover furthermore besides instead thus hence indeed"
)
_ARTICLES = _words("der die das den dem des ein eine einer einem eines the a an")
# Pronouns that refer back to a person named just before ("„…“, fügte er hinzu").
_PRONOUNS = _words("er sie he she")
_DEFINITE = _words("der die den dem des the")
# Titles that name an institution, not a person: "die Regierung" refers to nobody before.
_INSTITUTIONS = ("agentur", "zeitung", "sender", "regierung", "vorstand", "agency",
                 "newspaper", "government")
# Unnamed groups as sources; German compounds end in them ("aus Regierungskreisen",
# "Augenzeugen"): someone, but nobody named, like "ein Sprecher".
_COLLECTIVES = ("kreise", "kreisen", "quellen", "zeugen", "beobachter", "insider",
                "informanten", "sources", "witnesses", "insiders", "observers", "officials",
                "aides", "diplomats")


@dataclass(frozen=True, slots=True)
class Speaker:
    """The names of a speech tag (lower-cased) and the span shown for them: the longest
    run of adjacent names, or an anonymous speaker's words ("ein Sprecher")."""

    names: frozenset[str]  # empty for an anonymous speaker ("ein Sprecher")
    span: tuple[int, int]
    # Institutions a title names ("Kremlsprecher" → "kreml"): not the speaker, but the
    # same voice as a plain "der Kreml" on the other side.
    speaks_for: frozenset[str] = frozenset()
    # A pronoun or a description ("er", "der Grünen-Politiker", span = that word): the
    # speaker is someone named before (``antecedent``); alone it claims nothing.
    refers_back: bool = False
    # The tag names an institution ("zitierte die Nachrichtenagentur Xinhua"): no person
    # a later "er" can refer to.
    institution: bool = False


def _clauses(text: str, spans: Sequence[tuple[int, int]],
             regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses of the sentences ``spans``, outside the quotation ``regions``."""
    clauses: list[tuple[int, int]] = []
    for start, end in spans:
        cuts = [start]
        for r_start, r_end in regions:
            if r_start < end and start < r_end:
                cuts.extend((max(r_start, start), min(r_end, end)))
        cuts.append(end)
        # Pairs of cuts bound the text outside quotations; split each at punctuation.
        for k in range(0, len(cuts), 2):
            piece_start, piece_end = cuts[k], cuts[k + 1]
            if piece_start >= piece_end:
                continue
            begin = piece_start
            for mark in _CLAUSE_END.finditer(text, piece_start, piece_end):
                if mark.group(0) == "." and _after_title_abbreviation(text, mark.start()):
                    continue
                clauses.append((begin, mark.start()))
                begin = mark.end()
            clauses.append((begin, piece_end))
    return [c for c in clauses if text[c[0]:c[1]].strip()]


def _after_title_abbreviation(text: str, stop: int) -> bool:
    word = _LAST_WORD.search(text, max(0, stop - 8), stop)
    return word is not None and word.group(1).lower() in _TITLE_ABBREVIATIONS


@lru_cache(maxsize=2)  # the two texts of the comparison at hand
def _word_cases(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words the text writes in lower case, and those it capitalises inside a sentence
    (after a word or a comma: names and German nouns), both lower-cased.

    Cached per text (a str caches its hash, so the lookup is cheap): every quotation of a
    long text asks.
    """
    lower = frozenset(m.group(0) for m in _WORD.finditer(text) if m.group(0).islower())
    inside = frozenset(m.group(1).lower() for m in _INSIDE.finditer(text) if m.group(1)[0].isupper())
    return lower, inside


def _opens_sentence_only(text: str, word: str) -> bool:
    """A sentence's first word that is no name: an adverb ("Zudem", "Later"), or a word
    the text otherwise writes in lower case and never capitalises inside a sentence."""
    lower, inside = _word_cases(text)
    return word in _ADVERBS or (word in lower and word not in inside)


def _is_title(word: str) -> bool:
    # Declined titles count too: "des Ministers", "dem Präsidenten".
    return word in _TITLE_ABBREVIATIONS or word.endswith(_TITLES) or word.rstrip("sn").endswith(_TITLES) or (
        word.endswith("en") and word[:-2].endswith(_TITLES))


def _names(text: str, clause: tuple[int, int],
           first: int) -> tuple[list[tuple[str, int, int]], set[str]]:
    """The capitalised words of a clause that may name a speaker, with their offsets, and
    the institutions its titles speak for.

    ``first`` is where the clause's sentence starts: a sentence's first word is
    capitalised anyway, so "Zudem" and "Weiter" are no names ("Xi" is).
    """
    found: list[tuple[str, int, int]] = []
    speaks_for: set[str] = set()
    governed = False  # inside a phrase a preposition opened ("zu dem Präsidenten Putin")
    words = list(_WORD.finditer(text, clause[0], clause[1]))
    titled = False  # inside a title in quotation marks ("der „Rheinischen Post“")
    for k, match in enumerate(words):
        word = match.group(0)
        lower = word.lower()
        if match.start() > 0 and text[match.start() - 1] in _MARKS:
            titled = True
        if titled:
            titled = match.end() >= len(text) or text[match.end()] not in _MARKS
            continue
        if lower in _PREPOSITIONS:
            governed = not (k > 0 and words[k - 1].group(0).lower() in _OPENS_SPEAKER)
            continue
        if lower in _INDEFINITE:
            governed = True  # "said a Republican aide": nobody named
            continue
        if not word[0].isupper():
            # Articles and adjectives go on with a governed phrase; a verb ends it.
            governed = governed and (lower in _ARTICLES or (
                lower.endswith(("e", "en", "er", "es", "em")) and not _is_cue(word)))
            continue
        if match.start() > 0 and text[match.start() - 1] == "-":
            continue  # the tail of "65-Jährige": no word of its own
        if lower.endswith(_COLLECTIVES):
            continue  # "Augenzeugen": an unnamed group (``_anonymous``), no name
        if _is_title(lower):
            stem = next((lower[: -len(t)] for t in _SPEAKS_FOR if lower.endswith(t)), "")
            if len(stem) >= 3:
                speaks_for.add(stem.rstrip("s") if stem.endswith("ss") else stem)
            continue
        if governed or lower in _NOBODY or lower in _OPENS_SPEAKER:
            continue
        following = words[k + 1].group(0).lower() if k + 1 < len(words) else ""
        if lower.endswith(("s", "e", "en", "er")) and _is_title(following):
            # "Putins Sprecher": whom the speaker works for; "der Deutschen Presse-Agentur":
            # an adjective of the title whom the speaker told. Neither is the speaker.
            continue
        if match.start() == first and _opens_sentence_only(text, lower):
            continue
        found.append((lower, match.start(), match.end()))
    return found, speaks_for


def _headline_tag(text: str, clauses: Sequence[tuple[int, int]],
                  sentences: Sequence[tuple[int, int]],
                  quote: tuple[int, int]) -> tuple[int, int] | None:
    """ "Habeck: „…“": a few words and a colon opening the sentence, right before it."""
    j = quote[0] - 2  # before the opening mark
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    starts = {start + len(text[start:end]) - len(text[start:end].lstrip()) for start, end in sentences}
    for clause in clauses:
        if clause[1] == j and clause[0] in starts and len(text[clause[0]:clause[1]].split()) <= 4:
            return clause
    return None


def find_speaker(text: str, sentences: Sequence[tuple[int, int]],
                 regions: Sequence[tuple[int, int]], quote: tuple[int, int]) -> Speaker | None:
    """The speaker named for the quotation ``quote`` (the quoted words' span).

    ``sentences`` are the spans of the sentences that hold it; ``regions`` are the spans
    of all quotations in them, marks included, which never belong to a speech tag.
    """
    clauses = _clauses(text, sentences, regions)
    tagged = [c for c in clauses if _has_cue(text, c)]
    if tagged:
        nearest = min(tagged, key=lambda c: max(quote[0] - c[1], c[0] - quote[1], 0))
    else:
        headline = _headline_tag(text, clauses, sentences, quote)
        if headline is None:
            return None
        nearest = headline
    first = max(start for start, _ in sentences if start <= nearest[0])
    first += len(text[first:nearest[1]]) - len(text[first:nearest[1]].lstrip())
    names, speaks_for = _names(text, nearest, first)
    if not names:
        return _anonymous(text, nearest) or _referring(text, nearest)
    # The span shown is the longest run of adjacent names ("Pentagon spokesman John Kirby"
    # shows "John Kirby"); all the names count for matching.
    runs: list[list[tuple[str, int, int]]] = []
    for name in names:
        if runs and not text[runs[-1][-1][2] : name[1]].strip(" -"):
            runs[-1].append(name)
        else:
            runs.append([name])
    # On a tie the last: a name follows what describes it ("Africa CDC head Jean Kaseya").
    longest = max(reversed(runs), key=len)
    # The word before the name says what it is: "Nachrichtenagentur Xinhua" (but "sagte
    # Merz der Deutschen Presse-Agentur" is a person, who told an agency).
    before = [w.group(0).lower() for w in _WORD.finditer(text, nearest[0], longest[0][1])]
    institution = bool(before) and _is_institution(before[-1])
    return Speaker(frozenset(n for n, _, _ in names), (longest[0][1], longest[-1][2]),
                   frozenset(speaks_for), institution=institution)


def _anonymous(text: str, clause: tuple[int, int]) -> Speaker | None:
    """A tag that names nobody but someone ("sagte ein Sprecher", "said a Republican
    aide"): an anonymous speaker, spanning the article and the next word."""
    words = list(_WORD.finditer(text, clause[0], clause[1]))
    for k, match in enumerate(words[:-1]):
        if match.group(0).lower() in _INDEFINITE and not (
                k > 0 and words[k - 1].group(0).lower() in _PREPOSITIONS):  # "in a statement"
            last = words[k + 1]
            for word in words[k + 2 : k + 4]:  # "a Republican aide", "ein Sprecher des Amts"
                lower = word.group(0).lower()
                if _CUE.fullmatch(lower) or lower in _PREPOSITIONS:
                    break
                last = word
            return Speaker(frozenset(), (match.start(), last.end()))
    for match in words:
        if match.group(0).lower().endswith(_COLLECTIVES):
            return Speaker(frozenset(), match.span())
    return None


def _person_title(word: str) -> bool:
    tail = word.rsplit("-", 1)[-1]  # "Grünen-Politiker", "65-Jährige"
    return (_is_title(word) or _is_title(tail)) and not _is_institution(word)


def _is_institution(word: str) -> bool:
    return word.rstrip("sn").endswith(_INSTITUTIONS)  # "Regierung", "des Senders"


def _referring(text: str, clause: tuple[int, int]) -> Speaker | None:
    """A tag whose speaker is a pronoun ("fügte er hinzu", "he added") or a description
    after a definite article ("sagte der Grünen-Politiker", "the minister said")."""
    words = list(_WORD.finditer(text, clause[0], clause[1]))
    for k, match in enumerate(words):
        lower = match.group(0).lower()
        if lower in _PRONOUNS:
            return Speaker(frozenset(), match.span(), refers_back=True)
        if lower in _DEFINITE:
            for word in words[k + 1 : k + 3]:  # "der frühere Minister"
                if _person_title(word.group(0).lower()):
                    return Speaker(frozenset(), (match.start(), word.end()), refers_back=True)
    return None


def antecedent(text: str, sentence: tuple[int, int]) -> Speaker | None:
    """The person a sentence introduces with a title ("Wirtschaftsminister Robert Habeck
    hat …", "Chief Constable Stephen Watson said"): the names right after the first person
    title, which a "er" or "der Grünen-Politiker" in the next sentence refers to."""
    words = list(_WORD.finditer(text, sentence[0], sentence[1]))
    for k, match in enumerate(words):
        if not match.group(0)[0].isupper() or not _person_title(match.group(0).lower()):
            continue
        run: list[re.Match[str]] = []
        for word in words[k + 1 :]:
            gap = text[(run[-1] if run else match).end() : word.start()]
            lower = word.group(0).lower()
            if gap.strip() or not word.group(0)[0].isupper() or lower in _NOBODY \
                    or _is_title(lower):
                break
            run.append(word)
        if run:
            return Speaker(frozenset(w.group(0).lower() for w in run),
                           (run[0].start(), run[-1].end()))
    return None


def _is_cue(word: str) -> bool:
    return bool(_CUE.fullmatch(word)) or word.lower() in _OPENING_CUES


def _has_cue(text: str, clause: tuple[int, int]) -> bool:
    return any(_is_cue(m.group(0)) for m in _WORD.finditer(text, clause[0], clause[1]))


def _same_name(x: str, y: str) -> bool:
    # A genitive or a declension ("Kremls", "Xis") is the same name.
    return x == y or (abs(len(x) - len(y)) <= 2 and (x.startswith(y) or y.startswith(x))
                      and min(len(x), len(y)) >= 3)


def reattributed(left: Speaker, right: Speaker) -> bool:
    """The two speech tags name nobody in common (an institution one side's title speaks
    for counts as named: "Kremlsprecher Peskow" and "der Kreml" are one voice); or one
    names the speaker and the other made the speaker anonymous."""
    if not left.names or not right.names:
        return bool(left.names) != bool(right.names)
    return not any(_same_name(x, y)
                   for x in left.names | left.speaks_for for y in right.names | right.speaks_for
                   if not (x in left.speaks_for and y in right.speaks_for))
