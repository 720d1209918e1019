"""The real summary this project grew from (../shared/seed), as typeset by scripts/make_samples.py into
data/raw: every fact a careful reader takes from it must come out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.segment import segment

SEED_PDF = Path(__file__).resolve().parent.parent / "data/raw/cajp_course_digital_diplomacy_2024-02-15.pdf"


@pytest.fixture(scope="module")
def seed():
    return parse(segment(extract(SEED_PDF)))


def test_metadata(seed):
    m = seed.meta
    assert (m.language, m.symbol, m.body, m.meeting_type, m.meeting_date) == (
        "en",
        None,
        "CAJP",
        "course",
        date(2024, 2, 15),
    )
    assert (m.scheduled_start, m.scheduled_end, m.start_time, m.end_time) == (
        "10:00",
        "13:00",
        "10:03",
        "13:01",
    )
    assert (m.chair, m.venue) == ("Sebastián Kraljevich", "Rubén Darío Room")


def test_sections_and_nested_slots(seed):
    rows = [(s.kind, s.heading, s.start, s.end, s.parent_id) for s in seed.tree.sections]
    assert rows[:4] == [
        ("preamble", None, None, None, None),
        ("heading", "Background", None, None, 0),
        ("heading", "Course proceedings", None, None, 0),
        ("slot", "Inauguration", "10:00", "10:15", 2),
    ]
    slots = [(s.start, s.end) for s in seed.tree.sections if s.kind == "slot"]
    assert slots == [
        ("10:00", "10:15"),
        ("10:15", "11:45"),
        ("10:15", "10:55"),
        ("10:55", "11:35"),
        ("11:35", "11:45"),
        ("11:45", "12:45"),
        ("12:45", "13:00"),
    ]
    nested = {s.heading.split(",")[0]: s.parent_id for s in seed.tree.sections if s.kind == "slot"}
    assert nested["Manuel Muñiz"] == nested["Nele Leosk"] == 4  # inside 10:15 – 11:45


def test_refs_attendance_and_footnote(seed):
    assert [r.symbol.symbol for r in seed.refs] == [
        "CP/CAJP-3767/23",
        "CP/CAJP-3769/23",
        "CP/CAJP/INF.1096/24",
        "CP/CAJP/INF.1097/24",
    ]
    assert seed.attendance == [
        "ARG", "BHS", "BOL", "BRA", "CHL", "COL", "CRI", "DOM", "ECU",
        "SLV", "GUY", "HTI", "MEX", "PAN", "PRY", "PER", "VCT",
    ]  # fmt: skip
    (note,) = seed.tree.footnotes
    assert note.mark == "1" and note.text.startswith(
        "Summaries of CAJP meetings are available in the four languages"
    )


def test_speakers(seed):
    people = {(s.name, s.role, s.organization, s.country) for s in seed.speakers}
    # GOLD.md: the chair speaks in the chairing post, for the state they represent
    assert ("Sebastián Kraljevich", "Chair of the CAJP", None, "CHL") in people
    assert (
        "Nele Leosk",
        "Ambassador-at-Large for Digital Affairs",
        "Ministry of Foreign Affairs",
        "EST",
    ) in people
    assert ("Mike Mora", "Specialist", "Department for Effective Public Management", None) in people
    names = {s.name for s in seed.speakers}
    assert names == {
        "Sebastián Kraljevich", "María Fernanda Trigo", "Manuel Muñiz", "Nele Leosk",
        "Alexandra Reeve Givens", "Sidney Leclercq", "Elaine Ford", "Alberto Fernández Gibaja", "Mike Mora",
    }  # fmt: skip
    assert "Mabel García" not in names  # the vice chair is named but does not speak


def test_links(seed):
    urls = {lk.url for lk in seed.links}
    assert "https://scm.oas.org/audios/2024/CP_CAJP-3769-02-15-2024.mp3" in urls
    assert "https://www.oas.org/en/council/CAJP/summaries.asp" in urls
    labels = {lk.label for lk in seed.links}
    assert "2024 FEB 15 Course CAJP-DEPM on Digital Diplomacy (youtube.com)" in labels
