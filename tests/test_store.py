"""The store takes rows as the workers encode them (JSON lines) and gives back the typed tables: what
goes in comes out, however long or odd the text."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.batch.manifest import Entry
from pipeline.batch.store import Store
from pipeline.write import RowLines, Rows, empty_rows, to_lines


def document(source: str, **values: Any) -> Rows:
    rows = empty_rows()
    rows["documents"].append({"doc_id": "3f9a0c1e2b4d5a6f", "source_path": source, "status": "ok", **values})
    return rows


def stored(out: Path, *docs: Rows) -> dict[str, list[dict[str, Any]]]:
    """Commit the documents as one part, assemble the tables, read them back."""
    with Store(out) as store:
        store.open()
        done: list[tuple[Entry, RowLines | None]] = []
        for rows in docs:
            lines = to_lines(rows)
            source = lines.document["source_path"]
            entry = Entry(source, "3f9a0c1e2b4d5a6f", 1, 1, "s", "ok", 1, "", "", lines.longest)
            done.append((entry, lines))
        name = store.commit(done)
        live = {e.source_path: replace(e, part=name, written=name) for e, _ in done}
        store.assemble(live)
    return {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in ("documents", "sections")}


def test_values_come_back_in_the_tables_types(tmp_path: Path) -> None:
    title = "Sesión «ordinaria» — 2024"
    rows = document("a.pdf", meeting_date=datetime.date(2024, 2, 15), pages=3, title=title)
    rows["sections"].append({"doc_id": "3f9a0c1e2b4d5a6f", "section_id": 0, "x0": 72.1, "top": None})
    tables = stored(tmp_path, rows)
    doc = tables["documents"][0]
    assert doc["meeting_date"] == datetime.date(2024, 2, 15)
    assert (doc["pages"], doc["title"]) == (3, title)
    section = tables["sections"][0]
    assert section["x0"] == pa.scalar(72.1, pa.float32()).as_py()  # rounded once, as Arrow rounds
    assert section["top"] is None


def test_a_row_longer_than_the_json_readers_default_comes_back_whole(tmp_path: Path) -> None:
    """A document with no headings is one section: 15,000 pages of text in a single row, which
    DuckDB's JSON reader, made for rows up to 16 MB, takes only when told how long it is."""
    text = "Lorem ipsum dolor sit amet, señor Presidente. " * 750_000  # 34.5 MB
    rows = document("long.pdf")
    rows["sections"].append({"doc_id": "3f9a0c1e2b4d5a6f", "section_id": 0, "text": text})
    assert stored(tmp_path, rows)["sections"][0]["text"] == text


def test_text_that_is_not_unicode_keeps_its_document(tmp_path: Path) -> None:
    """A lone surrogate (a damaged font's character) cannot be written as UTF-8: it becomes '?'."""
    tables = stored(tmp_path, document("odd.pdf", title="Acta \ud800 final"), document("b.pdf", title="B"))
    assert [d["title"] for d in tables["documents"]] == ["B", "Acta ? final"]
