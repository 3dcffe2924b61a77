"""Loading is safe from several threads at once (PDFium itself is not thread-safe)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from collatio.core import load_text

from .renderings import render_pdf

PARAGRAPHS = [
    "Xi betont enge Beziehungen",
    "Der chinesische Staatsführer Xi Jinping hat am Montag mit Wladimir Putin telefoniert.",
    "China und Russland wollen ihre Zusammenarbeit in den nächsten Jahren weiter vertiefen.",
]


def test_pdfs_load_concurrently(tmp_path: Path) -> None:
    paths = [render_pdf(PARAGRAPHS, tmp_path / f"a{k}.pdf") for k in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda p: load_text(p).text, paths * 5))
    assert len(set(texts)) == 1 and "Zusammenarbeit" in texts[0]
