"""Give each paragraph a role: title, heading, body, boilerplate or duplicate.

Roles never delete text: boilerplate and duplicates stay in the document, dimmed in the
view and left out of alignment and statistics unless the user includes them.

May import: the standard library and collatio.core.{model,normalise}.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Role

_TERMINAL = re.compile(r"[.!?:;,…][\"'”“»«›‹’)\]]*$")
HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120


def is_heading_like(text: str) -> bool:
    """Short and without sentence-final punctuation."""
    words = text.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and len(text) <= HEADING_MAX_CHARS
        and not _TERMINAL.search(text)
    )


def assign_roles(texts: Sequence[str]) -> list[Role]:
    """Roles for paragraphs given their normalised texts, in document order."""
    roles = [Role.BODY] * len(texts)
    seen_body = False
    have_title = False
    for i, text in enumerate(texts):
        if roles[i] is not Role.BODY:
            continue
        if is_heading_like(text):
            if not have_title and not seen_body:
                roles[i] = Role.TITLE
                have_title = True
            else:
                roles[i] = Role.HEADING
        else:
            seen_body = True
    return roles
