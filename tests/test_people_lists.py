"""Speakers introduced in a list (GOLD.md, People): after a heading that says they spoke or presented
("Panelists:", "Expositores", "Intervenants :", "Palestrantes:"), one per line or per paragraph, an
apposition running on to the next line; and the lines of a programme slot. A list under any other
heading ("Also present:") names no speakers. At least three phrasings per language."""

from __future__ import annotations

import pytest

from pipeline.document import Line, Paragraph, Section, SectionTree
from pipeline.language import cues
from pipeline.parse.speakers import read_speakers


def _para(*lines: str) -> Paragraph:
    return Paragraph([Line(t, 1, 0.0, 0.0, 1.0, 1.0, 10.0, "Times") for t in lines], " ".join(lines))


def _speakers(lang: str, heading: str | None, paras: list[Paragraph], kind: str = "heading") -> list[tuple]:
    preamble = Section(0, None, 0, "preamble", None, paragraphs=[_para("Title")])
    section = Section(1, 0, 1, kind, heading or "Panel", paragraphs=paras)
    tree = SectionTree([preamble, section], "", [], [], lang, "generic")
    return [(s.name, s.role, s.organization) for s in read_speakers(tree, cues(lang), None)]


# (lang, section heading or None, paragraphs as lines, expected (name, role, organization))
LISTS = [
    (
        "en",
        None,
        [
            ["The panel then presented the regional outlook."],
            ["Panelists:"],
            ["Ms. Sandra Kowalczyk, Director of the Department of Public Security"],
            ["Mr. Ivan Petrov, Programme Officer, United Nations Office on Drugs and Crime"],
            ["The delegations of Mexico and Chile took the floor."],
        ],
        [
            ("Sandra Kowalczyk", "Director", "Department of Public Security"),
            ("Ivan Petrov", "Programme Officer", "United Nations Office on Drugs and Crime"),
        ],
    ),
    (
        "en",
        "Speakers",
        [
            [
                "Dr. Priya Ramcharan, Lecturer, University of the West",
                "Indies",
                "Commander Julia Brathwaite, Head of Operations, Regional Security System",
            ]
        ],
        [
            ("Priya Ramcharan", "Lecturer", "University of the West Indies"),
            ("Julia Brathwaite", "Head of Operations", "Regional Security System"),
        ],
    ),
    (
        "en",
        None,
        [["Presenters:", "Ms. Ana Lucía Herrera, Senior Specialist, Inter-American Development Bank"]],
        [("Ana Lucía Herrera", "Senior Specialist", "Inter-American Development Bank")],
    ),
    (
        "en",
        None,
        [["Also present:"], ["Ms. Claire Dubois, Secretary of the Committee"]],
        [],  # present, not speaking
    ),
    (
        "es",
        None,
        [
            ["Panelistas:"],
            ["Sra. Gabriela Fuentes, Directora del Departamento de Seguridad Pública"],
            ["Dr. Andrés Villalobos, Investigador, Pontificia Universidad Javeriana"],
        ],
        [
            ("Gabriela Fuentes", "Directora", "Departamento de Seguridad Pública"),
            ("Andrés Villalobos", "Investigador", "Pontificia Universidad Javeriana"),
        ],
    ),
    (
        "es",
        "Expositores",
        [["Embajador Luis Porto, Secretario Ejecutivo, Comisión Interamericana de Puertos"]],
        [("Luis Porto", "Secretario Ejecutivo", "Comisión Interamericana de Puertos")],
    ),
    (
        "es",
        None,
        [
            [
                "Ponentes:",
                "Lic. Marta Quiroga, Coordinadora de Programas, Banco Interamericano de",
                "Desarrollo",
                "Dr. Julio Salcedo, Profesor, Universidad de los Andes",
            ]
        ],
        [
            ("Marta Quiroga", "Coordinadora de Programas", "Banco Interamericano de Desarrollo"),
            ("Julio Salcedo", "Profesor", "Universidad de los Andes"),
        ],
    ),
    (
        "es",
        None,
        [["Asistentes:"], ["Sra. Gabriela Fuentes, Directora del Departamento de Seguridad Pública"]],
        [],
    ),
    (
        "fr",
        None,
        [
            ["Intervenants :"],
            ["M. Jean-Marc Tremblay, Directeur, Centre canadien pour la cybersécurité"],
            ["Mme Aminata Diallo, Conseillère principale, Banque mondiale"],
        ],
        [
            ("Jean-Marc Tremblay", "Directeur", "Centre canadien pour la cybersécurité"),
            ("Aminata Diallo", "Conseillère principale", "Banque mondiale"),
        ],
    ),
    (
        "fr",
        "Panélistes",
        [["Mme Sophie Lavoie, Présidente, Commission interaméricaine des femmes"]],
        [("Sophie Lavoie", "Présidente", "Commission interaméricaine des femmes")],
    ),
    (
        "fr",
        None,
        [["Conférenciers :", "M. Paul Girard, Professeur, Université de Montréal"]],
        [("Paul Girard", "Professeur", "Université de Montréal")],
    ),
    (
        "fr",
        None,
        [["Étaient présents :"], ["M. Paul Girard, Professeur, Université de Montréal"]],
        [],
    ),
    (
        "pt",
        None,
        [
            ["Palestrantes:"],
            ["Sra. Beatriz Almeida, Diretora, Instituto de Pesquisa Econômica Aplicada"],
            ["Dr. Carlos Menezes, Professor, Universidade de São Paulo"],
        ],
        [
            ("Beatriz Almeida", "Diretora", "Instituto de Pesquisa Econômica Aplicada"),
            ("Carlos Menezes", "Professor", "Universidade de São Paulo"),
        ],
    ),
    (
        "pt",
        "Painelistas",
        [["Embaixador Paulo Rocha, Secretário Executivo, Comissão Interamericana de Portos"]],
        [("Paulo Rocha", "Secretário Executivo", "Comissão Interamericana de Portos")],
    ),
    (
        "pt",
        None,
        [["Expositores:", "Sra. Lúcia Prado, Coordenadora, Fundação Getulio Vargas"]],
        [("Lúcia Prado", "Coordenadora", "Fundação Getulio Vargas")],
    ),
    (
        "pt",
        None,
        [["Participantes:"], ["Sra. Lúcia Prado, Coordenadora, Fundação Getulio Vargas"]],
        [],
    ),
]


