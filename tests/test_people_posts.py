"""Turns labelled only by a post, named through the document's own words (GOLD.md, People): the
presence sentences of the opening, the floor given just before the turn, the attendance list's one
delegate whose post fits; and a label's state read through a typist's slip. Real phrasings, at least
three per rule and language."""

from __future__ import annotations

import pytest

from pipeline.document import Line, Paragraph, Section, SectionTree
from pipeline.language import cues
from pipeline.parse.interventions import read_interventions
from pipeline.recognise.people import Person
from pipeline.recognise.turns import country_in


def _tree(lang: str, opening: list[str], body: list[str]) -> SectionTree:
    line = Line("", 1, 0.0, 0.0, 1.0, 1.0, 10.0, "Times")
    preamble = Section(
        0, None, 0, "preamble", None, paragraphs=[Paragraph([line], t) for t in ["Title", *opening]]
    )
    section = Section(1, 0, 1, "heading", "Debate", paragraphs=[Paragraph([line], t) for t in body])
    return SectionTree([preamble, section], "", [], [], lang, "generic")


def _speakers(lang: str, opening: list[str], body: list[str], roster: list[Person] | None = None):
    turns = read_interventions(_tree(lang, opening, body), cues(lang), roster or [], None)
    return [(s.name, s.role, s.organization, s.country) for s in turns.speakers]


# a presence sentence gives one person in the label's post: (lang, presence, label, expected speaker)
PRESENCE = [
    (
        "es",
        "También estuvieron presentes el Secretario General de la Organización, doctor José Miguel "
        "Insulza, y "
        "el Secretario General Adjunto, Embajador Albert R. Ramdin, Secretario del Consejo Permanente.",
        "El SECRETARIO GENERAL: Muchas gracias, Presidente.",
        ("José Miguel Insulza", "Secretario General", "Organización de los Estados Americanos", None),
    ),
    (
        "es",
        "También estuvieron presentes el Secretario General de la Organización, doctor José Miguel "
        "Insulza, y "
        "el Secretario General Adjunto, Embajador Albert R. Ramdin, Secretario del Consejo Permanente.",
        "El SECRETARIO GENERAL ADJUNTO: Gracias, señor Presidente.",
        ("Albert R. Ramdin", "Secretario General Adjunto", None, None),
    ),
    (
        "es",
        "Asimismo asistió la sesión el Embajador Pablo Tettamanti, Director General de Organizaciones "
        "Internacionales del Ministerio de Relaciones Exteriores de la Argentina.",
        "El DIRECTOR GENERAL DE ORGANIZACIONES INTERNATIONALES DEL MINISTERIO DE RELACIONES EXTERIORES DE LA "
        "ARGENTINA: Muchas gracias.",
        (
            "Pablo Tettamanti",
            "Director General de Organizaciones Internacionales",
            "Ministerio de Relaciones Exteriores",
            "ARG",
        ),
    ),
    (
        "en",
        "Also present were the Secretary General of the Organization, Mr. José Miguel Insulza, and the "
        "Assistant Secretary General, Ambassador Albert R. Ramdin, Secretary to the Permanent Council.",
        "The SECRETARY GENERAL: Thank you, Mr. Chair.",
        ("José Miguel Insulza", "Secretary General", "Organization of American States", None),
    ),
    (
        "en",
        "Also present were the Assistant Secretary General, Ambassador Nestor Mendez, and the Executive "
        "Secretary for Integral Development, Ms. Kim Osborne.",
        "The EXECUTIVE SECRETARY FOR INTEGRAL DEVELOPMENT: Thank you, Chair.",
        ("Kim Osborne", "Executive Secretary for Integral Development", None, None),
    ),
    (
        "en",
        "The Director of the Department of International Law, Dr. Dante Negro, was also present.",
        "The ASSISTANT SECRETARY GENERAL: Thank you.",
        None,  # nobody present in that post: the turn names no one
    ),
    (
        "fr",
        "Étaient également présents le Secrétaire général de l'Organisation, M. Luis Almagro, et "
        "le Secrétaire "
        "général adjoint, l'Ambassadeur Nestor Mendez, Secrétaire du Conseil permanent.",
        "Le SECRÉTAIRE GÉNÉRAL : Merci, Monsieur le Président.",
        ("Luis Almagro", "Secrétaire général", "Organisation des États Américains", None),
    ),
    (
        "fr",
        "Étaient également présents le Secrétaire général de l'Organisation, M. Luis Almagro, et "
        "le Secrétaire "
        "général adjoint, l'Ambassadeur Nestor Mendez, Secrétaire du Conseil permanent.",
        "Le SECRÉTAIRE GÉNÉRAL ADJOINT : Merci.",
        ("Nestor Mendez", "Secrétaire général adjoint", None, None),
    ),
    (
        "fr",
        "Assistaient également à la séance la Secrétaire exécutive au développement intégré, Mme "
        "Kim Osborne, "
        "et le Directeur du Département du droit international, M. Dante Negro.",
        "La SECRÉTAIRE EXÉCUTIVE AU DÉVELOPPEMENT INTÉGRÉ : Merci.",
        ("Kim Osborne", "Secrétaire exécutive au développement intégré", None, None),
    ),
    (
        "pt",
        "Também estiveram presentes o Secretário-Geral da Organização, Senhor Luis Almagro, e o "
        "Secretário-Geral "
        "Adjunto, Embaixador Nestor Mendez, Secretário do Conselho Permanente.",
        "O SECRETÁRIO-GERAL: Obrigado, Senhor Presidente.",
        ("Luis Almagro", "Secretário-Geral", "Organização dos Estados Americanos", None),
    ),
    (
        "pt",
        "Também estiveram presentes a Secretária Executiva para o Desenvolvimento Integral, "
        "Senhora Kim Osborne, "
        "e o Diretor do Departamento de Direito Internacional, Doutor Dante Negro.",
        "A SECRETÁRIA EXECUTIVA PARA O DESENVOLVIMENTO INTEGRAL: Obrigada, Presidente.",
        ("Kim Osborne", "Secretária Executiva para o Desenvolvimento Integral", None, None),
    ),
    (
        "pt",
        "Esteve também presente o Secretário-Geral Adjunto, Embaixador Nestor Mendez, Secretário do Conselho "
        "Permanente.",
        "O SECRETÁRIO-GERAL: Obrigado.",
        None,
    ),
]

