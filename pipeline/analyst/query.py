"""Reading the tables back: `load` them as DataFrames, `query` them with SQL, and the analyst views.

Every reader opens acta.duckdb read-only and with file access switched off (and that setting locked),
so a query can neither change the archive nor read or write other files: `acta query` can be handed to
anyone. The views of pipeline/views.sql are created in the file when it is written; a file written
before they existed gets them as temporary views on the connection, so the same SQL works on both.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from contextlib import redirect_stdout
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from pipeline.tables import TABLES

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

DEFAULT_DIR = Path("data/processed")
DB_NAME = "acta.duckdb"
VIEWS_SQL = Path(__file__).parent.parent / "views.sql"
VIEWS = ("meetings", "citations", "speaker_activity", "people_aliases")
FORMATS = ("csv", "json", "parquet")


class QueryError(Exception):
    """A query DuckDB could not run, with DuckDB's reason."""


class ReadOnlyError(QueryError):
    """A statement that would change the archive or touch files: refused, never run."""


def db_path(out_dir: str | Path = DEFAULT_DIR, db: str | Path | None = None) -> Path:
    """The DuckDB file: `db` when given, else acta.duckdb in the output folder."""
    return Path(db) if db is not None else Path(out_dir) / DB_NAME


def create_views(con: duckdb.DuckDBPyConnection, temporary: bool = False) -> None:
    """Create the views of views.sql; temporary ones live on the connection only (read-only files).

    A file written by an older acta may lack a table or column a view reads (people, meeting_id):
    the temporary views it can hold are created, the others left out, so its tables stay readable."""
    import duckdb

    sql = VIEWS_SQL.read_text(encoding="utf-8")
    if not temporary:
        con.execute(sql)
        return
    sql = re.sub(r"^CREATE VIEW", "CREATE TEMP VIEW", sql, flags=re.MULTILINE)
    code = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    for statement in filter(str.strip, re.split(r";\s*$", code, flags=re.MULTILINE)):
        try:
            con.execute(statement)
        except (duckdb.BinderException, duckdb.CatalogException):
            continue


