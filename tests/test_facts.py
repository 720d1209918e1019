"""Document facts as real records write them, per language: the venue (a room, else a city, else a
masthead's city), the date line under the title, what a document is (its kind) and, for a document that
records no meeting, no meeting facts at all; a UN record's body from its own symbol and its scheduled
start from its masthead. Each table row is text as printed in OAS, UN and CELAC records.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.document import Line, Paragraph, Section, SectionTree
from pipeline.families import families
from pipeline.language import cues
from pipeline.parse import parse
from pipeline.parse.facts import read_facts
from pipeline.parse.venue import city, room
from pipeline.segment.title import is_date_line

ROOMS = [  # (language, sentence, room)
    ("en", "The Committee met in regular session in the Simón Bolívar Room.", "Simón Bolívar Room"),
    (
        "en",
        "The dialogue took place in the Hall of the Americas as part of the meeting.",
        "Hall of the Americas",
    ),
    ("en", "The meeting was held in room Rubén Darío at 10 a.m.", "room Rubén Darío"),
    (
        "es",
        "La reunión se inició a las 15.40 horas en el Salón Libertador, bajo la presidencia",
        "Salón Libertador",
    ),
    (
        "es",
        "La reunión se realizó en sala 5 del Edificio Temporal de Naciones Unidas en Nueva York.",
        "sala 5 del Edificio Temporal de Naciones Unidas",
    ),
    ("es", "La sesión tuvo lugar en la Sala Padilha Vidal del edificio principal.", "Sala Padilha Vidal"),
    (
        "fr",
        "La Commission s’est réunie dans la salle Gabriela Mistral, sous la présidence",
        "salle Gabriela Mistral",
    ),
    ("fr", "Le séminaire s’est tenu dans la salle Guerrero, de 9 h 30 à 13 heures.", "salle Guerrero"),
    ("fr", "La séance a eu lieu au Salon des Amériques.", "Salon des Amériques"),
    ("pt", "O curso realizou-se na Sala Aguilar e foi presidido pela Embaixadora", "Sala Aguilar"),
    ("pt", "Na Sala Padilha Vidal, às 11h05 da terça-feira, realizou-se a sessão", "Sala Padilha Vidal"),
    ("pt", "A reunião teve lugar no Salão Nobre do Itamaraty.", "Salão Nobre do Itamaraty"),
]
NO_ROOM = [  # a code after a venue word is no room: UN records' correction notes
    ("en", "Corrections should be submitted to the Chief of the Verbatim Reporting Service, room AB-0928."),
    ("en", "Corrections should be sent under the signature of a delegation to room C-178."),
    ("es", "La reunión se realizó en la sala de conferencias del segundo piso."),
]
CITIES = [  # (language, sentence, city)
    ("en", "In the city of Washington, at 10.15 a.m. on Tuesday, the Permanent Council met.", "Washington"),
    ("en", "Held at Headquarters, New York, on Wednesday, 17 July 2024, at 3 p.m.", "New York"),
    ("en", "In the City of Panama, on the third day of June, the Council held a special meeting.", "Panama"),
    (
        "es",
        "En la ciudad de Washington, a las doce y diez de la tarde del domingo 28 de junio de 2009,",
        "Washington",
    ),
    ("es", "En la Ciudad de México, a las diez de la mañana del 3 de mayo, se reunió el Consejo.", "México"),
    ("es", "En la ciudad de San José, siendo las nueve horas, celebró sesión el Consejo.", "San José"),
    ("fr", "Dans la ville de Washington, à 10 h 15, le Conseil permanent a tenu sa séance.", "Washington"),
    ("fr", "Dans la ville de Port-au-Prince, le mardi 3 mars, s’est tenue la réunion.", "Port-au-Prince"),
    ("fr", "À la ville de Québec, le Conseil s’est réuni.", "Québec"),
    ("pt", "Na cidade de Washington, às 10h15 da terça-feira, realizou-se a sessão.", "Washington"),
    ("pt", "Na cidade de Brasília, às nove horas, reuniu-se o Conselho.", "Brasília"),
    ("pt", "Na Cidade de São Paulo, no dia 3 de março, teve lugar a reunião.", "São Paulo"),
]
DATE_LINES = [  # (language, line, is a date line)
    ("en", "Held on Thursday, 23 May 2024", True),
    ("en", "Held on 8 October 2024", True),
    ("en", "Held at Headquarters, New York, on Wednesday, 17 July 2024, at 3 p.m.", True),
    ("en", "Held on the occasion of the fiftieth anniversary of the Charter", False),
    ("es", "Celebrada el jueves 22 de febrero de 2024", True),
    ("es", "celebrada el miércoles 12 de junio de 2024", True),
    ("es", "Realizada el 3 de marzo de 2023", True),
    ("es", "Aprobación del orden del día", False),
    ("fr", "Tenue le mardi 16 avril 2024", True),
    ("fr", "Tenu le mercredi 9 octobre 2024", True),
    ("fr", "Tenue le 2 mai 2023", True),
    ("pt", "Realizada em 13 de junho de 2024", True),
    ("pt", "Realizada na terça-feira, 30 de abril de 2024", True),
    ("pt", "Realizado na quinta-feira, 7 de novembro de 2024", True),
]
KINDS = [  # (language, first lines of page 1, kind)
    ("en", ["A/65/908", "Letter dated 15 July 2011 from the Permanent Representative of Honduras"], "letter"),
    ("en", ["Summary record of the 31st meeting", "Held at Headquarters, New York"], "summary"),
    ("en", ["OEA/Ser.G", "DECLARATION OF PANAMA ON THE PROTECTION OF MIGRANTS"], "declaration"),
    ("en", ["RESOLUTION ADOPTED BY THE PERMANENT COUNCIL"], "resolution"),
    (
        "es",
        ["Comunidad de Estados Latinoamericanos y Caribeños", "CELAC", "DECLARACIÓN ESPECIAL SOBRE"],
        "declaration",
    ),
    ("es", ["Tema 42 del programa", "Cartas idénticas de fecha 15 de julio de 2011 dirigidas al"], "letter"),
    ("es", ["Minuta sobre el desarrollo de la III Reunión de Coordinadores Nacionales"], "minutes"),
    ("es", ["Nota de la Misión Permanente de Honduras solicitando una sesión"], "note"),
    ("fr", ["3 septembre 2024", "NOTE DE LA MISSION PERMANENTE D’HAÏTI TRANSMETTANT LE COMMUNIQUÉ"], "note"),
    ("fr", ["Lettre datée du 3 mars 2024, adressée au Président du Conseil"], "letter"),
    ("fr", ["RÉSOLUTION ADOPTÉE PAR LE CONSEIL PERMANENT"], "resolution"),
    ("fr", ["Procès-verbal de la séance ordinaire"], "minutes"),
    ("pt", ["DECLARAÇÃO DE BRASÍLIA"], "declaration"),
    ("pt", ["Carta datada de 3 de março de 2024 do Representante Permanente"], "letter"),
    ("pt", ["Resolução aprovada pelo Conselho Permanente"], "resolution"),
    ("pt", ["Tema 5", "Relatório anual do Conselho"], "report"),
]


def _para(text: str, page: int = 1) -> Paragraph:
    line = Line(text=text, page=page, x0=72, top=100, x1=500, bottom=112, size=11, font="Times")
    return Paragraph(lines=[line], text=text)


def _tree(lang: str, paragraphs: list[str], family: str = "generic", header: str = "") -> SectionTree:
    preamble = Section(0, None, 0, "preamble", None, paragraphs=[_para(t) for t in paragraphs])
    return SectionTree([preamble], header, [], [], lang, family)


@pytest.mark.parametrize(("lang", "sentence", "expected"), ROOMS)
def test_a_room_is_read_whatever_its_head_noun_and_case(lang: str, sentence: str, expected: str) -> None:
    assert room(sentence, cues(lang)) == expected


@pytest.mark.parametrize(("lang", "sentence"), NO_ROOM)
def test_a_code_or_a_common_noun_after_a_venue_word_is_no_room(lang: str, sentence: str) -> None:
    assert room(sentence, cues(lang)) is None


@pytest.mark.parametrize(("lang", "sentence", "expected"), CITIES)
def test_a_city_is_read_after_a_city_phrase(lang: str, sentence: str, expected: str) -> None:
    assert city(sentence, cues(lang)) == expected


@pytest.mark.parametrize(("lang", "line", "expected"), DATE_LINES)
def test_a_date_line_under_the_title_is_told(lang: str, line: str, expected: bool) -> None:
    assert is_date_line(line, cues(lang), lang) is expected


@pytest.mark.parametrize(("lang", "lines", "expected"), KINDS)
def test_a_document_says_what_it_is(lang: str, lines: list[str], expected: str) -> None:
    assert read_facts(_tree(lang, lines), cues(lang)).kind == expected


def test_a_room_wins_over_a_city() -> None:
    tree = _tree(
        "es", ["En la ciudad de Washington, a las tres de la tarde, en el Salón Rubén Darío, se reunió."]
    )
    assert read_facts(tree, cues("es")).venue == "Salón Rubén Darío"


UN_MASTHEADS = [  # (language, masthead paragraphs, own symbol, body, venue, scheduled start)
    (
        "en",
        ["8422nd meeting Thursday, 13 December 2018, 3 p.m.", "New York"],
        "S/PV.8422",
        "UNSC",
        "New York",
        "15:00",
    ),
    (
        "en",
        ["71st plenary meeting", "Tuesday, 21 December 2010, 3 p.m.", "New York", "Official Records"],
        "A/65/PV.71",
        "UNGA",
        "New York",
        "15:00",
    ),
    (
        "es",
        [
            "91ª sesión plenaria",
            "Documentos Oficiales",
            "Lunes 29 de junio de 2009, a las 12.00 horas Nueva York",
        ],
        "A/63/PV.91",
        "UNGA",
        "Nueva York",
        "12:00",
    ),
    (
        "fr",
        ["8422e séance Jeudi 13 décembre 2018, à 15 heures", "New York"],
        "S/PV.8422",
        "UNSC",
        "New York",
        "15:00",
    ),
]


@pytest.mark.parametrize(("lang", "masthead", "symbol", "body", "venue", "start"), UN_MASTHEADS)
def test_a_un_record_has_body_venue_and_start_from_its_masthead(
    lang: str, masthead: list[str], symbol: str, body: str, venue: str, start: str
) -> None:
    facts = read_facts(_tree(lang, masthead, "un_verbatim", header=symbol), cues(lang))
    assert (facts.body, facts.venue, facts.scheduled_start) == (body, venue, start)


def test_the_un_bodies_and_cities_are_data() -> None:
    assert "New York" in families()["un_verbatim"].masthead_cities
    assert families()["un_verbatim"].masthead_time and not families()["oas_summary"].masthead_time


def test_an_own_symbol_printed_with_a_space_in_the_title_block_is_the_own_symbol() -> None:
    tree = _tree(
        "fr", ["CONSEIL PERMANENT DE OEA/Ser.G L’ORGANISATION DES ÉTATS AMÉRICAINS CP/INF. 10245/24"]
    )
    assert read_facts(tree, cues("fr")).symbol == "CP/INF.10245/24"


@pytest.mark.parametrize(
    ("lang", "kind", "paragraphs"),
    [
        (
            "es",
            "letter",
            [
                "Carta de fecha 15 de julio de 2011 dirigida al Secretario General",
                "Presidió la sesión el Embajador Graeme C. Clark, Representante Permanente del Canadá.",
                "El Representante de México hizo uso de la palabra a las 10.15 horas.",
            ],
        ),
        (
            "en",
            "letter",
            [
                "Letter dated 3 March 2024 from the Permanent Representative of Chile",
                "The meeting was chaired by Ambassador Jane Doe, Permanent Representative of Canada.",
                "The delegation of Mexico took the floor at 10:15 a.m. in the Simón Bolívar Room.",
            ],
        ),
        (
            "fr",
            "note",
            [
                "NOTE DE LA MISSION PERMANENTE D’HAÏTI",
                "3 septembre 2024",
                "La séance, présidée par l’Ambassadeur Jean Dupont, s’est tenue le 3 septembre 2024.",
            ],
        ),
    ],
)
def test_a_document_that_records_no_meeting_gets_no_meeting_facts(
    lang: str, kind: str, paragraphs: list[str]
) -> None:
    parsed = parse(_tree(lang, paragraphs))
    meta = parsed.meta
    assert meta.kind == kind
    assert (meta.chair, meta.meeting_date, meta.venue, meta.start_time, meta.scheduled_start) == (None,) * 5
    assert parsed.speakers == parsed.delegations == parsed.attendance == parsed.times == []


def test_a_date_printed_alone_in_the_header_block_is_the_document_date() -> None:
    tree = _tree("fr", ["CONSEIL PERMANENT", "3 septembre 2024", "NOTE DE LA MISSION PERMANENTE D’HAÏTI"])
    assert read_facts(tree, cues("fr")).document_date == date(2024, 9, 3)
