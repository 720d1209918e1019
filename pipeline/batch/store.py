"""What a run has done, kept under OUT/.acta/, so a rerun redoes only what changed and a run that was
killed goes on where it stopped.

Finished documents are committed in small batches, each batch one *part*: a folder with every
table's rows of those documents (one file of JSON lines per table, as the workers encoded them,
pipeline.write.to_lines, gzipped) and `files.jsonl`, the manifest lines of its files: path, content hash,
size and mtime, and the settings (acta version, rules, engine) that made the rows. A part counts
once its `_COMMITTED` marker exists. The marker is written last, so a part cut short by a kill
never counts; it is deleted at the next start. Parts are never changed: a file done again gets a
line in a newer part, and a file's newest line wins. The final tables are
assembled from the winning lines' rows by DuckDB, which streams and sorts them (the parent never
holds the archive's rows), then pipeline.link fills what depends on the whole archive (the people
table, person_id, meeting_id), and parts left without a winning line are then deleted.

Rows carry two hidden fields in the parts: `_source` says whose rows they are (with the part's folder,
which says which run wrote them), `_row` their order within the document. The final tables are
ordered by source path, then `_row`, so a run that was killed and resumed, a run on a cluster and a
clean run give equal tables.

Paths go through pyarrow's file systems: OUT may be a local folder or an object store URL. A part of
an older acta (Parquet files) is not read: its files are read again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.fs as pafs
import pyarrow.parquet as pq

from pipeline.batch.manifest import CURRENT, MARK, STATE, Busy, Entry, write_snapshot
from pipeline.tables import TABLES, parsed_columns, schema, sql_columns
from pipeline.write import RowLines

OUTPUTS = [f"{name}.parquet" for name in TABLES] + ["acta.duckdb"]
LINES = "files.jsonl"  # a part's manifest lines
ASSEMBLY_MB = 40  # DuckDB's memory for the final tables; it sorts and stores on disk beyond it
JSON_MB = 16  # DuckDB's JSON reader takes rows up to this long by default (it reserves twice that)


def filesystem(out: str | Path) -> tuple[pafs.FileSystem, str]:
    """The file system and path of an output location: a folder, or a URL pyarrow knows (s3://...)."""
    text = str(out)
    if "://" in text:
        fs, path = pafs.FileSystem.from_uri(text)
        return fs, path.rstrip("/")
    return pafs.LocalFileSystem(), Path(text).resolve().as_posix()


class Store:
    """The parts under OUT/.acta/parts/ and the final tables in OUT."""

    def __init__(self, out: str | Path) -> None:
        self.fs, self.out = filesystem(out)
        self.parts = f"{self.out}/{STATE}/parts"
        self.next = 1
        self.lock: Any = None

    def open(self) -> dict[str, Entry]:
        """Take the output for this run; delete parts cut short by a kill; each file's newest line."""
        self.fs.create_dir(self.parts, recursive=True)
        self._take()
        names = sorted(
            i.base_name
            for i in self.fs.get_file_info(pafs.FileSelector(self.parts))
            if i.type == pafs.FileType.Directory and i.base_name.isdigit()
        )
        self.next = int(names[-1]) + 1 if names else 1
        marks = self.fs.get_file_info([f"{self.parts}/{n}/{f}" for n in names for f in (MARK, LINES)])
        found = [m.type == pafs.FileType.File for m in marks]
        committed = [n for i, n in enumerate(names) if found[2 * i] and found[2 * i + 1]]
        for name in set(names) - set(committed):
            self.fs.delete_dir(f"{self.parts}/{name}")
        lines: dict[str, Entry] = {}
        for name in committed:  # in order, so a file's newest line is the one left
            with self.fs.open_input_stream(f"{self.parts}/{name}/{LINES}") as fh:
                for line in fh.read().splitlines():
                    row = json.loads(line)
                    lines[row["source_path"]] = Entry(**row)
        return lines

    def _take(self) -> None:
        """One run at a time on a local output (the kernel lets go of the lock when a run dies).
        Object stores have no locks: there, one run at a time is the user's to keep."""
        if not isinstance(self.fs, pafs.LocalFileSystem):
            return
        import fcntl

        self.lock = open(f"{self.out}/{STATE}/lock", "w")  # noqa: SIM115 - held until close()
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.close()
            raise Busy(f"another acta run is writing to {self.out}") from None

    def close(self) -> None:
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self, done: list[tuple[Entry, RowLines | None]]) -> str:
        """One part: the rows of the documents done (None: a line alone, its rows already in a part).

        Each entry's `part` and `written` are set here (a line alone keeps its `part`)."""
        name = f"{self.next:010d}"
        self.next += 1
        folder = f"{self.parts}/{name}"
        self.fs.create_dir(folder, recursive=True)
        for table in TABLES:
            data = b"".join(rows.tables.get(table, b"") for _, rows in done if rows is not None)
            if data:
                # a quarter of the size; level 1, not pyarrow's by the name (6), which takes 3.5 times as long
                with self.fs.open_output_stream(f"{folder}/{table}.jsonl.gz", compression=None) as fh:
                    fh.write(gzip.compress(data, compresslevel=1, mtime=0))
        lines = "".join(
            json.dumps({**vars(e), "part": name if rows is not None else e.part, "written": name}) + "\n"
            for e, rows in done
        )
        with self.fs.open_output_stream(f"{folder}/{LINES}") as fh:
            fh.write(lines.encode())
        with self.fs.open_output_stream(f"{folder}/{MARK}") as fh:
            fh.write(b"")
        return name

    def current(self, live: dict[str, Entry]) -> bool:
        """Whether the final tables are there and were assembled from exactly these lines."""
        paths = [f"{self.out}/{name}" for name in OUTPUTS] + [f"{self.out}/{STATE}/{CURRENT}"]
        if any(i.type != pafs.FileType.File for i in self.fs.get_file_info(paths)):
            return False
        with self.fs.open_input_stream(paths[-1]) as fh:
            return fh.read().decode() == _digest(live)

    def assemble(self, live: dict[str, Entry]) -> None:
        """Write the final tables from the parts: the winning lines' rows, in source path order."""
        with tempfile.TemporaryDirectory(prefix="acta-tables-") as tmp:
            _assemble(self.fs, self.parts, live, Path(tmp))
            if isinstance(self.fs, pafs.LocalFileSystem):
                for name in OUTPUTS:  # a rename in place, so a reader never sees half a table
                    target = Path(self.out) / name
                    staged = target.with_name(f".{name}.new")
                    shutil.move(Path(tmp) / name, staged)
                    os.replace(staged, target)
            else:  # an object store writes each object whole
                for name in OUTPUTS:
                    pafs.copy_files(
                        str(Path(tmp) / name),
                        f"{self.out}/{name}",
                        source_filesystem=pafs.LocalFileSystem(),
                        destination_filesystem=self.fs,
                    )
        with self.fs.open_output_stream(f"{self.out}/{STATE}/{CURRENT}") as fh:
            fh.write(_digest(live).encode())

    def collect(self, live: dict[str, Entry]) -> int:
        """Delete the parts that hold neither a winning line nor its rows; how many were deleted."""
        keep = {e.part for e in live.values()} | {e.written for e in live.values()}
        gone = [
            i.base_name
            for i in self.fs.get_file_info(pafs.FileSelector(self.parts))
            if i.type == pafs.FileType.Directory and i.base_name not in keep
        ]
        for name in gone:
            self.fs.delete_file(f"{self.parts}/{name}/{MARK}")  # uncommitted first: a kill now is harmless
            self.fs.delete_dir(f"{self.parts}/{name}")
        return len(gone)

    def snapshot(self, live: dict[str, Entry]) -> None:
        """Leave the live lines for the next run's quick look (pipeline.batch.manifest); local
        outputs only."""
        if isinstance(self.fs, pafs.LocalFileSystem):
            parts = [i.base_name for i in self.fs.get_file_info(pafs.FileSelector(self.parts))]
            write_snapshot(self.out, live, parts, _digest(live), OUTPUTS)


