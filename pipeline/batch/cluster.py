"""Documents processed on a Dask distributed cluster: `acta run IN --out-dir OUT --scheduler tcp://HOST:PORT`.

Only `pipeline.batch.process.process_lines` runs on the cluster, one task per document; this
process plans the run, commits the parts and assembles the tables exactly as a local run does, so
the tables are the same.
The workers need acta installed and the input files at the same absolute paths (a shared file
system); see docs/SCALE.md.

A worker that dies is Dask's to retry on another; a document that still cannot be done gets a
failed row, and the batch goes on. Dask cannot stop a running task, so the time limit is watched
from here: a document that has been running on a worker for longer is given up (a failed row) and
its task cancelled. As in a local pool, each page a document OCRs gives it OCR_PAGE_SECONDS more: the
worker logs an event per OCRed page, which this process hears. Memory limits are the cluster's own
(the nanny's `memory_limit`).
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

from pipeline.batch.process import OCR_PAGE_SECONDS, failure_lines, process_lines
from pipeline.batch.task import Task
from pipeline.extract import errors as msg
from pipeline.write import RowLines


def _warm() -> float:
    """On a worker: import spaCy and build every language's patterns before the documents arrive."""
    import pipeline.batch.warm

    return pipeline.batch.warm.SECONDS


OCR_TOPIC = "acta-ocr-page"  # the event a worker logs for each page it OCRs


def ocr_page_on_worker() -> None:
    """On a Dask worker, tell the client that the running task OCRs a page (it then waits
    OCR_PAGE_SECONDS more for it). Elsewhere nothing: a local pool's workers never import Dask."""
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return
    try:
        worker = distributed.get_worker()
    except ValueError:  # not in a Dask task
        return
    worker.log_event(OCR_TOPIC, {"key": worker.get_current_task()})


def _watch(
    client: Any, futures: dict[str, Any], limit: tuple[float, Counter[str]], given_up: set[str], stop: Any
) -> None:
    """Cancel each task that a worker has been running for longer than the time limit, and
    OCR_PAGE_SECONDS more per page it has OCRed (`limit`: the seconds, and OCRed pages per task)."""
    timeout, ocred = limit
    first_seen: dict[str, float] = {}
    while not stop.wait(1.0):
        try:
            processing = client.processing()
        except Exception:  # noqa: BLE001 - the scheduler may be busy; look again in a second
            continue
        now = time.monotonic()
        for keys in processing.values():
            for key in keys:
                allowed = timeout + OCR_PAGE_SECONDS * ocred[key]
                if key in futures and now - first_seen.setdefault(key, now) > allowed and key not in given_up:
                    given_up.add(key)
                    futures[key].cancel()


def results(tasks: list[Task], scheduler: str, timeout: float | None) -> Iterator[RowLines]:
    """Rows per document, in completion order, computed on the cluster at `scheduler`."""
    from distributed import Client, as_completed

    with Client(scheduler, set_as_default=False) as client:
        client.run(_warm)
        ocred: Counter[str] = Counter()  # pages OCRed per task, heard before any task starts
        client.subscribe_topic(OCR_TOPIC, lambda event: ocred.update([event[1]["key"]]))
        futures = {}
        owner = {}
        for task in tasks:
            future = client.submit(process_lines, task, pure=False)
            futures[future.key] = future
            owner[future.key] = task
        given_up: set[str] = set()
        stop = threading.Event()
        if timeout:
            watchdog = threading.Thread(
                target=_watch, args=(client, futures, (timeout, ocred), given_up, stop), daemon=True
            )
            watchdog.start()
        try:
            for future in as_completed(list(futures.values()), loop=client.loop):
                task = owner.pop(future.key)
                if future.key in given_up:
                    yield failure_lines(task, msg.TIMED_OUT_CLUSTER(seconds=f"{timeout:g}"))
                    continue
                try:
                    rows = future.result()
                except Exception as exc:  # noqa: BLE001 - KilledWorker and the like: the batch goes on
                    rows = failure_lines(task, msg.CRASHED(how=type(exc).__name__))
                future.release()
                futures.pop(future.key, None)
                yield rows
        finally:
            stop.set()
