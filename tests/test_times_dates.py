"""Times and dates as the four languages print them."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.recognise.dates import find_dates
from pipeline.recognise.times import find_ranges, find_times, leading_range

TIMES = [
    ("en", "The Course commenced at 10:03 a.m.", ["10:03"]),
    ("en", "the Course was adjourned the 1:01 p.m.", ["13:01"]),
    ("en", "began at 10.44 a.m.", ["10:44"]),
    ("en", "opened the meeting at 3:41 PM.", ["15:41"]),
    ("en", "The Dialogue commenced at 15:10.", ["15:10"]),
    ("en", "commenced at 10:43 hrs.", ["10:43"]),
    ("en", "paragraph 10.03 of the draft", []),
    ("en", "the American States", []),
    ("es", "convocada para las 9:30 horas, se inició a las 9:51 horas.", ["09:30", "09:51"]),
    ("es", "Lunes 29 de junio de 2009, a las 12.00 horas", ["12:00"]),
    ("fr", "a débuté à 14 h 34.", ["14:34"]),
    ("fr", "La séance, convoquée pour 15 h, a été ouverte à 15 h 18.", ["15:00", "15:18"]),
    ("pt", "e começou às 10h35.", ["10:35"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TIMES)
def test_times(lang, text, expected):
    found = find_times(text, lang)
    assert [t.time for t in found] == expected
    for t in found:
        assert text[t.start : t.end].strip() == t.raw


RANGES = [
    ("en", "10:00 – 10:15 Inauguration", ("10:00", "10:15")),
    ("en", "10:55 - 11:35 Nele Leosk, Ambassador-at-Large", ("10:55", "11:35")),
    ("en", "12:45 - 1:00 p.m. Conclusions", ("12:45", "13:00")),
    ("en", "Time: 10:00 a.m. – 1:00 p.m.", ("10:00", "13:00")),
    ("es", "10:30 a.m. a 10:40 a.m. Inauguración", ("10:30", "10:40")),
    ("es", "Hora: 10:30 horas a 14:20 horas", ("10:30", "14:20")),
    ("fr", "14h30 – 14h50 Mots de bienvenue", ("14:30", "14:50")),
    ("pt", "10 h 30 às 10 h 45 Abertura", ("10:30", "10:45")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RANGES)
def test_ranges(lang, text, expected):
    (r,) = find_ranges(text, lang)[:1]
    assert (r.start.time, r.end.time) == expected


def test_a_slot_line_starts_with_its_range_and_a_sentence_does_not():
    assert leading_range("10:00 – 10:15 Inauguration", "en") is not None
    assert leading_range("The meeting ran from 10:00 to 11:00.", "en") is None


DATES = [
    ("en", "held on February 15, 2024", date(2024, 2, 15)),
    ("en", "5 August 2018", date(2018, 8, 5)),
    ("es", "celebrada el 16 de septiembre de 2019", date(2019, 9, 16)),
    ("es", "Lunes 29 de junio de 2009, a las 12.00 horas", date(2009, 6, 29)),
    ("fr", "tenu le 1er mars 2024", date(2024, 3, 1)),
    ("fr", "le 15 février 2024", date(2024, 2, 15)),
    ("pt", "realizado em 1º de março de 2024", date(2024, 3, 1)),
    ("pt", "15 de fevereiro de 2024", date(2024, 2, 15)),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DATES)
def test_dates_are_read_in_the_documents_language(lang, text, expected):
    assert [d for d, _, _ in find_dates(text, lang)] == [expected]
