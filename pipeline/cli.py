"""The `acta` command. Thin: it reads arguments and calls the library (run, query, show, review)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.language import LANGUAGES

ENGINES = ("pdfplumber", "pdfium")  # pipeline.extract.ENGINES, not imported here: the CLI starts quickly


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="acta",
        description="Turn folders of meeting-summary PDFs into normalized tables (Parquet + DuckDB).",
    )
    parser.add_argument("--version", action="version", version=f"acta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _run_command(sub)
    _analyst_commands(sub)
    args = parser.parse_args(argv)
    if args.command in ("query", "show", "review"):
        return _analyst(args)
    return _run(args)


def _run_command(sub: argparse._SubParsersAction) -> None:
    """acta run: its options are run()'s keywords (pipeline.batch.run), --quiet aside."""
    run = sub.add_parser("run", help="extract every PDF under IN_DIR and write the tables to OUT_DIR")
    run.add_argument(
        "in_dir", nargs="?", default="data/raw", type=Path, help="folder (or one PDF); default data/raw"
    )
    run.add_argument(
        "--out-dir",
        "--out",  # the old spelling
        default="data/processed",
        help="output folder, or an object store URL pyarrow knows (s3://bucket/path); default data/processed",
    )
    run.add_argument(
        "--engine",
        default="pdfplumber",
        choices=ENGINES,
        help="PDF engine: pdfplumber, or pdfium (about ten times faster); default pdfplumber",
    )
    run.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="worker processes; default: cores"
    )
    run.add_argument("--timeout", type=float, default=120.0, help="seconds per document before it fails")
    run.add_argument(
        "--memory-mb",
        "--memory",  # the old spelling
        type=int,
        default=1024,
        help="MB of memory per worker before a document fails",
    )
    run.add_argument(
        "--lang", choices=LANGUAGES, help="force the language instead of detecting it (one of models/lang/)"
    )
    run.add_argument(
        "--follow-links",
        action="store_true",
        help="read symbolic links that lead out of IN_DIR (by default they get a 'skipped' row)",
    )
    run.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run the documents on this Dask distributed cluster instead of local workers (docs/SCALE.md)",
    )
    run.add_argument(
        "--batch",
        type=int,
        default=64,
        help="documents committed together to OUT/.acta (a kill loses at most one batch); default 64",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument(
        "--ocr",
        default="auto",
        choices=("auto", "always", "never"),
        help="OCR pages (Tesseract): auto, those without a usable text layer; always; never. Default auto",
    )


def _run(args: argparse.Namespace) -> int:
    """acta run: 2 for a missing input, an output that is not a folder, or a run already under way."""
    from pipeline.batch.manifest import Busy
    from pipeline.batch.run import run as run_batch

    if not args.in_dir.exists():
        print(f"acta: input not found: {args.in_dir}", file=sys.stderr)
        return 2
    out: Path | str = args.out_dir if "://" in args.out_dir else Path(args.out_dir)
    if isinstance(out, Path) and out.exists() and not out.is_dir():
        print(f"acta: --out-dir is not a folder: {args.out_dir}", file=sys.stderr)
        return 2
    try:
        summary = run_batch(
            args.in_dir,
            out,
            engine=args.engine,
            workers=args.workers,
            timeout=args.timeout or None,
            memory_mb=args.memory_mb or None,
            lang=args.lang,
            progress=not args.quiet and sys.stderr.isatty(),
            follow_links=args.follow_links,
            scheduler=args.scheduler,
            batch=max(1, args.batch),
            ocr=args.ocr,
        )
    except Busy as exc:
        print(f"acta: {exc}", file=sys.stderr)
        return 2
    print(summary.line())
    print(f"tables: {args.out_dir}/*.parquet and {args.out_dir}/acta.duckdb")
    return 0


def _analyst_commands(sub: argparse._SubParsersAction) -> None:
    """query, show and review: read the tables (and, for review, the PDF) of an earlier run. An option
    means one thing in every command: --out-dir is acta run's output folder, --save the file a command
    writes, --in-dir acta run's input folder."""

    def tables_at(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--out-dir",
            "--dir",  # the old spelling
            default="data/processed",
            type=Path,
            help="acta run's output folder; default data/processed",
        )
        p.add_argument("--db", type=Path, help="a DuckDB file written by acta run (instead of --out-dir)")

    query = sub.add_parser("query", help="read-only SQL on the tables and views; print or save the result")
    query.add_argument("sql", help='SQL, e.g. "SELECT body, count(*) FROM meetings GROUP BY body"')
    query.add_argument(
        "--format",
        choices=["csv", "json", "parquet"],
        help="default: a table, or --save's suffix",
    )
    query.add_argument(
        "--save",
        "--out",  # the old spelling
        type=Path,
        help="write the result to this file instead of the screen",
    )
    tables_at(query)
    show = sub.add_parser(
        "show",
        help="print one document's extraction (metadata, sections, speakers, ...) or one person's activity",
    )
    show.add_argument(
        "doc",
        help="doc_id (or its start), file name, or the document's own symbol; or a person's name or id",
    )
    tables_at(show)
    review = sub.add_parser("review", help="write an HTML page of a PDF with the extracted items drawn on it")
    review.add_argument("doc", help="a PDF path, or a doc_id, file name or symbol found in the tables")
    review.add_argument(
        "--save",
        "--out",  # the old spelling
        default="review.html",
        type=Path,
        help="HTML file; default review.html",
    )
    review.add_argument(
        "--in-dir",
        "--in",  # the old spelling
        default="data/raw",
        type=Path,
        help="acta run's input folder; default data/raw",
    )
    tables_at(review)


def _analyst(args: argparse.Namespace) -> int:
    from pipeline.analyst.query import QueryError

    try:
        if args.command == "query":
            _query(args)
        elif args.command == "show":
            from pipeline.analyst.show import show

            print(show(args.doc, args.out_dir, db=args.db), end="")
        else:
            from pipeline.analyst.review import review
            from pipeline.extract import ExtractError

            try:
                written = review(args.doc, args.save, in_dir=args.in_dir, out_dir=args.out_dir, db=args.db)
            except ExtractError as exc:
                print(f"acta: cannot read {args.doc}: {exc}", file=sys.stderr)
                return 2
            print(f"review: {written}")
    except (FileNotFoundError, LookupError, QueryError, ValueError) as exc:
        print(f"acta: {exc}", file=sys.stderr)
        return 2
    return 0


def _query(args: argparse.Namespace) -> None:
    import shutil

    from pipeline.analyst.query import dumps, fetch, render, save_table

    table = fetch(args.sql, args.out_dir, db=args.db)
    if args.save is not None:
        print(f"{table.num_rows} rows written to {save_table(table, args.save, args.format)}")
    elif args.format == "parquet":
        raise ValueError("parquet is binary: give a file with --save")
    elif args.format is not None:
        print(dumps(table, args.format), end="")
    else:
        print(render(table, max_width=shutil.get_terminal_size((120, 40)).columns), end="")


if __name__ == "__main__":
    sys.exit(main())
