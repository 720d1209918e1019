"""A batch run: find the PDFs, take each through extract -> segment -> parse, write the tables.

Every input file gets exactly one documents row. Workers send back rows only (never pages), so the
parent's memory does not grow with page counts. A file that cannot be read becomes a `failed` row
with the reason; the batch goes on.

Runs are incremental and resumable (pipeline.batch.store): finished documents are committed to
OUT/.acta/ in small batches, a file whose content hash and settings are unchanged is not read again
(pipeline.batch.plan), the rows of deleted files are dropped, and a run that was killed goes on where
it stopped. The final tables are assembled from the committed batches at the end of each run.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.manifest import Entry, read_snapshot
from pipeline.batch.plan import Plan, discover, plan
from pipeline.batch.process import failure_lines, process_lines
from pipeline.batch.summary import Progress, Summary
from pipeline.batch.task import Task
from pipeline.extract import ALL_PAGES_READ, ENGINES
from pipeline.extract import errors as msg

if TYPE_CHECKING:  # Arrow, multiprocessing: a rerun with nothing to do never needs them
    from pipeline.batch.pool import Failure, Pool
    from pipeline.batch.store import Store
    from pipeline.write import RowLines

COMMIT_SECONDS = 2.0  # a batch is committed at least this often: what a kill can cost


def run(
    in_dir: Path,
    out_dir: Path | str,
    engine: str = "pdfplumber",
    workers: int = 1,
    timeout: float | None = 120.0,
    memory_mb: int | None = 1024,
    lang: str | None = None,
    progress: bool = False,
    follow_links: bool = False,
    scheduler: str | None = None,
    batch: int = 64,
    ocr: str = "auto",
) -> Summary:
    """Bring the tables in the folder `out_dir` (or an object store URL) up to date
    with `in_dir` (a folder, searched recursively, or one PDF).

    Documents are read by `workers` local processes, or on the Dask cluster at `scheduler`, and
    committed `batch` at a time (or every COMMIT_SECONDS). `lang` forces the language instead of
    detecting it; `ocr` says which pages are OCRed (auto, always, never). The keywords are the
    `acta run` options' names."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if ocr not in ("auto", "always", "never"):
        raise ValueError(f"unknown ocr mode {ocr!r}: choose one of auto, always, never")
    start = time.monotonic()
    quick = _nothing_to_do(in_dir, out_dir, engine, lang, follow_links, ocr)
    if quick is not None:
        quick.seconds = time.monotonic() - start
        return quick
    pool = None if scheduler else _warming_pool(engine, workers, timeout, memory_mb)
    from pipeline.batch.store import Store

    with Store(out_dir) as store:
        known = store.open()
        todo = plan(discover(in_dir, follow_links), known, in_dir, engine, lang, follow_links, ocr)
        if todo.tasks and ocr != "never":
            _say_if_ocr_is_off()
        summary = Summary(unchanged=len(todo.live) + len(todo.relined), removed=len(todo.gone(known)))
        if todo.tasks:
            threading.Thread(target=_writer_ready, daemon=True).start()
        if scheduler:
            stream = _on_cluster(todo.tasks, scheduler, timeout)
        else:
            assert pool is not None
            stream = results(todo.tasks, pool)
        _commit_as_done(store, stream, todo, summary, batch, progress)
        _finish(store, todo.live)
        summary.seconds = time.monotonic() - start
        return summary


def _warming_pool(engine: str, workers: int, timeout: float | None, memory_mb: int | None) -> Pool:
    """The local worker pool, its fork server started: it warms up (spaCy, the engine) while the
    store is read."""
    from pipeline.batch.pool import Pool

    pool = Pool(process_lines, workers, timeout, memory_mb, preload=("pipeline.batch.warm", ENGINES[engine]))
    pool.start()
    return pool


def results(tasks: list[Task], pool: Pool) -> Iterator[RowLines]:
    """Rows per document, in completion order: refused files first, without starting a worker. While
    the fork server warms up, idle cores read the first documents ahead (pipeline.batch.ahead)."""
    for task in tasks:
        if task.refused is not None:
            yield failure_lines(task, task.refused)
    todo = [t for t in tasks if t.refused is None]
    if not todo:
        return
    from pipeline.batch.ahead import ReadAhead, readers
    from pipeline.batch.pool import Failure

    with ReadAhead(todo, readers(pool.size), pool.memory_mb) as ahead:
        for task, result in pool.imap_unordered(ahead.tasks_for_workers()):
            yield failure_lines(task, _failure_message(result)) if isinstance(result, Failure) else result


