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


# A list introduced by a sentence, as word processors lay it out: the states after the sentence, in
# columns (tab stops or a table read row by row) or one a line, a list running over a page break
# (a page number between its rows), and sentences ordered otherwise: "the following States" with a
# word of presence anywhere in the sentence.
INTRODUCED = [
    ("en", ["The following Member States were represented:", "Argentina\tBahamas\tBarbados\nBelize\tBrazil"]),
    ("en", ["Representatives of the following Member States attended the meeting:", "Argentina\nBahamas"]),
    ("en", ["The following delegations took part in the meeting:", "Argentina    Bahamas\nBarbados"]),
    (
        "en",
        ["The quorum was reached with the following States present:", "Argentina\nBahamas", "2", "Barbados"],
    ),
    ("es", ["Estuvieron representados los siguientes Estados Miembros:", "Argentina\tBahamas\nBarbados"]),
    (
        "es",
        [
            "Participaron en la sesión las delegaciones de los siguientes Estados Miembros:",
            "Argentina\nBahamas",
        ],
    ),
    ("es", ["Asistieron a la reunión las siguientes delegaciones:", "Argentina    Bahamas    Barbados"]),
    (
        "es",
        [
            "Se contó con la presencia de los siguientes Estados Miembros:",
            "Argentina\nBahamas",
            "3",
            "Barbados",
        ],
    ),
    ("fr", ["Étaient représentés les États membres suivants :", "Argentine\tBahamas\nBarbade"]),
    ("fr", ["Ont participé à la réunion les délégations des États membres suivants :", "Argentine\nBahamas"]),
    ("fr", ["Les délégations suivantes ont assisté à la séance :", "Argentine    Bahamas    Barbade"]),
    ("fr", ["Les États membres suivants étaient présents :", "Argentine\nBahamas", "2", "Barbade"]),
    ("pt", ["Estavam representados os seguintes Estados membros:", "Argentina\tBahamas\nBarbados"]),
    ("pt", ["Participaram da reunião as delegações dos seguintes Estados membros:", "Argentina\nBahamas"]),
    ("pt", ["Compareceram à sessão as seguintes delegações:", "Argentina    Bahamas    Barbados"]),
    ("pt", ["Os seguintes Estados membros estiveram presentes:", "Argentina\nBahamas", "2", "Barbados"]),
]


LISTED = {"Argentina": "ARG", "Argentine": "ARG", "Bahamas": "BHS", "Barbados": "BRB", "Barbade": "BRB",
          "Belize": "BLZ", "Brazil": "BRA"}  # fmt: skip  # the names the lists above print, and their codes


@pytest.mark.parametrize(("lang", "paragraphs"), INTRODUCED)
def test_a_list_introduced_by_a_sentence_is_attendance(lang: str, paragraphs: list[str]):
    listed = {LISTED[word] for text in paragraphs[1:] for word in text.split() if word in LISTED}
    assert len(listed) >= 2
    assert attendance(paragraphs, lang) == listed


INLINE = [
    ("en", "Delegations of the following Member States participated: Argentina, Brazil and Chile."),
    ("en", "Present were the following States: Argentina, Brazil and Chile."),
    ("en", "The following countries were represented at the meeting: Argentina, Brazil and Chile."),
    ("es", "Participaron las delegaciones de los siguientes Estados Miembros: Argentina, Brasil y Chile."),
    ("es", "Los siguientes países estuvieron representados: Argentina, Brasil y Chile."),
    ("es", "Concurrieron a la reunión los siguientes Estados Miembros: Argentina, Brasil y Chile."),
    ("fr", "Les États membres suivants ont participé à la réunion : Argentine, Brésil et Chili."),
    ("fr", "Étaient présentes les délégations des pays suivants : Argentine, Brésil et Chili."),
    ("fr", "Ont pris part à la séance les délégations suivantes : Argentine, Brésil et Chili."),
    ("pt", "Participaram da sessão os seguintes Estados membros: Argentina, Brasil e Chile."),
    ("pt", "Os seguintes países estiveram representados: Argentina, Brasil e Chile."),
    ("pt", "Tomaram parte na reunião as seguintes delegações: Argentina, Brasil e Chile."),
]


@pytest.mark.parametrize(("lang", "sentence"), INLINE)
def test_the_following_states_with_a_word_of_presence_is_attendance(lang: str, sentence: str):
    assert attendance([sentence], lang) == {"ARG", "BRA", "CHL"}


# Labels: a word of presence opening a line, alone or before a colon, opens a list; the same word
# inside a sentence ("technical assistance", "the risks present") says nothing of who attended.
LABELLED = [
    ("en", ["Attendance:", "Argentina\nBahamas"]),
    ("en", ["Present", "Argentina\nBahamas"]),
    ("en", ["In attendance:", "Argentina    Bahamas"]),
    ("es", ["Asistencia:", "Argentina\nBahamas"]),
    ("es", ["Presentes", "Argentina\nBahamas"]),
    ("es", ["Asistentes:", "Argentina    Bahamas"]),
    ("fr", ["Assistance :", "Argentine\nBahamas"]),
    ("fr", ["Présents", "Argentine\nBahamas"]),
    ("fr", ["Membres présents :", "Argentine    Bahamas"]),
    ("pt", ["Presenças:", "Argentina\nBahamas"]),
    ("pt", ["Presentes", "Argentina\nBahamas"]),
    ("pt", ["Membros presentes:", "Argentina    Bahamas"]),
]


