"""acta run over the shared synthetic corpus, scored by the corpus's own scorer.

The floors only ever move up: raise one when the code gets better, never lower one to get green.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import SHARED, SYNTH, needs_shared

FLOORS = {
    "refs": 0.99, "attendance": 0.99, "speakers": 0.99, "delegations": 0.99, "slots": 0.99, "headings": 0.99,
    "links": 0.99, "language": 1.0, "symbol": 1.0, "body": 1.0, "meeting_date": 0.99, "scheduled_start": 0.99,
    "scheduled_end": 0.99, "start_time": 0.99, "end_time": 0.99, "chair": 0.99, "venue": 0.99,
    "speaker.role": 0.99, "speaker.organization": 0.99, "speaker.country": 0.98,
}  # fmt: skip
LANGUAGE_FLOORS = {"en": 0.99, "es": 0.99, "fr": 0.99, "pt": 0.99}  # overall F1 per language


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "corpus" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_every_field_holds_its_floor(synth_out: Path):
    result = _scorer().score(synth_out, SYNTH / "gold")
    assert result["problems"] == []
    scores = {field: round(v["f1"], 3) for field, v in result["fields"].items()}
    below = {f: (scores.get(f), floor) for f, floor in FLOORS.items() if scores.get(f, 0.0) < floor}
    assert below == {}


@needs_shared
@pytest.mark.parametrize("lang", sorted(LANGUAGE_FLOORS))
def test_each_language_holds_its_floor(synth_out: Path, lang: str):
    result = _scorer().score(synth_out, SYNTH / "gold", lang)
    assert result["overall_f1"] >= LANGUAGE_FLOORS[lang]


@needs_shared
def test_parquet_and_duckdb_hold_the_same_tables(synth_out: Path):
    con = duckdb.connect(str(synth_out / "acta.duckdb"), read_only=True)
    for name in ("documents", "sections", "speakers", "delegations", "refs", "times", "attendance", "links"):
        parquet = pd.read_parquet(synth_out / f"{name}.parquet")
        assert con.execute(f'select count(*) from "{name}"').fetchall() == [(len(parquet),)]
    docs = pd.read_parquet(synth_out / "documents.parquet")
    assert docs["doc_id"].is_unique and len(docs) == 60
    assert set(docs["status"]) == {"ok"}


def test_the_cli_refuses_a_missing_folder(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "input not found" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_a_bad_file_gets_its_row_and_the_batch_goes_on(tmp_path: Path):
    from pipeline.batch.run import run

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "not_a_pdf.pdf").write_text("<html>error</html>")
    sample = Path(__file__).resolve().parent.parent / "data/raw/cp_sesion_ordinaria_2023-03-08_es.pdf"
    (inp / "good.pdf").write_bytes(sample.read_bytes())
    summary = run(inp, tmp_path / "out", workers=1)
    assert (summary.ok, summary.failed) == (1, 1)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source_path")
    assert docs.loc["not_a_pdf.pdf", "status"] == "failed"
    assert docs.loc["not_a_pdf.pdf", "error"].startswith("not a PDF")
    assert docs.loc["good.pdf", "language"] == "es"
