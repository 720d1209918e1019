"""Real records from ../shared/corpus/real (OAS Permanent Council minutes, UN verbatim records, a CELAC
summary): one entry per document, asserting only what was checked by reading the PDF.

Turn counts were checked against an independent count of the labels ("El PRESIDENTE:",
"La REPRESENTANTE PERMANENTE DEL ECUADOR:") in pdfplumber's own text of each file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import REAL

pytestmark = pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real is not beside this clone")

MINUTES = {
    # file name start: (own symbol, meeting date, chair, called to order, speaker turns)
    "oas_cp_acta_1699": ("CP/ACTA 1699/09", date(2009, 6, 26), "Graeme C. Clark", "10:39", 55),
    "oas_cp_acta_1700": ("CP/ACTA 1700/09", date(2009, 6, 28), "Graeme C. Clark", "12:10", 84),
    "oas_cp_acta_1857": (
        "CP/ACTA 1857/12", date(2012, 6, 26), "Leonidas Rosa Bautista", "15:00", 112,
    ),
    "oas_cp_acta_1859": ("CP/ACTA 1859/12", date(2012, 7, 10), "Diego Pary", "10:36", 57),
    "oas_cp_acta_1862": (
        "CP/ACTA 1862/12", date(2012, 8, 16), "Stephen C. Vasciannie", "17:00", None,
    ),
    "oas_cp_acta_1863": ("CP/ACTA 1863/12", date(2012, 8, 17), "Diego Pary", "15:30", None),
    "oas_cp_acta_1864": (
        "CP/ACTA 1864/12", date(2012, 8, 20), "Stephen C. Vasciannie", "15:20", 45,
    ),
    "oas_cp_acta_1865": (
        "CP/ACTA 1865/12", date(2012, 8, 22), "Stephen C. Vasciannie", "10:13", None,
    ),
}  # fmt: skip

RECORDS = {
    # file: (own symbol, meeting date, president, called to order)
    "un_ga_A-64-PV.121_2010-09-13_en.pdf": (
        "A/64/PV.121",
        date(2010, 9, 13),
        "Ali Abdussalam Treki",
        "15:30",
    ),
    "un_ga_A-63-PV.91_2009-06-29_es.pdf": ("A/63/PV.91", date(2009, 6, 29), "d’Escoto Brockmann", "12:10"),
    "un_ga_A-76-PV.102_2022-09-08_en.pdf": ("A/76/PV.102", date(2022, 9, 8), "Shahid", "15:15"),
    "un_sc_S-PV.3756_1997-03-21_en.pdf": ("S/PV.3756", date(1997, 3, 21), "Wlosowicz", "18:25"),
}


@pytest.fixture(scope="module")
def real(real_out: Path) -> dict[str, pd.DataFrame]:
    out = real_out
    names = ("documents", "sections", "interventions", "refs", "attendance", "speakers", "delegations")
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in names}


def _doc(real: dict[str, pd.DataFrame], name: str) -> pd.Series:
    """The documents row of the file whose name starts with `name`."""
    docs = real["documents"]
    return docs[docs["source_path"].str.startswith(name)].iloc[0]


def _rows(real: dict[str, pd.DataFrame], table: str, name: str) -> pd.DataFrame:
    df = real[table]
    return df[df["doc_id"] == _doc(real, name)["doc_id"]]


def test_every_real_record_is_read(real):
    docs = real["documents"]
    assert len(docs) == len(list(Path(REAL).glob("*.pdf")))
    assert set(docs["status"]) == {"ok"}


@pytest.mark.parametrize("name", sorted(MINUTES))
def test_minutes_documents_row(real, name):
    symbol, day, chair, start, _ = MINUTES[name]
    row = _doc(real, name)
    assert (row["language"], row["symbol"], row["body"], row["meeting_type"]) == (
        "es",
        symbol,
        "CP",
        "special meeting",
    )
    assert (row["meeting_date"], row["chair"], row["start_time"]) == (day, chair, start)


@pytest.mark.parametrize("name", sorted(n for n, v in MINUTES.items() if v[4] is not None))
def test_minutes_speaker_turns(real, name):
    assert len(_rows(real, "interventions", name)) == MINUTES[name][4]


def test_acta_1864_turns_name_the_delegates_from_the_attendance_list(real):
    name = "oas_cp_acta_1864"
    turns = _rows(real, "interventions", name).sort_values("order")
    brazil = turns[turns["speaker_label"] == "El REPRESENTANTE INTERINO DEL BRASIL"].iloc[0]
    assert (brazil["country"], brazil["person"]) == ("BRA", "Breno de Souza Brasil Dias da Costa")
    chair = turns[turns["speaker_label"] == "El PRESIDENTE"].iloc[0]
    assert chair["person"] == "Stephen C. Vasciannie"
    assert chair["text"].startswith("I am pleased to call to order this special meeting")
    present = set(_rows(real, "attendance", name)["country"])
    assert len(present) == 31 and {"BOL", "NIC", "BHS", "JAM", "USA", "VCT"} <= present
    refs = set(_rows(real, "refs", name)["symbol"])
    assert {"CP/RES. 1005 (1863/12)", "CP/doc.4796/12", "CP/doc.4797/12 corr. 1"} <= refs
    headings = list(_rows(real, "sections", name)["heading"].dropna())
    assert "APROBACIÓN DEL PROYECTO DE ORDEN DEL DÍA" in headings
    assert any(h.startswith("ESTABLECIMIENTO DEL ORDEN DE PRECEDENCIA") for h in headings)


def test_annexed_resolutions_are_cited(real):
    assert "CP/RES. 953 (1700/09)" in set(_rows(real, "refs", "oas_cp_acta_1700")["symbol"])
    assert "CP/RES. 952 (1699/09)" in set(_rows(real, "refs", "oas_cp_acta_1699")["symbol"])


def test_acta_1865_reads_words_that_pdfplumber_runs_together(real):
    """This file's word spacing is so tight that pdfplumber's extract_text gives 'CONSEJOPERMANENTE'."""
    name = "oas_cp_acta_1865"
    text = " ".join(_rows(real, "sections", name)["text"])
    assert "celebró sesión extraordinaria el Consejo Permanente" in text


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_un_records_documents_row(real, name):
    symbol, day, president, start = RECORDS[name]
    row = _doc(real, name)
    assert (row["symbol"], row["meeting_date"], row["chair"], row["start_time"]) == (
        symbol,
        day,
        president,
        start,
    )


def test_un_speakers_carry_their_state(real):
    turns = _rows(real, "interventions", "un_ga_A-64-PV.121_2010-09-13_en.pdf")
    yemen = turns[turns["speaker_label"] == "Mr. Alsaidi (Yemen)"].iloc[0]
    assert (yemen["person"], yemen["country"]) == ("Alsaidi", "YEM")
    assert "A/64/L.72" in set(_rows(real, "refs", "un_ga_A-64-PV.121_2010-09-13_en.pdf")["symbol"])


def test_no_section_is_a_contents_entry_or_a_running_header(real):
    headings = real["sections"]["heading"].dropna()
    assert not headings.str.contains(r"\.\s?\.\s?\.\s?\.").any()
    assert not headings.str.fullmatch(r"[-–\s]*\d+[-–\s]*").any()
    assert not headings.str.startswith("ÍNDICE").any()
