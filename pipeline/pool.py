"""A process pool that a bad document cannot stop.

Each worker runs one task at a time; the parent knows which task each worker holds and since when.
A worker that overruns the time limit is killed and replaced, one that dies (a parser crash, the
memory limit) is replaced, and in both cases the task comes back as a failure with the reason.
The limits are enforced from outside the parsing code, so no parser bug can defeat them.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

Task = Any
Result = Any


@dataclass
class Failure:
    """A task the worker could not finish: killed at the time limit or died."""

    reason: str


def _serve(conn: Connection, fn: Callable[[Task], Result], memory_mb: int | None) -> None:
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            result = fn(task)
        except MemoryError:
            result = Failure(f"too large: ran out of memory (limit {memory_mb} MB)")
        except Exception as exc:  # noqa: BLE001 - reported to the parent as the task's failure
            result = Failure(f"internal error: {type(exc).__name__}: {exc}")
        conn.send(result)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: Task = None
    started: float = 0.0


class Pool:
    """`imap_unordered` over tasks with a per-task time limit and a per-worker memory limit."""

    def __init__(
        self, fn: Callable[[Task], Result], workers: int, timeout: float | None, memory_mb: int | None = None
    ) -> None:
        self.fn = fn
        self.size = max(1, workers)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_serve, args=(child, self.fn, self.memory_mb), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def imap_unordered(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, Result]]:
        pending = iter(tasks)
        exhausted = False
        self.workers = [self._spawn() for _ in range(self.size)]
        try:
            while True:
                for i, w in enumerate(self.workers):
                    if w.task is None and not exhausted:
                        nxt = next(pending, None)
                        if nxt is None:
                            exhausted = True
                            break
                        w.task, w.started = nxt, time.monotonic()
                        try:
                            w.conn.send(nxt)
                        except (BrokenPipeError, OSError):
                            self._retire(w)
                            self.workers[i] = self._spawn()
                            yield nxt, Failure("worker crashed before it could start the document")
                busy = [w for w in self.workers if w.task is not None]
                if not busy:
                    return
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.5)
                now = time.monotonic()
                for i, w in enumerate(self.workers):
                    if w.task is None:
                        continue
                    if w.conn in ready:
                        try:
                            result = w.conn.recv()
                        except (EOFError, OSError):
                            result = None
                        if result is not None:
                            task, w.task = w.task, None
                            yield task, result
                            continue
                    if w.conn in ready or w.process.sentinel in ready or not w.process.is_alive():
                        code = w.process.exitcode
                        task = w.task
                        self._retire(w)
                        self.workers[i] = self._spawn()
                        yield (
                            task,
                            Failure(f"worker crashed (exit code {code}): the parser died on this file"),
                        )
                    elif self.timeout and now - w.started > self.timeout:
                        task = w.task
                        self._retire(w)
                        self.workers[i] = self._spawn()
                        yield task, Failure(f"timed out after {self.timeout:g} s")
        finally:
            for w in self.workers:
                try:
                    w.conn.send(None)
                except (BrokenPipeError, OSError):
                    pass
                self._retire(w)