def connect(out_dir: str | Path = DEFAULT_DIR, db: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to acta.duckdb, with no access to other files and the views present."""
    import duckdb

    path = db_path(out_dir, db)
    if not path.is_file():
        raise FileNotFoundError(
            f"no acta database at {path}: run `acta run IN --out-dir {path.parent}` first"
        )
    con = duckdb.connect(
        str(path), read_only=True, config={"enable_external_access": False, "lock_configuration": True}
    )
    views = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    present = {name for (name,) in views}
    if not set(VIEWS) <= present:
        create_views(con, temporary=True)
    return con


def execute(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """Run SQL (several statements: the last one's result) and fetch the result as an Arrow table."""
    import duckdb

    try:
        rel = con.sql(sql)
        table = rel.arrow().read_all() if rel is not None else pa.table({})
    except duckdb.Error as exc:
        raise _explain(exc) from exc
    return _int64_sums(table)


def _int64_sums(table: pa.Table) -> pa.Table:
    """DuckDB sums integers as HUGEINT, which Arrow carries as decimal(38,0) and pandas as Decimal
    objects that plots and arithmetic trip on; such columns become int64 when every value fits."""
    for i, f in enumerate(table.schema):
        if pa.types.is_decimal(f.type) and f.type.scale == 0 and f.type.precision == 38:
            try:
                table = table.set_column(i, f.name, table.column(i).cast(pa.int64()))
            except pa.ArrowInvalid:
                continue
    return table


def _explain(exc: Exception) -> QueryError:
    """DuckDB's error in the words of this tool: say plainly when and why a statement was refused."""
    import duckdb

    message = str(exc)
    if "read-only mode" in message:
        kind = re.search(r'statement of type "(\w+)"', message)
        what = f"{kind.group(1)} statement" if kind else "statement"
        return ReadOnlyError(f"refused: the {what} would change the archive; acta query is read-only")
    if isinstance(exc, duckdb.PermissionException):
        return ReadOnlyError("refused: acta query reads the archive only, not other files")
    if "configuration has been locked" in message:
        return ReadOnlyError("refused: acta query cannot change DuckDB settings")
    return QueryError(message)


def to_pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas keeping integers integers (nullable Int32, not float) and dates as datetime64."""
    import pandas as pd

    types = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    return table.to_pandas(types_mapper=types.get, date_as_object=False)


def query(
    sql: str,
    out_dir: str | Path = DEFAULT_DIR,
    *,
    db: str | Path | None = None,
    format: str | None = None,  # noqa: A002 - the name of the `acta query --format` option
    save: str | Path | None = None,
) -> pd.DataFrame:
    """The result of read-only SQL over the tables and views; with `save`, also written to that file.

    `format` (csv, json, parquet) defaults to the file's suffix. Refused statements raise
    ReadOnlyError. The keywords are the `acta query` options' names.
    """
    result = fetch(sql, out_dir, db=db)
    if save is not None:
        save_table(result, save, format)
    return to_pandas(result)


def fetch(sql: str, out_dir: str | Path = DEFAULT_DIR, *, db: str | Path | None = None) -> pa.Table:
    """The result of read-only SQL as an Arrow table (exact column types, for printing or saving)."""
    con = connect(out_dir, db)
    try:
        return execute(con, sql)
    finally:
        con.close()


def load(
    out_dir: str | Path = DEFAULT_DIR,
    names: Iterable[str] | None = None,
    *,
    db: str | Path | None = None,
    relations: bool = False,
) -> dict[str, Any]:
    """Every table and view (or the ones named) as pandas DataFrames, or as DuckDB relations.

    Relations are lazy: they read on demand, so `load(relations=True)["refs"].filter(...)` never
    materializes the whole table; they keep their read-only connection open while referenced.
    """
    con = connect(out_dir, db)
    wanted = list(names) if names is not None else [*TABLES, *VIEWS]
    if relations:
        return {name: con.sql(f"SELECT * FROM {_ident(name)}") for name in wanted}
    try:
        return {name: to_pandas(execute(con, f"SELECT * FROM {_ident(name)}")) for name in wanted}
    finally:
        con.close()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def format_of(path: str | Path, fmt: str | None) -> str:
    """The output format: the one asked for, else the file's suffix."""
    chosen = fmt or Path(path).suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise ValueError(f"unknown format {chosen!r} for {path}: use one of {', '.join(FORMATS)}")
    return chosen


def save_table(table: pa.Table, path: str | Path, fmt: str | None = None) -> Path:
    """Write a result to csv, json (an array of records) or parquet."""
    import pyarrow.parquet as pq

    path = Path(path)
    chosen = format_of(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    if chosen == "parquet":
        pq.write_table(table, path)
    else:
        path.write_text(dumps(table, chosen), encoding="utf-8")
    return path


def dumps(table: pa.Table, fmt: str) -> str:
    """A result as csv or json text (for stdout or a file)."""
    if fmt == "csv":
        import pyarrow.csv as pcsv

        buf = io.BytesIO()
        pcsv.write_csv(table, buf)
        return buf.getvalue().decode("utf-8")
    if fmt == "json":
        return json.dumps(table.to_pylist(), ensure_ascii=False, indent=1, default=_json_value) + "\n"
    raise ValueError(f"cannot print {fmt} as text: write it to a file with --save")


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def render(table: pa.Table, max_width: int = 120, max_rows: int = 40) -> str:
    """A result as the box table the DuckDB shell prints, cut to the terminal width."""
    import duckdb

    if table.num_columns == 0:
        return "(no result)\n"
    buf = io.StringIO()
    with duckdb.connect() as con, redirect_stdout(buf):
        con.from_arrow(table).show(max_width=max_width, max_rows=max_rows)
    return buf.getvalue()