def _digest(live: dict[str, Entry]) -> str:
    digest = hashlib.sha256()
    for source in sorted(live):
        e = live[source]
        digest.update(f"{source}\0{e.part}\0{e.settings}\n".encode())
    return digest.hexdigest()


def _readable(fs: pafs.FileSystem, files: list[str], folder: Path) -> list[str]:
    """The part files where DuckDB reads them: in place on a local disk; from an object store,
    copied into `folder` first, each into a folder named after its part as in the store."""
    if isinstance(fs, pafs.LocalFileSystem):
        return files
    local = []
    for path in files:
        part, name = path.split("/")[-2:]
        target = folder / "parts" / part / name
        target.parent.mkdir(parents=True, exist_ok=True)
        pafs.copy_files(
            path, str(target), source_filesystem=fs, destination_filesystem=pafs.LocalFileSystem()
        )
        local.append(str(target))
    return local


def _json_budget_mb(longest: int) -> int:
    """What DuckDB's JSON reader holds besides the sort: its buffers for rows up to JSON_MB, and about
    nine times the longest row beyond (buffers of twice the row, rounded up to a power of two:
    measured), so a part holding a huge document raises the budget by what that document needs."""
    mb = -(-longest // (1 << 20))
    return 2 * JSON_MB + 2 if mb <= JSON_MB else 10 * mb


def _insert(con: Any, table: str, files: list[str], longest: int) -> None:
    """One table created in DuckDB and filled with its rows from the parts, in source path order; the
    columns set at assembly (pipeline.tables, `assembled`) are left for pipeline.link."""
    columns = sql_columns(table)
    typed = ", ".join(f'"{c}" {t}' for c, t in columns.items())
    con.execute(f'CREATE TABLE "{table}" ({typed})')
    parsed = parsed_columns(table)
    if not files or not parsed:
        return
    # floats are read as the JSON's doubles and rounded once, into FLOAT, as Arrow would
    read = {c: "DOUBLE" if t == "FLOAT" else t for c, t in columns.items() if c in parsed}
    read |= {"_source": "VARCHAR", "_row": "INTEGER"}
    struct = ", ".join(f"'{c}': '{t}'" for c, t in read.items())
    names = ", ".join(f'"{c}"' for c in parsed)
    values = ", ".join(f'p."{c}"' for c in parsed)
    con.execute(
        f'INSERT INTO "{table}" ({names}) SELECT {values} '
        f"FROM read_json($files, columns={{{struct}}}, format='newline_delimited', "
        f"compression='gzip', filename='_file', maximum_object_size={longest}) p "
        "SEMI JOIN live l ON string_split(p._file, '/')[-2] = l._part AND p._source = l._source "
        "ORDER BY p._source, p._row",
        {"files": files},
    )


def _assemble(fs: pafs.FileSystem, parts: str, live: dict[str, Entry], folder: Path) -> None:
    """Each table sorted into acta.duckdb and its Parquet file, in `folder`; DuckDB spills to disk
    beyond its memory limit, so the size of the archive does not matter."""
    import duckdb

    from pipeline.analyst.query import create_views
    from pipeline.link import link_archive

    used = sorted({e.part for e in live.values()})
    wanted = [f"{parts}/{p}/{t}.jsonl.gz" for p in used for t in TABLES]
    present = [i.path for i in fs.get_file_info(wanted) if i.type == pafs.FileType.File]
    files = dict(zip(present, _readable(fs, present, folder / "copied"), strict=True))
    con = duckdb.connect(str(folder / "acta.duckdb"))
    try:
        # a fixed budget whatever the archive: beyond it DuckDB sorts on disk, and the parent's peak
        # memory stays where the run put it
        con.execute(f"SET temp_directory = '{folder / 'spill'}'")
        con.execute("SET threads = 1")
        longest = max([JSON_MB << 20, *(e.longest_row + 1 for e in live.values())])
        con.execute(f"SET memory_limit = '{ASSEMBLY_MB + _json_budget_mb(longest)}MB'")
        con.execute(
            "CREATE TEMP TABLE live AS "
            "SELECT unnest($1::VARCHAR[]) AS _part, unnest($2::VARCHAR[]) AS _source",
            [[e.part for e in live.values()], list(live)],
        )
        for table in TABLES:
            _insert(con, table, [files[f] for f in present if f.endswith(f"/{table}.jsonl.gz")], longest)
        link_archive(con)  # archive-wide columns and tables: people, person_id, meeting_id
        for table in TABLES:
            reader = con.sql(f'SELECT * FROM "{table}"').to_arrow_reader(8192)
            with pq.ParquetWriter(str(folder / f"{table}.parquet"), schema(table)) as writer:
                for batch in reader:
                    writer.write_batch(batch.cast(schema(table)))
        create_views(con)
    finally:
        con.close()
    wal = folder / "acta.duckdb.wal"
    if wal.exists():
        wal.unlink()
