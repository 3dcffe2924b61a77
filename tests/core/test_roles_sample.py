"""Done-when checks on the bundled sample pair, as text and rendered to PDF/HTML/DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest
from collatio.core import Comparison, compare, load_text
from collatio.core.model import Document, Role

from .renderings import ORIGINAL, REWRITE, render_docx, render_html, render_pdf, sample_paragraphs


@pytest.fixture(scope="module")
def sample() -> Comparison:
    return compare(load_text(ORIGINAL).text, load_text(REWRITE).text)


def _roles(doc: Document) -> dict[str, Role]:
    return {" ".join(doc.text[p.start : p.end].split()): p.role for p in doc.paragraphs}


@pytest.mark.parametrize(
    ("side", "line"),
    [
        ("a", "Kurze Werbeeinblendung"),  # ad marker in the original
        ("a", "https://www.cnn.com/2025/02/19/politics/putin-trump-ukraine-war-what-matters/index.html"),
        ("a", "https://www.cnn.com/2025/02/20/europe/ukraine-europe-trump-leadership-starmer-macron-cmd-intl/index.html"),
        ("a", "https://www.cnn.com/2025/02/24/europe/ukraine-war-anniversary-europe-security-intl-latam/index.html"),
        ("b", "AußenpolitikAußenpolitikRusslandUkraine"),  # run-together breadcrumb
        ("b", "Kurze Werbeeinblendung"),  # the same ad marker in the rewrite
        ("b", "Details zur Meldung"),  # source block, line 1
        ("b", "Quelle"),  # source block, line 2
        ("b", "edition.cnn.com"),  # source block, line 3: a bare domain
        ("b", "Ähnliche Artikel"),  # related-articles header
        ("b", 'Schaltfläche "Zurück zum Anfang"'),  # button label
    ],
)
def test_every_chrome_line_is_boilerplate(sample: Comparison, side: str, line: str) -> None:
    doc = sample.a if side == "a" else sample.b
    assert _roles(doc)[line] is Role.BOILERPLATE


def test_heading_after_the_url_block_stays_a_heading(sample: Comparison) -> None:
    assert _roles(sample.a)["Ein neuer geopolitischer Kontext"] is Role.HEADING


def test_teaser_is_a_duplicate_and_the_full_opening_is_body(sample: Comparison) -> None:
    paragraphs = sample.a.paragraphs
    teaser = next(p for p in paragraphs if sample.a.text[p.start : p.end].endswith("&amp;hellip;"))
    assert teaser.role is Role.DUPLICATE
    full = [p for p in paragraphs if sample.a.text[p.start : p.end].startswith("Der chinesische Staatsführer")]
    assert [p.role for p in full] == [Role.DUPLICATE, Role.BODY]


def test_titles_and_credit_line(sample: Comparison) -> None:
    assert _roles(sample.a)["Xi betont enge Russland-Beziehungen im Gespräch mit Putin"] is Role.TITLE
    assert _roles(sample.b)["Xi betont enge Russland-Bindungen im Putin-Gespräch trotz US-Nähe"] is Role.TITLE
    # The credit sentence is body on purpose (see collatio.core.boilerplate).
    credit = next(k for k in _roles(sample.a) if k.startswith("Bericht von CNN"))
    assert _roles(sample.a)[credit] is Role.BODY


def test_no_entities_left_in_any_sentence(sample: Comparison) -> None:
    for doc in (sample.a, sample.b):
        for s in doc.sentences:
            assert "&amp;" not in s.text and "&hellip;" not in s.text, s.text


def test_no_sentence_is_cut_at_a_page_break(sample: Comparison) -> None:
    texts = [s.text for s in sample.a.sentences]
    assert any("dass die USA hoffen könnten, Putin zu Handlungen" in t for t in texts)
    assert not any(t.endswith("hoffen") for t in texts)
    assert any("der eine massive Wende hin zu Moskau vollzog, während er Friedensgespräche in der Ukraine vorantreibt." in t for t in texts)


def test_real_hyphens_are_kept_at_line_ends(sample: Comparison) -> None:
    text = " ".join(s.text for s in sample.a.sentences)
    assert "Trump-Administration" in text
    assert "dual-use Gütern" in text


def _link_pairs(c: Comparison) -> set[tuple[str, str]]:
    return {
        (" ".join(c.a.sentence(s).text for s in link.a), " ".join(c.b.sentence(s).text for s in link.b))
        for link in c.links
    }


def test_pdf_original_against_html_rewrite_aligns_like_the_text_files(sample: Comparison, tmp_path: Path) -> None:
    pdf = load_text(render_pdf(sample_paragraphs(ORIGINAL), tmp_path / "original.pdf"))
    page = load_text(render_html(sample_paragraphs(REWRITE), tmp_path / "rewrite.html"))
    rendered = compare(pdf.text, page.text, format_a=pdf.format, format_b=page.format)
    expected = _link_pairs(sample)
    got = _link_pairs(rendered)
    assert len(expected) >= 15
    assert len(expected & got) >= 0.9 * len(expected)
    assert abs(len(got) - len(expected)) <= max(2, len(expected) // 10)


def test_docx_original_against_text_rewrite_aligns_like_the_text_files(sample: Comparison, tmp_path: Path) -> None:
    docx = load_text(render_docx(sample_paragraphs(ORIGINAL), tmp_path / "original.docx"))
    rendered = compare(docx.text, load_text(REWRITE).text)
    expected = _link_pairs(sample)
    assert len(expected & _link_pairs(rendered)) >= 0.9 * len(expected)
