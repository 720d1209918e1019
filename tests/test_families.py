"""Record families (models/families/*.json): every file fits the schema, one that does not is refused by
name, and a document's family is read from its own header block.

The header blocks are copied from the records themselves (running headers and the first lines of page
1, one a line): ../shared/corpus/real, the shared synthetic summaries and the hand-made unseen set. A new
family comes with its file and its rows here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import REAL

from pipeline.cues import CuesError, load_rules
from pipeline.families import FAMILIES, GENERIC, SHARED, Family, families, pick_family

FAMILY_FILES = sorted(FAMILIES.glob("*.json"))

HEADER_BLOCKS = {
    "oas_minutes": [
        # oas_cp_acta_1699-09_2009-06-26_es.pdf
        "iii\nCONSEJO PERMANENTE\nOEA/Ser.G\nCP/ACTA 1699/09\n26 junio 2009\nACTA\n"
        "DE LA SESIÓN EXTRAORDINARIA\nCELEBRADA\nEL 26 DE JUNIO DE 2009",
        # tests/unseen: wp_pt_cidi_ata_libreoffice.pdf
        "CIDI/ACTA 269/24\n- 2 -\nCONSELHO INTERAMERICANO DE OEA/Ser.W\n"
        "DESENVOLVIMENTO INTEGRAL (CIDI) CIDI/ACTA 269/24\n14 maio 2024\nOriginal: espanhol\n"
        "ATA DA SESSÃO ORDINÁRIA\nRealizada na terça-feira, 30 de abril de 2024",
        # tests/unseen: wp_es_cp_acta_libreoffice.pdf
        "- 1 -\n- 2 -\nCONSEJO PERMANENTE\nOEA/Ser.G\nCP/ACTA 2481/24\n12 junio 2024\n"
        "ACTA DE LA SESIÓN ORDINARIA\ncelebrada el miércoles 12 de junio de 2024",
    ],
    "un_verbatim": [
        # un_ga_A-64-PV.121_2010-09-13_en.pdf
        "A/64/PV.121\nUnited Nations\nGeneral Assembly\nSixty-fourth session\n121st plenary meeting\n"
        "Monday, 13 September 2010, 3 p.m.\nNew York\nOfficial Records",
        # un_ga_A-63-PV.91_2009-06-29_es.pdf
        "A/63/PV.91\nNaciones Unidas\nAsamblea General\nSexagésimo tercer período de sesiones\n"
        "91ª sesión plenaria\nDocumentos Oficiales\nLunes 29 de junio de 2009, a las 12.00 horas",
        # un_sc_S-PV.10100_2026-01-30_en_provisional.pdf
        "United Nations S/PV.10100\nSecurity Council Provisional\nEighty-first year\n10100th meeting\n"
        "Friday, 30 January 2026, 3 p.m.",
        # un_ga_A-48-PV.46_1993-11-01_en.pdf: the 1990s masthead prints no symbol
        "United Nations\nG E N E R A L\nA S S E M B L Y\nFORTY-EIGHTH SESSION\nOfficial Records\n"
        "President: Mr. INSANALLY\n(Guyana)",
    ],
    "oas_summary": [
        # ../shared/corpus/synth: a summary with its symbol on the cover
        "CP/CAJP/SA.367/18\nSummary of the CAJP Dialogue on Digital Diplomacy, held on July 23, 2018",
        # synth_0029.pdf: a summary of the Permanent Council with an ACTA symbol; its title says what it is
        "CP/ACTA 2265/23\nCP/ACTA 2265/23\n- 2 -\nORGANIZACIÓN DE LOS ESTADOS AMERICANOS\n"
        "CONSEJO PERMANENTE\n"
        "OEA/Ser.G\n1 de diciembre de 2023\nOriginal: español\n"
        "Resumen de la sesión ordinaria del Consejo Permanente celebrada el 7 de noviembre de\n2023",
        # tests/unseen: wp_fr_cajp_compte_rendu_pandoc.pdf
        "CP/CAJP/SA.809/24\n– 2 –\nCONSEIL PERMANENT DE OEA/Ser.G\n"
        "L’ORGANISATION DES ÉTATS AMÉRICAINS CP/CAJP/SA.809/24\n29 avril 2024\n"
        "COMMISSION DES QUESTIONS JURIDIQUES Original : espagnol\nET POLITIQUES\n"
        "COMPTE RENDU DE LA RÉUNION DE LA COMMISSION\nDES QUESTIONS JURIDIQUES ET POLITIQUES",
    ],
    GENERIC: [
        # celac_minuta_III_reunion_coordinadores_nacionales_2012_es.pdf
        "III Reunión de Coordinadores Nacionales\nMinuta sobre el desarrollo de la III Reunión de "
        "Coordinadores Nacionales de la Comunidad de\nEstados Latinoamericanos y Caribeños (CELAC)",
        # un_ga_A-65-908_2011-07-21_es_letter_with_AG-RES.pdf: a letter, no meeting
        "A/65/908\nNaciones Unidas A/65/908\nAsamblea General Distr. general\n21 de julio de 2011\n"
        "Original: español",
        # tests/unseen: wp_en_ecosoc_summary_record_pandoc.pdf (UN summary records: no family yet)
        "E/2024/SR.31\n24-13027 2/3\nUnited Nations E/2024/SR.31\n"
        "Economic and Social Council Distr.: General\n2 August 2024\nOriginal: English\n2024 session\n"
        "Summary record of the 31st meeting\nHeld at Headquarters, New York, on Wednesday, 17 July 2024",
    ],
}

REAL_FAMILIES = {  # file name start: family, read from the PDF
    "oas_cp_acta": "oas_minutes",
    "un_ga_A-65-908": GENERIC,  # a letter with a resolution annexed
    "un_ga_A-": "un_verbatim",
    "un_sc_S-PV": "un_verbatim",
    "celac_minuta": GENERIC,
}


@pytest.mark.parametrize("path", FAMILY_FILES, ids=lambda p: p.stem)
def test_every_family_file_loads_through_the_schema(path: Path) -> None:
    family = load_rules(Family, path, "every family has every key", name=path.stem)
    assert family.name == path.stem and family.about
    assert family.name == GENERIC or family.own_symbols or family.title_words  # evidence to be picked by


@pytest.mark.parametrize("name", sorted(families()))
def test_every_family_reads_turn_labels_and_chair_lines(name: str) -> None:
    """Its own or the generic family's: each label pattern compiles and names the label it read, and
    each chair line is the cue before a name."""
    family = families()[name]
    assert all(getattr(family, key) for key in SHARED)
    assert all("label" in re.compile(p).groupindex for p in family.turn_labels)
    assert all(line.endswith(":") for line in family.chair_lines)


def test_a_family_without_labels_of_its_own_uses_the_generic_ones() -> None:
    generic = families()[GENERIC]
    for name, family in families().items():
        data = json.loads((FAMILIES / f"{name}.json").read_text(encoding="utf-8"))
        for key in SHARED:
            assert getattr(family, key) == (tuple(data[key]) or getattr(generic, key)), (name, key)


def test_the_families_shipped() -> None:
    assert {"oas_summary", "oas_minutes", "un_verbatim", GENERIC} <= set(families())


@pytest.mark.parametrize(
    ("expected", "header"),
    [(family, block) for family, blocks in HEADER_BLOCKS.items() for block in blocks],
    ids=lambda v: v if v in HEADER_BLOCKS else "",
)
def test_a_header_block_names_its_family(expected: str, header: str) -> None:
    assert pick_family(header).name == expected


def test_an_unknown_or_missing_key_is_refused(tmp_path: Path) -> None:
    data = json.loads((FAMILIES / "un_verbatim.json").read_text(encoding="utf-8"))
    data["chair_line"] = ["President:"]
    del data["mastheads"]
    path = tmp_path / "un_summary.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CuesError, match=r"un_summary\.json: unknown key\(s\) chair_line"):
        load_rules(Family, path, "every family has every key", name=path.stem)
    del data["chair_line"]
    path.write_text(json.dumps({**data, "title_repeated": "yes"}), encoding="utf-8")
    with pytest.raises(CuesError, match=r"missing key\(s\) mastheads"):
        load_rules(Family, path, "every family has every key", name=path.stem)


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real is not beside this clone")
def test_the_real_records_are_of_their_family(real_out: Path) -> None:
    documents = pd.read_parquet(real_out / "documents.parquet")
    for source, family in zip(documents.source_path, documents.family, strict=True):
        expected = next(f for start, f in REAL_FAMILIES.items() if source.startswith(start))
        assert family == expected, source


def test_the_synthetic_summaries_are_oas_summaries(synth_out: Path) -> None:
    documents = pd.read_parquet(synth_out / "documents.parquet")
    assert set(documents.family) == {"oas_summary"}
