"""Times and dates as the four languages print them."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.recognise.dates import find_dates
from pipeline.recognise.times import find_ranges, find_times, find_times_ranged, leading_range

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
    # the forms real records use, each language
    ("en", "was called to order at 10:12 a.m.", ["10:12"]),
    ("en", "The meeting was called to order at 3.30 p.m.", ["15:30"]),
    ("en", "The meeting rose at 6:12 p.m.", ["18:12"]),
    ("en", "The meeting rose at 6:12  p.m.", ["18:12"]),  # a justified line's wider space
    ("en", "The meeting rose at 6:12\np.m.", ["18:12"]),  # a line broken between the two
    ("en", "suspended at noon, not in the afternoon", ["12:00"]),
    ("en", "until midday", ["12:00"]),
    ("es", "se inició a las 15.40 horas", ["15:40"]),
    ("es", "se levantó la sesión a las 17:52 horas", ["17:52"]),
    ("es", "a las tres y veinte de la tarde", ["15:20"]),
    ("es", "a las tres y veinte horas de la tarde", ["15:20"]),
    ("es", "se reanudó al mediodía", ["12:00"]),
    ("es", "a las doce del mediodía", ["12:00"]),
    ("es", "trabajó medio día", []),  # half a day, not noon
    ("fr", "La séance est ouverte à 10 h 15.", ["10:15"]),
    ("fr", "La séance est levée à 12 h 40.", ["12:40"]),
    ("fr", "suspendue à midi", ["12:00"]),
    ("fr", "à 15 heures de l'après-midi", ["15:00"]),  # "midi" of "après-midi" is no noon
    ("pt", "A sessão foi aberta às 11h05.", ["11:05"]),
    ("pt", "encerrou-se às 12h48.", ["12:48"]),
    ("pt", "retomada ao meio-dia", ["12:00"]),
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
    ("en", "from 9.30 a.m. to 1 p.m.", ("09:30", "13:00")),
    ("en", "from 10 a.m. to noon", ("10:00", "12:00")),
    ("en", "11:30 – 1:00 Lunch", ("11:30", "13:00")),  # an end before its start is afternoon
    ("en", "from 3 p.m. to 6:12", ("15:00", "18:12")),  # the end takes the start's p.m.
    ("es", "de 9:30 a 13:00 horas", ("09:30", "13:00")),
    ("es", "de las 3 de la tarde a las 6:12", ("15:00", "18:12")),
    ("fr", "10 h 45 – 11 h", ("10:45", "11:00")),
    ("fr", "de 9 h 30 à 13 heures", ("09:30", "13:00")),
    ("pt", "das 9h30 às 12h30", ("09:30", "12:30")),
    ("pt", "das 11h30 às 1h00", ("11:30", "13:00")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RANGES)
def test_ranges(lang, text, expected):
    (r,) = find_ranges(text, lang)[:1]
    assert (r.start.time, r.end.time) == expected


def test_a_range_in_running_text_gives_its_end_the_ranges_day_part():
    text = "The meeting was suspended from 3 p.m. to 6:12 and then went on."
    assert [t.time for t in find_times_ranged(text, "en")] == ["15:00", "18:12"]


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


def test_a_date_link_is_the_languages_own():
    assert [d for d, _, _ in find_dates("the 15th of February 2024", "en")] == [date(2024, 2, 15)]
    assert [d for d, _, _ in find_dates("1º de março de 2024", "pt")] == [date(2024, 3, 1)]
    assert find_dates("15 of febrero de 2024", "es") == []  # "of" is no Spanish link
