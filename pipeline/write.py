"""Write stage: a ParsedDocument in, plain rows out.

`document_rows` turns one ParsedDocument into plain rows (small, picklable: workers send these to
the parent, never pages). The parent commits them in batches and assembles the Parquet files and the
DuckDB file from those (pipeline.store), each replaced atomically, so a reader never sees a
half-written table and a crash leaves the old one whole.
"""

from __future__ import annotations

import re
from typing import Any

import pyarrow as pa

from pipeline.document import ParsedDocument
from pipeline.tables import TABLES, schema

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {name: [] for name in TABLES}


def document_rows(parsed: ParsedDocument, doc: dict[str, Any]) -> Rows:
    """All rows of one document; `doc` holds the file facts (doc_id, source_path, status, …)."""
    # imported here: pipeline.parse loads spaCy, which the parent, importing this module, never needs
    from pipeline.parse.symbols import key

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
    """The rows as an Arrow table of the table's schema (a missing key is a null). Arrow reads the
    dicts itself: building a list per column in Python took seventy times as long."""
    return pa.Table.from_pylist(rows, schema=schema(table))
