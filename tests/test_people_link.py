"""Name forms that must and must not be one person, per language, through the linker as assembly runs
it (pipeline.link over DuckDB tables): each table row is a row of speakers (or the chair of its
document) and the person it names, and two rows get one person_id exactly when they name one person."""

from __future__ import annotations

from itertools import combinations

import duckdb
import pytest

from pipeline.link import link_archive
from pipeline.link.names import name_key
from pipeline.tables import TABLES, sql_columns

# (document, form as printed, state or None, "chair" when it is the document's chair line, person)
Row = tuple[str, str, str | None, str, str]

MERGE: dict[str, list[Row]] = {
    "en": [
        ("d1", "Ambassador Sebastián Kraljevich", "CHL", "", "kraljevich"),
        ("d2", "H.E. Sebastián Kraljevich", "CHL", "", "kraljevich"),
        ("d3", "SEBASTIÁN KRALJEVICH", "CHL", "", "kraljevich"),
        ("d4", "Kraljevich", "CHL", "", "kraljevich"),  # a UN record's "Mr. Kraljevich (Chile)"
        ("d4", "Kraljevich", None, "chair", "kraljevich"),  # its "President: Mr. Kraljevich"
        ("d5", "Stephen C. Vasciannie", "JAM", "", "vasciannie"),
        ("d6", "Stephen Vasciannie", "JAM", "", "vasciannie"),
        ("d6", "Stephen C. Vasciannie", None, "chair", "vasciannie"),
        ("d7", "Superintendent Gail Hutchinson-Baptiste", "TTO", "", "baptiste"),
        ("d8", "Hutchinson-Baptiste", "TTO", "", "baptiste"),
        ("d9", "Nele Leosk", "EST", "", "leosk"),
        ("d9", "Leosk", None, "chair", "leosk"),  # the chair line's surname, the full name in the text
    ],
    "es": [
        ("e1", "Embajador Sebastián Kraljevich", "CHL", "", "kraljevich"),
        ("e2", "Breno de Souza Brasil Dias da Costa", "BRA", "", "costa"),
        ("e3", "Dias da Costa", "BRA", "", "costa"),
        ("e4", "de Souza Brasil Dias da Costa", "BRA", "", "costa"),
        ("e5", "Miguel d’Escoto Brockmann", "NIC", "", "escoto"),
        ("e6", "d'Escoto Brockmann", "NIC", "", "escoto"),
        ("e6", "d’Escoto Brockmann", None, "chair", "escoto"),
        ("e7", "Carlos Sosa Coello", "HND", "", "sosa"),
        ("e8", "Carlos Sosa", "HND", "", "sosa"),
        ("e9", "Marcha Monique Coore Lobban", "JAM", "", "coore"),
        ("e10", "Marsha Monique Coore-Lobban", "JAM", "", "coore"),
        ("e11", "José Miguel Insulza", None, "", "insulza"),
        ("e12", "José Miguel Insulza", "CHL", "", "insulza"),
        ("e13", "Señora María del Luján Flores", "URY", "", "flores"),
        ("e14", "María Luján Flores", "URY", "", "flores"),
        ("e15", "Roy Chaderton Matos", "VEN", "", "chaderton"),
        ("e16", "Chaderton", "VEN", "", "chaderton"),  # the first of two surnames
    ],
    "fr": [
        ("f1", "S.E. M. Jean-Pierre Thériault", "CAN", "", "theriault"),
        ("f2", "Jean Pierre Theriault", "CAN", "", "theriault"),
        ("f3", "Madame Hélène Côté", "HTI", "", "cote"),
        ("f4", "Côté", "HTI", "", "cote"),
    ],
    "pt": [
        ("p1", "Embaixadora Ana Lúcia Magalhães", "BRA", "", "magalhaes"),
        ("p2", "Sra. Ana Lúcia Magalhães", "BRA", "", "magalhaes"),
        ("p3", "Magalhães", "BRA", "", "magalhaes"),
    ],
}

KEEP_APART: dict[str, list[Row]] = {
    "en": [  # one surname, two states: two people, and the surname alone goes with its own state
        ("a1", "Sebastián Kraljevich", "CHL", "", "sebastian"),
        ("a2", "Tomás Kraljevich", "ARG", "", "tomas"),
        ("a3", "Kraljevich", "ARG", "", "tomas"),
        ("a4", "Kraljevich", "URY", "", "uruguayan"),
        ("a5", "Smith", None, "", "smith in a5"),  # a lone surname with no state: its own document only
        ("a6", "Smith", None, "", "smith in a6"),
    ],
    "es": [  # two full names of one state share the surname: the surname alone joins neither
        ("b1", "Ana García", "MEX", "", "ana"),
        ("b2", "Luis García", "MEX", "", "luis"),
        ("b3", "García", "MEX", "", "a garcia"),
        ("b4", "Mario Pérez", "PER", "", "mario"),  # two words one letter apart: no spelling rule
        ("b5", "María Pérez", "PER", "", "maria"),
        ("b6", "François Guðmundsson", "DMA", "", "dominica"),  # the same name in two states
        ("b7", "François Guðmundsson", "HTI", "", "haiti"),
        ("b8", "Joel Antonio Hernández García", "MEX", "", "joel"),
        ("b9", "Hernández García", "GTM", "", "guatemalan"),
        ("b10", "Antonio", "MEX", "", "a given name"),  # a middle name is no surname
        ("b11", "C", "MEX", "", "an initial"),
        ("b12", "Hernández", "MEX", "", "joel"),
    ],
    "pt": [
        ("c1", "José de Jesús Martínez González", "PAN", "", "jose"),
        ("c2", "José Martínez", "COL", "", "colombian"),
    ],
}


