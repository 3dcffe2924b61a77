"""What every format module returns, and the one error they raise.

May import: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass


class FormatError(Exception):
    """The bytes cannot be read as the format; ``str()`` is a short reason."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """Decoded text with ``\\n`` line ends and blank lines between paragraphs.

    ``heading_spans`` are (start, end) offsets into ``text`` of paragraphs the source
    marked as headings (HTML <h2>, a DOCX heading style, a Markdown ``#`` line);
    ``title_span`` the document title if the source marked one; ``body_spans``
    paragraphs the source marked as list items or table cells, which are body text
    however short ("Milch", "Preis").
    """

    text: str
    encoding: str
    heading_spans: tuple[tuple[int, int], ...] = ()
    title_span: tuple[int, int] | None = None
    body_spans: tuple[tuple[int, int], ...] = ()


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that offsets count one character per line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class BlockWriter:
    """Joins paragraphs with blank lines and remembers where headings landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.headings: list[tuple[int, int]] = []
        self.title: tuple[int, int] | None = None
        self.body: list[tuple[int, int]] = []

    def add(self, text: str, *, heading: bool = False, title: bool = False,
            body: bool = False) -> None:
        text = normalise_newlines(text).strip()
        if not text:
            return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        span = (self._length, self._length + len(text))
        self._parts.append(text)
        self._length += len(text)
        if title and self.title is None:
            self.title = span
        elif heading or title:
            self.headings.append(span)
        elif body:
            self.body.append(span)

    def result(self, encoding: str) -> Extracted:
        return Extracted("".join(self._parts), encoding, tuple(self.headings), self.title,
                         tuple(self.body))
