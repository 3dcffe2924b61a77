"""Language detection for the default ``language="auto"``."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.core import CompareOptions, compare
from collatio.core.language import detect_language, resolve_language

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"

CASES = [
    # The German sample article.
    ((SAMPLES / "xi-putin-original.txt").read_text(encoding="utf-8"), "de"),
    # An English news paragraph.
    ("The minister said on Monday that the plan would be delayed. It has been criticised "
     "by the opposition, which wants a vote.", "en"),
    ("Le ministre a dit que le plan est retardé pour une année, et il a été critiqué.", "fr"),
    ("El ministro dijo que el plan se retrasa, y fue criticado por la oposición.", "es"),
    ("Il ministro ha detto che il piano è rinviato, e non è stato accolto dalla stampa.", "it"),
    ("De minister heeft gezegd dat het plan niet doorgaat en dat er een stemming komt.", "nl"),
    # Too little to tell (a heading): German, the default before detection existed.
    ("Breaking News", "de"),
    ("", "de"),
]


@pytest.mark.parametrize(("text", "code"), CASES, ids=[c[1] + ":" + c[0][:20] for c in CASES])
def test_detects_the_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_an_explicit_language_is_kept() -> None:
    assert resolve_language("en", "Der Hund und die Katze sind nicht da.") == "en"
    assert resolve_language("auto", "Der Hund und die Katze sind nicht da.") == "de"


def test_compare_records_the_language_it_used() -> None:
    """English text is split by English rules: "in 2023." ends the sentence."""
    a = "Sales of the company reached 500 in 2023. Costs rose. It was a hard year for the firm."
    result = compare(a, a)
    assert result.options["language"] == "en"
    assert len(result.a.sentences) == 3
    assert compare(a, a, options=CompareOptions(language="de")).options["language"] == "de"
