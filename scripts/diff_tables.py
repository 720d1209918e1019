"""Do two runs' tables hold the same rows? `python scripts/diff_tables.py OUT_A OUT_B`.

For a move that must not change the output (a refactor, a new engine path): every Parquet table of
OUT_A must exist in OUT_B with the same columns and the same rows (order aside). The columns that name
the code or rules version are left out, since a move changes them by design, and so are the columns
named with `--ignore-columns` (a move that adds a column: `--ignore-columns family`). Exit status 1 on
a difference, with the first differing rows of each table printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow.parquet as pq

VERSION_COLUMNS = {"acta_version"}


def rows(path: Path, ignored: frozenset[str] = frozenset()) -> tuple[list[str], list[tuple]]:
    table = pq.read_table(path)
    names = [n for n in table.schema.names if n not in VERSION_COLUMNS | ignored]
    data = table.select(names).to_pylist()
    return names, sorted((tuple(row[n] for n in names) for row in data), key=repr)


def diff(a: Path, b: Path, show: int = 5, ignored: frozenset[str] = frozenset()) -> list[str]:
    problems = []
    for path in sorted(a.glob("*.parquet")):
        other = b / path.name
        if not other.exists():
            problems.append(f"{path.name}: missing from {b}")
            continue
        names_a, rows_a = rows(path, ignored)
        names_b, rows_b = rows(other, ignored)
        if names_a != names_b:
            problems.append(f"{path.name}: columns {names_a} != {names_b}")
            continue
        if rows_a != rows_b:
            set_a, set_b = set(rows_a), set(rows_b)
            only_a = [r for r in rows_a if r not in set_b]
            only_b = [r for r in rows_b if r not in set_a]
            counts = f"{len(rows_a)} vs {len(rows_b)} rows; {len(only_a)} only in A, {len(only_b)} only in B"
            problems.append(f"{path.name}: {counts}")
            problems += [f"  A: {r}" for r in only_a[:show]] + [f"  B: {r}" for r in only_b[:show]]
    problems += [f"{p.name}: new in {b}" for p in sorted(b.glob("*.parquet")) if not (a / p.name).exists()]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument(
        "--ignore-columns", default="", help="comma-separated columns left out of every table (a new column)"
    )
    args = parser.parse_args()
    ignored = frozenset(name for name in args.ignore_columns.split(",") if name)
    problems = diff(args.a, args.b, ignored=ignored)
    print("\n".join(problems) if problems else f"same tables: {args.a} = {args.b}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
