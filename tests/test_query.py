"""Asking the tables questions: `acta query`, `acta show`, the library API and the citation graph.

Each test is a question an analyst asks, on the sample data (data/raw), on the shared synthetic corpus
when it is beside the clone, and on a two-document archive where one summary cites the other.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT
from pdfs import Text, build_pdf

import pipeline as acta
from pipeline.analyst.query import VIEWS, QueryError, ReadOnlyError, fetch
from pipeline.analyst.show import DocumentNotFound
from pipeline.cli import main
from pipeline.recognise.symbols import key
from pipeline.tables import TABLES, schema

CAJP_COURSE = "cajp_course_digital_diplomacy_2024-02-15.pdf"


def _summary_pdf(path: Path, symbol: str, date: str, body: list[str]) -> Path:
    """A one-page CAJP summary in OAS layout: cover block with the symbol, bold title, one item."""
    cover = [Text(t, x=330) for t in ("OEA/Ser.G", symbol, date, "Original: English")]
    title = "Summary of the regular meeting of the Committee on Juridical and Political Affairs held on "
    return build_pdf(
        path,
        [
            [
                *cover,
                Text(title + date, bold=True, gap_before=20),
                Text("The meeting was called to order at 10:05 a.m. and presided over by", gap_before=12),
                Text("Ambassador Ana Pérez, Permanent Representative of Chile and Chair of the Committee."),
                Text("1. Consideration of documents", bold=True, gap_before=12),
                *[Text(line) for line in body],
                Text("The meeting was adjourned at 12:35 p.m.", gap_before=12),
            ]
        ],
    )


@pytest.fixture(scope="module")
def linked_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two summaries: SA.901 cites SA.900 as is and as corrected (corr. 1), and a document not held."""
    pdfs = tmp_path_factory.mktemp("linked_pdfs")
    _summary_pdf(
        pdfs / "sa900.pdf", "CP/CAJP/SA.900/24", "February 1, 2024", ["It took note of CP/CAJP-3769/23."]
    )
    _summary_pdf(
        pdfs / "sa901.pdf",
        "CP/CAJP/SA.901/24",
        "February 8, 2024",
        [
            "The Committee approved the summary CP/CAJP/SA.900/24 and its",
            "corrigendum CP/CAJP/SA.900/24 corr. 1, as well as document CP/CAJP-3769/23.",
        ],
    )
    out = tmp_path_factory.mktemp("linked_out")
    acta.run(pdfs, out, workers=1)
    return out


@pytest.fixture(params=["sample", "synth", "linked"])
def archive(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_out")


def doc_id(out: Path, source_path: str) -> str:
    return acta.query(f"SELECT doc_id FROM documents WHERE source_path = '{source_path}'", out).doc_id[0]


# ---------------------------------------------------------------- the three questions


def test_which_documents_cite_a_symbol(sample_out: Path):
    cited = key("CP/CAJP-3769/23")
    answer = acta.query(
        f"SELECT DISTINCT citing_doc_id FROM citations WHERE symbol_key = '{cited}'", sample_out
    )
    assert list(answer.citing_doc_id) == [doc_id(sample_out, CAJP_COURSE)]


def test_who_chaired_cajp_meetings_in_2024_and_for_how_long(sample_out: Path):
    answer = acta.query(
        "SELECT chair, start_time, end_time, duration_min FROM meetings WHERE body = 'CAJP' AND year = 2024",
        sample_out,
    )
    assert answer.to_dict("records") == [
        {"chair": "Sebastián Kraljevich", "start_time": "10:03", "end_time": "13:01", "duration_min": 178}
    ]


def test_which_delegations_speak_most_on_an_item(sample_out: Path):
    answer = acta.query(
        """SELECT speaker, sum(mentions) AS mentions FROM speaker_activity
           WHERE speaker_type = 'delegation' AND symbol = 'CP/SA.2401/23' AND item_number = '2'
           GROUP BY speaker ORDER BY mentions DESC, speaker""",
        sample_out,
    )
    assert answer.to_dict("records")[0] == {"speaker": "CAN", "mentions": 2}
    assert set(answer.speaker) == {"CAN", "BRA", "MEX"}


def test_acta_query_prints_a_table(sample_out: Path, capsys: pytest.CaptureFixture[str]):
    sql = "SELECT chair, duration_min FROM meetings WHERE body = 'CAJP'"
    assert main(["query", sql, "--out-dir", str(sample_out)]) == 0
    printed = capsys.readouterr().out
    assert "Sebastián Kraljevich" in printed and "178" in printed


# ---------------------------------------------------------------- read-only


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE refs",
        "INSERT INTO attendance VALUES ('x', 'ARG')",
        "UPDATE documents SET chair = NULL",
        "CREATE TABLE notes AS SELECT 1",
        "SELECT 1; DELETE FROM refs",
        "COPY refs TO 'refs.csv'",
        "ATTACH 'other.duckdb'",
        "SET enable_external_access = true",
    ],
)
def test_a_write_is_refused_and_the_archive_stays_whole(sample_out: Path, sql: str, capsys):
    before = acta.query("SELECT count(*) AS n FROM refs", sample_out).n[0]
    with pytest.raises(ReadOnlyError, match="refused"):
        acta.query(sql, sample_out)
    assert main(["query", sql, "--out-dir", str(sample_out)]) == 2
    assert "refused" in capsys.readouterr().err
    assert acta.query("SELECT count(*) AS n FROM refs", sample_out).n[0] == before


