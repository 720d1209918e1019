"""The text-quality measure that decides which pages are OCRed (pipeline.extract.quality), and what a
document says when OCR is needed but cannot run. No Tesseract needed here."""

from __future__ import annotations

import pytest
from scans import scanned, without_unicode

from pipeline.extract import ExtractError, extract, ocr, quality
from pipeline.extract.errors import OCR_NEEDED, documented
from pipeline.extract.layout import Glyph

# clean printed lines per language, and an old OCR program's reading of such lines (S/PV.492, 1950)
CLEAN = {
    "en": "The Chair called the meeting to order at 10:15 a.m. and welcomed the delegations of Brazil, "
    "Canada and the United States to the Permanent Council (CP/doc.5678/21 rev. 1).",
    "es": "La Presidencia dio la bienvenida a las delegaciones y sometió a consideración el proyecto de "
    "resolución «Fortalecimiento de la democracia» (CP/RES. 1234/23); se aprobó sin modificaciones.",
    "fr": "Le Président (traduit du russe) : Les membres du Conseil ont devant eux l'ordre du jour "
    "provisoire; il comporte trois questions, dont l'examen d'une plainte de l'URSS.",
    "pt": "A Presidência deu as boas-vindas às delegações e submeteu à consideração o projeto de "
    "resolução sobre os direitos humanos; não houve objeções e a sessão foi encerrada às 13h05.",
}
NOISY = [
    "~ubll1iùed on -+ A.ugust in the L'nited ~ations Security èouncil hy ::\\fr, Jacob Malik on",
    "Di S(lYiet Socialist Republics GOYemment. These pro posa!: are in c(lml-~ete accordanc~ with",
    "the procedl1le aIl r~presentatjve commtmi:,t entire!y prec1uded trallsla,ted mere1y wIll eHect",
    "l'ordre c1'.1 jour; deuxièmement, plai'1te faisant état d'une agression caHing weIl ccnsic1er",
]


# the Tesseract setting a page is read with, per document language (models/lang, ocr_languages)
TESSERACT_SETTING = [
    ("en", "eng+spa"),  # English records name people in Spanish
    ("es", "spa"),
    ("fr", "fra"),
    ("pt", "por"),  # alone: beside Spanish, "começou às" was read "comecou ás"
    (None, "eng+spa+fra+por"),  # the language is not known yet: every language's own
    ("xx", "eng+spa+fra+por"),  # a language acta has no file for is not known either
]


@pytest.mark.parametrize(("lang", "setting"), TESSERACT_SETTING)
def test_each_language_is_read_with_the_traineddata_its_file_names(lang: str | None, setting: str):
    assert ocr.languages(lang) == setting


def glyphs(text: str) -> list[Glyph]:
    return [Glyph(text, 72, 100, 500, 111, "Times-Roman", 11)]


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_clean_text_in_every_language_is_good(lang: str):
    measured, chars = quality.quality(glyphs(CLEAN[lang]), [CLEAN[lang]], images=0)
    assert measured >= 0.97
    assert chars == len(CLEAN[lang].replace(" ", ""))


def test_an_old_noisy_ocr_layer_is_below_the_bar():
    text = " ".join(NOISY)
    measured, _ = quality.quality(glyphs(text), NOISY, images=1)
    assert measured < quality.GOOD


@pytest.mark.parametrize(
    "token, word",
    [
        ("Jean-Pierre", True),
        ("l'URSS", True),
        ("d'Amérique", True),
        ("p.m", True),
        ("U.S", True),
        ("Royaume-Uni", True),
        ("aIl", False),
        ("procedl1le", False),
        ("GOYemment", False),
        ("days.Is", False),
    ],
)
def test_what_counts_as_a_word(token: str, word: bool):
    assert quality.is_word(token) is word


def test_glyphs_without_unicode_score_zero():
    cid = [Glyph("(cid:37)(cid:82)", 72, 100, 90, 111, "F1", 11)] * 40
    assert quality.quality(cid, ["•• •• ••"] * 40, images=0)[0] == 0.0
    replacement = glyphs(
        "\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd"
    )
    assert quality.quality(replacement, [""], images=0)[0] == 0.0


def test_one_glyph_for_every_character_is_not_text():
    text = "xxxx xxxxxxx xx xxx xxxxxxx xxxxxx xx xxx xxxxxxxxxx"
    measured, _ = quality.quality(glyphs(text), [text], images=0)
    assert measured < 0.5


def test_dot_leaders_are_not_a_repeated_glyph():
    text = "1. Provisional agenda ........................................................ 1"
    assert quality.quality(glyphs(text), [text], images=0)[0] >= 0.97


def test_a_picture_without_text_is_zero_and_a_blank_page_one():
    assert quality.quality([], [], images=1) == (0.0, 0)
    assert quality.quality([], [], images=0) == (1.0, 0)


def test_without_tesseract_a_scan_fails_with_the_reason(tmp_path, monkeypatch):
    from conftest import SYNTH

    if not SYNTH.exists():
        pytest.skip("../shared/corpus is not beside this clone")
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned(SYNTH / "synth_0001.pdf"))
    monkeypatch.setattr(ocr, "unavailable", lambda: "the tesseract program is not installed")
    with pytest.raises(ExtractError) as error:
        extract(path)
    assert str(error.value) == OCR_NEEDED(pages="1 and 2", reason="the tesseract program is not installed")
    assert documented(str(error.value))


def test_without_tesseract_a_cid_page_is_not_read_as_bullets(tmp_path, monkeypatch):
    path = tmp_path / "cid.pdf"
    path.write_bytes(without_unicode([CLEAN["en"][:80], CLEAN["en"][80:]]))
    monkeypatch.setattr(ocr, "unavailable", lambda: "the tesseract program is not installed")
    with pytest.raises(ExtractError, match="^OCR needed: install tesseract-ocr to read page"):
        extract(path)


def test_ocr_never_leaves_a_scan_failed_as_before(tmp_path):
    from conftest import SYNTH

    if not SYNTH.exists():
        pytest.skip("../shared/corpus is not beside this clone")
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned(SYNTH / "synth_0001.pdf"))
    with pytest.raises(ExtractError, match="^no text layer: the pages are images"):
        extract(path, ocr="never")
