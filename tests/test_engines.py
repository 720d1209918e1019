"""The two engines give the same lines, styles, footnotes and links, and score alike on the corpus.

pdfplumber reads one glyph per character, PDFium one per text run; layout must make the same lines
of both, and everything after layout never knows which engine read the file.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, SYNTH, needs_shared
from pdfs import Text, build_pdf

from pipeline import cli
from pipeline.extract import ENGINES, extract


def _view(path: Path, engine: str) -> list[tuple[object, ...]]:
    """What the later stages see of a file: per page, each line with its style, then footnotes, links."""
    doc = extract(path, engine)
    out: list[tuple[object, ...]] = []
    for page in doc.pages:
        for kind, lines in (("line", page.lines), ("header", page.header)):
            out += [(page.number, kind, ln.text, ln.bold, ln.italic, ln.underline, ln.marks) for ln in lines]
        out += [(page.number, "footnote", fn.mark, fn.text) for fn in page.footnotes]
        out += [(page.number, "link", lk.url, lk.label) for lk in page.links]
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Typography the layout rules rest on: bold, italic, underline, superscript marks, fake bold,
    two columns, a footnote, a link annotation, running headers and page numbers."""
    folder = tmp_path_factory.mktemp("built")
    body = [Text(f"Line {i} of the body, set in eleven point type with words apart.") for i in range(6)]
    pages = [
        [
            Text("Summary of the meeting held on May 6, 2024", bold=True, size=13, superscript="1"),
            Text("1. Approval of the order of business", underline=True, gap_before=8),
            Text("Presentation on digital diplomacy", italic=True),
            Text("A line printed twice for a bold look", fake_bold=True),
            Text("The audio is available here", link="https://scm.oas.org/audios/2024/a.mp3"),
            *body,
            Text("Left column text", right="Right column text"),
        ],
        [Text("II. Other business", bold=True), *body],
    ]
    notes = {1: [("1", "Summaries are available on the website of the Committee.")]}
    return [
        build_pdf(folder / "times.pdf", pages, header="CP/CAJP/SA.811/24", footnotes=notes),
        build_pdf(
            folder / "helvetica.pdf", pages, font="Helvetica", footer_page_numbers="Page {n} of {total}"
        ),
    ]


def test_the_cli_offers_every_engine() -> None:
    assert set(cli.ENGINES) == set(ENGINES)


def test_engines_read_the_same_built_pages(built: list[Path]) -> None:
    for path in built:
        assert _view(path, "pdfium") == _view(path, "pdfplumber"), path.name


def test_engines_read_the_same_samples() -> None:
    for path in sorted((ROOT / "data" / "raw").glob("*.pdf")):
        assert _view(path, "pdfium") == _view(path, "pdfplumber"), path.name


def _scores(out: Path) -> dict[str, float]:
    spec = importlib.util.spec_from_file_location("score", SHARED / "corpus" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    result = score.score(out, SYNTH / "gold")
    return {name: v.get("f1", v.get("accuracy", 0.0)) for name, v in result["fields"].items()}


@needs_shared
def test_engines_score_within_a_hundredth(synth_out: Path, tmp_path: Path) -> None:
    """synth_out is the session's pdfplumber run of the corpus; here the same corpus through PDFium."""
    from pipeline.batch.run import run

    summary = run(SYNTH, tmp_path / "pdfium", engine="pdfium", workers=2)
    assert summary.failed == 0
    pdfium, pdfplumber = _scores(tmp_path / "pdfium"), _scores(synth_out)
    assert set(pdfium) == set(pdfplumber)
    apart = {
        f: (round(pdfium[f], 3), round(pdfplumber[f], 3))
        for f in pdfium
        if abs(pdfium[f] - pdfplumber[f]) > 0.01
    }
    assert apart == {}
