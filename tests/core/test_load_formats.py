"""Each input format yields the article's text, its headings, and none of the chrome."""

from __future__ import annotations

import codecs
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from collatio.core import FILE_DIALOG_FILTER, SUPPORTED_SUFFIXES, LoadError, compare, load_text
from collatio.core.formats.pdf import drop_page_furniture
from collatio.core.load import load_bytes, load_url
from collatio.core.model import Role, Side
from collatio.core.segment import segment_document

from .renderings import (
    COOKIE,
    FOOTER,
    MENU,
    ORIGINAL,
    RELATED,
    REWRITE,
    RUNNING_HEAD,
    render_docx,
    render_html,
    render_pdf,
    sample_paragraphs,
)

GERMAN = "Überschrift\n\nDer Bär läuft über die Straße – „schnell“ und weiß nicht, wohin.\n"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    original, rewrite = sample_paragraphs(ORIGINAL), sample_paragraphs(REWRITE)
    return {
        "pdf": render_pdf(original, folder / "original.pdf"),
        "docx": render_docx(original, folder / "original.docx"),
        "html": render_html(rewrite, folder / "rewrite.html"),
    }


# --- plain text and Markdown -------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),  # the common case, no BOM
        ("utf-8", codecs.BOM_UTF8),  # Windows editors write a UTF-8 BOM
        ("utf-16-le", codecs.BOM_UTF16_LE),  # "Unicode" in Notepad
        ("utf-16-be", codecs.BOM_UTF16_BE),  # big-endian UTF-16
        ("utf-16-le", b""),  # UTF-16 without a BOM (some export tools)
        ("cp1252", b""),  # legacy Windows German text, no BOM
        ("latin-1", b""),  # legacy ISO-8859-1
    ],
)
def test_text_in_common_encodings_decodes_to_the_same_text(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    # Long enough for charset detection to be sure; the BOM never reaches the text.
    body = GERMAN + "Weitere Sätze über Größe, Maß und Übermaß folgen hier.\n" * 5
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + body.replace("–", "-").replace("„", '"').replace("“", '"').encode(encoding)
                     if encoding == "latin-1" else prefix + body.encode(encoding))
    loaded = load_text(path)
    expected = body if encoding != "latin-1" else body.replace("–", "-").replace("„", '"').replace("“", '"')
    assert loaded.text == expected
    assert not loaded.text.startswith("\ufeff")
    assert loaded.format == "text"


