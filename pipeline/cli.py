"""The `acta` command. Thin: it reads arguments and calls pipeline.run."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="acta",
        description="Turn folders of meeting-summary PDFs into normalized tables (Parquet + DuckDB).",
    )
    parser.add_argument("--version", action="version", version=f"acta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract every PDF under IN_DIR and write the tables to OUT_DIR")
    run.add_argument(
        "in_dir", nargs="?", default="data/raw", type=Path, help="folder (or one PDF); default data/raw"
    )
    run.add_argument(
        "--out", default="data/processed", type=Path, help="output folder; default data/processed"
    )
    run.add_argument("--engine", default="pdfplumber", choices=["pdfplumber"], help="PDF engine")
    run.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="worker processes; default: cores"
    )
    run.add_argument("--timeout", type=float, default=120.0, help="seconds per document before it fails")
    run.add_argument(
        "--memory", type=int, default=2048, help="MB of memory per worker before a document fails"
    )
    run.add_argument(
        "--lang", choices=["en", "es", "fr", "pt"], help="force the language instead of detecting it"
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    if args.command == "run":
        from pipeline.run import run as run_batch

        if not args.in_dir.exists():
            print(f"acta: input not found: {args.in_dir}", file=sys.stderr)
            return 2
        summary = run_batch(
            args.in_dir,
            args.out,
            engine=args.engine,
            workers=args.workers,
            timeout=args.timeout or None,
            memory_mb=args.memory or None,
            language=args.lang,
            progress=not args.quiet and sys.stderr.isatty(),
        )
        print(summary.line())
        print(f"tables: {args.out}/*.parquet and {args.out}/acta.duckdb")
    return 0


if __name__ == "__main__":
    sys.exit(main())
