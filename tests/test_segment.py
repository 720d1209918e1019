"""Headings, agenda items and timed slots, read from typography and numbering."""

from __future__ import annotations

from pathlib import Path

from pdfs import Text, build_pdf

from pipeline.extract import extract
from pipeline.segment import segment


def tree_of(tmp_path: Path, lines: list[Text], lang: str = "en"):
    return segment(extract(build_pdf(tmp_path / "doc.pdf", [lines])), lang)


def test_numbered_agenda_items_become_sections(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text("Summary of the regular meeting held on May 6, 2024", bold=True, size=12),
            Text("The meeting was called to order at 10:05 a.m.", gap_before=10),
            Text("1. Approval of the order of business", bold=True, gap_before=10),
            Text("The order of business was approved.", gap_before=6),
            Text("2. Other business", bold=True, gap_before=10),
            Text("No delegation requested the floor.", gap_before=6),
        ],
    )
    assert [(s.kind, s.number, s.heading) for s in tree.sections] == [
        ("preamble", None, None),
        ("item", "1", "Approval of the order of business"),
        ("item", "2", "Other business"),
    ]
    assert tree.sections[0].paragraphs[0].text.startswith("Summary of the regular meeting")


def test_timed_slots_nest_by_their_times_and_read_on_past_noon(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text(
                "Summary of the CAJP Course on Digital Diplomacy, held on February 15, 2024",
                bold=True,
                size=12,
            ),
            Text("Course proceedings", bold=True, gap_before=10),
            Text("10:00 – 10:15 Inauguration", bold=True, gap_before=6),
            Text("10:15 – 11:45 Introduction to Digital Diplomacy", bold=True, gap_before=6),
            Text("10:15 – 10:55 Terms, concepts, and tools", bold=True, gap_before=6),
            Text("12:45 - 1:00 Conclusions", bold=True, gap_before=6),
        ],
    )
    slots = [(s.start, s.end, s.heading, s.parent_id) for s in tree.sections if s.kind == "slot"]
    assert slots == [
        ("10:00", "10:15", "Inauguration", 1),
        ("10:15", "11:45", "Introduction to Digital Diplomacy", 1),
        ("10:15", "10:55", "Terms, concepts, and tools", 3),
        ("12:45", "13:00", "Conclusions", 1),
    ]


def test_a_programme_title_and_labels_are_not_headings(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text(
                "Summary of the CSH Course on Trafficking in Persons, held on November 18, 2024",
                bold=True,
                size=12,
            ),
            Text("PROCEEDINGS OF THE COURSE", gap_before=10),
            Text("COURSE ON TRAFFICKING IN PERSONS", bold=True, gap_before=10),
            Text("Date: November 18, 2024", gap_before=6),
            Text("Time: 3:00 p.m. – 4:00 p.m."),
            Text("3:00 – 3:30 Opening remarks", bold=True, gap_before=6),
            Text("Question and answer session", italic=True),
            Text("Questions for discussion:"),
        ],
    )
    assert [s.heading for s in tree.sections[1:]] == ["PROCEEDINGS OF THE COURSE", "Opening remarks"]
    assert (tree.sections[2].start, tree.sections[2].end) == ("15:00", "15:30")


def test_the_cover_block_above_the_title_goes_to_the_header(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text("OEA/Ser.G", x=400),
            Text("CP/CAJP/SA.811/24", x=400),
            Text("March 1, 2024", x=400),
            Text("Summary of the meeting held on February 15, 2024", bold=True, size=12, gap_before=20),
            Text("The meeting began at 10:00 a.m.", gap_before=10),
        ],
    )
    assert "CP/CAJP/SA.811/24" in tree.header_text
    assert "March 1, 2024" not in tree.sections[0].text