def test_crlf_and_lone_cr_become_lf_so_offsets_match_the_view(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Titel\r\n\r\nErster Satz.\rZweiter\r\nSatz.\n")
    loaded = load_text(path)
    assert loaded.text == "Titel\n\nErster Satz.\nZweiter\nSatz.\n"
    comparison = compare(loaded.text, loaded.text)
    for s in comparison.a.sentences:
        # The sentence's offsets slice the shown text to the same words.
        assert " ".join(loaded.text[s.start : s.end].split()) == s.text


def test_markdown_headings_are_reported_as_heading_spans(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Titel\n\nText des Artikels, ein Satz.\n\n## Zwischentitel?\n\nMehr Text.\n", encoding="utf-8")
    loaded = load_text(path)
    assert loaded.format == "markdown"
    assert [loaded.text[s:e] for s, e in loaded.heading_spans] == ["Titel", "Zwischentitel?"]
    # The hint makes "Zwischentitel?" a heading although it ends in "?".
    doc = segment_document(loaded.text, Side.A, heading_spans=loaded.heading_spans).document
    roles = {loaded.text[p.start : p.end]: p.role for p in doc.paragraphs}
    assert roles["## Zwischentitel?"] is Role.HEADING


# --- HTML ----------------------------------------------------------------------------------


def test_html_keeps_headings_and_paragraphs_and_drops_chrome(rendered: dict[str, Path]) -> None:
    loaded = load_text(rendered["html"])
    assert loaded.format == "html"
    text = loaded.text
    assert "Xi Jinping bekräftigte in einem brisanten Telefonat" in text
    assert "\n\nBeziehungen zwischen China und Russland\n\n" in text  # heading as its own paragraph
    headings = [text[s:e] for s, e in loaded.heading_spans]
    assert "Beziehungen zwischen China und Russland" in headings
    assert "Fazit und Ausblick" in headings
    assert loaded.title_span is not None
    assert text[slice(*loaded.title_span)] == "Xi betont enge Russland-Bindungen im Putin-Gespräch trotz US-Nähe"
    for chrome in (COOKIE, FOOTER, *MENU, *RELATED, "Startseite"):
        assert chrome not in text, chrome


def test_html_body_roles_contain_no_chrome(rendered: dict[str, Path]) -> None:
    loaded = load_text(rendered["html"])
    doc = compare(loaded.text, loaded.text).a
    body = " ".join(loaded.text[p.start : p.end] for p in doc.paragraphs if p.role.is_content)
    for chrome in ("Details zur Meldung", "edition.cnn.com", "Ähnliche Artikel", "Teilen", "Cookies"):
        assert chrome not in body, chrome


def test_html_in_a_legacy_charset_is_decoded_by_its_meta_declaration(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="windows-1252"><title>Grüße</title></head><body><article>'
            + "<p>Der Bär läuft über die Straße und grüßt die Nachbarn freundlich.</p>" * 4
            + "</article></body></html>")
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    assert "Der Bär läuft über die Straße" in load_text(path).text


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_paragraphs_and_heading_styles(rendered: dict[str, Path]) -> None:
    loaded = load_text(rendered["docx"])
    assert loaded.format == "docx"
    headings = [loaded.text[s:e] for s, e in loaded.heading_spans]
    assert "Langfristige Partnerschaft" in headings
    assert "Der Weg zum Frieden" in headings
    assert loaded.title_span is not None
    assert loaded.text[slice(*loaded.title_span)].startswith("Xi betont enge Russland-Beziehungen")
    assert "Kreml nicht erschüttert. Xi Jinping sagte zu Putin" in loaded.text
    doc = segment_document(loaded.text, Side.A, heading_spans=loaded.heading_spans).document
    roles = {loaded.text[p.start : p.end]: p.role for p in doc.paragraphs}
    assert roles["Langfristige Partnerschaft"] is Role.HEADING
    assert roles["Kurze Werbeeinblendung"] is Role.BOILERPLATE


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_text_layer_is_read_with_paragraph_gaps(rendered: dict[str, Path]) -> None:
    loaded = load_text(rendered["pdf"])
    assert loaded.format == "pdf"
    text = loaded.text
    assert "Der Weg zum Frieden" in text
    assert "\n\nDer Weg zum Frieden\n\n" in text  # a heading between paragraph gaps
    assert "„nicht voneinander getrennt werden können“" in " ".join(text.split())
    assert max(len(line) for line in text.splitlines()) < 100  # hard-wrapped lines


def test_pdf_sentences_survive_page_breaks(rendered: dict[str, Path]) -> None:
    text = load_text(rendered["pdf"]).text
    doc = compare(text, text).a
    sentences = [s.text for s in doc.sentences]
    assert any(s.startswith("Tage zuvor hatte Keith Kellogg") and s.endswith("umfassen könnte.") for s in sentences)
    # Every page break fell inside a paragraph somewhere in this A5 rendering; no
    # sentence may start in lower case (the sign of a sentence cut in two).
    assert all(not s[0].islower() for s in sentences if not s.startswith("http"))
    roles = {text[p.start : p.end].split("\n")[0]: p.role for p in doc.paragraphs}
    assert roles["Der Weg zum Frieden"] is Role.HEADING


# --- format choice, URLs and the file dialog ------------------------------------------------


def test_format_is_sniffed_from_content_when_the_suffix_says_nothing(rendered: dict[str, Path]) -> None:
    for fmt in ("pdf", "docx", "html"):
        data = rendered[fmt].read_bytes()
        assert load_bytes(data, f"dropped-{fmt}").format == fmt


def test_file_dialog_filter_lists_every_supported_suffix() -> None:
    first = FILE_DIALOG_FILTER.split(";;")[0]
    assert all(f"*{suffix}" in first for suffix in SUPPORTED_SUFFIXES)
    assert FILE_DIALOG_FILTER.endswith("All files (*)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture()
def local_server(rendered: dict[str, Path]) -> Iterator[str]:
    folder = rendered["html"].parent
    handler = lambda *a, **k: _Quiet(*a, directory=str(folder), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_load_url_from_a_local_server(local_server: str) -> None:
    loaded = load_url(f"{local_server}/rewrite.html")
    assert loaded.format == "html"
    assert "Fazit und Ausblick" in loaded.text
    assert loaded.source.endswith("/rewrite.html")
    pdf = load_url(f"{local_server}/original.pdf")
    assert pdf.format == "pdf"


def test_load_url_errors_are_one_line(local_server: str) -> None:
    with pytest.raises(LoadError, match=r"404"):
        load_url(f"{local_server}/missing.html")
    with pytest.raises(LoadError, match="over the limit"):
        load_url(f"{local_server}/rewrite.html", max_bytes=100)
    with pytest.raises(LoadError, match="only http"):
        load_url("file:///etc/passwd")


def test_pdf_running_head_and_page_numbers_are_left_out(rendered: dict[str, Path]) -> None:
    text = load_text(rendered["pdf"]).text
    assert RUNNING_HEAD not in text
    assert not re.search(r"Seite \d", text)
    assert "an seine Seite zu bringen" in " ".join(text.split())  # the word itself stays


def test_drop_page_furniture_keeps_body_lines_at_page_edges() -> None:
    pages = [
        ["Zeitung · Politik", "Erster Satz beginnt", "und geht weiter", "", "- 1 -"],
        ["Zeitung · Politik", "hier am Anfang der Seite", "ein Ende.", "", "- 2 -"],
        ["Zeitung · Politik", "Noch ein Absatz.", "3 / 3"],
    ]
    assert drop_page_furniture(pages) == [
        ["Erster Satz beginnt", "und geht weiter"],
        ["hier am Anfang der Seite", "ein Ende."],
        ["Noch ein Absatz."],
    ]
    single = [["Titel", "Text.", "1"]]
    assert drop_page_furniture(single) == single  # one page: nothing repeats, nothing goes


# --- list items and table cells are body text, however short -------------------------------

_ITEMS = ("Milch und Butter", "Frisches Brot", "Preis", "2 Euro")
_PROSE = "Der Laden am Markt verkauft seit Montag wieder regionale Waren an alle Kunden."


def _roles_of(path: Path) -> dict[str, Role]:
    loaded = load_text(path)
    doc = compare(loaded.text, loaded.text, format_a=loaded.format,
                  heading_spans_a=loaded.role_hints, body_spans_a=loaded.body_spans).a
    return {loaded.text[p.start : p.end]: p.role for p in doc.paragraphs}


def test_docx_list_items_and_table_cells_are_no_headings(tmp_path: Path) -> None:
    import docx  # python-docx, a dependency of the DOCX loader

    document = docx.Document()
    document.add_heading("Einkaufen am Markt", level=1)
    document.add_paragraph(_PROSE)
    document.add_paragraph(_ITEMS[0], style="List Bullet")
    document.add_paragraph(_ITEMS[1], style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = _ITEMS[2], _ITEMS[3]
    document.add_paragraph("Zwischentitel ohne Stil")
    document.add_paragraph(_PROSE)
    path = tmp_path / "liste.docx"
    document.save(str(path))
    roles = _roles_of(path)
    assert [roles[item] for item in _ITEMS] == [Role.BODY] * 4
    # A short plain paragraph is still taken for a heading: Word users type them so.
    assert roles["Zwischentitel ohne Stil"] is Role.HEADING


def test_html_list_items_and_table_cells_are_no_headings(tmp_path: Path) -> None:
    page = ("<html><head><title>Einkaufen am Markt</title></head><body><article>"
            f"<h1>Einkaufen am Markt</h1><p>{_PROSE}</p><p>{_PROSE} Noch ein Satz dazu.</p>"
            f"<ul><li>{_ITEMS[0]}</li><li>{_ITEMS[1]}</li></ul>"
            f"<table><tr><td>{_ITEMS[2]}</td><td>{_ITEMS[3]}</td></tr></table>"
            f"<h2>Ausblick</h2><p>{_PROSE}</p></article></body></html>")
    path = tmp_path / "liste.html"
    path.write_text(page, encoding="utf-8")
    roles = _roles_of(path)
    found = [item for item in _ITEMS if item in roles]
    assert found, "trafilatura must keep the list for this test to mean anything"
    assert [roles[item] for item in found] == [Role.BODY] * len(found)
    assert roles["Ausblick"] is Role.HEADING


def test_html_keeps_the_byline_trafilatura_drops(tmp_path: Path) -> None:
    # An editor checks who wrote a piece: the page's byline element is put back under the
    # title, as the page shows it, and dimmed as a byline.
    page = ("<html><head><title>Rail workers strike</title></head><body><article>"
            "<h1>Rail workers strike</h1><p class='byline'>By LORNE COOKSON<br>Associated Press</p>"
            + "".join(f"<p>{_PROSE} Satz {k} dazu.</p>" for k in range(6))
            + "</article></body></html>")
    path = tmp_path / "byline.html"
    path.write_text(page, encoding="utf-8")
    loaded = load_text(path)
    assert loaded.text.startswith("Rail workers strike\n\nBy LORNE COOKSON\nAssociated Press\n\n")
    assert _roles_of(path)["By LORNE COOKSON\nAssociated Press"] is Role.BOILERPLATE
    # Once only, where trafilatura kept it itself.
    page = page.replace("<p class='byline'>", "<p>")
    path.write_text(page, encoding="utf-8")
    assert load_text(path).text.count("LORNE COOKSON") == 1


def test_plain_text_bulleted_items_are_no_headings() -> None:
    text = f"Einkaufen am Markt\n\n{_PROSE}\n\n- Milch und Butter\n\n• Frisches Brot\n\nAusblick\n\n{_PROSE}\n"
    doc = compare(text, text).a
    roles = {text[p.start : p.end]: p.role for p in doc.paragraphs}
    assert roles["- Milch und Butter"] is Role.BODY and roles["• Frisches Brot"] is Role.BODY
    assert roles["Ausblick"] is Role.HEADING


def test_a_credit_line_is_no_heading() -> None:
    text = f"Einkaufen am Markt\n\n{_PROSE}\n\nMitarbeit: Olena Petrenko\n\nReporting by Jane Doe\n"
    doc = compare(text, text).a
    roles = {text[p.start : p.end]: p.role for p in doc.paragraphs}
    assert roles["Mitarbeit: Olena Petrenko"] is Role.BODY
    assert roles["Reporting by Jane Doe"] is Role.BODY