def link_rows(rows: list[Row]) -> list[str | None]:
    """The person_id the linker gives each row, run as at assembly on DuckDB tables holding them."""
    con = duckdb.connect()
    for table in TABLES:
        typed = ", ".join(f'"{c}" {t}' for c, t in sql_columns(table).items())
        con.execute(f'CREATE TABLE "{table}" ({typed})')
    docs = sorted({doc for doc, *_ in rows})
    chairs = {doc: form for doc, form, _, where, _ in rows if where == "chair"}
    for doc in docs:
        con.execute(
            "INSERT INTO documents (doc_id, source_path, status, chair) VALUES (?, ?, 'ok', ?)",
            [doc, f"{doc}.pdf", chairs.get(doc)],
        )
    for doc, form, country, where, _ in rows:
        if where != "chair":
            con.execute(
                "INSERT INTO speakers (doc_id, section_id, name, country, page) VALUES (?, 0, ?, ?, 1)",
                [doc, form, country],
            )
    link_archive(con)
    ids = []
    for doc, form, country, where, _ in rows:
        if where == "chair":
            found = con.execute("SELECT chair_person_id FROM documents WHERE doc_id = ?", [doc]).fetchall()
        else:
            found = con.execute(
                "SELECT person_id FROM speakers "
                "WHERE doc_id = ? AND name = ? AND country IS NOT DISTINCT FROM ?",
                [doc, form, country],
            ).fetchall()
        ids.append(found[0][0])
    return ids


def check(rows: list[Row]) -> None:
    ids = link_rows(rows)
    assert all(ids), "every row names someone"
    for (a, ia), (b, ib) in combinations(zip(rows, ids, strict=True), 2):
        if a[4] == b[4]:
            assert ia == ib, f"{a[1]!r} ({a[0]}) and {b[1]!r} ({b[0]}) are one person"
        else:
            assert ia != ib, f"{a[1]!r} ({a[0]}) and {b[1]!r} ({b[0]}) are two people"


@pytest.mark.parametrize("lang", sorted(MERGE))
def test_forms_of_one_name_are_one_person(lang: str):
    check(MERGE[lang])


@pytest.mark.parametrize("lang", sorted(KEEP_APART))
def test_people_who_share_a_name_or_surname_stay_apart(lang: str):
    check(KEEP_APART[lang])


def test_every_language_table_together_gives_the_same_people():
    """The rules read the whole archive: mixing the tables joins nothing across them."""
    rows = [r for table in (MERGE, KEEP_APART) for lang in table for r in table[lang]]
    tagged = [(doc, form, country, where, f"{doc[0]}:{who}") for doc, form, country, where, who in rows]
    chilean = {
        "d:kraljevich",
        "e:kraljevich",
        "a:sebastian",
    }  # one Sebastián Kraljevich of Chile in three tables
    check([(d, f, c, w, "kraljevich" if p in chilean else p) for d, f, c, w, p in tagged])


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ("Embajador Sebastián Kraljevich", ("sebastian", "kraljevich")),
        ("H.E. Ambassador Nele Leosk", ("nele", "leosk")),
        ("Superintendent Gail Hutchinson-Baptiste", ("gail", "hutchinson", "baptiste")),
        ("Son Excellence M. Jean-Pierre Côté", ("jean", "pierre", "cote")),
        ("Miguel d’Escoto Brockmann", ("miguel", "d'escoto", "brockmann")),
        ("Stephen C. Vasciannie", ("stephen", "c", "vasciannie")),
        ("Sr.", ()),
    ],
)
def test_a_names_key_drops_honorifics_accents_case_and_hyphens(form: str, key: tuple[str, ...]):
    assert name_key(form) == key


def test_person_ids_are_the_hash_of_the_name_and_the_same_on_every_run():
    rows = MERGE["en"]
    first, again = link_rows(rows), link_rows(list(reversed(rows)))
    assert first == list(reversed(again))
    import hashlib

    assert first[0] == hashlib.sha256(b"sebastian kraljevich").hexdigest()[:16]