def _on_cluster(tasks: list[Task], scheduler: str, timeout: float | None) -> Iterator[RowLines]:
    """Rows per document from the Dask cluster; refused files first, without sending them there."""
    from pipeline.batch.cluster import results as on_cluster

    skipped = (failure_lines(t, t.refused) for t in tasks if t.refused is not None)
    return chain(skipped, on_cluster([t for t in tasks if t.refused is None], scheduler, timeout))


def _failure_message(failure: Failure) -> str:
    """A pool failure in the documented words, saying where a timed-out worker was."""
    seconds = f"{failure.seconds:g}"
    if failure.kind == "timeout":
        if failure.step == ALL_PAGES_READ:
            return msg.TIMED_OUT_ANALYSING(seconds=seconds)
        if failure.step > 0:
            return msg.TIMED_OUT(seconds=seconds, page=failure.step)
        return msg.TIMED_OUT_OPENING(seconds=seconds)
    if failure.kind == "memory":
        return msg.TOO_LARGE()
    if failure.kind == "raised":
        return msg.INTERNAL(error=failure.detail)
    return msg.CRASHED(how=failure.detail)


def _commit_as_done(
    store: Store, stream: Iterator[RowLines], todo: Plan, summary: Summary, batch: int, progress: bool
) -> None:
    """Count each document as it comes and commit them `batch` at a time (or every COMMIT_SECONDS),
    with the plan's new lines for unchanged content in the first batch."""
    bar = Progress(len(todo.tasks)) if progress and todo.tasks else None
    done, committed = todo.relined, time.monotonic()
    for rows in stream:
        done.append((_entry(rows, todo), rows))
        summary.count(rows.document)
        if bar is not None:
            bar.advance(summary)
        if len(done) >= batch or time.monotonic() - committed >= COMMIT_SECONDS:
            _commit(store, done, todo.live)
            committed = time.monotonic()
    if bar is not None:
        bar.close()
    if done:
        _commit(store, done, todo.live)


def _entry(rows: RowLines, todo: Plan) -> Entry:
    """The manifest line of a document just read; its part is named when it is committed."""
    doc = rows.document
    source = doc["source_path"]
    size, mtime_ns = todo.stats[source]
    pages, status = doc.get("pages") or 0, doc["status"]
    return Entry(
        source, doc["doc_id"], size, mtime_ns, todo.keys[source], status, pages, "", "", rows.longest
    )


def _commit(store: Store, done: list[tuple[Entry, RowLines | None]], live: dict[str, Entry]) -> None:
    """Write the finished documents as one part; their lines become the live ones. Empties `done`."""
    name = store.commit(done)
    for entry, rows in done:
        live[entry.source_path] = replace(entry, part=name if rows is not None else entry.part, written=name)
    done.clear()


def _finish(store: Store, live: dict[str, Entry]) -> None:
    """Assemble the tables (unless they already hold exactly the live parts), drop the parts nothing
    uses, and leave the snapshot for the next run's quick look."""
    if not store.current(live):
        store.assemble(live)
    store.collect(live)
    store.snapshot(live)


def _writer_ready() -> None:
    """DuckDB assembles the tables at the end: loaded while the workers warm up, not after them."""
    import duckdb  # noqa: F401


def _say_if_ocr_is_off() -> None:
    """Say once, before any document is read, that OCR is off and why: pages that need it will fail."""
    from pipeline.extract.ocr import unavailable

    reason = unavailable()
    if reason is not None:
        print(
            f"acta: OCR is off ({reason}): pages without a usable text layer will not be read",
            file=sys.stderr,
        )


def _nothing_to_do(
    in_dir: Path,
    out_dir: Path | str,
    engine: str,
    language: str | None,
    follow_links: bool,
    ocr: str = "auto",
) -> Summary | None:
    """The summary of a rerun that finds every file as the last run left it (from the manifest's
    snapshot, without opening the store); None when there is anything to do, or no snapshot."""
    known = read_snapshot(out_dir)
    if known is None:
        return None
    todo = plan(discover(in_dir, follow_links), known, in_dir, engine, language, follow_links, ocr)
    if todo.tasks or todo.relined or todo.gone(known):
        return None
    return Summary(unchanged=len(todo.live))
