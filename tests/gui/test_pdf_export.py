"""PDF export through Qt: pages of the right size, the report's text, the CLI hook."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from collatio.core import Comparison, cli, compare
from collatio.gui import pdf_export

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"
POINTS_PER_MM = 72 / 25.4


def _text(path: Path) -> tuple[int, list[tuple[float, float]], str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        sizes = [pdf[k].get_size() for k in range(len(pdf))]
        text = "\n".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))
        return len(pdf), sizes, text
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("page_size", "points"),
    [
        # A4: 210 × 297 mm.
        ("A4", (210 * POINTS_PER_MM, 297 * POINTS_PER_MM)),
        # US Letter: 8.5 × 11 in.
        ("Letter", (612.0, 792.0)),
    ],
)
def test_pdf_pages_have_the_paper_size_and_the_report_text(
    tmp_path: Path, sample_comparison: Comparison, page_size: str, points: tuple[float, float]
) -> None:
    out = tmp_path / f"report-{page_size}.pdf"
    pdf_export.export_pdf(sample_comparison, out, page_size)
    pages, sizes, text = _text(out)
    assert pages >= 2  # the sample does not fit on one page
    for width, height in sizes:
        assert width == pytest.approx(points[0], abs=1) and height == pytest.approx(points[1], abs=1)
    flat = " ".join(text.split())
    assert "Statistics" in flat and "List of changes" in flat
    assert "Xi betont enge" in flat  # the first sentence of both sides
    assert f"page 1 of {pages}" in flat and f"page {pages} of {pages}" in flat  # footers


def test_markup_in_an_article_is_printed_literally(tmp_path: Path) -> None:
    c = compare(
        "Ein Satz mit <b>fett</b> und <script>alert(1)</script> darin.\n",
        "Ein Satz mit <b>fett</b> und <script>alert(1)</script> drin.\n",
    )
    out = tmp_path / "x.pdf"
    pdf_export.export_pdf(c, out)
    flat = " ".join(_text(out)[2].split())
    assert "<script>alert(1)</script>" in flat and "<b>fett</b>" in flat


def test_unknown_page_size_fails_before_touching_the_file(tmp_path: Path, sample_comparison: Comparison) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ValueError, match="unknown page size"):
        pdf_export.export_pdf(sample_comparison, out, "A3")
    assert out.read_bytes() == b"old"


def test_registered_pdf_format_runs_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "EXPORTERS", dict(cli.EXPORTERS))
    monkeypatch.setattr(cli, "PAGED_EXPORTERS", dict(cli.PAGED_EXPORTERS))
    pdf_export.register()
    out = tmp_path / "letter.pdf"
    a, b = (str(SAMPLES / n) for n in ("xi-putin-original.txt", "xi-putin-rewrite.txt"))
    code = cli.main(["compare", a, b, "--format", "pdf", "--page-size", "Letter", "-o", str(out)])
    assert code == cli.EXIT_OK
    assert _text(out)[1][0] == pytest.approx((612.0, 792.0), abs=1)
    # write_export, what File > Export calls, goes through the same registry.
    cli.write_export(compare("Ein Satz.\n", "Ein Satz.\n"), tmp_path / "w.pdf", "pdf")
    assert (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF")
