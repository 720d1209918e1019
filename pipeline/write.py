"""Write stage: row records in, Parquet files and one DuckDB file out, each written atomically.

`document_rows` turns one ParsedDocument into plain rows (small, picklable: workers send these to
the parent, never pages). `write_tables` writes every table to a temporary file beside its target
and renames it into place, so a reader never sees a half-written table and a crash leaves the old
one whole.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.document import ParsedDocument
from pipeline.parse.symbols import key
from pipeline.tables import TABLES, schema

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {name: [] for name in TABLES}


def document_rows(parsed: ParsedDocument, doc: dict[str, Any]) -> Rows:
    """All rows of one document; `doc` holds the file facts (doc_id, source_path, status, …)."""
    meta = parsed.meta
    doc_id = doc["doc_id"]
    rows = empty_rows()
    rows["documents"].append(
        {
            **doc,
            "language": meta.language,
            "symbol": meta.symbol,
            "symbol_key": key(meta.symbol) if meta.symbol else None,
            "body": meta.body,
            "meeting_type": meta.meeting_type,
            "meeting_date": meta.meeting_date,
            "scheduled_start": meta.scheduled_start,
            "scheduled_end": meta.scheduled_end,
            "start_time": meta.start_time,
            "end_time": meta.end_time,
            "chair": meta.chair,
            "venue": meta.venue,
            "title": meta.title,
        }
    )
    for s in parsed.tree.sections:
        box = s.heading_bbox or (None, None, None, None)
        rows["sections"].append(
            {
                "doc_id": doc_id,
                "section_id": s.section_id,
                "parent_id": s.parent_id,
                "level": s.level,
                "kind": s.kind,
                "number": s.number,
                "heading": s.heading,
                "start_time": s.start,
                "end_time": s.end,
                "page_start": s.page_start,
                "page_end": s.page_end,
                "text": s.text,
                "x0": box[0],
                "top": box[1],
                "x1": box[2],
                "bottom": box[3],
            }
        )
    for sp in parsed.speakers:
        rows["speakers"].append({"doc_id": doc_id, **vars(sp)})
    for d in parsed.delegations:
        rows["delegations"].append({"doc_id": doc_id, **vars(d)})
    for r in parsed.refs:
        sym = r.symbol
        rows["refs"].append(
            {
                "doc_id": doc_id,
                "section_id": r.section_id,
                "symbol": sym.symbol,
                "symbol_key": key(sym.symbol),
                "base_key": key(re.sub(r"\s(?:rev|corr|add)\.\s?\d+", "", sym.symbol)),
                "raw": sym.raw,
                "organ": sym.organ,
                "kind": sym.kind,
                "number": sym.number,
                "year": sym.year,
                "session": sym.session,
                "suffix": sym.suffix,
                "page": r.page,
                "in_footnote": r.in_footnote,
            }
        )
    for t in parsed.times:
        rows["times"].append({"doc_id": doc_id, **vars(t)})
    for country in parsed.attendance:
        rows["attendance"].append({"doc_id": doc_id, "country": country})
    for lk in parsed.links:
        rows["links"].append({"doc_id": doc_id, **vars(lk)})
    for fn in parsed.tree.footnotes:
        rows["footnotes"].append({"doc_id": doc_id, "page": fn.page, "mark": fn.mark, "text": fn.text})
    for iv in parsed.interventions:
        rows["interventions"].append({"doc_id": doc_id, **vars(iv)})
    return rows


def failed_rows(doc: dict[str, Any]) -> Rows:
    rows = empty_rows()
    rows["documents"].append(doc)
    return rows


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    sch = schema(table)
    columns = {f.name: [r.get(f.name) for r in rows] for f in sch}
    return pa.table(columns, schema=sch)


def _atomic(target: Path, write: Any) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> None:
    """One Parquet file per table and one DuckDB file holding them all; each replaced atomically."""
    import duckdb

    from pipeline.query import create_views

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        _atomic(out_dir / f"{name}.parquet", lambda tmp, t=table: pq.write_table(t, tmp))

    def write_duckdb(tmp: str) -> None:
        os.unlink(tmp)  # DuckDB wants to create the file itself
        con = duckdb.connect(tmp)
        try:
            for name, table in tables.items():
                con.register("incoming", table)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                con.unregister("incoming")
            create_views(con)
        finally:
            con.close()
        wal = Path(tmp + ".wal")
        if wal.exists():
            wal.unlink()

    _atomic(out_dir / "acta.duckdb", write_duckdb)
