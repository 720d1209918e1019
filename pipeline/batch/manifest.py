"""The manifest: one line per input file saying what was read, with which settings, and where its rows
are; and, for a local output, a snapshot of the live lines that lets a rerun with nothing to do finish
without starting Arrow, DuckDB or a worker (docs/SCALE.md, "Measured costs").

The snapshot (OUT/.acta/lines.json) is written last by a run that left the final tables current. It
counts only while the committed parts are exactly the ones it names and the tables it was written
with are still there; anything else (a killed run's parts, a deleted table) sends the rerun the long
way, through pipeline.batch.store, which repairs it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

STATE = ".acta"
MARK = "_COMMITTED"
CURRENT = "tables.sha256"  # digest of the winning lines the final tables were last assembled from
SNAPSHOT = "lines.json"


class Busy(Exception):
    """Another run is writing to the same output: two would interleave their parts."""


@dataclass(frozen=True)
class Entry:
    """A file's manifest line: what was read, with which settings, and where its rows are."""

    source_path: str
    doc_id: str | None  # content hash (pipeline.batch.task.file_id); none for a file that could not be read
    size: int  # size and mtime at the time it was read: when they are unchanged the hash is too
    mtime_ns: int
    settings: str  # acta version + rules + engine + forced language: a change redoes the file
    status: str
    pages: int
    part: str  # the part holding its rows
    written: str  # the part holding this line (newer than `part` when only the mtime changed)
    longest_row: int = 0  # no row of its rows in the part is longer (bytes): the reader must take them whole


def write_snapshot(
    out: str, live: dict[str, Entry], parts: list[str], tables: str, outputs: list[str]
) -> None:
    """Record the live lines next to the parts they stand on and the tables' digest (atomically)."""
    state = Path(out) / STATE
    body = {
        "parts": sorted(parts),
        "tables": tables,
        "outputs": outputs,
        "lines": [vars(e) for e in live.values()],  # not asdict, which deep-copies (docs/SCALE.md)
    }
    staged = state / f".{SNAPSHOT}.new"
    staged.write_text(json.dumps(body), encoding="utf-8")
    os.replace(staged, state / SNAPSHOT)


def read_snapshot(out: str | Path) -> dict[str, Entry] | None:
    """The live lines, if the local output at `out` is exactly as the last run left it; else None."""
    if "://" in str(out):
        return None
    state = Path(out) / STATE
    try:
        body = json.loads((state / SNAPSHOT).read_text(encoding="utf-8"))
        parts = sorted(os.listdir(state / "parts"))
        committed = all((state / "parts" / name / MARK).is_file() for name in parts)
        tables = (state / CURRENT).read_text(encoding="utf-8")
        present = all((Path(out) / name).is_file() for name in body["outputs"])
    except (OSError, ValueError, KeyError):
        return None
    if parts != body["parts"] or not committed or tables != body["tables"] or not present:
        return None
    try:
        return {line["source_path"]: Entry(**line) for line in body["lines"]}
    except (KeyError, TypeError):  # a snapshot of an older acta
        return None
