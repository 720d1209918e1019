"""Write stage: a ParsedDocument in, plain rows out, and those rows as JSON lines.

`document_rows` turns one ParsedDocument into plain rows. `to_lines` encodes them as JSON lines,
table by table, in the worker that made them: the parent only appends those bytes to the run's
parts and DuckDB reads them when it assembles the Parquet files and the DuckDB file
(pipeline.batch.store). So the parent's work per document is a few byte strings however many workers
feed it, and it never converts Python rows itself (pyarrow would import pandas to do so, a cost
in every run: docs/SCALE.md, "Measured costs").
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, fields
from typing import Any, get_type_hints

from pipeline.document import PageSource, ParsedDocument
from pipeline.recognise.symbols import key
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


Layout = tuple[tuple[str, tuple[str, ...], bool], ...]
_layouts: dict[type, Layout] = {}


def _layout(cls: type) -> Layout:
    """How a row dataclass's fields become columns: (field, its columns, flattened), from the fields'
    metadata (pipeline.document), plus the columns its properties give (`DERIVED`). Worked out once
    per class, since every row of a run asks."""
    if cls not in _layouts:
        layout = [
            (f.name, f.metadata.get("columns", (f.name,)), bool(f.metadata.get("flatten")))
            for f in fields(cls)
        ]
        layout += [(name, (name,), False) for name in getattr(cls, "DERIVED", ())]
        _layouts[cls] = tuple(layout)
    return _layouts[cls]


def table_row(obj: object) -> dict[str, Any]:
    """One object's columns, as its dataclass declares them."""
    row: dict[str, Any] = {}
    for name, names, flatten in _layout(type(obj)):
        value = getattr(obj, name)
        if flatten:
            row.update(table_row(value))
        elif len(names) == 1:
            row[names[0]] = value
        elif names:
            row.update(zip(names, value or (None,) * len(names), strict=True))
    return row


def table_columns(cls: type) -> list[str]:
    """The columns a row dataclass gives, in field order (what the tests hold against pipeline.tables)."""
    names: list[str] = []
    for name, columns, flatten in _layout(cls):
        names += table_columns(get_type_hints(cls)[name]) if flatten else list(columns)
    return names


def document_rows(parsed: ParsedDocument, doc: dict[str, Any], pages: list[PageSource] | None = None) -> Rows:
    """All rows of one document; `doc` holds the file facts (doc_id, source_path, status, …), `pages`
    where each page's text came from."""
    meta = parsed.meta
    doc_id = doc["doc_id"]
    rows = empty_rows()
    rows["documents"].append(
        {
            **doc,
            **table_row(meta),
            **table_row(parsed.tree),
            "symbol_key": key(meta.symbol) if meta.symbol else None,
        }
    )
    objects: dict[str, list[Any]] = {
        "sections": parsed.tree.sections,
        "speakers": parsed.speakers,
        "delegations": parsed.delegations,
        "refs": parsed.refs,
        "times": parsed.times,
        "links": parsed.links,
        "footnotes": parsed.tree.footnotes,
        "interventions": parsed.interventions,
    }
    for table, items in objects.items():
        rows[table] = [{"doc_id": doc_id, **table_row(item)} for item in items]
    for row in rows["refs"]:
        row["symbol_key"] = key(row["symbol"])
        row["base_key"] = key(re.sub(r"\s(?:rev|corr|add)\.\s?\d+", "", row["symbol"]))
    rows["attendance"] = [{"doc_id": doc_id, "country": country} for country in parsed.attendance]
    rows["pages"] = [{"doc_id": doc_id, **table_row(source)} for source in pages or ()]
    return rows


def failed_rows(doc: dict[str, Any]) -> Rows:
    rows = empty_rows()
    rows["documents"].append(doc)
    return rows
