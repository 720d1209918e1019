"""States present and states that took the floor, read from text the way real records print it.

Each table row is a passage (paragraphs of printed lines) in one language and family, and the states
GOLD.md's conventions say it records: attendance (a quorum sentence, a list of states or of
representatives, a members table, never an observer or a bare count) and delegations (a delegation or
representative that took the floor or made a statement, Permanent Observers included; never a state
only talked about). At least three phrasings per language for each rule.
"""

from __future__ import annotations

import pytest

from pipeline.document import Line, Paragraph, Section, SectionTree
from pipeline.language import cues
from pipeline.parse.states import read_attendance, read_delegations
from pipeline.recognise.countries import find_countries


def tree_of(paragraphs: list[str], lang: str, family: str = "generic") -> SectionTree:
    """One section of paragraphs, each given as its printed lines separated by newlines."""
    paras = []
    for i, text in enumerate(paragraphs):
        lines = [
            Line(t, 1, 72.0, 100.0 + 40 * i + 12 * j, 500.0, 111.0 + 40 * i + 12 * j, 11.0, "Times-Roman")
            for j, t in enumerate(text.split("\n"))
        ]
        paras.append(Paragraph(lines, " ".join(ln.text for ln in lines)))
    section = Section(0, None, 0, "preamble", None, paragraphs=paras)
    return SectionTree([section], "", [], [], lang, family)


def attendance(paragraphs: list[str], lang: str, family: str = "generic") -> set[str]:
    return set(read_attendance(tree_of(paragraphs, lang, family), cues(lang)).states)


def delegations(paragraphs: list[str], lang: str, family: str = "generic") -> set[str]:
    return {r.country for r in read_delegations(tree_of(paragraphs, lang, family), cues(lang))}


ATTENDANCE = [
    # a sentence that names the states present
    ("en", ["Attending were the representatives of Argentina, Brazil and Chile."], {"ARG", "BRA", "CHL"}),
    ("en", ["The following Member States were present: Argentina, Brazil and Chile."], {"ARG", "BRA", "CHL"}),
    ("en", ["In attendance were the delegations of Argentina, Brazil and Chile."], {"ARG", "BRA", "CHL"}),
    (
        "en",
        ["The meeting was attended by representatives of Argentina, Brazil and Chile."],
        {"ARG", "BRA", "CHL"},
    ),
    ("es", ["Estuvieron presentes los representantes de Argentina, Brasil y Chile."], {"ARG", "BRA", "CHL"}),
    ("es", ["Asistieron los representantes de Argentina, el Brasil y Chile."], {"ARG", "BRA", "CHL"}),
    (
        "es",
        ["Se estableció el quórum reglamentario con la presencia de Argentina, Brasil y Chile."],
        {"ARG", "BRA", "CHL"},
    ),
    (
        "fr",
        ["Étaient présents les représentants de l’Argentine, du Brésil et du Chili."],
        {"ARG", "BRA", "CHL"},
    ),
    (
        "fr",
        ["Les États membres suivants étaient représentés : Argentine, Brésil et Chili."],
        {"ARG", "BRA", "CHL"},
    ),
    (
        "fr",
        ["Ont assisté à la réunion les représentants de l’Argentine, du Brésil et du Chili."],
        {"ARG", "BRA", "CHL"},
    ),
    (
        "pt",
        ["Estiveram presentes os representantes da Argentina, do Brasil e do Chile."],
        {"ARG", "BRA", "CHL"},
    ),
    ("pt", ["Compareceram os representantes da Argentina, do Brasil e do Chile."], {"ARG", "BRA", "CHL"}),
    (
        "pt",
        ["Participaram da reunião os representantes da Argentina, do Brasil e do Chile."],
        {"ARG", "BRA", "CHL"},
    ),
    # a cue, then the states one per line or in columns
    (
        "en",
        ["Member States present:", "Argentina\nBahamas\nBarbados", "The Chair opened the meeting."],
        {"ARG", "BHS", "BRB"},
    ),
    (
        "en",
        ["Attending were:", "Argentina    Bahamas    Barbados\nCanada    Chile"],
        {"ARG", "BHS", "BRB", "CAN", "CHL"},
    ),
    ("es", ["Estados Miembros presentes:", "Argentina\nBahamas\nBarbados"], {"ARG", "BHS", "BRB"}),
    (
        "es",
        ["Estuvieron presentes:", "Argentina    Bahamas\nBarbados    Belice"],
        {"ARG", "BHS", "BRB", "BLZ"},
    ),
    ("fr", ["États membres présents :", "Argentine\nBahamas\nBarbade"], {"ARG", "BHS", "BRB"}),
    ("fr", ["Étaient présents :", "Argentine    Bahamas\nBarbade    Belize"], {"ARG", "BHS", "BRB", "BLZ"}),
    ("pt", ["Estados membros presentes:", "Argentina\nBahamas\nBarbados"], {"ARG", "BHS", "BRB"}),
    (
        "pt",
        ["Estiveram presentes:", "Argentina    Bahamas\nBarbados    Belize"],
        {"ARG", "BHS", "BRB", "BLZ"},
    ),
    # a bare count is not attendance; a state present only in a speech is not either
    ("en", ["Twenty-eight Member States were present."], set()),
    ("es", ["Estuvieron presentes veintiocho Estados Miembros."], set()),
    ("fr", ["Vingt-huit États membres étaient présents."], set()),
    ("pt", ["Estiveram presentes vinte e oito Estados membros."], set()),
    # observers are not present as members
    (
        "en",
        [
            "Attending were the representatives of Argentina and Chile, "
            "and the Permanent Observers of Spain and Italy."
        ],
        {"ARG", "CHL"},
    ),
    (
        "es",
        [
            "Estuvieron presentes los representantes de Argentina y Chile, "
            "así como los Observadores Permanentes de España e Italia."
        ],
        {"ARG", "CHL"},
    ),
    (
        "fr",
        [
            "Étaient présents les représentants de l’Argentine et du Chili, "
            "ainsi que les observateurs permanents de l’Espagne et de l’Italie."
        ],
        {"ARG", "CHL"},
    ),
    (
        "pt",
        [
            "Estiveram presentes os representantes da Argentina e do Chile, "
            "bem como os Observadores Permanentes da Espanha e da Itália."
        ],
        {"ARG", "CHL"},
    ),
]


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), ATTENDANCE)
def test_attendance(lang: str, paragraphs: list[str], expected: set[str]):
    assert attendance(paragraphs, lang) == expected