@pytest.mark.parametrize(("lang", "heading", "paras", "expected"), LISTS)
def test_a_list_under_a_speakers_heading_names_speakers(lang, heading, paras, expected):
    assert _speakers(lang, heading, [_para(*lines) for lines in paras]) == expected


# a programme slot's cell: the speakers' lines under the slot's heading
SLOTS = [
    ("en", ["Ambassador Luis Porto, Secretary for Administration and Finance"], ["Luis Porto"]),
    (
        "en",
        ["Remarks by Ms. Ana Herrera, Senior Specialist, Inter-American Development Bank"],
        ["Ana Herrera"],
    ),
    (
        "en",
        ["Dr. Paul Girard, Professor, University of Toronto", "Ms. Lucy Ward, Analyst, World Bank"],
        ["Paul Girard", "Lucy Ward"],
    ),
    ("es", ["Embajador Luis Porto, Secretario de Administración y Finanzas"], ["Luis Porto"]),
    ("es", ["Palabras de la Sra. Marta Quiroga, Coordinadora, Banco Mundial"], ["Marta Quiroga"]),
    ("es", ["Dr. Julio Salcedo, Profesor, Universidad de los Andes"], ["Julio Salcedo"]),
    ("fr", ["M. Paul Girard, Professeur, Université de Montréal"], ["Paul Girard"]),
    (
        "fr",
        ["Allocution de Mme Sophie Lavoie, Présidente, Commission interaméricaine des femmes"],
        ["Sophie Lavoie"],
    ),
    ("fr", ["Mme Aminata Diallo, Conseillère principale, Banque mondiale"], ["Aminata Diallo"]),
    ("pt", ["Embaixador Paulo Rocha, Secretário de Assuntos Hemisféricos"], ["Paulo Rocha"]),
    ("pt", ["Palavras da Sra. Lúcia Prado, Coordenadora, Fundação Getulio Vargas"], ["Lúcia Prado"]),
    ("pt", ["Dr. Carlos Menezes, Professor, Universidade de São Paulo"], ["Carlos Menezes"]),
]


@pytest.mark.parametrize(("lang", "lines", "names"), SLOTS)
def test_a_programme_slot_lines_are_its_speakers(lang, lines, names):
    found = _speakers(lang, "Opening session", [_para(*lines)], kind="slot")
    assert [f[0] for f in found] == names
