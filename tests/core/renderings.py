"""Render the sample article pair to PDF, DOCX and HTML for the loader tests.

The renderings are made from the sample .txt files at test time (into tmp_path), so no
binary fixture is stored: PDF with fpdf2 (core Helvetica font, cp1252, a real text layer
whose lines are wrapped at the page width and broken across pages), DOCX with
python-docx (Title and Heading 2 styles), and HTML with realistic site chrome around
the article (cookie banner, header and menu, breadcrumb, share bar, ad slot, related
links, footer). It also holds small article texts that several test modules share.
"""

from __future__ import annotations

import html
from pathlib import Path

from collatio.core.paragraphs import split_paragraphs
from collatio.core.roles import is_heading_like

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
ORIGINAL = SAMPLES / "xi-putin-original.txt"
REWRITE = SAMPLES / "xi-putin-rewrite.txt"


def sample_paragraphs(path: Path) -> list[str]:
    """The sample's paragraphs as single lines (hard wraps undone, entities kept raw)."""
    text = path.read_text(encoding="utf-8")
    out: list[str] = []
    for start, end in split_paragraphs(text):
        lines = [line.strip() for line in text[start:end].splitlines() if line.strip()]
        joined = ""
        for line in lines:
            if not joined:
                joined = line
            elif joined.endswith("-"):
                joined += line  # "Trump-" + "Administration", "dual-" + "use"
            else:
                joined += " " + line
        out.append(joined)
    return out


RUNNING_HEAD = "Beispiel-Zeitung · Politik · 24. Februar 2025"


def render_pdf(
    paragraphs: list[str], path: Path, *, page_format: tuple[float, float] = (148, 210)
) -> Path:
    """A5 pages with a running head and a page-number footer, like a newspaper PDF."""
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=7)
            self.cell(0, 4, RUNNING_HEAD, new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("helvetica", size=7)
            self.cell(0, 4, f"Seite {self.page_no()}", align="C")

    pdf = Paper(format=page_format)
    pdf.core_fonts_encoding = "cp1252"  # „“–… are in cp1252, so Helvetica can show them
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    for k, para in enumerate(paragraphs):
        heading = is_heading_like(para)
        pdf.set_font("helvetica", style="B" if heading else "", size=14 if k == 0 else 10)
        pdf.multi_cell(0, 5, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)  # a paragraph gap, clearly larger than the line spacing
    pdf.output(str(path))
    return path


def render_docx(paragraphs: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    for k, para in enumerate(paragraphs):
        if k == 0:
            document.add_paragraph(para, style="Title")
        elif is_heading_like(para):
            document.add_heading(para, level=2)
        else:
            document.add_paragraph(para)
    document.save(str(path))
    return path


COOKIE = "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Alle akzeptieren"
MENU = ("Politik", "Wirtschaft", "Kultur", "Sport")
RELATED = (
    "Trump und Putin: Was das Telefonat bedeutet",
    "Europa sucht seine Rolle im Ukraine-Krieg",
    "Drei Jahre Krieg: eine Bilanz",
)
FOOTER = "© 2025 Beispiel-Nachrichten GmbH · Impressum · Datenschutz · Kontakt"


def render_html(paragraphs: list[str], path: Path) -> Path:
    """The rewrite as a web page: its own chrome lines go where a site puts them.

    The sample rewrite starts with a breadcrumb and ends with a source box, "Ähnliche
    Artikel" and a back-to-top button; here they become <nav>, an <aside> and a
    <button>, with a cookie banner, menu, share bar, related links and footer added.
    Paragraph 1 is the <h1>, heading-like ones <h2>, the ad marker an ad <div>.
    """
    esc = html.escape
    breadcrumb, article, source_box = paragraphs[0], paragraphs[1:-5], paragraphs[-5:-2]
    related_header, back_to_top = paragraphs[-2], paragraphs[-1]
    body: list[str] = []
    for k, para in enumerate(article):
        if k == 0:
            body.append(f"<h1>{esc(para)}</h1>")
        elif para == "Kurze Werbeeinblendung":
            body.append(f'<div class="ad-slot"><span class="ad-label">{esc(para)}</span></div>')
        elif is_heading_like(para):
            body.append(f"<h2>{esc(para)}</h2>")
        else:
            body.append(f"<p>{esc(para)}</p>")
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    related = "".join(f'<li><a href="/a{k}">{esc(t)}</a></li>' for k, t in enumerate(RELATED))
    source = "<br>".join(esc(line) for line in source_box)
    page = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{esc(article[0])} | Beispiel-Nachrichten</title>
<meta property="og:title" content="{esc(article[0])}">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Alle akzeptieren</button></div>
<header class="site-header"><a class="logo" href="/">Beispiel-Nachrichten</a>
<nav class="main-menu"><ul>{menu}</ul></nav></header>
<nav class="breadcrumb" aria-label="{esc(breadcrumb)}"><a href="/">Startseite</a> › <a href="/politik">Politik</a> › Ausland</nav>
<main><article>
{chr(10).join(body)}
<div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
<div class="source-box"><p>{source}</p></div>
</article>
<aside class="related"><h3>{esc(related_header)}</h3><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>{FOOTER}</p><a href="#top">Nach oben</a>
<button class="back-to-top">{esc(back_to_top)}</button></footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path


# A rewrite that swaps two speakers' quotations and keeps the speech tags, so that the
# alignment links each sentence by its tag (tests of quote re-attribution and reports).
SWAPPED_QUOTES = (
    "Bei der Tarifrunde im öffentlichen Dienst gab es erneut keine Einigung. „Das Angebot "
    "der Arbeitgeber ist eine Provokation“, sagte Verdi-Chef Frank Werneke nach der "
    "zweiten Verhandlungsrunde in Potsdam. Die kommunalen Arbeitgeber wiesen das zurück. "
    "„Unsere Kassen sind leer“, sagte VKA-Präsidentin Karin Welge.",
    "Auch die zweite Runde der Tarifverhandlungen im öffentlichen Dienst blieb ohne "
    "Ergebnis. „Unsere Kassen sind leer“, sagte Verdi-Chef Werneke in Potsdam. „Das "
    "Angebot der Arbeitgeber ist eine Provokation“, erklärte VKA-Präsidentin Welge.",
)
