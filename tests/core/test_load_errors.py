"""Bad input ends in one clear line naming the file and the reason, never a traceback."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from collatio.core import LoadError, compare, load_text
from collatio.core.cli import main

from .renderings import ORIGINAL, REWRITE, render_docx, render_html, render_pdf, sample_paragraphs


def _blank_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100)  # a drawing, no text: like a scanned page without OCR
    pdf.output(str(path))
    return path


def _zip_without_word(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    path.write_bytes(buffer.getvalue())
    return path


def _docx_with_broken_xml(path: Path) -> Path:
    import docx

    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/document.xml"] = b"<w:document><w:body><w:p>cut off"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


# name → (builder(tmp_path) -> path, part of the expected reason)
BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    # zero bytes
    "empty": (lambda d: _write(d / "empty.txt", b""), "empty"),
    # only spaces and line ends
    "blank": (lambda d: _write(d / "blank.txt", b" \n\r\n\t \n"), "only white space"),
    # random bytes: an image or executable renamed
    "binary": (lambda d: _write(d / "image.txt", bytes(range(256)) * 40), "binary"),
    # UTF-8 text with stray invalid bytes: mixed encodings
    "undecodable": (lambda d: _write(d / "mixed.txt", "Grüße aus Köln, schöne Straße. ".encode() * 3 + b"\xff\xfe\xfa caf\xe9"), "UTF-8"),
    # a .docx that is not a ZIP file at all
    "corrupt docx": (lambda d: _write(d / "broken.docx", b"this is not a zip archive"), "DOCX"),
    # a ZIP that is cut off half-way
    "truncated docx": (lambda d: _write(d / "cut.docx", b"PK\x03\x04" + b"\x00" * 60), "ZIP"),
    # a real DOCX package whose document.xml is cut off
    "docx with broken xml": (lambda d: _docx_with_broken_xml(d / "cut-xml.docx"), "not a readable DOCX"),
    # a ZIP without word/document.xml
    "zip not docx": (lambda d: _zip_without_word(d / "other.docx"), "not a Word document"),
    # a PDF header followed by garbage
    "corrupt pdf": (lambda d: _write(d / "broken.pdf", b"%PDF-1.7\n garbage garbage"), "PDF"),
    # a .pdf without the %PDF header
    "not a pdf": (lambda d: _write(d / "fake.pdf", b"hello, I am text"), "no %PDF header"),
    # a valid PDF whose pages have no text layer
    "pdf without text": (lambda d: _blank_pdf(d / "scan.pdf"), "no text layer"),
    # legacy Word binary
    "old doc": (lambda d: _write(d / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100), ".docx"),
    # no such path
    "missing": (lambda d: d / "nope.txt", "no such file"),
    # a folder, not a file
    "folder": (lambda d: d, "folder"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_raises_one_line_load_error(tmp_path: Path, name: str) -> None:
    build, reason = BAD_INPUTS[name]
    path = build(tmp_path)
    with pytest.raises(LoadError) as caught:
        load_text(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert reason.lower() in message.lower()


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", b"Ein Satz. " * 2000)
    with pytest.raises(LoadError, match="over the limit"):
        load_text(path, max_bytes=10_000)
    assert load_text(path, max_bytes=30_000).text.startswith("Ein Satz.")


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_cli_prints_the_reason_and_exits_2(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    build, reason = BAD_INPUTS[name]
    path = build(tmp_path)
    code = main(["compare", str(ORIGINAL), str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith(f"collatio: {path}: ")
    assert len(err.splitlines()) == 1
    assert reason.lower() in err.lower()


def test_input_files_are_untouched_by_loading_and_comparing(tmp_path: Path) -> None:
    pdf = render_pdf(sample_paragraphs(ORIGINAL), tmp_path / "original.pdf")
    docx = render_docx(sample_paragraphs(ORIGINAL), tmp_path / "original.docx")
    page = render_html(sample_paragraphs(REWRITE), tmp_path / "rewrite.html")
    paths = [ORIGINAL, REWRITE, pdf, docx, page]
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths}
    loaded = [load_text(p) for p in paths]
    compare(loaded[2].text, loaded[4].text)
    compare(loaded[3].text, loaded[1].text)
    assert main(["compare", str(pdf), str(REWRITE), "--format", "json", "-o", str(tmp_path / "out.json")]) == 0
    after = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths}
    assert after == before
