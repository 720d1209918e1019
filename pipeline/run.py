"""A batch run: find the PDFs, take each through extract -> segment -> parse, write the tables.

Every input file gets exactly one documents row. Workers send back rows only (never pages), so the
parent's memory does not grow with page counts. A file that cannot be read becomes a `failed` row
with the reason; the batch goes on.

Runs are incremental and resumable (pipeline.store): finished documents are committed to OUT/.acta/
in small batches, a file whose content hash and settings are unchanged is not read again, the rows of
deleted files are dropped, and a run that was killed goes on where it stopped. The final tables are
assembled from the committed batches at the end of each run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.extract import ALL_PAGES_READ, ENGINES
from pipeline.extract import errors as msg
from pipeline.language import rules_version
from pipeline.manifest import Entry, read_snapshot

if TYPE_CHECKING:  # Arrow, multiprocessing: a rerun with nothing to do never needs them
    from pipeline.document import ExtractedDocument
    from pipeline.pool import Failure, Pool
    from pipeline.store import Store
    from pipeline.write import RowLines, Rows

COMMIT_SECONDS = 2.0  # a batch is committed at least this often: what a kill can cost


@dataclass(frozen=True)
class Task:
    path: str
    source_path: str
    engine: str = "pdfplumber"
    language: str | None = None
    refused: str | None = None  # why the file is not to be read at all (see `refusal`)
    version: str = ""  # the run's version(), computed once by the parent (hashing models/ takes time)
    extracted: str | None = None  # a pickle of the document, extracted ahead (pipeline.ahead)


@dataclass
class Summary:
    """Counts of one run: `documents` and `pages` are what this run read (new or changed files)."""

    documents: int = 0
    pages: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    unchanged: int = 0  # files whose rows were kept from an earlier run
    removed: int = 0  # files gone since the last run, whose rows were dropped
    seconds: float = 0.0
    errors: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        rate = f" ({self.pages / self.seconds:.0f} pages/s)" if self.pages and self.seconds else ""
        kept = (
            f"; {self.unchanged} unchanged, {self.removed} removed" if self.unchanged or self.removed else ""
        )
        return (
            f"{self.documents} documents, {self.pages} pages: {self.ok} ok, {self.partial} partial, "
            f"{self.failed} failed in {self.seconds:.1f} s{rate}{kept}"
        )


def version() -> str:
    return f"{__version__}+{rules_version()[:8]}"


def discover(in_path: Path, follow_links: bool = False) -> list[tuple[Path, str]]:
    """Files named *.pdf under the folder (or the one file given), with their '/'-separated relative path.

    Links are listed wherever they lead (`refusal` says which may be read), so each still gets its row.
    Linked folders are walked only with `follow_links`, and each real folder once, since a link to a
    parent folder would otherwise never end."""
    if not in_path.is_dir():
        return [(in_path, _printable(in_path.name))]
    found = []
    walked: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(in_path, followlinks=follow_links):
        real = os.path.realpath(dirpath)
        if real in walked:
            dirnames.clear()
            continue
        walked.add(real)
        dirnames.sort()
        folder = Path(dirpath).relative_to(in_path).as_posix()
        prefix = "" if folder == "." else folder + "/"
        for name in sorted(filenames):
            if name.lower().endswith(".pdf"):
                found.append((Path(dirpath, name), _printable(prefix + name)))
    return found


def _printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (an archive from another system) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def refusal(path: Path, root: Path | None) -> str | None:
    """Why a found file is not read, or None: a link leading out of `root` (None: links may lead
    anywhere), a broken link, or a pipe or device, which could block a reader forever."""
    with contextlib.suppress(OSError):
        if stat.S_ISREG(os.lstat(path).st_mode):
            return None  # a plain file, as nearly all are: one system call
    if root is not None and path.is_symlink():
        try:
            if not path.resolve().is_relative_to(root):
                return msg.LINK_OUTSIDE()
        except RuntimeError:  # a loop of links (Python 3.11 says so with RuntimeError)
            return msg.UNREADABLE(reason="a broken link")
    if not path.exists():
        return msg.UNREADABLE(reason="a broken link" if path.is_symlink() else "No such file or directory")
    if not path.is_file():
        return msg.NOT_A_FILE()
    return None


def file_id(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def process(task: Task) -> Rows:
    """One file through every stage; never raises, a failure is a documents row with its reason."""
    # here, not above: the parent never reads a PDF, and spaCy takes a second to import (the workers
    # have it all from pipeline.warm)
    from pipeline.extract import ExtractError
    from pipeline.parse import parse
    from pipeline.segment import segment
    from pipeline.write import document_rows, failed_rows

    doc: dict[str, Any] = {
        "doc_id": None,
        "source_path": task.source_path,
        "engine": task.engine,
        "acta_version": task.version or version(),
    }
    try:
        doc["doc_id"] = file_id(task.path)
    except OSError as exc:
        error = msg.UNREADABLE(reason=exc.strerror or type(exc).__name__)
        return failed_rows({**doc, "status": "failed", "error": error})
    try:
        extracted = _extracted(task)
        doc["pages"] = extracted.page_count
        doc["status"] = "partial" if extracted.error else "ok"
        doc["error"] = extracted.error
        return document_rows(parse(segment(extracted, task.language)), doc)
    except ExtractError as exc:
        error = str(exc)
    except MemoryError:
        error = msg.TOO_LARGE()
    except Exception as exc:  # noqa: BLE001 - a bug in a later stage must not lose the document's row
        error = msg.internal(exc)
    return failed_rows({**doc, "status": "failed", "error": error})


def process_lines(task: Task) -> RowLines:
    """`process`, its rows encoded for the store where they were made: what a worker sends back."""
    from pipeline.write import to_lines

    return to_lines(process(task))


def _extracted(task: Task) -> ExtractedDocument:
    """The task's document: read ahead by pipeline.ahead, or extracted now."""
    from pipeline.extract import extract
    from pipeline.pool import report

    if task.extracted is not None:
        try:
            with open(task.extracted, "rb") as fh:
                doc: ExtractedDocument = pickle.load(fh)  # noqa: S301 - written by this run's reader
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
        else:
            report(ALL_PAGES_READ)
            return doc
    return extract(task.path, task.engine, on_page=report)


