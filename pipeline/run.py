"""A batch run: find the PDFs, take each through extract -> segment -> parse, write the tables.

Every input file gets exactly one documents row. Workers send back rows only (never pages), so the
parent's memory does not grow with page counts. A file that cannot be read becomes a `failed` row
with the reason; the batch goes on.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.extract import ExtractError, extract
from pipeline.language import rules_version
from pipeline.parse import parse
from pipeline.pool import Failure, Pool
from pipeline.segment import segment
from pipeline.write import Rows, document_rows, empty_rows, failed_rows, to_arrow, write_tables


@dataclass(frozen=True)
class Task:
    path: str
    source_path: str
    engine: str = "pdfplumber"
    language: str | None = None


@dataclass
class Summary:
    documents: int = 0
    pages: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.pages} pages: {self.ok} ok, {self.partial} partial, "
            f"{self.failed} failed in {self.seconds:.1f} s"
        )


def version() -> str:
    return f"{__version__}+{rules_version()[:8]}"


def discover(in_path: Path, follow_links: bool = False) -> list[tuple[Path, str]]:
    """PDF files under the folder (or the one file given), with their '/'-separated relative path.

    Links that lead out of the folder are not followed unless asked."""
    if in_path.is_file():
        return [(in_path, in_path.name)]
    root = in_path.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(in_path, followlinks=follow_links):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.lower().endswith(".pdf"):
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not follow_links and root not in path.resolve().parents:
                continue
            found.append((path, path.relative_to(in_path).as_posix()))
    return found


def file_id(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def process(task: Task) -> Rows:
    """One file through every stage; never raises, a failure is a documents row with its reason."""
    doc: dict[str, Any] = {
        "doc_id": None,
        "source_path": task.source_path,
        "engine": task.engine,
        "acta_version": version(),
    }
    try:
        doc["doc_id"] = file_id(task.path)
        extracted = extract(task.path, task.engine)
    except ExtractError as exc:
        return failed_rows({**doc, "status": "failed", "error": str(exc)})
    except OSError as exc:
        return failed_rows({**doc, "status": "failed", "error": f"unreadable: {exc.strerror or exc}"})
    doc["pages"] = extracted.page_count
    doc["status"] = "partial" if extracted.error else "ok"
    doc["error"] = extracted.error
    parsed = parse(segment(extracted, task.language))
    return document_rows(parsed, doc)


def _failure_rows(task: Task, reason: str) -> Rows:
    doc_id = file_id(task.path) if os.path.exists(task.path) else None
    return failed_rows(
        {
            "doc_id": doc_id,
            "source_path": task.source_path,
            "engine": task.engine,
            "acta_version": version(),
            "status": "failed",
            "error": reason,
        }
    )


def results(tasks: list[Task], workers: int, timeout: float | None, memory_mb: int | None) -> Iterator[Rows]:
    """Rows per document, in completion order."""
    pool = Pool(process, workers, timeout, memory_mb)
    for task, result in pool.imap_unordered(tasks):
        yield _failure_rows(task, result.reason) if isinstance(result, Failure) else result


def run(
    in_path: Path,
    out_dir: Path,
    engine: str = "pdfplumber",
    workers: int = 1,
    timeout: float | None = 120.0,
    memory_mb: int | None = 2048,
    language: str | None = None,
    progress: bool = False,
) -> Summary:
    start = time.monotonic()
    files = discover(in_path)
    tasks = [Task(str(p), rel, engine, language) for p, rel in files]
    summary = Summary()
    collected = empty_rows()
    bar = _progress(len(tasks)) if progress else None
    for rows in results(tasks, workers, timeout, memory_mb):
        for name, table_rows in rows.items():
            collected[name].extend(table_rows)
        doc = rows["documents"][0]
        summary.documents += 1
        summary.pages += doc.get("pages") or 0
        status = doc["status"]
        setattr(summary, status, getattr(summary, status) + 1)
        if doc.get("error"):
            summary.errors[doc["source_path"]] = doc["error"]
        if bar is not None:
            bar.update(1)
            bar.set_postfix(pages=summary.pages, failed=summary.failed, refresh=False)
    if bar is not None:
        bar.close()
    order = {rel: i for i, (_, rel) in enumerate(files)}
    collected["documents"].sort(key=lambda d: order.get(d["source_path"], 0))
    write_tables({name: to_arrow(name, rows) for name, rows in collected.items()}, out_dir)
    summary.seconds = time.monotonic() - start
    return summary


def _progress(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)
