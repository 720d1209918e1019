"""What a worker does with a task: the file through every stage, its rows encoded for the store.

Never raises: a file that cannot be read, or a bug in a later stage, is a failed documents row with
its reason, and the batch goes on.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

from pipeline.batch.task import Task, file_id
from pipeline.extract import ALL_PAGES_READ
from pipeline.extract import errors as msg

OCR_PAGE_SECONDS = 60.0  # more time per OCRed page (a dense page takes 2-10 s; the limit is for hangs)

if TYPE_CHECKING:
    from pipeline.document import ExtractedDocument
    from pipeline.write import RowLines, Rows


def process(task: Task) -> Rows:
    """One file through every stage; never raises, a failure is a documents row with its reason."""
    # here, not above: the parent never reads a PDF, and spaCy is slow to import (the workers
    # have it all from pipeline.batch.warm)
    from pipeline.extract import ExtractError
    from pipeline.parse import parse
    from pipeline.segment import segment
    from pipeline.write import document_rows, failed_rows

    try:
        doc = task.header(file_id(task.path))
    except OSError as exc:
        error = msg.UNREADABLE(reason=exc.strerror or type(exc).__name__)
        return failed_rows({**task.header(None), "status": "failed", "error": error})
    try:
        extracted = _extracted(task)
        doc["pages"] = extracted.page_count
        doc["status"] = "partial" if extracted.error else "ok"
        doc["error"] = extracted.error
        doc["engine"] = extracted.engine  # the other engine, where the one asked for could not read it
        doc["warnings"] = extracted.warnings
        doc["ocr_pages"] = extracted.ocr_pages
        return document_rows(parse(segment(extracted, task.language)), doc, extracted.sources)
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


def failure_lines(task: Task, error: str) -> RowLines:
    """The documents row of a file that no worker could finish (or that is not to be read), encoded
    for the store as a worker's rows are."""
    from pipeline.write import failed_rows, to_lines

    return to_lines(failed_rows({**task.header(_doc_id(task)), "status": "failed", "error": error}))


def _extracted(task: Task) -> ExtractedDocument:
    """The task's document: read ahead by pipeline.batch.ahead, or extracted now."""
    from pipeline.batch.pool import report
    from pipeline.extract import extract

    if task.extracted is not None:
        try:
            with open(task.extracted, "rb") as fh:
                doc: ExtractedDocument = pickle.load(fh)  # noqa: S301 - written by this run's reader
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
        else:
            report(ALL_PAGES_READ)
            return doc
    return extract(task.path, task.engine, on_page=report, ocr=task.ocr, lang=task.language, on_ocr=_ocr_page)


def _ocr_page(page: int) -> None:
    """An OCRed page: where the worker is, and OCR_PAGE_SECONDS more before its time limit, in a
    local pool or on a Dask cluster."""
    from pipeline.batch.cluster import ocr_page_on_worker
    from pipeline.batch.pool import allow, report

    report(page)
    allow(OCR_PAGE_SECONDS)
    ocr_page_on_worker()


def _doc_id(task: Task) -> str | None:
    """The content hash of a file whose worker failed; none for a file that must not be read."""
    if task.refused is not None:
        return None
    try:
        return file_id(task.path)
    except OSError:
        return None
