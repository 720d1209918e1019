"""Write stage: a ParsedDocument in, plain rows out, and those rows as JSON lines.

`document_rows` turns one ParsedDocument into plain rows. `to_lines` encodes them as JSON lines,
table by table, in the worker that made them: the parent only appends those bytes to the run's
parts and DuckDB reads them when it assembles the Parquet files and the DuckDB file
(pipeline.batch.store). So the parent's work per document is a few byte strings however many workers
feed it, and it never converts Python rows itself (pyarrow would import pandas to do so, a third
of a second of the parent's time in every run).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from typing import Any

from pipeline.document import ParsedDocument
from pipeline.tables import TABLES

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class RowLines:
    """One document's rows as its part of the store takes them: every table's rows as JSON lines,
    each with the hidden `_source` and `_row` (pipeline.batch.store), and the documents row as a dict,
    from which the run counts statuses and writes the manifest."""

    document: dict[str, Any]
    tables: dict[str, bytes]  # only tables with rows
    longest: int  # bytes of its largest table's lines: no row is longer (DuckDB must be told)


def _json_value(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a table value")


_encode = json.JSONEncoder(default=_json_value, ensure_ascii=False, separators=(",", ":")).encode


def to_lines(rows: Rows) -> RowLines:
    """Encode one document's rows. A string that is not valid Unicode (a lone surrogate from a
    damaged font) is stored with '?' in its place rather than losing the document."""
    document = rows["documents"][0]
    source = document["source_path"]
    tables = {}
    longest = 0
    for table, table_rows in rows.items():
        if table_rows:
            lines = [_encode({**row, "_source": source, "_row": i}) for i, row in enumerate(table_rows)]
            tables[table] = ("\n".join(lines) + "\n").encode("utf-8", "replace")
            longest = max(longest, len(tables[table]))
    return RowLines(document, tables, longest)


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
