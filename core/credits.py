"""Who an article credits (bylines, agencies, sources, contributors), and what a rewrite
kept of it.

Syndicated copy must keep its credit: an editor checks that "Von Anna Chernova" or
"(dpa)" survived the partner's rewrite. Credits sit in text the alignment leaves out
(bylines and source lines are boilerplate) or in sentences that carry no content of the
article ("Bericht von CNN, zu dem … beigetragen haben."), so they are read here on their
own, from each document:

- a byline or source paragraph (boilerplate rules "byline" and "source"), with the bare
  domain or URL right after a bare source label ("Quelle" / "edition.cnn.com");
- a short credit sentence in the first or last paragraphs: a label with "von", "by" or a colon ("Bericht von …",
  "Mitarbeit: …", "Mit Material von …", "Reporting by …", "Foto: …"), "… contributed to
  this report", "Dieser Bericht wurde von … unterstützt.", a copyright line;
- an agency tag in parentheses: "BERLIN (dpa) –", "(AFP/Reuters)".

Names are matched without case, and a domain by its name ("edition.cnn.com" = "CNN").

May import: the standard library and collatio.core.{model,boilerplate}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import boilerplate_rule
from .model import Document, Role

_AGENCY = (r"dpa-AFX|dpa-infocom|dpa|AFP|AP|Reuters|KNA|epd|APA|Keystone-SDA|SDA|dts|sid|SID|"
           r"rtr|AFX|ANSA|EFE|TASS|Xinhua|Bloomberg|Interfax|Agence France-Presse|"
           r"Associated Press|Deutsche Presse-Agentur")
# "(dpa)", "(AFP/Reuters)", "(dpa/lby)": dpa's regional services add a short code.
_AGENCY_TAG = re.compile(rf"\(((?:{_AGENCY})(?:\s*[/,]\s*(?:{_AGENCY}|[a-z]{{2,4}}))*)\)")
_AGENCY_NAME = re.compile(rf"(?<![\w-])(?:{_AGENCY})(?![\w-])")
# A credit line's label, then "von"/"by" or a colon: "Mitarbeit: …", "Bericht von …",
# "Reporting by …", "(Reporting by …; Editing by …)". The label alone is no credit ("Bilder
# zeigen …", "Material aus …"). core.roles imports it: a credit line is no heading.
CREDIT_LABEL = re.compile(
    r"\(?(?:Bericht|Berichterstattung|Mitarbeit|Mit Material|Material|Recherche|Redaktion|"
    r"Texte?|Fotos?|Photos?|Bilder|Bild|Reporting|Additional reporting|Writing|Editing|"
    r"Reported)\s*(?::|\bvon\b|\bby\b)",
    re.IGNORECASE,
)
_CREDIT_SENTENCE = re.compile(
    r"contributed(?: to this (?:report|story)| reporting)\W*\)?$|^(?:©|\(c\)|Copyright\b)|"
    # "Associated Press writers … in Brussels contributed.": a role says who they are.
    r"\b(?:writers?|reporters?|correspondents?|journalists?)\b.*\bcontributed\W*$|"
    # "Dieser Bericht wurde von den CNN-Journalisten … unterstützt.": the report itself.
    r"^(?:Dieser|Diesen|This)\s+(?:Bericht|Artikel|[Rr]eport|[Ss]tory)\b.*\b(?:von|by)\b",
)
# Where the credited names start: after "von"/"by"/":" when the credit has one.
_NAMES_FROM = re.compile(r"\b(?:von|by)\b|:", re.IGNORECASE)
# A name: capitalised words on one line ("By Danica Kirka" and the next line are two).
_NAME_RUN = re.compile(r"[A-ZÄÖÜ][\w.'’-]*(?:[ \t]+[A-ZÄÖÜ][\w.'’-]*)*")
_POSSESSIVE = re.compile(r"['’]s\b")
# Capitalised words of a credit that name nobody.
_CUE_WORDS = frozenset(
    ("Bericht", "Berichterstattung", "Mitarbeit", "Mit", "Material", "Recherche",
     "Redaktion", "Von", "By", "From", "Quelle", "Quellen", "Source", "Sources", "Reporting",
     "Additional", "Writing", "Editing", "Reported", "Via", "Und", "And", "Der", "Die",
     "Das", "The", "Text", "Texte", "Foto", "Fotos", "Photo", "Photos", "Bild", "Bilder",
     "Copyright", "Dieser", "Diese", "Dieses", "This", "These", "Artikel")
)
_PLACE_WORDS = frozenset(("in", "aus", "from", "at"))
# Words that say what someone is, not who ("CNN-Journalisten", "Korrespondentin").
_ROLES = ("journalist", "journalistin", "journalisten", "reporter", "reporterin",
          "korrespondent", "korrespondentin", "korrespondenten", "redakteur", "redakteurin",
          "autor", "autorin", "mitarbeiter", "mitarbeiterin", "writer", "correspondent",
          "correspondents", "journalists", "reporters", "editor")
# Words of a desk before a role ("Staff Reporter", "Senior Political Correspondent",
# "Freie Journalistin"): they say which desk, not who.
_ROLE_QUALIFIERS = frozenset((
    "staff", "senior", "chief", "deputy", "associate", "contributing", "special", "foreign",
    "political", "science", "health", "business", "economics", "sports", "technology", "tech",
    "legal", "diplomatic", "investigative", "national", "international", "global", "european",
    "washington", "white", "house", "managing", "assistant", "executive", "freier", "freie",
    "leitender", "leitende", "stellvertretender", "stellvertretende",
))
_MAX_CREDIT_WORDS = 30  # a credit sentence is short; a long one is an article sentence
_EDGE_PARAGRAPHS = 6  # credit sentences are looked for in this many first and last paragraphs
_AGENCY_ALIASES = {"associated press": "ap", "agence france-presse": "afp",
                   "deutsche presse-agentur": "dpa", "dpa-infocom": "dpa", "dpa-afx": "dpa"}


@dataclass(frozen=True, slots=True)
class Credit:
    span: tuple[int, int]  # the credit as written: a paragraph, a sentence or a tag
    names: tuple[str, ...]  # who is credited, as written ("CNN", "Anna Chernova")


@dataclass(frozen=True, slots=True)
class CreditReport:
    a: tuple[Credit, ...]
    b: tuple[Credit, ...]
    dropped: tuple[str, ...]  # credited in the original, named nowhere in the revision
    added: tuple[str, ...]  # credited in the revision, named nowhere in the original


def name_key(name: str) -> str:
    """How names are matched: without case; a domain by its name ("edition.cnn.com"); an
    agency by its short name ("Associated Press" = "AP")."""
    name = name.strip().lower()
    name = _AGENCY_ALIASES.get(name, name)
    if " " not in name and "." in name:
        labels = [p for p in re.sub(r"^[a-z]+://", "", name).split("/")[0].split(".") if p]
        if len(labels) >= 2:
            return labels[-2]
    return name


def _names(text: str) -> tuple[str, ...]:
    """The names in a credit: runs of capitalised words, less the credit's own words, and
    the agencies however written ("Von Klaus Bergmann, dpa")."""
    names: list[str] = []
    for run in _NAME_RUN.finditer(text):
        before = text[: run.start()].split()
        if before and before[-1] in _PLACE_WORDS:  # "reporting by Jane Doe in London"
            continue
        # "CNN's Peter Wong": the outlet and the reporter.
        for part in _POSSESSIVE.split(run.group(0)):
            words: list[str] = []
            for word in part.split():
                word = word.rstrip(".")
                if word in _CUE_WORDS:
                    continue
                if word.lower().endswith(_ROLES):
                    # "CNN-Journalisten Anna Chernova": the outlet, then the reporter;
                    # "AP Science Writer": the agency, not its desk.
                    outlet = word.rpartition("-")[0]
                    words = [w for w in words if w.lower() not in _ROLE_QUALIFIERS]
                    if words and _AGENCY_NAME.fullmatch(words[0]):
                        words = words[:1]
                    names.extend(n for n in (" ".join(words), outlet) if n)
                    words = []
                    continue
                words.append(word)
            if words:
                names.append(" ".join(words))
    keys = {name_key(n) for n in names}
    for agency in _AGENCY_NAME.finditer(text):
        if name_key(agency.group(0)) not in keys:
            names.append(agency.group(0))
            keys.add(name_key(agency.group(0)))
    return tuple(names)


def _source_names(text: str) -> tuple[str, ...]:
    """"Quelle: dpa" → ("dpa",); a bare label names nobody."""
    _, colon, rest = text.partition(":")
    return tuple(n.strip() for n in re.split(r"[,/;&]| und | and ", rest) if n.strip()) if colon else ()


def document_credits(doc: Document) -> tuple[Credit, ...]:
    """The credits of one document, in text order."""
    found: list[Credit] = []
    paragraphs = doc.paragraphs
    for k, paragraph in enumerate(paragraphs):
        rule: str | None = None
        text = flat = ""
        if paragraph.role is Role.BOILERPLATE:  # only chrome is split into words
            text = doc.text[paragraph.start : paragraph.end]
            flat = " ".join(text.split())
            rule = boilerplate_rule(flat)
        if rule in ("byline", "copyright"):
            # A byline that names no one ("By staff and agencies") is still a credit.
            found.append(Credit((paragraph.start, paragraph.end),
                                _names(text) or (re.sub(r"^(?:by|from|von)\s+", "", flat, flags=re.I),)))
        elif rule == "source":
            names = _source_names(flat)
            following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if not names and following is not None:
                # "Quelle" on its own line, the source itself on the next.
                after = " ".join(doc.text[following.start : following.end].split())
                if boilerplate_rule(after) in ("bare_domain", "bare_url"):
                    found.append(Credit((paragraph.start, following.end), (after,)))
                    continue
            if names:
                found.append(Credit((paragraph.start, paragraph.end), names))
        elif paragraph.role.is_content and (k < _EDGE_PARAGRAPHS
                                            or k >= len(paragraphs) - _EDGE_PARAGRAPHS):
            # Credit sentences open or close an article; looking only there keeps a book
            # from costing a regex search per sentence on the window's thread.
            for sid in paragraph.sentences:
                sentence = doc.sentence(sid)
                if len(sentence.text.split()) <= _MAX_CREDIT_WORDS and (
                        CREDIT_LABEL.match(sentence.text) or _CREDIT_SENTENCE.search(sentence.text)):
                    source = doc.text[sentence.start : sentence.end]
                    # The names follow "von"/"by"/":" ("Dieser Bericht wurde von den
                    # CNN-Journalisten …"); "CNN's Peter Wong contributed …" has none.
                    cut = _NAMES_FROM.search(source)
                    names = _names(source[cut.end():] if cut else source)
                    found.append(Credit((sentence.start, sentence.end), names))
    for tag in _AGENCY_TAG.finditer(doc.text):
        # The agencies, without dpa's regional codes ("lby" in "dpa/lby").
        agencies = tuple(a.strip() for a in re.split(r"[/,]", tag.group(1))
                         if _AGENCY_NAME.fullmatch(a.strip()))
        found.append(Credit((tag.start(), tag.end()), agencies))
    return tuple(sorted((c for c in found if c.names), key=lambda c: c.span))


def _states(folded: str, name: str) -> bool:
    """Whether the (case-folded) text has the name as a whole word or phrase."""
    # Speed trick: str.find (a C scan) and a look at the two neighbours, instead of a
    # word-bounded regex search, which is about ten times slower over a book.
    at = folded.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not folded[at - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
            return True
        at = folded.find(name, at + 1)
    return False


def _unique(names: list[str], leave_out: set[str], other_text: str = "") -> tuple[str, ...]:
    """The names, once each, less those ``leave_out`` holds and those the other text
    names anywhere (a reporter thanked in a sentence of the rewrite is still credited)."""
    seen: set[str] = set()
    kept = []
    folded = other_text.casefold()
    for name in names:
        key = name_key(name)
        if other_text and _states(folded, name.casefold()):
            continue
        if key not in leave_out and key not in seen:
            seen.add(key)
            kept.append(name)
    return tuple(kept)


def credit_lines(report: CreditReport) -> list[tuple[str, str]]:
    """The report in words, (label, names) per line, for the reports and the window;
    nothing when neither side credits anyone."""
    if not (report.a or report.b):
        return []
    def names(credits: tuple[Credit, ...]) -> str:
        return ", ".join(_unique([n for c in credits for n in c.names], set())) or "none"
    lines = [("original", names(report.a)), ("revision", names(report.b))]
    if report.dropped:
        lines.append(("not in the revision", ", ".join(report.dropped)))
    if report.added:
        lines.append(("only in the revision", ", ".join(report.added)))
    return lines


def credit_note(report: CreditReport) -> str:
    """A credit change in a few words for the status line ("" when credits kept): an
    editor checking syndicated copy should not have to open a dock to learn it."""
    parts = []
    if report.dropped:
        parts.append(f"credit dropped: {', '.join(report.dropped)}")
    if report.added:
        parts.append(f"credit added: {', '.join(report.added)}")
    return " · " + "; ".join(parts) if parts else ""


def credit_report(a: Document, b: Document) -> CreditReport:
    """Both documents' credits, and the names one of them credits and the other not."""
    credits_a, credits_b = document_credits(a), document_credits(b)
    names_a = [n for c in credits_a for n in c.names]
    names_b = [n for c in credits_b for n in c.names]
    keys_a = {name_key(n) for n in names_a}
    keys_b = {name_key(n) for n in names_b}
    return CreditReport(credits_a, credits_b, _unique(names_a, keys_b, b.text),
                        _unique(names_b, keys_a, a.text))
