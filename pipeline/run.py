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
from pipeline.extract import ALL_PAGES_READ, ExtractError, extract
from pipeline.extract import errors as msg
from pipeline.language import rules_version
from pipeline.parse import parse
from pipeline.pool import Failure, Pool, report
from pipeline.segment import segment
from pipeline.write import Rows, document_rows, empty_rows, failed_rows, to_arrow, write_tables


@dataclass(frozen=True)
class Task:
    path: str
    source_path: str
    engine: str = "pdfplumber"
    language: str | None = None
    refused: str | None = None  # why the file is not to be read at all (see `refusal`)


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
        for name in sorted(filenames):
            if not name.lower().endswith(".pdf"):
                continue
            path = Path(dirpath) / name
            found.append((path, _printable(path.relative_to(in_path).as_posix())))
    return found


def _printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (an archive from another system) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def refusal(path: Path, root: Path | None) -> str | None:
    """Why a found file is not read, or None: a link leading out of `root` (None: links may lead
    anywhere), a broken link, or a pipe or device, which could block a reader forever."""
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
    doc: dict[str, Any] = {
        "doc_id": None,
        "source_path": task.source_path,
        "engine": task.engine,
        "acta_version": version(),
    }
    try:
        doc["doc_id"] = file_id(task.path)
    except OSError as exc:
        error = msg.UNREADABLE(reason=exc.strerror or type(exc).__name__)
        return failed_rows({**doc, "status": "failed", "error": error})
    try:
        extracted = extract(task.path, task.engine, on_page=report)
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


def _doc_id(task: Task) -> str | None:
    """The content hash of a file whose worker failed; none for a file that must not be read."""
    if task.refused is not None:
        return None
    try:
        return file_id(task.path)
    except OSError:
        return None


def _failed(task: Task, error: str) -> Rows:
    return failed_rows(
        {
            "doc_id": _doc_id(task),
            "source_path": task.source_path,
            "engine": task.engine,
            "acta_version": version(),
            "status": "failed",
            "error": error,
        }
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


def results(tasks: list[Task], workers: int, timeout: float | None, memory_mb: int | None) -> Iterator[Rows]:
    """Rows per document, in completion order: refused files first, without starting a worker."""
    for task in tasks:
        if task.refused is not None:
            yield _failed(task, task.refused)
    todo = [t for t in tasks if t.refused is None]
    if not todo:
        return
    pool = Pool(process, workers, timeout, memory_mb)
    for task, result in pool.imap_unordered(todo):
        yield _failed(task, _failure_message(result)) if isinstance(result, Failure) else result


def run(
    in_path: Path,
    out_dir: Path,
    engine: str = "pdfplumber",
    workers: int = 1,
    timeout: float | None = 120.0,
    memory_mb: int | None = 1024,
    language: str | None = None,
    progress: bool = False,
    follow_links: bool = False,
) -> Summary:
    start = time.monotonic()
    files = discover(in_path, follow_links)
    root = in_path.resolve() if in_path.is_dir() and not follow_links else None
    tasks = [Task(str(p), rel, engine, language, refusal(p, root)) for p, rel in files]
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
