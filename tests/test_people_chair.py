"""The chair and the speakers as real records phrase them (GOLD.md, People): tables of real text per
language, at least three phrasings per rule."""

from __future__ import annotations

import pytest

from pipeline.document import Line, Paragraph, Section, SectionTree
from pipeline.families import families
from pipeline.language import cues
from pipeline.parse.speakers import _masthead_chair, read_chair
from pipeline.recognise.people import bracketed_speaker, person_at


def _tree(lang: str, *texts: str, family: str = "generic") -> SectionTree:
    """A preamble of the paragraphs, after a title (the preamble's first paragraph), in a record of
    the family."""
    line = Line("", 1, 0.0, 0.0, 1.0, 1.0, 10.0, "Times")
    paras = [Paragraph([line], text) for text in ("Title", *texts)]
    preamble = Section(0, None, 0, "preamble", None, paragraphs=paras)
    return SectionTree([preamble], "", [], [], lang, family)


# who presided: the cue, a post before the name, or only a closing sentence; (name, role, country)
CHAIRS = [
    (
        "en",
        "The meeting, chaired by Ambassador Ronald Sanders, Permanent Representative of Antigua and "
        "Barbuda and Chair of the CAAP, began at 10:05 a.m.",
        ("Ronald Sanders", "Chair of the CAAP", "ATG"),
    ),
    (
        "en",
        "The meeting was held under the chairmanship of the Permanent Representative of Peru, "
        "Ambassador Gustavo Meza-Cuadra, Chair of the Permanent Council.",
        ("Gustavo Meza-Cuadra", "Chair of the Permanent Council", "PER"),
    ),
    (
        "en",
        "There being no further business, the Chair of the CISC, Ambassador Lynn Young, Permanent "
        "Representative of Saint Kitts and Nevis, adjourned the meeting at 12:40 p.m.",
        ("Lynn Young", "Chair of the CISC", "KNA"),
    ),
    (
        "es",
        "La sesión fue presidida por la Embajadora Carla Esperanza Rivera Sánchez, Representante "
        "Permanente de El Salvador y Presidenta de la CAJP.",
        ("Carla Esperanza Rivera Sánchez", "Presidenta de la CAJP", "SLV"),
    ),
    (
        "es",
        "La reunión se inició a las 10:15 bajo la presidencia de la Representante Permanente de "
        "Costa Rica, Embajadora Alejandra Solano Cabalceta, Presidenta de la Comisión.",
        ("Alejandra Solano Cabalceta", "Presidenta de la Comisión", "CRI"),
    ),
    (
        "es",
        "No habiendo otros asuntos que tratar, el Presidente de la CAAP, Embajador Hugo de Zela, "
        "Representante Permanente del Perú, levantó la sesión a las 12:30.",
        ("Hugo de Zela", "Presidente de la CAAP", "PER"),
    ),
    (
        "fr",
        "La séance, présidée par l'Ambassadeur Léon Charles, Représentant permanent d'Haïti et "
        "Président de la CAJP, a été ouverte à 10 h 05.",
        ("Léon Charles", "Président de la CAJP", "HTI"),
    ),
    (
        "fr",
        "La réunion s'est tenue sous la présidence de la Représentante permanente du Canada, "
        "Ambassadrice Hugh Adsett, Présidente du Conseil permanent.",
        ("Hugh Adsett", "Présidente du Conseil permanent", "CAN"),
    ),
    (
        "fr",
        "Aucune autre question n'étant soulevée, le Président de la CSH, M. Jean Dupuis, Représentant "
        "permanent d'Haïti, a levé la séance à 12 h 40.",
        ("Jean Dupuis", "Président de la CSH", "HTI"),
    ),
    (
        "pt",
        "A sessão, presidida pelo Embaixador Desmond Arlington, Representante Permanente de Barbados "
        "e Presidente do CIDI, teve início às 11h05.",
        ("Desmond Arlington", "Presidente do CIDI", "BRB"),
    ),
    (
        "pt",
        "O curso foi presidido pela Embaixadora Marta Lopes Faria, Representante Permanente do "
        "Brasil e Presidente da CAJP.",
        ("Marta Lopes Faria", "Presidente da CAJP", "BRA"),
    ),
    (
        "pt",
        "Não havendo outros assuntos a tratar, o Presidente da CAAP, Embaixador Clement Toussaint, "
        "Representante Permanente de Santa Lúcia, encerrou a reunião às 12h21.",
        ("Clement Toussaint", "Presidente da CAAP", "LCA"),
    ),
    (
        "en",
        "President: Mr. Ali Abdussalam Treki . . . . . . . . . . . (Libyan Arab Jamahiriya)",
        ("Ali Abdussalam Treki", "President", "LBY"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CHAIRS)
def test_the_chair_is_named_with_the_chairing_post_and_state(lang, text, expected):
    chair = read_chair(_tree(lang, text), cues(lang))
    assert chair is not None
    assert (chair.name, chair.role, chair.country) == expected


# a masthead's chair line, read with the chair lines of the record's family (models/families)
MASTHEAD_CHAIRS = [
    ("un_verbatim", "en", "President: Mr. Insanally . . . . . . (Guyana)", ("Insanally", "President", "GUY")),
    ("un_verbatim", "fr", "Président : M. Miroslav Lajčák . . . . . . . . . . (Slovaquie)",
     ("Miroslav Lajčák", "Président", "SVK")),
    ("un_verbatim", "es", "Presidente: Sr. Miguel d’Escoto Brockmann . . . . . (Nicaragua)",
     ("Miguel d’Escoto Brockmann", "Presidente", "NIC")),
    ("oas_minutes", "es", "Presidente: Embajador Diego Pary (Bolivia)", ("Diego Pary", "Presidente", "BOL")),
]  # fmt: skip


@pytest.mark.parametrize(("family", "lang", "text", "expected"), MASTHEAD_CHAIRS)
def test_the_chair_line_of_a_masthead(family, lang, text, expected):
    chair = read_chair(_tree(lang, text, family=family), cues(lang))
    assert chair is not None
    assert (chair.name, chair.role, chair.country) == expected


# a post before a name is no name, and a state is never an organization
# lower-case posts of French, Spanish and Portuguese appositions
LOWER_CASE_POSTS = [
    (
        "fr",
        "Mme Solange Berthiaume, directrice exécutive, Réseau interaméricain pour la démocratie ;",
        ("Solange Berthiaume", "directrice exécutive", "Réseau interaméricain pour la démocratie", None),
    ),
    (
        "fr",
        "M. Paul Roy, chef de la Section de la coopération juridique, Département du droit international",
        (
            "Paul Roy",
            "chef de la Section de la coopération juridique",
            "Département du droit international",
            None,
        ),
    ),
    (
        "fr",
        "Mme Élodie Marchand, secrétaire du Comité interaméricain contre le terrorisme",
        ("Élodie Marchand", "secrétaire", "Comité interaméricain contre le terrorisme", None),
    ),
    (
        "pt",
        "Sra. Ana Lima, coordenadora regional, Aliança de Jovens das Américas",
        ("Ana Lima", "coordenadora regional", "Aliança de Jovens das Américas", None),
    ),
    (
        "es",
        "Sr. Luis Mora, asesor principal del Ministerio de Relaciones Exteriores del Perú",
        ("Luis Mora", "asesor principal", "Ministerio de Relaciones Exteriores", "PER"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LOWER_CASE_POSTS)
def test_lower_case_posts_are_read(lang, text, expected):
    p = person_at(text, 0, lang)
    assert p is not None
    assert (p.name, p.role, p.organization, p.country) == expected


def test_a_lower_case_verb_ends_the_apposition():
    assert person_at("M. Jean Dupuis, a présenté le rapport annuel.", 0, "fr") is None
    assert person_at("O Sr. João Lima, apresentou o relatório.", 3, "pt") is None


NOT_PEOPLE = [
    ("es", "la Representante Permanente de Costa Rica, Embajadora Gabriela Solís, Presidenta"),
    ("pt", "Presidente da CAJP, Embaixadora Ana Valadares, Representante Permanente do Brasil"),
    ("en", "Permanent Representative of Chile, Ambassador Sebastián Kraljevich, Chair of the CAJP"),
    ("es", "Salón Libertador, bajo la presidencia de la Representante Permanente de Costa Rica"),
    ("pt", "Sala Padilha Vidal, presidida pelo Embaixador Desmond Arlington"),
    ("fr", "Salle Gabriela Mistral, sous la présidence de l'Ambassadeur Léon Charles"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PEOPLE)
def test_a_post_before_a_name_is_not_a_person(lang, text):
    assert person_at(text, 0, lang) is None


# GOLD.md: the role runs from its first word to the organization, the outermost institution (the last
# one, a state or a repeating acronym aside); honorific ranks never stay in names
APPOSITIONS = [
    (
        "en",
        "Mr. Darío Lunardi, Director of the Department of Financial and Budgetary Services, OAS "
        "Secretariat for Administration and Finance",
        (
            "Darío Lunardi",
            "Director of the Department of Financial and Budgetary Services",
            "OAS Secretariat for Administration and Finance",
            None,
        ),
    ),
    (
        "en",
        "Ms. Ana Quintela, Economic Affairs Officer, Division for Gender Affairs, Economic Commission "
        "for Latin America and the Caribbean",
        (
            "Ana Quintela",
            "Economic Affairs Officer, Division for Gender Affairs",
            "Economic Commission for Latin America and the Caribbean",
            None,
        ),
    ),
    (
        "en",
        "Dr. Laura Ruiz, Senior Program Officer, Democratic and Inclusive Governance, International "
        "Development Research Centre, IDRC",
        (
            "Laura Ruiz",
            "Senior Program Officer, Democratic and Inclusive Governance",
            "International Development Research Centre",
            None,
        ),
    ),
    (
        "en",
        "Superintendent Marcia Greaves, Head of the Community Policing Unit, Royal Barbados Police Force, "
        "Barbados",
        ("Marcia Greaves", "Head of the Community Policing Unit", "Royal Barbados Police Force", "BRB"),
    ),
    (
        "es",
        "Dra. Paula Restrepo Ángel, Directora del Departamento de Derecho Internacional, Secretaría de "
        "Asuntos Jurídicos",
        (
            "Paula Restrepo Ángel",
            "Directora del Departamento de Derecho Internacional",
            "Secretaría de Asuntos Jurídicos",
            None,
        ),
    ),
    (
        "es",
        "Consejera María José Lozano Díaz, Representante Alterna de Colombia",
        ("María José Lozano Díaz", "Representante Alterna", None, "COL"),
    ),
    (
        "es",
        "Sr. Pablo Tettamanti, Director General de Organizaciones Internacionales, Ministerio de "
        "Relaciones Exteriores de la Argentina",
        (
            "Pablo Tettamanti",
            "Director General de Organizaciones Internacionales",
            "Ministerio de Relaciones Exteriores",
            "ARG",
        ),
    ),
    (
        "pt",
        "Primeiro-Secretário Devon A. McKenzie, Representante Alterno da Jamaica",
        ("Devon A. McKenzie", "Representante Alterno", None, "JAM"),
    ),
    (
        "pt",
        "Profa. Helena Dantas, Professora Titular, Faculdade de Direito, Universidade de São Paulo",
        ("Helena Dantas", "Professora Titular, Faculdade de Direito", "Universidade de São Paulo", None),
    ),
    (
        "pt",
        "Juíza Verónica Alzamora Prieto, Vice-Presidente da Corte Interamericana de Direitos Humanos",
        ("Verónica Alzamora Prieto", "Vice-Presidente", "Corte Interamericana de Direitos Humanos", None),
    ),
    (
        "fr",
        "M. Jean Tremblay, Directeur du Département du droit international, Secrétariat aux affaires "
        "juridiques",
        (
            "Jean Tremblay",
            "Directeur du Département du droit international",
            "Secrétariat aux affaires juridiques",
            None,
        ),
    ),
    (
        "fr",
        "Mme Louise Roy, Conseillère principale, Affaires mondiales Canada, Canada",
        ("Louise Roy", "Conseillère principale", "Affaires mondiales Canada", "CAN"),
    ),
    (
        "fr",
        "Surintendant Marc Gagnon, Chef de la Section des enquêtes, "
        "Service de police de la Ville de Montréal",
        ("Marc Gagnon", "Chef de la Section des enquêtes", "Service de police de la Ville de Montréal", None),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), APPOSITIONS)
def test_the_role_runs_to_the_outermost_institution(lang, text, expected):
    p = person_at(text, 0, lang)
    assert p is not None
    assert (p.name, p.role, p.organization, p.country) == expected


# UN summary records: "Mr. Adeyemi (Nigeria) said …", the surname as printed, the state in brackets
SUMMARY_TURNS = [
    (
        "en",
        "Mr. Adeyemi (Nigeria), speaking on behalf of the Group of 77 and China, said that",
        ("Adeyemi", "NGA"),
    ),
    (
        "en",
        "12. Ms. Sandoval Quiroga (Chile) said that her delegation welcomed the progress",
        ("Sandoval Quiroga", "CHL"),
    ),
    (
        "en",
        "Mr. Steinmetz (United States of America), speaking in explanation of position, said",
        ("Steinmetz", "USA"),
    ),
    ("es", "El Sr. Rodríguez Piñeiro (Cuba) dice que las medidas coercitivas", None),
    (
        "es",
        "Sr. Rodríguez Piñeiro (Cuba) señaló que las medidas coercitivas unilaterales",
        ("Rodríguez Piñeiro", "CUB"),
    ),
    ("fr", "M. Haddad (Liban) a déclaré que les efforts devaient atteindre", ("Haddad", "LBN")),
    ("en", "Mr. Al-Khalifa (Qatar) took the seat reserved for him at the side of the Council Chamber.", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SUMMARY_TURNS)
def test_a_summary_record_names_its_speaker_and_state(lang, text, expected):
    p = bracketed_speaker(text, lang)
    assert (p and (p.name, p.country)) == expected


MASTHEADS = [
    # a 1990s General Assembly masthead the layout sets apart as the header block: the state on its own line
    (
        "General Assembly\nPresident: Mr. INSANALLY\n(Guyana)\n__________",
        "en",
        ("INSANALLY", "President", "GUY"),
    ),
    ("Security Council\nPresident: Mr. Adom (Côte d’Ivoire)\nMembers:", "en", ("Adom", "President", "CIV")),
    ("Asamblea General\nPresidente: Sr. Insanally\n(Guyana)", "es", ("Insanally", "Presidente", "GUY")),
    ("Official Records\nThe meeting was called to order at 3 p.m.", "en", None),
]


@pytest.mark.parametrize(("header", "lang", "expected"), MASTHEADS)
def test_a_masthead_chair_line_in_the_header_block_names_the_chair(header, lang, expected):
    chair = _masthead_chair(header, families()["un_verbatim"], lang)
    assert (chair and (chair.name, chair.role, chair.country)) == expected
