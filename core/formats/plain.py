"""Plain text and Markdown in any common encoding.

Decoding: a BOM decides (UTF-8/16/32); else UTF-16 if NULs fill every other byte;
else strict UTF-8; else charset-normalizer's
best guess. Bytes that are *mostly* valid UTF-8 but contain invalid sequences are
refused rather than guessed as a single-byte code page, which would turn every umlaut
into mojibake. Line ends are normalised to ``\\n`` (see base.normalise_newlines): the
view shows this decoded text and every offset points into it.

May import: the standard library, charset_normalizer and collatio.core.formats.base.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .base import Extracted, FormatError, normalise_newlines

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, line ends and form feed: text files have (almost) none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" if NULs fill every other byte, as in Latin-script UTF-16."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of ``data``; FormatError if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise FormatError(f"has a {encoding} byte-order mark but invalid bytes at {exc.start}") from exc
    guessed = _utf16_without_bom(data)
    if guessed:
        try:
            return data.decode(guessed), guessed
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: let the checks below decide
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if len(_UTF8_MULTIBYTE.findall(data)) >= 3 and b"\x00" not in data:
            raise FormatError(f"is not valid UTF-8 (undecodable byte at {exc.start}) and mixes encodings") from exc
        best = from_bytes(data).best()
        if best is None:
            raise FormatError("looks like a binary file, not text (no text encoding fits)") from exc
        text, encoding = str(best), best.encoding
    if len(_CONTROL.findall(text[:65536])) > max(2, len(text[:65536]) // 200):
        raise FormatError("looks like a binary file, not text (control characters)")
    return text, encoding


def markdown_headings(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the words of ATX headings ("## Words"), markers excluded."""
    return tuple((m.start(2), m.end(2)) for m in _ATX_HEADING.finditer(text))


def extract(data: bytes, *, markdown: bool = False) -> Extracted:
    text, encoding = decode(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise FormatError("file is empty (only white space)")
    headings = markdown_headings(text) if markdown else ()
    return Extracted(text, encoding, headings)