MEMBERS = [
    (
        "en",
        [
            "President: Mr. Adom . . . . . . . . . . . . (Côte d’Ivoire)",
            "Members: Bolivia (Plurinational State of) . . . . . . . . Mr. Llorentty Solíz\n"
            "China . . . . . . . . Mr. Ma Zhaoxu",
            "United Kingdom of Great Britain and Northern Ireland . . Ms. Pierce",
            "The situation in the Central African Republic",
        ],
        {"BOL", "CHN", "GBR"},
    ),
    (
        "es",
        [
            "Miembros: Bolivia (Estado Plurinacional de) . . . . . . Sr. Llorentty Solíz\n"
            "China . . . . . . . . Sr. Ma Zhaoxu",
            "Reino Unido de Gran Bretaña e Irlanda del Norte . . . . Sra. Pierce",
            "La situación en la República Centroafricana",
        ],
        {"BOL", "CHN", "GBR"},
    ),
    (
        "fr",
        [
            "Membres : Bolivie (État plurinational de) . . . . . . M. Llorentty Solíz\n"
            "Chine . . . . . . . . M. Ma Zhaoxu",
            "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord . . . . Mme Pierce",
            "La situation en République centrafricaine",
        ],
        {"BOL", "CHN", "GBR"},
    ),
    (
        "en",
        [
            "Members: Chile . . . . . . . . . . Mr. Larraín\nRepublic of Korea . . . . . . . . Mr. Park",
            "Russian Federation ............................ Mr. Lavrov",
            "Agenda",
        ],
        {"CHL", "KOR", "RUS"},
    ),
]


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), MEMBERS)
def test_members_table_of_a_un_record(lang: str, paragraphs: list[str], expected: set[str]):
    assert attendance(paragraphs, lang, "un_verbatim") == expected