# ---------------------------------------------------------------- output formats


def test_results_are_written_as_csv_json_and_parquet(sample_out: Path, tmp_path: Path, capsys):
    sql = "SELECT doc_id, body, meeting_date, duration_min FROM meetings ORDER BY doc_id"
    expected = acta.query(sql, sample_out)
    for fmt in ("csv", "json", "parquet"):
        assert (
            main(["query", sql, "--out-dir", str(sample_out), "--format", fmt, "--save", str(tmp_path / "r")])
            == 0
        )
        if fmt == "csv":
            assert len(pd.read_csv(tmp_path / "r")) == len(expected)
        elif fmt == "json":
            assert json.loads((tmp_path / "r").read_text())[0]["meeting_date"][:4].isdigit()
        else:
            assert pq.read_table(tmp_path / "r").num_rows == len(expected)
    acta.query(sql, sample_out, save=tmp_path / "meetings.parquet")  # the suffix says the format
    assert pq.read_table(tmp_path / "meetings.parquet").column_names == list(expected.columns)
    capsys.readouterr()
    assert main(["query", sql, "--db", str(sample_out / "acta.duckdb"), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith('"doc_id","body","meeting_date","duration_min"')


# ---------------------------------------------------------------- load


def test_load_round_trips_every_table(archive: Path):
    tables = acta.load(archive)
    assert set(tables) == {*TABLES, *VIEWS}
    for name in TABLES:
        written = pq.read_table(archive / f"{name}.parquet")
        back = pa.Table.from_pandas(tables[name], schema=schema(name), preserve_index=False)
        assert back.equals(written), name


def test_load_gives_lazy_relations_too(sample_out: Path):
    refs = acta.load(sample_out, ["refs"], relations=True)["refs"]
    assert isinstance(refs, duckdb.DuckDBPyRelation)
    assert refs.filter("in_footnote").count("*").fetchall() == [(1,)]


def test_a_database_written_before_the_views_gets_them_on_reading(sample_out: Path, tmp_path: Path):
    old = tmp_path / "acta.duckdb"
    shutil.copy(sample_out / "acta.duckdb", old)
    with duckdb.connect(str(old)) as con:
        for view in VIEWS:
            con.execute(f"DROP VIEW {view}")
    assert len(acta.query("SELECT * FROM meetings", db=old)) == 3


def test_a_database_written_before_the_people_table_keeps_its_other_views(sample_out: Path, tmp_path: Path):
    old = tmp_path / "acta.duckdb"
    shutil.copy(sample_out / "acta.duckdb", old)
    with duckdb.connect(str(old)) as con:
        for view in VIEWS:
            con.execute(f"DROP VIEW {view}")
        con.execute("DROP TABLE people")
    assert len(acta.query("SELECT * FROM citations", db=old)) > 0
    with pytest.raises(QueryError, match="people_aliases"):
        acta.query("SELECT * FROM people_aliases", db=old)


def test_importing_the_library_loads_no_heavy_module():
    code = "import sys, pipeline as acta; print(sorted({'pandas', 'duckdb', 'spacy'} & set(sys.modules)))"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        == "[]\n"
    )
    from pipeline.analyst.query import query
    from pipeline.batch.run import run

    assert acta.run is run and acta.query is query  # the functions, even once their modules are imported
    assert acta.__version__ == importlib.metadata.version("acta")


# ---------------------------------------------------------------- the citation graph


def test_citations_resolve_every_symbol_held_in_the_archive(archive: Path):
    missed = acta.query(
        """SELECT r.symbol FROM refs r JOIN documents d ON d.symbol_key IN (r.symbol_key, r.base_key)
           WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.citing_doc_id = r.doc_id
                             AND c.symbol_key = r.symbol_key AND c.resolved)""",
        archive,
    )
    assert missed.empty
    counts = acta.query(
        "SELECT (SELECT count(*) FROM refs) AS refs, (SELECT count(*) FROM citations) AS c", archive
    )
    assert counts.refs[0] == counts.c[0]  # every citation once, resolved or not


def test_walking_from_a_summary_to_what_it_cites_and_back(linked_out: Path):
    sa900, sa901 = doc_id(linked_out, "sa900.pdf"), doc_id(linked_out, "sa901.pdf")
    cites = fetch(
        f"SELECT symbol, cited_doc_id, match FROM citations WHERE citing_doc_id = '{sa901}' ORDER BY symbol",
        linked_out,
    )
    assert cites.to_pylist() == [
        {"symbol": "CP/CAJP-3769/23", "cited_doc_id": None, "match": None},
        {"symbol": "CP/CAJP/SA.900/24", "cited_doc_id": sa900, "match": "exact"},
        {"symbol": "CP/CAJP/SA.900/24 corr. 1", "cited_doc_id": sa900, "match": "base"},
    ]
    back = acta.query(
        f"SELECT DISTINCT citing_doc_id FROM citations WHERE cited_doc_id = '{sa900}'", linked_out
    )
    assert list(back.citing_doc_id) == [sa901]


# ---------------------------------------------------------------- the meetings view


def test_meetings_has_one_row_per_summary_read_with_its_duration(archive: Path):
    meetings = acta.query("SELECT * FROM meetings", archive)
    documents = acta.query("SELECT * FROM documents WHERE status <> 'failed'", archive)
    assert sorted(meetings.doc_id) == sorted(documents.doc_id)
    timed = meetings.dropna(subset=["start_time", "end_time", "duration_min"])
    minutes = pd.to_timedelta(timed.end_time + ":00") - pd.to_timedelta(timed.start_time + ":00")
    assert (minutes.dt.total_seconds() // 60).astype(int).tolist() == timed.duration_min.tolist()
    speakers = acta.query("SELECT doc_id, count(DISTINCT name) AS n FROM speakers GROUP BY doc_id", archive)
    assert (
        dict(zip(speakers.doc_id, speakers.n, strict=True)).items()
        <= dict(zip(meetings.doc_id, meetings.speakers, strict=True)).items()
    )


# ---------------------------------------------------------------- acta show


def test_show_prints_one_documents_extraction(sample_out: Path, capsys: pytest.CaptureFixture[str]):
    text = acta.show("CP/SA.2401/23", sample_out)
    expected = [
        "cp_sesion_ordinaria_2023-03-08_es.pdf",
        "called to order 10:15",
        "145 min",
        "Aprobación del orden del día",
        "Delegations that took the floor",
        "Attendance (",
        "CP/OD-2345/23",
        "Links (",
    ]
    assert [part for part in expected if part not in text] == []
    the_id = doc_id(sample_out, "cp_sesion_ordinaria_2023-03-08_es.pdf")
    assert acta.show(the_id[:8], sample_out) == text
    assert main(["show", "cp/sa. 2401/23", "--out-dir", str(sample_out)]) == 0  # any spelling of the symbol
    assert capsys.readouterr().out == text


def test_show_lists_what_cites_a_document(linked_out: Path):
    text = acta.show("sa900.pdf", linked_out)
    assert "Cited by (2)" in text and "CP/CAJP/SA.901/24" in text


def test_show_says_when_no_document_matches(sample_out: Path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(DocumentNotFound):
        acta.show("CP/NONE-1/99", sample_out)
    assert main(["show", "CP/NONE-1/99", "--out-dir", str(sample_out)]) == 2
    assert "no document" in capsys.readouterr().err
    assert main(["query", "SELECT 1", "--out-dir", str(ROOT / "no-such-folder")]) == 2
    assert "acta run" in capsys.readouterr().err
