"""Time loading a ~1 MB PDF and a ~1 MB HTML page, and comparing them.

    .venv/bin/python bench/formats.py [--mb 1.0] [--keep DIR]

Generates the inputs (nothing is fetched): a long German article of random sentences drawn
from the sample pair's vocabulary, rendered to PDF
with fpdf2 (the test extra; A4, Helvetica, hard-wrapped lines and page breaks) and to an
HTML page with site chrome around it. The HTML page holds the first part of the same
article (HTML is not compressed), with every fifth sentence dropped and every seventh
reworded, so the comparison has real work to do. Prints the file
sizes, characters of decoded text, and seconds for each load and for the comparison.

May import: the standard library, fpdf2 and collatio.core.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from collatio.core import compare, load_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "assets" / "samples"


def _vocabulary() -> list[str]:
    text = " ".join(
        (SAMPLES / name).read_text(encoding="utf-8") for name in ("xi-putin-original.txt", "xi-putin-rewrite.txt")
    )
    return sorted({w for w in re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", text)})


def article(target_chars: int, seed: int = 7) -> list[list[str]]:
    """Paragraphs (lists of sentences) of about ``target_chars`` characters.

    Sentences are random draws from the samples' vocabulary: unique, so neither the
    duplicate detection nor the aligner sees an artificial wall of repeats.
    """
    rng = random.Random(seed)
    words = _vocabulary()
    paragraphs: list[list[str]] = []
    size = 0
    while size < target_chars:
        para = []
        for _ in range(rng.randint(2, 6)):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24)))
            para.append(sentence[0].upper() + sentence[1:] + rng.choice([".", ".", ".", "?", "!"]))
        paragraphs.append(para)
        size += sum(len(s) + 1 for s in para)
    return paragraphs


def write_pdf(paragraphs: list[list[str]], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    for n, para in enumerate(paragraphs):
        if n % 8 == 0:
            pdf.set_font("helvetica", style="B", size=12)
            pdf.multi_cell(0, 6, f"Abschnitt {n // 8 + 1}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_font("helvetica", size=10)
        pdf.multi_cell(0, 5, " ".join(para), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def write_html(paragraphs: list[list[str]], path: Path, rng: random.Random) -> None:
    body: list[str] = []
    count = 0
    for n, para in enumerate(paragraphs):
        if n % 8 == 0:
            body.append(f"<h2>Abschnitt {n // 8 + 1}</h2>")
        kept: list[str] = []
        for sentence in para:
            count += 1
            if count % 5 == 0:
                continue  # dropped in the rewrite
            if count % 7 == 0:
                words = sentence.split()
                rng.shuffle(words)
                sentence = " ".join(words)  # reworded beyond recognition of order
            kept.append(sentence)
        if kept:
            body.append(f"<p>{html.escape(' '.join(kept))}</p>")
    chrome = ('<div class="cookie">Wir verwenden Cookies. Alle akzeptieren</div>'
              '<nav><a href="/">Startseite</a> › <a href="/p">Politik</a></nav>')
    page = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Langer Artikel</title>'
            f"</head><body>{chrome}<main><article><h1>Langer Artikel</h1>{''.join(body)}</article></main>"
            f"<footer>© Beispiel · Impressum</footer></body></html>")
    path.write_text(page, encoding="utf-8")


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<28}{seconds:8.2f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="target file size in MB (default 1)")
    parser.add_argument("--keep", type=Path, default=None, help="write the inputs here and keep them")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="collatio-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    pdf_path, html_path = folder / "long.pdf", folder / "long.html"
    target = int(args.mb * 1_000_000)

    # The PDF compresses its text (~1.7 characters per byte), HTML does not: the PDF holds
    # the whole article, the HTML page the first part of the same article.
    chars = target
    for _ in range(4):
        paragraphs = article(chars)
        write_pdf(paragraphs, pdf_path)
        size = pdf_path.stat().st_size
        if abs(size - target) < 0.1 * target:
            break
        chars = int(chars * target / size)
    cut = len(paragraphs)
    write_html(paragraphs, html_path, random.Random(3))
    while html_path.stat().st_size > 1.1 * target and cut > 10:
        cut = int(cut * 0.9 * target / html_path.stat().st_size) or 1
        write_html(paragraphs[:cut], html_path, random.Random(3))
    print(f"PDF  {pdf_path.stat().st_size / 1e6:6.2f} MB   HTML {html_path.stat().st_size / 1e6:6.2f} MB   in {folder}")

    a = _timed("load PDF", lambda: load_text(pdf_path))
    b = _timed("load HTML", lambda: load_text(html_path))
    print(f"decoded text: PDF {len(a.text):,} chars, HTML {len(b.text):,} chars")
    result = _timed("compare PDF vs HTML", lambda: compare(a.text, b.text, format_a="pdf", format_b="html"))
    print(f"outcome {result.outcome.value}: {result.stats.summary()}")
    print(f"paragraphs {len(result.a.paragraphs)}/{len(result.b.paragraphs)}, "
          f"sentences {len(result.a.sentences)}/{len(result.b.sentences)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