@pytest.mark.parametrize(("lang", "paragraphs"), LABELLED)
def test_a_label_opens_a_list_of_states_present(lang: str, paragraphs: list[str]):
    assert attendance(paragraphs, lang) == {"ARG", "BHS"}


WORDS_IN_SENTENCES = [
    ("en", ["Attendance at the workshops held in Chile and Peru grew by a third."]),
    ("en", ["The delegation of Canada thanked Chile and Peru for their technical assistance."]),
    ("en", ["The Chair said that Chile and Peru had presented a joint proposal."]),
    ("es", ["La delegación de México agradeció la asistencia técnica de Chile y el Perú."]),
    ("es", ["Los riesgos presentes en Chile y el Perú preocupan a la delegación de México."]),
    ("es", ["El Tratado Interamericano de\nAsistencia Recíproca fue invocado por Chile y el Perú."]),
    ("fr", ["La délégation du Mexique a salué l’assistance technique du Chili et du Pérou."]),
    ("fr", ["Les risques présents au Chili et au Pérou inquiètent la délégation du Mexique."]),
    ("fr", ["Le Président a rappelé l’assistance fournie au Chili et au Pérou."]),
    ("pt", ["A delegação do México agradeceu a assistência técnica do Chile e do Peru."]),
    ("pt", ["Os riscos presentes no Chile e no Peru preocupam a delegação do México."]),
    ("pt", ["As Presenças do Chile e do Peru na região foram lembradas pelo Presidente."]),
]


@pytest.mark.parametrize(("lang", "paragraphs"), WORDS_IN_SENTENCES)
def test_a_word_of_presence_inside_a_sentence_is_no_attendance(lang: str, paragraphs: list[str]):
    assert attendance(paragraphs, lang) == set()


IN_SPEECHES = [
    ("en", "The REPRESENTATIVE OF CANADA: Thank you, Mr. Chair.", "Chile and Peru were represented in Lima."),
    (
        "es",
        "El REPRESENTANTE PERMANENTE DE MÉXICO: Gracias.",
        "Estuvieron presentes Chile y el Perú en Lima.",
    ),
    (
        "es",
        "La REPRESENTANTE PERMANENTE DEL ECUADOR: Gracias.",
        "Con la presencia de Chile y el Perú se firmó.",
    ),
    ("fr", "Le REPRÉSENTANT PERMANENT DU MEXIQUE : Merci.", "Le Chili et le Pérou étaient présents à Lima."),
    ("pt", "O REPRESENTANTE DO MÉXICO: Obrigado.", "Chile e Peru estiveram presentes em Lima."),
    (
        "en",
        "Mr. Delattre (France) (spoke in French): I thank the briefers.",
        "Chile and Peru were present in Lima.",
    ),
    (
        "en",
        "The PERMANENT REPRESENTATIVE OF MEXICO: Thank you.",
        "Chile and Peru were in attendance in Lima.",
    ),
    ("es", "El REPRESENTANTE INTERINO DEL BRASIL: Gracias.", "Asistieron a la reunión Chile y el Perú."),
    (
        "fr",
        "M. Delattre (France) : Je remercie les intervenants.",
        "Le Chili et le Pérou étaient représentés.",
    ),
    (
        "fr",
        "La REPRÉSENTANTE PERMANENTE DU CANADA : Merci.",
        "Étaient présents le Chili et le Pérou à Lima.",
    ),
    ("pt", "O REPRESENTANTE PERMANENTE DO BRASIL: Obrigado.", "Compareceram o Chile e o Peru em Lima."),
    ("pt", "A REPRESENTANTE DO CANADÁ: Obrigada.", "Chile e Peru estavam presentes em Lima."),
]


@pytest.mark.parametrize(("lang", "label", "speech"), IN_SPEECHES)
def test_a_speech_says_nothing_of_who_attended(lang: str, label: str, speech: str):
    assert attendance([label, speech], lang) == set()
    assert attendance([speech], lang) == {"CHL", "PER"}  # the same sentence outside a turn does


COORDINATORS = [
    # CELAC records: a state's National Coordinator (its delegation) spoke
    ("en", "The National Coordinator of Brazil requested that the item be deferred.", {"BRA"}),
    ("en", "At the request of the National Coordinator of Brazil, the item was deferred.", {"BRA"}),
    ("en", "The National Coordination of Argentina thanked the Presidency.", {"ARG"}),
    ("es", "La Coordinación Nacional de Argentina agradeció estas gestiones.", {"ARG"}),
    ("es", "La reunión aprobó a solicitud del Coordinador Nacional de Brasil el procedimiento.", {"BRA"}),
    ("es", "La Coordinadora Nacional de Cuba solicitó la palabra.", {"CUB"}),
    ("fr", "La Coordination nationale de l’Argentine a remercié la Présidence.", {"ARG"}),
    ("fr", "Le Coordonnateur national du Brésil a demandé le report du point.", {"BRA"}),
    ("fr", "À la demande du Coordonnateur national de Cuba, le point a été reporté.", {"CUB"}),
    ("pt", "A Coordenação Nacional da Argentina agradeceu as gestões.", {"ARG"}),
    ("pt", "O Coordenador Nacional do Brasil solicitou o adiamento do item.", {"BRA"}),
    ("pt", "A pedido do Coordenador Nacional de Cuba, o item foi adiado.", {"CUB"}),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), COORDINATORS)
def test_a_national_coordinator_is_a_delegation(lang: str, sentence: str, expected: set[str]):
    assert delegations([sentence], lang) == expected
