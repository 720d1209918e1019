"""The extract stage on small PDFs whose content each test states."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfs import Text, build_pdf

from pipeline.document import join_lines
from pipeline.extract import ExtractError, extract


def test_running_header_and_page_numbers_are_set_apart(tmp_path: Path):
    said = ["The Chair opened the meeting.", "The delegation of Peru took the floor.", "The meeting rose."]
    pages = [[Text(text)] for text in said]
    path = build_pdf(tmp_path / "h.pdf", pages, header="CP/CAJP/SA.811/24", footer_page_numbers="- {n} -")
    doc = extract(path)
    assert [ln.text for p in doc.pages for ln in p.lines] == said
    assert [ln.text for ln in doc.pages[1].header] == ["CP/CAJP/SA.811/24", "- 2 -"]


def test_footnotes_are_apart_from_the_body_and_keep_their_mark(tmp_path: Path):
    body = [Text("The Committee approved the order of business without amendment, as is its custom.")] * 3
    pages = [[Text("Summary of the meeting held on May 6, 2024", bold=True, superscript="1"), *body]]
    path = build_pdf(
        tmp_path / "f.pdf",
        pages,
        footnotes={1: [("1", "The presentation was distributed as CP/INF.9472/19.")]},
    )
    page = extract(path).pages[0]
    assert [ln.text for ln in page.lines] == ["Summary of the meeting held on May 6, 2024"] + [
        b.text for b in body
    ]
    assert page.lines[0].marks == ("1",)
    assert [(f.mark, f.text) for f in page.footnotes] == [
        ("1", "The presentation was distributed as CP/INF.9472/19.")
    ]


def test_fake_bold_glyphs_are_read_once(tmp_path: Path):
    path = build_pdf(tmp_path / "b.pdf", [[Text("BACKGROUND", fake_bold=True), Text("Plain text follows.")]])
    assert extract(path).pages[0].lines[0].text == "BACKGROUND"


def test_typography_is_kept_on_each_line(tmp_path: Path):
    path = build_pdf(
        tmp_path / "t.pdf",
        [[Text("I. Background", bold=True, size=12), Text("Question and answer session", italic=True)]],
    )
    heading, aside = extract(path).pages[0].lines
    assert heading.bold and not heading.italic and heading.size == 12
    assert aside.italic and not aside.bold


def test_a_two_column_programme_reads_row_by_row(tmp_path: Path):
    rows = [
        Text("10:00 – 10:15", right="Inauguration"),
        Text("10:15 – 11:45", right="Introduction to Digital Diplomacy"),
    ]
    lines = extract(build_pdf(tmp_path / "p.pdf", [rows])).pages[0].lines
    assert [ln.text for ln in lines] == [
        "10:00 – 10:15 Inauguration",
        "10:15 – 11:45 Introduction to Digital Diplomacy",
    ]


def test_link_annotations_keep_the_text_under_them(tmp_path: Path):
    url = "https://scm.oas.org/audios/2024/CP_CAJP-3769-02-15-2024.mp3"
    page = extract(build_pdf(tmp_path / "l.pdf", [[Text("Video of the presentation", link=url)]])).pages[0]
    assert [(lk.url, lk.label) for lk in page.links] == [(url, "Video of the presentation")]


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["strengthening demo-", "cracy in the region"], "strengthening democracy in the region"),
        (["distributed as document CP/CAJP-", "3769/23."], "distributed as document CP/CAJP-3769/23."),
        (
            ["document CP/CSH/", "SA.690/22, without amendment."],
            "document CP/CSH/SA.690/22, without amendment.",
        ),
        (
            ["at https://scm.oas.org/audios/2024/", "CP_CSH-3413-11-18-2024.mp3."],
            "at https://scm.oas.org/audios/2024/CP_CSH-3413-11-18-2024.mp3.",
        ),
        (["the Inter-", "American Commission"], "the Inter- American Commission"),
        (  # an address's own hyphen at a line end is kept: word processors do not hyphenate addresses
            ["voir https://www.oas.org/fr/ssm/cicte/seminaire-", "infrastructures-2024.asp."],
            "voir https://www.oas.org/fr/ssm/cicte/seminaire-infrastructures-2024.asp.",
        ),
        (["(www.oas.org/es/cidh/informe-", "anual.asp)"], "(www.oas.org/es/cidh/informe-anual.asp)"),
    ],
)
def test_line_ends_are_joined_the_way_a_reader_joins_them(lines, text):
    assert join_lines(lines) == text


def test_a_file_that_is_not_a_pdf_says_so(tmp_path: Path):
    path = tmp_path / "error.pdf"
    path.write_text("<html><body>404 Not Found</body></html>")
    with pytest.raises(ExtractError, match=r"not a PDF: the file starts with '?<html>"):
        extract(path)


def test_an_empty_file_says_so(tmp_path: Path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(ExtractError, match="empty file"):
        extract(path)
