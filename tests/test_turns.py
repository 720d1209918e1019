"""Speaker-turn labels as near-verbatim records print them, read with the labels of the record's family
(its own, or the generic family's shared ones), and times written in words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.families import GENERIC, families, with_shared
from pipeline.recognise.times import find_times
from pipeline.recognise.turns import find_label

LABELS = [
    # family, paragraph start, role, state, person, chair?
    ("oas_minutes", "El PRESIDENTE: I am pleased to call to order", "PRESIDENTE", None, None, True),
    ("oas_minutes", "El REPRESENTANTE INTERINO DEL BRASIL: Obrigado",
     "REPRESENTANTE INTERINO", "BRA", None, False),
    ("oas_minutes", "La REPRESENTANTE PERMANENTE DEL ECUADOR: Gracias",
     "REPRESENTANTE PERMANENTE", "ECU", None, False),
    ("oas_minutes", "El REPRESENTANTE PERMANENTE DE SAN VICENTE Y LAS GRANADINAS: Gracias",
     "REPRESENTANTE PERMANENTE", "VCT", None, False),
    ("oas_minutes", "El OBSERVADOR PERMANENTE DEL REINO UNIDO DE GRAN BRETAÑA E IRLANDA DEL NORTE: Thank",
     "OBSERVADOR PERMANENTE", "GBR", None, False),
    ("oas_minutes", "Le PRÉSIDENT : Merci", "PRÉSIDENT", None, None, True),
    ("un_verbatim", "The President (spoke in Arabic): Members will recall", "President", None, None, True),
    ("un_verbatim", "El Presidente (habla en inglés): Con profundo pesar", "Presidente", None, None, True),
    ("un_verbatim", "Mr. Alsaidi (Yemen): Since this is probably", None, "YEM", "Alsaidi", False),
    ("un_verbatim", "Mr. Adom (Côte d'Ivoire) (spoke in French): I thank", None, "CIV", "Adom", False),
    ("un_verbatim", "Sr. d’Escoto Brockmann (Nicaragua) (habla en inglés): Con",
     None, "NIC", "d’Escoto Brockmann", False),
    (GENERIC, "El PRESIDENTE: Se abre la sesión", "PRESIDENTE", None, None, True),
    ("oas_summary", "Mr. Alsaidi (Yemen): Since this is probably", None, "YEM", "Alsaidi", False),
]  # fmt: skip


@pytest.mark.parametrize(("family", "text", "role", "country", "person", "chair"), LABELS)
def test_turn_labels(family, text, role, country, person, chair):
    label = find_label(text, "es", families()[family])
    assert label is not None
    assert (label.role, label.country, label.person, label.is_chair) == (role, country, person, chair)
    assert text[label.end :].strip() and not text[label.end :].startswith(":")


MISSPELT = [
    # a state's name misspelt in the label: the one state within a typo of it
    ("La REPRESENTANTE PERMANENTE DE ANTIGUA Y BABUDA: Thank you", "ATG"),
    ("El REPRESENTANTE PERMANENTE DE TRINIDAD Y TOBAGGO: Gracias", "TTO"),
    ("El REPRESENTANTE ALTERNO DE GUATEMLA Y: Gracias", None),  # no state within a typo of the words
    ("The REPRESENTATIVE OF SAINT VINCENT AND THE GRENADIENS: Thank you", "VCT"),
    ("Le REPRÉSENTANT PERMANENT DE LA RÉPUBLIQUE DOMINICAIME : Merci", "DOM"),
    ("O REPRESENTANTE PERMANENTE DA REPÚBLICA DOMINICNA: Obrigado", "DOM"),
    ("El REPRESENTANTE PERMANENTE DEL PERUU: Gracias", None),  # a short name: another spelling, not a typo
    ("El REPRESENTANTE PERMANENTE DE LA MISIÓN: Gracias", None),
]


@pytest.mark.parametrize(("text", "country"), MISSPELT)
def test_a_misspelt_state_in_a_label_is_read_when_one_state_is_that_close(text, country):
    lang = {"El": "es", "La": "es", "Th": "en", "Le": "fr", "O ": "pt"}[text[:2]]
    label = find_label(text, lang, families()["oas_minutes"])
    assert label is not None
    assert label.country == country


@pytest.mark.parametrize(
    "text",
    [
        "APROBACIÓN DEL PROYECTO DE ORDEN DEL DÍA",
        "La Comisión aprobó: el orden del día",
        "Date: February 15, 2024",
    ],
)
def test_headings_and_sentences_are_not_turns(text):
    for family in families().values():  # with each family's labels (its own, or the shared ones)
        assert find_label(text, "es", family) is None, family.name


def test_a_family_with_labels_of_its_own_reads_only_those():
    """A family that lists its own labels (a UN summary record, say) replaces the shared ones."""
    generic = families()[GENERIC]
    own = replace(generic, name="un_summary", turn_labels=(r"^(?P<label>The Chairperson)\s*:\s+",))
    summary = with_shared(own, generic)
    label = find_label("The Chairperson: The Committee will now", "en", summary)
    assert label is not None and (label.role, label.is_chair) == ("Chairperson", True)
    assert find_label("El PRESIDENTE: Se abre la sesión", "es", summary) is None


@pytest.mark.parametrize(
    ("lang", "text", "time"),
    [
        ("es", "a las tres y veinte de la tarde del lunes 20 de agosto de 2012", "15:20"),
        ("es", "a las diez y treinta y nueve de la mañana del viernes", "10:39"),
        ("es", "a las doce y diez de la tarde del domingo", "12:10"),
        ("pt", "às três e meia da tarde", "15:30"),
    ],
)
def test_times_in_words(lang, text, time):
    assert [t.time for t in find_times(text, lang)] == [time]