def _doc_id(task: Task) -> str | None:
    """The content hash of a file whose worker failed; none for a file that must not be read."""
    if task.refused is not None:
        return None
    try:
        return file_id(task.path)
    except OSError:
        return None


def failure_lines(task: Task, error: str) -> RowLines:
    """The documents row of a file that no worker could finish (or that is not to be read), encoded
    for the store as a worker's rows are."""
    from pipeline.write import failed_rows, to_lines

    return to_lines(
        failed_rows(
            {
                "doc_id": _doc_id(task),
                "source_path": task.source_path,
                "engine": task.engine,
                "acta_version": task.version or version(),
                "status": "failed",
                "error": error,
            }
        )
    )


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


def results(tasks: list[Task], pool: Pool) -> Iterator[RowLines]:
    """Rows per document, in completion order: refused files first, without starting a worker. While
    the fork server warms up, idle cores read the first documents ahead (pipeline.ahead)."""
    for task in tasks:
        if task.refused is not None:
            yield failure_lines(task, task.refused)
    todo = [t for t in tasks if t.refused is None]
    if not todo:
        return
    from pipeline.ahead import ReadAhead, readers
    from pipeline.pool import Failure

    with ReadAhead(todo, readers(pool.size), pool.memory_mb) as ahead:
        for task, result in pool.imap_unordered(ahead.tasks_for_workers()):
            yield failure_lines(task, _failure_message(result)) if isinstance(result, Failure) else result


