"""States in four languages, and people introduced with their post."""

from __future__ import annotations

import pytest

from pipeline.recognise.countries import country_names, find_countries
from pipeline.recognise.people import person_at

COUNTRY_LISTS = [
    (
        "en",
        "Statements were made by the delegations of the Bahamas, Saint Kitts and Nevis, "
        "Saint Vincent and the Grenadines, Dominican Republic, Dominica and the United States.",
        ["BHS", "KNA", "VCT", "DOM", "DMA", "USA"],
    ),
    (
        "es",
        "Intervinieron las delegaciones de Uruguay, Antigua y Barbuda, Perú, República Dominicana "
        "y los Estados Unidos.",
        ["URY", "ATG", "PER", "DOM", "USA"],
    ),
    (
        "fr",
        "Les délégations du Mexique, de Saint-Vincent-et-les-Grenadines, de l'Équateur "
        "et des États-Unis ont pris la parole.",
        ["MEX", "VCT", "ECU", "USA"],
    ),
    ("pt", "as delegações do Brasil, de São Vicente e Granadinas e da Guatemala", ["BRA", "VCT", "GTM"]),
]


# where a name stands whole: after an elided article, before a possessive, with curly apostrophes,
# abbreviated, inside brackets; and where it does not (an adjective, a longer word)
BOUNDARIES = [
    ("fr", "la position de l'Argentine et d’Haïti", ["ARG", "HTI"]),
    ("en", "Chile's proposal (supported by Peru) on St. Kitts and Nevis", ["CHL", "PER", "KNA"]),
    ("fr", "la Côte d’Ivoire et Trinité-et-Tobago", ["CIV", "TTO"]),
    ("en", "the Chilean and Peruvian delegations, Canadian experts", []),
    ("es", "la Comisión Interamericana de Mujeres", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COUNTRY_LISTS + BOUNDARIES)
def test_country_names_map_to_iso(lang, text, expected):
    found = find_countries(text, lang)
    assert [c.iso for c in found] == expected
    for c in found:
        assert text[c.start : c.end] == c.text


PEOPLE = [
    (
        "en",
        "Ambassador Sebastián Kraljevich, Permanent Representative of Chile to the OAS (link)",
        ("Sebastián Kraljevich", "Permanent Representative", None, "CHL"),
    ),
    (
        "en",
        "María Fernanda Trigo, Director of the Department for Effective Public Management, OAS Secretariat",
        # GOLD.md: the organization is the outermost institution, the last one; the post runs up to it
        (
            "María Fernanda Trigo",
            "Director of the Department for Effective Public Management",
            "OAS Secretariat",
            None,
        ),
    ),
    (
        "en",
        "Nele Leosk, Ambassador-at-Large for Digital Affairs, Ministry of Foreign Affairs, Estonia (text)",
        ("Nele Leosk", "Ambassador-at-Large for Digital Affairs", "Ministry of Foreign Affairs", "EST"),
    ),
    (
        "es",
        "Palabras del Embajador João Reeve, Representante Permanente de Uruguay y Presidente del CIDI",
        ("João Reeve", "Representante Permanente", None, "URY"),
    ),
    (
        "es",
        "Hélène Thériault, Viceministra, Ministerio de Relaciones Exteriores de Honduras (enlace)",
        ("Hélène Thériault", "Viceministra", "Ministerio de Relaciones Exteriores", "HND"),
    ),
    (
        "fr",
        "Rosário Jiménez, Directrice de l'Universidad IE (lien)",
        ("Rosário Jiménez", "Directrice", "Universidad IE", None),
    ),
    (
        "pt",
        "Marisol Nováková, Oficial Principal de Programas do IDEA Internacional",
        ("Marisol Nováková", "Oficial Principal de Programas", "IDEA Internacional", None),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PEOPLE)
def test_an_apposition_gives_name_post_organization_and_state(lang, text, expected):
    p = person_at(text, 0, lang)
    assert p is not None
    assert (p.name, p.role, p.organization, p.country) == expected


def test_a_sentence_subject_speaks_only_with_a_speech_verb():
    spoke = "Ms. Patricia Magalhães, President, Center for Democracy & Technology, delivered a presentation."
    elected = "Ambassador Ana Ruiz, Permanent Representative of Peru, was elected Vice Chair."
    assert person_at(spoke, 0, "en", need_verb=True) is not None
    assert person_at(elected, 0, "en", need_verb=True) is None


def test_a_spelling_names_one_state_within_a_language():
    """The matcher lets the document's language decide between states; within one language a
    spelling must then name one state only (models/countries.json)."""
    for lang in ("en", "es", "fr", "pt"):
        owners: dict[str, set[str]] = {}
        for iso, names in country_names().items():
            for name in names.get(lang, []):
                owners.setdefault(name, set()).add(iso)
        assert {n: s for n, s in owners.items() if len(s) > 1} == {}, lang
