"""HTML pages: the article's main text via trafilatura, site chrome left behind.

trafilatura's XML output keeps the structure (``<head>`` headings, ``<p>``, list
``<item>``s); each becomes one paragraph, separated by blank lines, with headings
recorded as heading spans and the page title (from metadata) as the title span; list
items and table cells are recorded as body spans (short, yet no headings).
If main-text extraction finds nothing (very short pages), the whole page text is used.
trafilatura drops the byline ("By LORNE COOKSON / Associated Press") as metadata; an editor
checks credits, so the page's own byline element is put back under the title
(``_byline``), where the byline rule of core.boilerplate dims it.

May import: the standard library, lxml, trafilatura and collatio.core.formats.{base,plain}.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .base import BlockWriter, Extracted, FormatError
from .plain import decode

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BLOCK_TAGS = {"head", "p", "item", "quote", "cell", "code"}


def _decode_html(data: bytes) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(name), name.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    return decode(data)


def _text_of(element: etree._Element) -> str:
    """The element's text; a <br> (trafilatura's <lb/>) stays a line break."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        pieces.append("\n" if node.tag == "lb" else (node.text or ""))
        for child in node:
            walk(child)
            pieces.append(child.tail or "")

    walk(element)
    lines = "".join(pieces).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


# The byline element of a news page: class "byline" (AP, Reuters, most CMSs), or an
# author link/element inside the article.
_BYLINE_XPATH = (
    "//*[self::article or self::main or self::body]//*["
    "contains(concat(' ', normalize-space(@class), ' '), ' byline ') or "
    "contains(@class, 'byline') or @itemprop='author' or @rel='author' or "
    "contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
)


def _byline(page: str) -> str:
    """The text of the page's first byline element, its <br>s as line breaks ("" if none,
    or if it is long: then it is no byline)."""
    try:
        tree = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    for element in tree.xpath(_BYLINE_XPATH):
        for br in element.iter("br"):
            br.tail = "\n" + (br.tail or "")
        lines = [" ".join(line.split()) for line in element.text_content().split("\n")]
        text = "\n".join(line for line in lines if line)
        if text and len(text) <= 200:
            return text
    return ""


def _has_block_child(element: etree._Element) -> bool:
    return any(child.tag in _BLOCK_TAGS for child in element.iterdescendants())


def extract(data: bytes) -> Extracted:
    page, encoding = _decode_html(data)
    if not page.strip():
        raise FormatError("file is empty")
    xml = trafilatura.extract(
        page, output_format="xml", with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, include_links=False, deduplicate=False,
    )
    writer = BlockWriter()
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        title = " ".join((root.get("title") or "").split())
        main = root.find("main")
        blocks = [] if main is None else [
            el for el in main.iter() if el.tag in _BLOCK_TAGS and not _has_block_child(el)
        ]
        texts = [_text_of(el) for el in blocks]
        if title and (not texts or texts[0] != title):
            writer.add(title, title=True)
        byline = _byline(page)
        if byline and " ".join(byline.split()) in " ".join(" ".join(texts).split()):
            byline = ""  # trafilatura kept it
        # Under the title, where the page shows it: after the first block if that is it.
        byline_at = 1 if title and texts and texts[0] == title else 0
        for k, (el, text) in enumerate(zip(blocks, texts, strict=True)):
            if byline and k == byline_at:
                writer.add(byline)
            writer.add(text, heading=el.tag == "head", title=bool(title) and text == title,
                       body=el.tag in ("item", "cell"))
    else:
        fallback = trafilatura.html2txt(page) or ""
        for block in re.split(r"\n\s*\n|\n", fallback):
            writer.add(block)
    result = writer.result(encoding)
    if not result.text.strip():
        raise FormatError("no readable text found in the HTML page")
    return result
