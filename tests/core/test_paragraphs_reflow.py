"""Paragraph reflow: hard wraps joined across page breaks, URLs and chrome lines kept apart."""

from __future__ import annotations

from collatio.core.paragraphs import split_blocks, split_paragraphs, split_presegmented

WRAPPED = (
    "Der chinesische Staatsführer Xi Jinping hat in einem\n"
    "Telefongespräch mit seinem russischen Amtskollegen\n"
    "\n"
    "Wladimir Putin am Montag betont, dass China und\n"
    "Russland nicht getrennt werden können. Dies war das erste\n"
    "Gespräch der beiden Führer seit dem markanten Umbruch.\n"
)
URLS = (
    "https://www.cnn.com/2025/02/19/politics/putin-trump-ukraine-war-what-matters/index.html\n"
    "https://www.cnn.com/2025/02/20/europe/ukraine-europe-trump-leadership-starmer/index.html\n"
    "\n"
    "\n"
    "Ein neuer geopolitischer Kontext\n"
    "\n"
    "Das sehnlich erwartete Gespräch zwischen den beiden engen\n"
    "Partnern findet zu einem Zeitpunkt statt, an dem sich Moskaus\n"
    "internationale Position in den letzten Wochen erheblich\n"
    "verändert hat.\n"
)


def _texts(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in split_paragraphs(text)]


def test_blank_line_inside_a_sentence_is_joined() -> None:
    assert len(_texts(WRAPPED)) == 1


def test_each_url_line_is_its_own_paragraph_and_never_swallows_the_heading() -> None:
    texts = _texts(URLS)
    assert texts[0].startswith("https://www.cnn.com/2025/02/19/")
    assert texts[1].startswith("https://www.cnn.com/2025/02/20/")
    assert texts[2] == "Ein neuer geopolitischer Kontext"
    assert texts[3].startswith("Das sehnlich erwartete")


def test_a_url_wrapped_at_the_margin_stays_one_url_block() -> None:
    text = "Text davor.\n\nhttps://www.cnn.com/2025/02/19/politics/putin-trump-what-mat\nters/index.html\nÜberschrift danach\n"
    assert _texts(text) == [
        "Text davor.",
        "https://www.cnn.com/2025/02/19/politics/putin-trump-what-mat ters/index.html",
        "Überschrift danach",
    ]


def test_chrome_lines_without_blank_lines_become_their_own_paragraphs() -> None:
    text = "Der Bericht endet hier.\n\nDetails zur Meldung\nQuelle\nedition.cnn.com\n"
    assert _texts(text) == ["Der Bericht endet hier.", "Details zur Meldung", "Quelle", "edition.cnn.com"]


def test_a_label_word_wrapped_inside_prose_is_not_split_out() -> None:
    # "Anzeige" alone on a line after a line that runs to the margin: it is a wrapped word.
    lines = [
        "Nach dem Vorfall am Montagabend erstattete der Nachbar eine",
        "Anzeige",
        "bei der örtlichen Polizei, die den Fall nun untersucht und",
        "weitere Zeugen befragen will, wie ein Sprecher am Dienstag sagte.",
        "Die Ermittlungen dauern nach Angaben der Behörden noch an.",
    ]
    blocks = split_blocks("\n".join(lines) + "\n")
    assert len(blocks) == 1


def test_heading_between_paragraphs_stays_separate() -> None:
    text = "Ein Absatz endet.\n\nLangfristige Partnerschaft\n\nWeiter erklärte Xi etwas.\n"
    assert _texts(text) == ["Ein Absatz endet.", "Langfristige Partnerschaft", "Weiter erklärte Xi etwas."]


def test_presegmented_paragraphs_are_kept_as_given() -> None:
    # One sentence per line: the user's paragraph stays whole even with a URL line in it.
    text = "Erster Satz.\nhttps://example.org/quelle\nDritter Satz.\n\nNeuer Absatz.\n"
    assert [len(p) for p in split_presegmented(text)] == [3, 1]