DELEGATIONS = [
    # a delegation or representative that took the floor
    ("en", ["The delegation of Mexico took the floor."], {"MEX"}),
    ("en", ["The representatives of Brazil, Canada and Chile took the floor."], {"BRA", "CAN", "CHL"}),
    ("en", ["The Permanent Observer of Spain made a statement."], {"ESP"}),
    ("en", ["Statements were made by the Permanent Observers of Italy and France."], {"ITA", "FRA"}),
    ("es", ["Hicieron uso de la palabra las delegaciones de México, Brasil y Chile."], {"MEX", "BRA", "CHL"}),
    ("es", ["La Observadora Permanente de España hizo uso de la palabra."], {"ESP"}),
    ("es", ["Intervino el Observador Permanente de Italia."], {"ITA"}),
    ("fr", ["Les délégations du Mexique, du Brésil et du Chili ont pris la parole."], {"MEX", "BRA", "CHL"}),
    ("fr", ["L’observateur permanent de la France a pris la parole."], {"FRA"}),
    ("fr", ["L'observatrice permanente de l'Espagne a fait une déclaration."], {"ESP"}),
    ("pt", ["Fizeram uso da palavra as delegações do México, do Brasil e do Chile."], {"MEX", "BRA", "CHL"}),
    ("pt", ["O Observador Permanente da Espanha fez uso da palavra."], {"ESP"}),
    ("pt", ["A Observadora Permanente da Itália interveio."], {"ITA"}),
    # a UN summary record: the speaker and the state in brackets, then what they said
    ("en", ["Mr. Adeyemi (Nigeria) said that his delegation supported the draft."], {"NGA"}),
    (
        "en",
        ["Ms. Tremblay (Canada), speaking on behalf of a group of States, said that the text was balanced."],
        {"CAN"},
    ),
    (
        "en",
        ["Mr. Rodríguez Parrilla (Cuba) asked whether the Secretariat had consulted Member States."],
        {"CUB"},
    ),
    ("es", ["El Sr. Adeyemi (Nigeria) dice que su delegación apoya el proyecto."], {"NGA"}),
    ("es", ["La Sra. Tremblay (Canadá) señala que el texto es equilibrado."], {"CAN"}),
    (
        "es",
        ["El Sr. Rodríguez Parrilla (Cuba) pregunta si la Secretaría ha consultado a los Estados."],
        {"CUB"},
    ),
    ("fr", ["M. Adeyemi (Nigéria) dit que sa délégation appuie le projet."], {"NGA"}),
    ("fr", ["Mme Tremblay (Canada) déclare que le texte est équilibré."], {"CAN"}),
    ("fr", ["M. Rodríguez Parrilla (Cuba) demande si le Secrétariat a consulté les États."], {"CUB"}),
    ("pt", ["O Sr. Adeyemi (Nigéria) diz que sua delegação apoia o projeto."], {"NGA"}),
    ("pt", ["A Sra. Tremblay (Canadá) afirma que o texto é equilibrado."], {"CAN"}),
    ("pt", ["O Sr. Rodríguez Parrilla (Cuba) pergunta se a Secretaria consultou os Estados."], {"CUB"}),
    # a state only talked about, or a vote list, is no delegation
    ("en", ["The Council condemned the aggression against Kuwait."], set()),
    ("es", ["El Consejo condenó la agresión contra Kuwait."], set()),
    ("fr", ["Le Conseil a condamné l’agression contre le Koweït."], set()),
    ("pt", ["O Conselho condenou a agressão contra o Kuwait."], set()),
]


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), DELEGATIONS)
def test_delegations(lang: str, paragraphs: list[str], expected: set[str]):
    assert delegations(paragraphs, lang) == expected


def test_a_un_verbatim_record_takes_its_delegations_from_turn_labels_only():
    speech = [
        "Mr. Kiboino (Kenya): Kenya’s delegation aligns itself with the statement delivered by the "
        "representative of Uganda on behalf of the African States Parties.",
        "We thank the delegation of the Netherlands for facilitating the draft resolution.",
    ]
    assert delegations(speech, "en", "un_verbatim") == set()  # Kenya comes from its turn label
    assert "UGA" in delegations(speech, "en")  # elsewhere "the representative of" is read


NAMES = [
    ("en", "Libyan Arab Jamahiriya", "LBY"),
    ("en", "Bolivia (Plurinational State of)", "BOL"),
    ("en", "Venezuela (Bolivarian Republic of)", "VEN"),
    ("en", "United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("en", "Côte d’Ivoire", "CIV"),
    ("en", "the former Yugoslav Republic of Macedonia", "MKD"),
    ("es", "Jamahiriya Árabe Libia", "LBY"),
    ("es", "Commonwealth de las Bahamas", "BHS"),
    ("es", "Bolivia (Estado Plurinacional de)", "BOL"),
    ("es", "Venezuela (República Bolivariana de)", "VEN"),
    ("fr", "Jamahiriya arabe libyenne", "LBY"),
    ("fr", "Saint-Vincent-et-les Grenadines", "VCT"),
    ("fr", "Venezuela (République bolivarienne du)", "VEN"),
    ("pt", "Jamahiriya Árabe Líbia", "LBY"),
    ("pt", "Estado Plurinacional da Bolívia", "BOL"),
    ("pt", "Reino Unido da Grã-Bretanha e Irlanda do Norte", "GBR"),
]


@pytest.mark.parametrize(("lang", "name", "iso"), NAMES)
def test_formal_and_historic_names_resolve_whole(lang: str, name: str, iso: str):
    found = find_countries(f"la delegación de {name} dijo", lang)
    assert [(m.iso, m.text) for m in found] == [(iso, name)]
