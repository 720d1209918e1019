"""What a run has done, kept under OUT/.acta/, so a rerun redoes only what changed and a run that was
killed goes on where it stopped.

Finished documents are committed in small batches, each batch one *part*: a folder with every
table's rows of those documents (one Parquet file per table) and `files.parquet`, the manifest lines
of its files: path, content hash, size and mtime, and the settings (acta version, rules, engine) that
made the rows. A part counts once its `_COMMITTED` marker exists. The marker is written last, so a
part cut short by a kill never counts; it is deleted at the next start. Parts are never changed: a
file done again gets a line in a newer part, and a file's newest line wins. The final tables are
assembled from the winning lines' rows by DuckDB, which streams and sorts them (the parent never
holds the archive's rows), and parts left without a winning line are then deleted.

Rows carry three hidden columns in the parts: `_part` and `_source` say whose rows they are, `_row`
their order within the document. The final tables are ordered by source path, then `_row`, so a run
that was killed and resumed, a run on a cluster and a clean run give equal tables.

Paths go through pyarrow's file systems: OUT may be a local folder or an object store URL.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from pipeline.manifest import CURRENT, MARK, STATE, Busy, Entry, write_snapshot
from pipeline.tables import TABLES, schema
from pipeline.write import Rows, to_arrow

HIDDEN = [pa.field("_part", pa.string()), pa.field("_source", pa.string()), pa.field("_row", pa.int32())]
OUTPUTS = [f"{name}.parquet" for name in TABLES] + ["acta.duckdb"]
ASSEMBLY_MB = 40  # DuckDB's memory for the final tables; it sorts and stores on disk beyond it


ENTRY = pa.schema(
    [
        ("source_path", pa.string()),
        ("doc_id", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("settings", pa.string()),
        ("status", pa.string()),
        ("pages", pa.int32()),
        ("part", pa.string()),
        ("written", pa.string()),
    ]
)


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
        marks = self.fs.get_file_info([f"{self.parts}/{n}/{MARK}" for n in names])
        committed = [n for n, m in zip(names, marks, strict=True) if m.type == pafs.FileType.File]
        for name in set(names) - set(committed):
            self.fs.delete_dir(f"{self.parts}/{name}")
        lines: dict[str, Entry] = {}
        for name in committed:  # in order, so a file's newest line is the one left
            with self.fs.open_input_file(f"{self.parts}/{name}/files.parquet") as fh:
                for row in pq.ParquetFile(fh).read().to_pylist():
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

    def commit(self, done: list[tuple[Entry, Rows | None]]) -> str:
        """One part: the rows of the documents done (None: a line alone, its rows already in a part).

        Each entry's `part` and `written` are set here (a line alone keeps its `part`)."""
        name = f"{self.next:010d}"
        self.next += 1
        folder = f"{self.parts}/{name}"
        self.fs.create_dir(folder, recursive=True)
        lines = [
            Entry(**{**asdict(e), "part": name if rows is not None else e.part, "written": name})
            for e, rows in done
        ]
        for table in TABLES:
            part = _part_rows(table, name, [(e.source_path, rows) for e, rows in done if rows is not None])
            if part.num_rows:
                pq.write_table(part, f"{folder}/{table}.parquet", filesystem=self.fs)
        lines_table = pa.Table.from_pylist([asdict(e) for e in lines], schema=ENTRY)
        pq.write_table(lines_table, f"{folder}/files.parquet", filesystem=self.fs)
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
        """Leave the live lines for the next run's quick look (pipeline.manifest); local outputs only."""
        if isinstance(self.fs, pafs.LocalFileSystem):
            parts = [i.base_name for i in self.fs.get_file_info(pafs.FileSelector(self.parts))]
            write_snapshot(self.out, live, parts, _digest(live), OUTPUTS)


def _part_rows(table: str, part: str, docs: Iterable[tuple[str, Rows]]) -> pa.Table:
    """One table's rows of a part's documents, with the hidden columns."""
    rows: list[dict[str, Any]] = []
    sources: list[str] = []
    order: list[int] = []
    for source, doc in docs:
        rows += doc[table]
        sources += [source] * len(doc[table])
        order += range(len(doc[table]))
    hidden = [
        pa.array([part] * len(rows), pa.string()),
        pa.array(sources, pa.string()),
        pa.array(order, pa.int32()),
    ]
    return pa.Table.from_arrays(
        to_arrow(table, rows).columns + hidden, schema=pa.schema(list(schema(table)) + HIDDEN)
    )


def _digest(live: dict[str, Entry]) -> str:
    digest = hashlib.sha256()
    for source in sorted(live):
        e = live[source]
        digest.update(f"{source}\0{e.part}\0{e.settings}\n".encode())
    return digest.hexdigest()


def _scan(con: Any, fs: pafs.FileSystem, files: list[str]) -> None:
    """The part files as the view `part_rows`: DuckDB reads local files itself (streaming, in its own
    memory budget); files on an object store come through a pyarrow dataset."""
    if isinstance(fs, pafs.LocalFileSystem):
        con.read_parquet(files).create_view("part_rows", replace=True)
    else:
        import pyarrow.dataset as ds  # here: it imports pandas, which local runs never need

        con.register("part_rows", ds.dataset(files, format="parquet", filesystem=fs))


def _assemble(fs: pafs.FileSystem, parts: str, live: dict[str, Entry], folder: Path) -> None:
    """Each table sorted into acta.duckdb and its Parquet file, in `folder`; DuckDB spills to disk
    beyond its memory limit, so the size of the archive does not matter."""
    import duckdb

    from pipeline.query import create_views

    used = sorted({e.part for e in live.values()})
    wanted = [f"{parts}/{p}/{t}.parquet" for p in used for t in TABLES]
    present = {i.path for i in fs.get_file_info(wanted) if i.type == pafs.FileType.File}
    con = duckdb.connect(str(folder / "acta.duckdb"))
    try:
        # a fixed budget whatever the archive: beyond it DuckDB sorts on disk, and the parent's peak
        # memory stays where the run put it
        con.execute(f"SET temp_directory = '{folder / 'spill'}'")
        con.execute(f"SET memory_limit = '{ASSEMBLY_MB}MB'")
        con.execute("SET threads = 1")
        con.register("live", pa.table({"_part": [e.part for e in live.values()], "_source": list(live)}))
        for table in TABLES:
            files = [
                f"{parts}/{p}/{table}.parquet" for p in used if f"{parts}/{p}/{table}.parquet" in present
            ]
            columns = ", ".join(f'p."{f.name}"' for f in schema(table))
            if files:
                _scan(con, fs, files)
                con.execute(
                    f'CREATE TABLE "{table}" AS SELECT {columns} FROM part_rows p '
                    "SEMI JOIN live l ON p._part = l._part AND p._source = l._source "
                    "ORDER BY p._source, p._row"
                )
            else:
                con.register("part_rows", schema(table).empty_table())
                con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM part_rows')
            con.execute("DROP VIEW part_rows")
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
