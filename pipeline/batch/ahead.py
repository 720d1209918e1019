"""Reading ahead while the workers warm up: cores that would wait for the fork server extract PDFs.

A run's fork server spends a while (docs/SCALE.md) importing spaCy and building every language's patterns
before the first worker can fork, and with N workers, N - 1 cores have nothing to do meanwhile.
Extraction needs none of that warm state, and it is more than half of what a document costs. So
while the server warms up, up to N - 1 cold processes (started afresh; they import only the engine)
extract the first documents, each into a pickle in a scratch folder. When the workers are up, the
readers are killed wherever they are, and a document they finished goes to a worker with its pickle,
which the worker reads instead of the PDF. A document they failed on, or had not finished, is read
by a worker as usual, so its row and its error are exactly those of a run without reading ahead.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.batch.task import Task

OFFERED = 5000  # tasks offered to the readers: far more than they get through in a warm-up


def _read(tasks: list[tuple[int, Task]], folder: str, memory_mb: int | None, parent: int) -> None:
    """In a cold process, until killed: extract each task's PDF into folder/INDEX.pickle. At the lowest
    priority, since the fork server's warm-up is what the run waits for; and it stops by itself if
    the run is gone (killed before it could stop its readers)."""
    os.nice(19)
    from pipeline.batch.pool import limit_memory
    from pipeline.extract import extract

    limit_memory(memory_mb)

    for index, task in tasks:
        if os.getppid() != parent:
            return
        try:
            doc = extract(task.path, task.engine, ocr=task.ocr, lang=task.language)
        except Exception:  # noqa: BLE001, S112 - the worker reads it again and says why
            continue
        staged = os.path.join(folder, f".{index}")
        with open(staged, "wb") as fh:
            pickle.dump(doc, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(staged, os.path.join(folder, f"{index}.pickle"))  # whole, or not there at all


class ReadAhead:
    """Readers started on `tasks` now; `tasks_for_workers()` stops them and hands out the tasks."""

    def __init__(self, tasks: list[Task], readers: int, memory_mb: int | None) -> None:
        self.tasks = tasks
        self.folder = tempfile.mkdtemp(prefix="acta-ahead-")
        offered = list(enumerate(tasks[:OFFERED]))
        ctx = mp.get_context("spawn")  # not the fork server: it is busy warming up
        self.readers: list[Any] = []
        for i in range(readers if tasks else 0):
            reader = ctx.Process(
                target=_read, args=(offered[i::readers], self.folder, memory_mb, os.getpid()), daemon=True
            )
            reader.start()
            self.readers.append(reader)

    def stop(self) -> None:
        for reader in self.readers:
            with contextlib.suppress(OSError, ValueError):
                reader.kill()
                reader.join(timeout=5)
        self.readers = []

    def tasks_for_workers(self) -> Iterator[Task]:
        """Every task, with the pickle of its document where a reader left one. Lazy: the pool asks
        for the first task once its workers are up, which is when the readers must stop."""
        self.stop()
        done = set(os.listdir(self.folder))
        for index, task in enumerate(self.tasks):
            name = f"{index}.pickle"
            yield replace(task, extracted=os.path.join(self.folder, name)) if name in done else task

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def readers(workers: int) -> int:
    """How many cores wait for the warm-up: one less than the workers, within the cores there are."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(workers, cores) - 1)
