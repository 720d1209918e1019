"""Times and dates as the four languages print them."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.document import Paragraph
from pipeline.language import cues
from pipeline.parse.times import _said
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
    (r,) = find_ranges(text, lang)
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


# Which time is which (GOLD.md): the cue nearest a time in its sentence says what it marks; three
# phrasings per rule and language.
CALL, END, SCHED, SCHED_END, OTHER = (
    "call_to_order",
    "adjournment",
    "scheduled_start",
    "scheduled_end",
    "other",
)
ROLES = [
    ("en", "The meeting was called to order at 10:12 a.m.", [CALL]),
    ("en", "The Chair called it to order at 3:17 p.m., with twenty-two Member States present.", [CALL]),
    ("en", "The session commenced at 9.30 a.m. with the adoption of the agenda.", [CALL]),
    ("en", "The meeting rose at 5.20 p.m.", [END]),
    ("en", "There being no further business, the Chair adjourned the meeting at 1:07 p.m.", [END]),
    ("en", "The Chair thanked the panelists and closed the dialogue at 1:14 p.m.", [END]),
    (
        "en",
        "The meeting, which had been convened for 10:00 a.m., was called to order at 10:12 a.m.",
        [SCHED, CALL],
    ),
    ("en", "The meeting was scheduled for 3 p.m.", [SCHED]),
    (
        "en",
        "The dialogue was scheduled to run from 9:30 a.m. to 1:00 p.m.; it opened at 9:41 a.m.",
        [SCHED, SCHED_END, CALL],
    ),
    ("en", "The meeting was suspended at 4.35 p.m.", [OTHER]),
    ("en", "The meeting was adjourned until 3 p.m. the following day.", [OTHER]),
    ("en", "The next meeting would be held on Thursday at 10 a.m.", [OTHER]),
    ("es", "La reunión, convocada para las 9:30 horas, se inició a las 9:51 horas.", [SCHED, CALL]),
    ("es", "A las tres y veinte de la tarde celebró sesión el Consejo Permanente.", [CALL]),
    ("es", "La Presidenta declaró abierta la sesión a las 10.15 horas.", [CALL]),
    ("es", "Se levantó la sesión a las 13.20 horas.", [END]),
    ("es", "Sin otros asuntos que tratar, la Presidenta levantó la reunión a las 17.52 horas.", [END]),
    ("es", "La sesión se clausuró a la una y cuarto de la tarde.", [END]),
    ("es", "La sesión estaba prevista para las 10:00 horas.", [SCHED]),
    ("es", "La reunión, programada para las 15.00 horas, comenzó a las 15.12 horas.", [SCHED, CALL]),
    ("es", "Convocada para las 9:30 horas, la reunión se inició a las 9:45 horas.", [SCHED, CALL]),
    ("es", "La próxima sesión se celebrará el jueves a las 10.00 horas.", [OTHER]),
    ("es", "La sesión se suspendió a las 11:40 horas.", [OTHER]),
    ("es", "Se acordó un plazo hasta las 18:00 horas.", [OTHER]),
    ("fr", "La séance est ouverte à 10 h 15.", [CALL]),
    ("fr", "La Présidente a ouvert les travaux à 9 h 38.", [CALL]),
    ("fr", "La séance a commencé à 15 h 20.", [CALL]),
    ("fr", "La séance est levée à 12 h 40.", [END]),
    ("fr", "La Présidente a clos le séminaire à 13 h 05.", [END]),
    ("fr", "La séance s'est terminée à 18 heures.", [END]),
    ("fr", "La séance, convoquée pour 15 h, a été ouverte à 15 h 18.", [SCHED, CALL]),
    ("fr", "La réunion était prévue pour 10 heures.", [SCHED]),
    ("fr", "Le séminaire devait débuter à 9 h 30.", [SCHED]),
    ("fr", "La prochaine réunion aura lieu le jeudi 25 avril à 15 heures.", [OTHER]),
    ("fr", "La séance a été suspendue à 11 h 10.", [OTHER]),
    ("fr", "Elle a rappelé que la Commission se réunira à 10 heures.", [OTHER]),
    ("pt", "A sessão foi aberta às 11h05.", [CALL]),
    ("pt", "Às 10h20 do dia 12 de junho, realizou-se a sessão ordinária do Conselho.", [CALL]),
    ("pt", "O Presidente abriu a reunião às 10h35.", [CALL]),
    ("pt", "A sessão foi encerrada às 12h48.", [END]),
    ("pt", "O Presidente encerrou a reunião às 12h21.", [END]),
    ("pt", "Encerrou-se a sessão às 13h10.", [END]),
    ("pt", "Previsto para as 9h30, o curso teve início às 9h41.", [SCHED, CALL]),
    ("pt", "A sessão havia sido convocada para as 10h30.", [SCHED]),
    ("pt", "A reunião estava marcada para as 15h00.", [SCHED]),
    ("pt", "A próxima reunião será realizada no dia 20 de junho, às 15h00.", [OTHER]),
    ("pt", "A sessão foi suspensa às 11h40.", [OTHER]),
    ("pt", "Lembro que o prazo vai até às 18h00.", [OTHER]),
]


def _kinds(text: str, lang: str) -> list[str]:
    return [kind for _, kind in _said(Paragraph(lines=[], text=text), _cue_list(lang), lang)]


def _cue_list(lang: str) -> list[tuple[str, str]]:
    return [(k, p.casefold()) for k, phrases in cues(lang).time_cues.items() for p in phrases]


@pytest.mark.parametrize(("lang", "text", "expected"), ROLES)
def test_the_nearest_cue_says_which_time_is_which(lang, text, expected):
    assert _kinds(text, lang) == expected


def test_a_day_part_before_a_lower_case_word_does_not_end_the_sentence():
    """The issue's "6:12 p.m." read as 06:12, and 1:00 p.m. as the call to order: a full stop of
    "a.m." ended the sentence, so the range's end and its cue fell into the next one."""
    text = (
        "Although the programme had been scheduled to run from 9:30 a.m. to 1:00 p.m., "
        "the Chair opened the dialogue at 9:41 a.m. The meeting rose at 6:12 p.m."
    )
    said = _said(Paragraph(lines=[], text=text), _cue_list("en"), "en")
    assert [(t.time, kind) for t, kind in said] == [
        ("09:30", SCHED), ("13:00", SCHED_END), ("09:41", CALL), ("18:12", END)
    ]  # fmt: skip


def test_times_of_a_programme_row_are_no_call_to_order():
    assert _kinds("9:30 – 9:45 Opening of the meeting by the Chair, who opened the session", "en") == [
        OTHER, OTHER
    ]  # fmt: skip
