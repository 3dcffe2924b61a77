"""Site chrome recognised by rules: one table, each rule with a name and examples.

A rule looks at the whole normalised text of one paragraph (or one line) and says
whether it is chrome: an ad marker, a bare URL, a button label, a "related articles"
header, a source block, a breadcrumb, a share bar, a byline, a dateline, a cookie
notice. Rules match whole short paragraphs only, never a phrase inside prose, so a
body paragraph cannot become boilerplate by containing "Anzeige" or a URL.

Credit lines written as a sentence ("Bericht von CNN, zu dem Anna Chernova … beigetragen
haben.") are deliberately NOT boilerplate: whether a rewrite kept the attribution is
what an editor checks, so they stay body text and take part in the alignment.

To add a rule: append a ``Rule`` with examples that must match and near misses that
must not; tests/core/test_roles.py runs every example of the table.

May import: the standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    matches: Callable[[str], bool]
    examples: tuple[str, ...]  # chrome this rule must recognise
    near_misses: tuple[str, ...] = ()  # content it must leave alone
    # True if such a line is chrome even inside a block of lines (no blank line around),
    # so the paragraph splitter gives it a paragraph of its own.
    standalone_line: bool = True


def _full(pattern: str) -> Callable[[str], bool]:
    """Case-insensitive match of the whole text, trailing ":"/dashes/spaces tolerated."""
    regex = re.compile(rf"(?:{pattern})[\s:–—-]*", re.IGNORECASE)

    def matches(text: str) -> bool:
        return regex.fullmatch(text.strip()) is not None

    return matches


def _short(pattern: str, max_words: int) -> Callable[[str], bool]:
    """A short paragraph (no sentence end) that matches ``pattern`` from its start."""
    regex = re.compile(pattern, re.IGNORECASE)

    def matches(text: str) -> bool:
        text = text.strip()
        # Speed trick: the anchored regex first, as it fails at once on most text; the
        # word count (which splits the whole text) only after it. Same result.
        return (
            regex.match(text) is not None
            and len(text.split()) <= max_words
            and not re.search(r"[.!?]$", text)
        )

    return matches


_URL = r"(?:https?://|www\.)[^\s]+"
# No spaces, a path or domain character inside: what a URL wrapped at the margin leaves
# on the next line ("ters/index.html").
_URL_CHARS = r"[\w\-.~%/?#=&+:;,@!$*()'\[\]]"
_URL_TAIL = rf"{_URL_CHARS}*(?:/|\.\w|[?=&]){_URL_CHARS}*"
_URL_BLOCK = rf"{_URL}(?:\s+(?:{_URL}|{_URL_TAIL}))*"
_TLD = r"(?:com|org|net|de|at|ch|eu|uk|fr|it|es|nl|be|info|io|news|tv|fm|co|us|int|gov|edu)"
_DOMAIN = rf"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+{_TLD}(?:/[^\s]*)?"
_CAP_WORD = r"[A-ZÄÖÜ][a-zäöüß]+"
_MONTHS = (
    r"(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|mär(?:z)?|mar(?:ch)?|apr(?:il)?|mai|may|juni?|june|"
    r"juli?|july|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dez(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.?\s{_MONTHS}\s\d{{4}}"
    rf"|{_MONTHS}\s\d{{1,2}},?\s\d{{4}})"
)
_WEEKDAY = (
    r"(?:mo(?:ntag|n(?:day)?)?|di(?:enstag)?|tue(?:s(?:day)?)?|mi(?:ttwoch)?|wed(?:nesday)?|do(?:nnerstag)?"
    r"|thu(?:rs(?:day)?)?|fr(?:eitag|i(?:day)?)?|sa(?:mstag|t(?:urday)?)?|so(?:nntag)?|sun(?:day)?)"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s?(?:uhr|am|pm|h))?(?:\s?(?:mez|mesz|cet|utc|gmt|et|edt|est))?)"
_SHARE_WORD = (
    r"(?:teilen|drucken|share|print|e-?mail|mail|twitter|x|facebook|whatsapp|linkedin|telegram|"
    r"reddit|pinterest|threads|bluesky|kommentare|comments|speichern|save|merken|link kopieren|copy link)"
)


def _run_together_breadcrumb(text: str) -> bool:
    """Capitalised words glued without spaces ("AußenpolitikRusslandUkraine")."""
    return re.fullmatch(rf"(?:{_CAP_WORD}){{3,}}", text.strip()) is not None


_BREADCRUMB_MARKS = "›>|»/"


def _separated_breadcrumb(text: str) -> bool:
    """Short items joined by › > | » / ("Home › Politik › Ausland")."""
    # Speed trick: three items need two separators, and each separator holds one of
    # these characters, so text with fewer than two of them is never a breadcrumb;
    # counting them is far cheaper than the split.
    if sum(map(text.count, _BREADCRUMB_MARKS)) < 2:
        return False
    parts = [p.strip() for p in re.split(r"\s+[›>|»/]\s+|\s*[›»]\s*", text.strip())]
    return (
        len(parts) >= 3
        and all(p and len(p.split()) <= 4 and not re.search(r"[.!?,;]$", p) for p in parts)
    )


# Bylines that name no one: "By staff and agencies", "From staff reports", "Von
# unseren Korrespondenten".
_NAMELESS_BYLINE = re.compile(
    r"(?:by|from|von)\s+(?:(?:our|the|unseren|unserer)\s+)?(?:staff|wire|agencies|agenturen|"
    r"korrespondent\w*|redaktion)(?:\s+(?:and|und|&)\s+(?:agencies|wire reports|agenturen))?"
    r"(?:\s+(?:reports|writers?|reporters?))?",
    re.IGNORECASE,
)


def _byline(text: str) -> bool:
    """ "Von Max Muster", "By Jane Doe and John Roe, CNN": capitalised names only; or a
    byline that names no one ("By staff and agencies")."""
    if _NAMELESS_BYLINE.fullmatch(text.strip()):
        return True
    name = r"[A-ZÄÖÜ][\w.'’-]+"
    names = rf"{name}(?:\s+{name})+"
    pattern = rf"(?:[Vv]on|[Bb]y|VON|BY)\s+{names}(?:\s*(?:,|und|and|&)\s*{names})*(?:\s*[,|/]\s*[\w .-]{{2,30}})?"
    # Case-sensitive on purpose: names are capitalised, "von Moskau aus gesehen" is not.
    return len(text.split()) <= 12 and re.fullmatch(pattern, text.strip()) is not None


RULES: tuple[Rule, ...] = (
    Rule(
        "ad_marker",
        _full(r"(?:kurze\s+)?werbeeinblendung|anzeige|werbung|advertisement|advertising|sponsored(?:\s+content)?"
              r"|gesponsert|ad|promotion|story continues below(?: this)? advertisement"
              r"|(?:der\s+)?artikel (?:wird\s+)?(?:nach|unter) der anzeige (?:fortgesetzt|weiter)"
              r"|weiter nach der anzeige|continue reading below"),
        ("Kurze Werbeeinblendung", "Anzeige", "Werbung", "Advertisement", "ADVERTISEMENT",
         "Story continues below advertisement", "Weiter nach der Anzeige"),
        ("Er erstattete Anzeige.", "Werbung für Tabak wird verboten"),
    ),
    Rule(
        "bare_url",
        _full(_URL_BLOCK),
        ("https://www.cnn.com/2025/02/19/politics/putin-trump/index.html", "www.example.org/a",
         "https://a.example/x https://b.example/y",
         "https://www.cnn.com/2025/02/19/politics/putin-trump-ukraine-war-what-mat ters/index.html"),
        ("Mehr unter https://example.org finden Sie Details.",),
    ),
    Rule(
        "bare_domain",
        _full(_DOMAIN),
        ("edition.cnn.com", "tagesschau.de", "www-example.co"),
        ("Tagesschau.de berichtete zuerst darüber.", "z.B."),
    ),
    Rule(
        "navigation",
        _full(r"schaltfläche\b.*|button\b.*|(?:zurück\s+)?(?:zum|nach)\s+(?:anfang|oben|seitenanfang)"
              r"|nach oben|back to top|scroll to top|top of page|skip to (?:main )?content"
              r"|zum inhalt springen|menü|menu|startseite|home|suche|search|navigation"
              r"|(?:newsletter|jetzt) (?:abonnieren|bestellen)|subscribe(?: now)?|sign up(?: now)?"
              r"|anmelden|log ?in|einloggen|zur startseite|mehr anzeigen|show more|weiterlesen|mehr lesen"),
        ('Schaltfläche "Zurück zum Anfang"', "Zurück zum Anfang", "Back to top", "Nach oben",
         "Newsletter abonnieren", "Menü"),
        ("Nach oben hin ist die Skala offen.", "Zurück zum Anfang des Konflikts"),
    ),
    Rule(
        "related",
        _short(r"(?:ähnliche artikel|verwandte artikel|weitere artikel|mehr zum thema|mehr zu diesem thema"
               r"|lesen sie auch|auch interessant|das könnte sie (?:auch )?interessieren|empfohlene artikel"
               r"|related(?: articles| stories| content| coverage)?|read more|more on this(?: story| topic)?"
               r"|you may also like|recommended(?: for you| stories)?|more from|most read|meistgelesen)\b",
               max_words=14),
        ("Ähnliche Artikel", "Related articles", "Mehr zum Thema", "Read more",
         "Lesen Sie auch: Was Putin wirklich will", "More on this story"),
        ("Read more carefully, the contract says otherwise.", "Mehr zum Thema Frieden sagte er nicht."),
    ),
    Rule(
        "source",
        _full(r"details zur meldung|quelle|quellen|source|sources|(?:quelle|source|via)\s*:\s*[^.!?]{1,60}"),
        ("Details zur Meldung", "Quelle", "Quelle: dpa", "Source: Reuters"),
        ("Quelle der Unruhe war ein Streit.",),
    ),
    Rule(
        "share_print",
        _full(rf"{_SHARE_WORD}(?:\s*[|·•/,]?\s*{_SHARE_WORD})*"),
        ("Teilen", "Drucken", "Share", "Print", "Teilen | Drucken | E-Mail", "Facebook Twitter WhatsApp"),
        ("Teilen Sie diese Meinung?", "Print media is in decline."),
    ),
    Rule(
        "breadcrumb",
        lambda t: _run_together_breadcrumb(t) or _separated_breadcrumb(t),
        ("AußenpolitikAußenpolitikRusslandUkraine", "Home › Politik › Ausland",
         "News | World | Europe", "Startseite > Politik > Ausland"),
        ("Russland-Ukraine", "Fazit und Ausblick", "McDonald", "Kosten > Nutzen > Risiko, sagte er."),
    ),
    Rule(
        "byline",
        _byline,
        ("Von Max Muster", "By Jane Doe and John Roe, CNN", "Von Anna Chernova und Ivana Kottasová",
         "By staff and agencies", "From staff reports", "Von unseren Korrespondenten"),
        ("Von Moskau aus gesehen ist das anders.", "By the way, this is content.",
         "Bericht von CNN, zu dem Anna Chernova und Ivana Kottasová beigetragen haben."),
        standalone_line=False,
    ),
    Rule(
        "dateline",
        _full(rf"(?:(?:stand|aktualisiert|veröffentlicht|updated|published|erstellt)(?:\s+am)?\s*:?\s*)?"
              rf"(?:{_TIME}\s*[,|·]?\s*)?(?:{_WEEKDAY}\.?,?\s+)?{_DATE}(?:\s*(?:,|\||um|at|-|–)?\s*{_TIME})?"),
        ("24.02.2025", "Stand: 24.02.2025, 14:30 Uhr", "Updated: February 24, 2025",
         "Montag, 24. Februar 2025", "2025-02-24 10:15", "Updated 6:10 AM EST, Mon February 24, 2025"),
        ("Am 24.02.2025 telefonierten Xi und Putin.", "Seit 24. Februar 2025"),
        standalone_line=False,
    ),
    Rule(
        "copyright",
        # dpa's closing line carries a story id ("dpa:240312-99-123456/3"), no figures.
        _full(r"(?:©|\(c\)|copyright\b)[^.!?]{0,100}"),
        ("© dpa-infocom, dpa:240312-99-123456/3", "© 2025 Der Spiegel", "Copyright Reuters 2025",
         "(c) AFP"),
        ("Copyright law protects the authors.", "Das Copyright liegt beim Verlag. Er klagt."),
    ),
    Rule(
        "cookie_notice",
        _short(r"(?:wir verwenden cookies|diese (?:web)?seite verwendet cookies|we use cookies"
               r"|this (?:web)?site uses cookies|cookie-einstellungen|cookie settings|alle akzeptieren"
               r"|accept all(?: cookies)?|reject all|alle ablehnen)", max_words=80),
        ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten", "Accept all cookies"),
        ("Die EU will Cookie-Banner abschaffen.",),
    ),
)


_MAX_CHARS = 600  # a paragraph longer than this (white space collapsed) is never chrome


def boilerplate_rule(text: str) -> str | None:
    """Name of the first rule that calls ``text`` (a paragraph or line) chrome, else None."""
    # Speed trick: more than 300 words join to more than 600 characters, so a long
    # paragraph is turned down after splitting off its first 301 words instead of all
    # of them; with fewer words the split is the same as a full one.
    words = text.split(None, _MAX_CHARS // 2)
    if len(words) > _MAX_CHARS // 2:
        return None
    text = " ".join(words)
    if not text or len(text) > _MAX_CHARS:
        return None
    for rule in RULES:
        if rule.matches(text):
            return rule.name
    return None


def is_standalone_chrome_line(line: str) -> bool:
    """A line that is chrome on its own even when no blank line separates it."""
    line = " ".join(line.split())
    return bool(line) and any(rule.standalone_line and rule.matches(line) for rule in RULES)


def is_url_line(line: str) -> bool:
    """A line that is nothing but one or more URLs: never joined to its neighbours."""
    return re.fullmatch(rf"{_URL}(?:\s+{_URL})*", line.strip()) is not None


def is_url_tail(line: str) -> bool:
    """The rest of a URL wrapped onto the next line: no spaces, a path or domain inside."""
    return re.fullmatch(_URL_TAIL, line.strip()) is not None