FULL_NAMES = {  # the institution the record names in full, in its opening sentence
    "es": "celebró sesión el Consejo Permanente de la Organización de los Estados Americanos.",
    "en": "The Permanent Council of the Organization of American States met in regular session.",
    "fr": "Le Conseil permanent de l'Organisation des États Américains a tenu sa séance.",
    "pt": "O Conselho Permanente da Organização dos Estados Americanos realizou sessão ordinária.",
}


@pytest.mark.parametrize(("lang", "presence", "label", "expected"), PRESENCE)
def test_a_post_names_the_one_person_present_in_it(lang, presence, label, expected):
    found = _speakers(lang, [FULL_NAMES[lang], presence], [label])
    assert found == ([expected] if expected else [])


# the floor given, the post named, just before the turn: (lang, previous paragraph, label, (name, role))
FLOOR = [
    (
        "es",
        "El PRESIDENTE: Gracias. Ofrezco ahora la palabra al Secretario de Asuntos Políticos para que nos "
        "aclare ciertos puntos. Embajador Víctor Rico, tiene la palabra.",
        "El SECRETARIO DE ASUNTOS POLITICOS: Señor Presidente y distinguidos Embajadores.",
        ("Víctor Rico", "Secretario de Asuntos Políticos"),
    ),
    (
        "es",
        "El PRESIDENTE: Le doy la palabra a la Secretaria Ejecutiva para el Desarrollo Integral, Embajadora "
        "Kim Osborne.",
        "La SECRETARIA EJECUTIVA PARA EL DESARROLLO INTEGRAL: Gracias, Presidente.",
        ("Kim Osborne", "Secretaria Ejecutiva para el Desarrollo Integral"),
    ),
    (
        "es",
        "El PRESIDENTE: Cedo la palabra al Secretario de Asuntos Jurídicos.",
        "El SECRETARIO DE ASUNTOS JURÍDICOS: Gracias.",
        None,  # the post, but no one named
    ),
    (
        "en",
        "The CHAIR: I now give the floor to the Secretary for Political Affairs, Ambassador Víctor Rico.",
        "The SECRETARY FOR POLITICAL AFFAIRS: Thank you, Mr. Chairman.",
        ("Víctor Rico", "Secretary for Political Affairs"),
    ),
    (
        "en",
        "The CHAIR: The Director of the Department of International Law, Dr. Dante Negro, has the floor.",
        "The DIRECTOR OF THE DEPARTMENT OF INTERNATIONAL LAW: Thank you.",
        ("Dante Negro", "Director of the Department of International Law"),
    ),
    (
        "en",
        "The CHAIR: I give the floor to Ambassador Víctor Rico and then to Dr. Dante Negro.",
        "The SECRETARY FOR POLITICAL AFFAIRS: Thank you.",
        None,  # two named, and the post not said
    ),
    (
        "fr",
        "Le PRÉSIDENT : Je donne la parole au Secrétaire aux affaires politiques, l'Ambassadeur Víctor Rico.",
        "Le SECRÉTAIRE AUX AFFAIRES POLITIQUES : Merci, Monsieur le Président.",
        ("Víctor Rico", "Secrétaire aux affaires politiques"),
    ),
    (
        "fr",
        "Le PRÉSIDENT : La parole est à la Directrice du Département du droit international, Mme "
        "Ana Restrepo.",
        "La DIRECTRICE DU DÉPARTEMENT DU DROIT INTERNATIONAL : Merci.",
        ("Ana Restrepo", "Directrice du Département du droit international"),
    ),
    (
        "fr",
        "Le PRÉSIDENT : Je remercie M. Víctor Rico de sa présentation.",
        "Le SECRÉTAIRE AUX AFFAIRES POLITIQUES : Merci.",
        None,  # no floor given
    ),
    (
        "pt",
        "O PRESIDENTE: Dou a palavra à Secretária Executiva para o Desenvolvimento Integral, Senhora Kim "
        "Osborne.",
        "A SECRETÁRIA EXECUTIVA PARA O DESENVOLVIMENTO INTEGRAL: Obrigada, Senhor Presidente.",
        ("Kim Osborne", "Secretária Executiva para o Desenvolvimento Integral"),
    ),
    (
        "pt",
        "O PRESIDENTE: Passo a palavra ao Secretário de Assuntos Políticos. Embaixador Víctor Rico, tem a "
        "palavra.",
        "O SECRETÁRIO DE ASSUNTOS POLÍTICOS: Obrigado.",
        ("Víctor Rico", "Secretário de Assuntos Políticos"),
    ),
    (
        "pt",
        "O PRESIDENTE: Concedo a palavra ao Embaixador Víctor Rico.",
        "O SECRETÁRIO DE ASSUNTOS JURÍDICOS: Obrigado.",
        None,  # the label's post is not the one the floor was given in
    ),
]


