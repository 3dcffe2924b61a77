"""Every supported format opens in the window, and the loader's heading hints arrive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from collatio.core.model import Role
from collatio.gui.window import FILE_FILTER, MainWindow
from pytestqt.qtbot import QtBot

from tests.core.renderings import render_pdf

PARAGRAPHS = [
    "Xi betont enge Beziehungen",
    "Der chinesische Staatsführer Xi Jinping hat am Montag mit Wladimir Putin telefoniert.",
    # Ends in "?": only the document's heading style can say this is a heading.
    "Was bedeutet das Telefonat für Europa?",
    "China und Russland wollen ihre Zusammenarbeit in den nächsten Jahren weiter vertiefen.",
]


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow()
    qtbot.addWidget(w)
    yield w


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(PARAGRAPHS[0], style="Title")
    document.add_paragraph(PARAGRAPHS[1])
    document.add_heading(PARAGRAPHS[2], level=2)
    document.add_paragraph(PARAGRAPHS[3])
    document.save(str(path))
    return path


def _html(paragraphs: list[str], path: Path) -> Path:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{paragraphs[0]}</title></head><body>"
        f"<nav><a href='/'>Start</a></nav><article><h1>{paragraphs[0]}</h1>{body}</article>"
        "<footer>Impressum · Datenschutz</footer></body></html>",
        encoding="utf-8",
    )
    return path


def _paragraph_role(window: MainWindow, needle: str) -> Role:
    comparison = window.comparison
    assert comparison is not None
    doc = comparison.a
    (paragraph,) = [p for p in doc.paragraphs if needle in doc.text[p.start : p.end]]
    return paragraph.role


def test_docx_heading_style_reaches_the_comparison(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = _docx(tmp_path / "article.docx")
    with qtbot.waitSignal(window.comparison_shown, timeout=30_000):
        window.load_files(path, path)
    assert _paragraph_role(window, "Was bedeutet das Telefonat") is Role.HEADING


@pytest.mark.parametrize("render", [_html, render_pdf], ids=["html", "pdf"])
def test_html_and_pdf_open_in_the_window(window: MainWindow, qtbot: QtBot, tmp_path: Path, render) -> None:  # type: ignore[no-untyped-def]
    suffix = ".html" if render is _html else ".pdf"
    path = render(PARAGRAPHS, tmp_path / f"article{suffix}")
    with qtbot.waitSignal(window.comparison_shown, timeout=30_000):
        window.load_files(path, path)
    comparison = window.comparison
    assert comparison is not None and comparison.a.format in ("html", "pdf")
    assert any("Zusammenarbeit" in s.text for s in comparison.a.sentences)


def test_file_dialog_offers_every_supported_format() -> None:
    for suffix in ("*.txt", "*.md", "*.html", "*.docx", "*.pdf"):
        assert suffix in FILE_FILTER