def run(
    in_path: Path,
    out_dir: Path | str,
    engine: str = "pdfplumber",
    workers: int = 1,
    timeout: float | None = 120.0,
    memory_mb: int | None = 1024,
    language: str | None = None,
    progress: bool = False,
    follow_links: bool = False,
    scheduler: str | None = None,
    batch: int = 64,
) -> Summary:
    """Bring the tables in `out_dir` (a folder or an object store URL) up to date with `in_path`.

    Documents are read by `workers` local processes, or on the Dask cluster at `scheduler`, and
    committed `batch` at a time (or every COMMIT_SECONDS)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    start = time.monotonic()
    quick = _nothing_to_do(in_path, out_dir, engine, language, follow_links)
    if quick is not None:
        quick.seconds = time.monotonic() - start
        return quick
    pool = None
    if not scheduler:  # the fork server warms up (spaCy, the engine) while the store is read
        from pipeline.pool import Pool

        pool = Pool(process_lines, workers, timeout, memory_mb, preload=("pipeline.warm", ENGINES[engine]))
        pool.start()
    from pipeline.store import Store

    with Store(out_dir) as store:
        known = store.open()
        plan = _plan(discover(in_path, follow_links), known, in_path, engine, language, follow_links)
        tasks, live, done, seen, keys = plan.tasks, plan.live, plan.relined, plan.stats, plan.keys
        summary = Summary(unchanged=len(live) + len(done), removed=len(set(known) - set(seen)))
        if tasks:
            threading.Thread(target=_writer_ready, daemon=True).start()
        stream: Iterator[RowLines]
        skipped: Iterator[RowLines]
        if scheduler:
            from pipeline.cluster import results as on_cluster

            stream = on_cluster([t for t in tasks if t.refused is None], scheduler, timeout)
            skipped = (failure_lines(t, t.refused) for t in tasks if t.refused is not None)
        else:
            assert pool is not None
            stream, skipped = results(tasks, pool), iter(())
        bar = _progress(len(tasks)) if progress and tasks else None
        committed = time.monotonic()
        for rows in chain(skipped, stream):
            doc = rows.document
            source = doc["source_path"]
            size, mtime_ns = seen[source]
            pages, status, longest = doc.get("pages") or 0, doc["status"], rows.longest
            entry = Entry(source, doc["doc_id"], size, mtime_ns, keys[source], status, pages, "", "", longest)
            done.append((entry, rows))
            _count(summary, doc)
            if bar is not None:
                _advance(bar, summary)
            if len(done) >= batch or time.monotonic() - committed >= COMMIT_SECONDS:
                _commit(store, done, live)
                committed = time.monotonic()
        if bar is not None:
            bar.close()
        if done:
            _commit(store, done, live)
        if not store.current(live):
            store.assemble(live)
        store.collect(live)
        store.snapshot(live)
        summary.seconds = time.monotonic() - start
        return summary


def _writer_ready() -> None:
    """DuckDB assembles the tables at the end: loaded while the workers warm up, not after them."""
    import duckdb  # noqa: F401


def _nothing_to_do(
    in_path: Path, out_dir: Path | str, engine: str, language: str | None, follow_links: bool
) -> Summary | None:
    """The summary of a rerun that finds every file as the last run left it (from the manifest's
    snapshot, without opening the store); None when there is anything to do, or no snapshot."""
    known = read_snapshot(out_dir)
    if known is None:
        return None
    plan = _plan(discover(in_path, follow_links), known, in_path, engine, language, follow_links)
    if plan.tasks or plan.relined or set(known) - set(plan.stats):
        return None
    return Summary(unchanged=len(plan.live))


@dataclass
class _Plan:
    """What a run has to do, from the files found and the manifest."""

    tasks: list[Task]  # files to read: new, changed, or read with other settings
    live: dict[str, Entry]  # unchanged files: their lines stand
    relined: list[tuple[Entry, RowLines | None]]  # same content, new mtime: a new line, rows kept
    stats: dict[str, tuple[int, int]]  # size and mtime of every file found
    keys: dict[str, str]  # the settings each file's line must carry


def _plan(
    files: list[tuple[Path, str]],
    known: dict[str, Entry],
    in_path: Path,
    engine: str,
    language: str | None,
    follow_links: bool,
) -> _Plan:
    ver = version()
    settings = f"{ver} {engine} {language or 'auto'}"
    root = in_path.resolve() if in_path.is_dir() and not follow_links else None
    plan = _Plan([], {}, [], {}, {})
    for path, rel in files:
        found = plan.stats[rel] = _stat(path)
        refused = refusal(path, root)  # part of the key: a link skipped now is read with --follow-links
        key = plan.keys[rel] = settings if refused is None else f"{settings} ({refused})"
        entry = known.get(rel)
        if entry is not None and entry.settings == key:
            if (entry.size, entry.mtime_ns) == found:
                plan.live[rel] = entry
                continue
            if entry.doc_id is not None and found[0] >= 0 and _same_content(path, entry.doc_id):
                plan.relined.append((replace(entry, size=found[0], mtime_ns=found[1]), None))
                continue
        plan.tasks.append(Task(os.path.abspath(path), rel, engine, language, refused, ver))
    return plan


def _stat(path: Path) -> tuple[int, int]:
    """Size and mtime (of the link itself where the target cannot be reached); (-1, -1) for neither."""
    try:
        st = path.stat()
    except OSError:
        try:
            st = path.lstat()
        except OSError:
            return -1, -1
    return st.st_size, st.st_mtime_ns


def _same_content(path: Path, doc_id: str) -> bool:
    """Whether a file whose mtime changed still has the content it had (a copy, a touch)."""
    try:
        return file_id(str(path)) == doc_id
    except OSError:
        return False


def _count(summary: Summary, doc: dict[str, Any]) -> None:
    summary.documents += 1
    summary.pages += doc.get("pages") or 0
    status = doc["status"]
    setattr(summary, status, getattr(summary, status) + 1)
    if doc.get("error"):
        summary.errors[doc["source_path"]] = doc["error"]


def _commit(store: Store, done: list[tuple[Entry, RowLines | None]], live: dict[str, Entry]) -> None:
    """Write the finished documents as one part; their lines become the live ones. Empties `done`."""
    name = store.commit(done)
    for entry, rows in done:
        live[entry.source_path] = replace(entry, part=name if rows is not None else entry.part, written=name)
    done.clear()


def _progress(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, desc="starting workers")


def _advance(bar: Any, summary: Summary) -> None:
    """One more document: documents/s and ETA are tqdm's (smoothed); pages/s follows from them."""
    if summary.documents == 1:
        bar.set_description_str("")  # the workers are up
    bar.update(1)
    rate = bar.format_dict.get("rate")
    if rate:
        bar.set_postfix_str(f"{rate * summary.pages / summary.documents:.0f} pages/s", refresh=False)
