"""`acta review`: a reviewer opens one HTML page and sees every PDF page with the extracted items boxed.

The page is checked as a browser shows it (headless Chromium screenshot, skipped where Chromium is not
installed) and, everywhere, by decoding its page images and counting the pixels of each kind's colour.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT
from PIL import Image

import pipeline as acta
from pipeline.analyst.review_page import KINDS
from pipeline.cli import main

RAW = ROOT / "data" / "raw"
BOXED = ("heading", "time", "delegation", "symbol", "link", "attendance")  # all on page 1 of CP/SA.2401/23


@pytest.fixture(scope="module")
def page(sample_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review of the Spanish Permanent Council sample, named by its symbol as an analyst would."""
    out = tmp_path_factory.mktemp("review") / "review.html"
    return acta.review("CP/SA.2401/23", out, in_dir=RAW, out_dir=sample_out)


def coloured(image: Image.Image, kind: str) -> int:
    """Pixels of the kind's stroke colour (box edges; the legend swatches are a few dozen at most)."""
    pixels = np.asarray(image.convert("RGB"), dtype=int)
    return int((np.abs(pixels - KINDS[kind][1]) < 12).all(axis=-1).sum())


def page_images(html: str) -> list[Image.Image]:
    found = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    return [Image.open(io.BytesIO(base64.b64decode(data))) for data in found]


def test_the_page_is_self_contained(page: Path):
    html = page.read_text()
    assert len(page_images(html)) == 2  # one image per PDF page
    assert not re.search(r"<(?:script|link|iframe)|src=\"(?!data:)", html)


def test_every_kind_of_item_is_boxed_on_the_page_image(page: Path):
    first = page_images(page.read_text())[0]
    assert {kind: coloured(first, kind) > 150 for kind in BOXED} == dict.fromkeys(BOXED, True)


def test_boxes_and_rows_point_at_each_other(page: Path):
    html = page.read_text()
    rows = set(re.findall(r'<tr id="r(\d+)"', html))
    boxed = set(re.findall(r'id="b(\d+)" href="#r(\d+)"', html))
    assert boxed and all(b == r and r in rows for b, r in boxed)
    assert "symbols (refs): 5/5" in html  # every cited symbol found where it is printed
    assert "CP/doc.5890/23 corr. 1" in html  # and the rows they became are shown beside the page


def test_review_takes_a_pdf_path_from_the_command_line(sample_out: Path, tmp_path: Path, capsys):
    pdf = RAW / "cp_sesion_ordinaria_2023-03-08_es.pdf"
    out = tmp_path / "cp.html"
    assert main(["review", str(pdf), "--out", str(out), "--dir", str(sample_out)]) == 0  # the old spelling
    assert str(out) in capsys.readouterr().out
    assert "Andrés Valdivieso Rojas" in out.read_text()


def test_review_says_where_it_looked_for_a_missing_pdf(sample_out: Path, tmp_path: Path, capsys):
    args = ["review", "CP/SA.2401/23", "--in-dir", str(tmp_path), "--out-dir", str(sample_out)]
    assert main([*args, "--save", str(tmp_path / "r.html")]) == 2
    assert "--in-dir" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_a_browser_shows_the_boxes(page: Path, tmp_path: Path):
    shot = tmp_path / "shot.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    flags += ["--disable-component-update", "--disable-sync", "--no-first-run"]
    flags += [f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1400,1800"]
    subprocess.run(["chromium", *flags, page.resolve().as_uri()], capture_output=True, timeout=120)
    assert shot.exists(), "Chromium wrote no screenshot"
    # the first page image sits left of x=870, whole; the rows beside it have swatches of the same colours
    sheet = Image.open(shot).crop((0, 0, 870, 1800))
    drawn = page_images(page.read_text())[0]
    shown = {kind: coloured(sheet, kind) >= coloured(drawn, kind) > 150 for kind in BOXED}
    assert shown == dict.fromkeys(BOXED, True)


def test_review_shows_the_hidden_text_that_no_table_holds(tmp_path: Path):
    """White text on a white page: not in the rows, but listed and boxed as kept out."""
    from hostile import HIDDEN, hidden_cases

    pdf = tmp_path / "hidden_white.pdf"
    pdf.write_bytes(next(data for name, data, _ in hidden_cases() if name == pdf.name))
    html = acta.review(str(pdf), tmp_path / "r.html", out_dir=tmp_path / "no tables").read_text()
    assert f"text={HIDDEN}" in html
    assert "hidden text, kept out of the tables: 1/1" in html
    assert "<td>hidden_chars</td><td>68</td>" in html
    assert coloured(page_images(html)[0], "hidden") > 150