@pytest.mark.parametrize(("lang", "previous", "label", "expected"), FLOOR)
def test_the_floor_given_names_the_post_that_speaks_next(lang, previous, label, expected):
    found = [(name, role) for name, role, _, _ in _speakers(lang, [], [previous, label])]
    assert found == ([expected] if expected else [])


# the attendance list's one delegate of a state is the speaker only if the label's post fits theirs
DELEGATES = [
    ("es", "El REPRESENTANTE DE LA ARGENTINA: Gracias.", "Representante Interino", True),
    ("es", "El REPRESENTANTE INTERINO DE LA ARGENTINA: Gracias.", "Representante Interina", True),
    (
        "es",
        "El DIRECTOR GENERAL DE ASUNTOS JURÍDICOS DE LA ARGENTINA: Gracias.",
        "Representante Interino",
        False,
    ),
    ("en", "The REPRESENTATIVE OF ARGENTINA: Thank you.", "Alternate Representative", False),
    ("en", "The ALTERNATE REPRESENTATIVE OF ARGENTINA: Thank you.", "Alternate Representative", True),
    ("en", "The MINISTER OF FOREIGN AFFAIRS OF ARGENTINA: Thank you.", "Permanent Representative", False),
    ("fr", "Le REPRÉSENTANT PERMANENT DE L'ARGENTINE : Merci.", "Représentant permanent", True),
    ("fr", "Le REPRÉSENTANT DE L'ARGENTINE : Merci.", "Représentant suppléant", True),
    ("fr", "Le MINISTRE DES AFFAIRES ÉTRANGÈRES DE L'ARGENTINE : Merci.", "Représentant permanent", False),
    ("pt", "O REPRESENTANTE PERMANENTE DA ARGENTINA: Obrigado.", "Representante Permanente", True),
    ("pt", "O REPRESENANTE PERMANENTE DA ARGENTINA: Obrigado.", "Representante Permanente", True),
    (
        "pt",
        "O VICE-MINISTRO DAS RELAÇÕES EXTERIORES DA ARGENTINA: Obrigado.",
        "Representante Permanente",
        False,
    ),
]


@pytest.mark.parametrize(("lang", "label", "post", "named"), DELEGATES)
def test_the_one_delegate_speaks_only_in_a_post_that_fits(lang, label, post, named):
    roster = [Person("Martín Gómez Bustillo", post, None, "ARG", 0, 0)]
    found = [name for name, *_ in _speakers(lang, [], [label], roster)]
    assert found == (["Martín Gómez Bustillo"] if named else [])


@pytest.mark.parametrize(
    ("place", "iso"),
    [
        ("ANTIGUA Y BABUDA", "ATG"),
        ("LOS ESTADOS UNDOS", "USA"),
        ("LA REPÚBLICA DOMINCANA", "DOM"),
        ("THE UNITED KINGDOM", "GBR"),
        ("ASUNTOS POLITICOS", None),
        ("ORGANIZACIONES INTERNACIONALES", None),
        ("PERÚ", "PER"),
    ],
)
def test_a_label_state_is_read_through_a_typing_slip(place, iso):
    assert country_in(place) == iso
