"""A process pool that a bad document cannot stop.

Each worker runs one task at a time; the parent knows which task each worker holds and since when.
A worker that overruns the time limit is killed and replaced, one that dies (a parser crash, the
memory limit) is replaced, and in both cases the task comes back as a failure with the reason.
The limits are enforced from outside the parsing code, so no parser bug can defeat them. A task can
`report` how far it got (the page it is on), so a kill can say where the task hung.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import pickle
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from typing import Any, Literal

Task = Any
Result = Any
_progress: Any = None  # in a worker: the shared integer its tasks `report` to


@dataclass
class Failure:
    """A task the worker could not finish: killed at the time limit, died, or raised out of `fn`."""

    kind: Literal["timeout", "died", "memory", "raised"]
    detail: str = ""  # how it died ("SIGSEGV", "exit code 1"), or the exception raised
    step: int = 0  # the last step the task reported before it failed
    seconds: float = 0.0  # how long it ran


def report(step: int) -> None:
    """Record how far the current task has got, for the parent to tell if it has to kill the worker.

    A shared integer, not a message: it costs nothing per page and can still be read after the
    worker is killed. Outside a pool worker it does nothing."""
    if _progress is not None:
        _progress.value = step


def limit_memory(memory_mb: int | None) -> None:
    """Cap this process's address space, so a document that needs more fails instead of the machine."""
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(conn: Connection, fn: Callable[[Task], Result], memory_mb: int | None, progress: Any) -> None:
    global _progress
    _progress = progress
    limit_memory(memory_mb)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        progress.value = 0
        started = time.monotonic()
        try:
            result = fn(task)
        except MemoryError:
            result = Failure("memory", step=progress.value, seconds=time.monotonic() - started)
        except Exception as exc:  # noqa: BLE001 - reported to the parent as the task's failure
            result = Failure("raised", type(exc).__name__, progress.value, time.monotonic() - started)
        conn.send(result)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    progress: Any
    task: Task = None
    started: float = 0.0


class Pool:
    """`imap_unordered` over tasks with a per-task time limit and a per-worker memory limit."""

    def __init__(
        self,
        fn: Callable[[Task], Result],
        workers: int,
        timeout: float | None,
        memory_mb: int | None = None,
        preload: tuple[str, ...] = (),
    ) -> None:
        self.fn = fn
        self.size = max(1, workers)
        self.timeout = timeout
        self.memory_mb = memory_mb
        forkserver = "forkserver" in mp.get_all_start_methods()
        self.ctx: ForkServerContext | SpawnContext = (
            mp.get_context("forkserver") if forkserver else mp.get_context("spawn")
        )
        if self.ctx.get_start_method() == "forkserver":
            # the fork server imports fn's module once, so a replacement worker starts in milliseconds;
            # `preload` names more modules to import there (pipeline.batch.warm: spaCy, every
            # language's patterns)
            self.ctx.set_forkserver_preload(["__main__", fn.__module__, *preload])
        self.workers: list[_Worker] = []

    def start(self) -> None:
        """Start the fork server now: it imports the preloaded modules while the caller goes on, and
        the workers, spawned when the tasks come, find it warm."""
        if self.ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        progress = self.ctx.RawValue("i", 0)
        process = self.ctx.Process(
            target=_serve, args=(child, self.fn, self.memory_mb, progress), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent, progress)

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
                            yield nxt, Failure("died", "before it could start the task")
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
                            message = w.conn.recv_bytes()
                        except (EOFError, OSError):
                            message = None
                        if message is not None:
                            task, w.task = w.task, None
                            # the next task goes out before this result is even unpickled, so the
                            # worker is not idle meanwhile (a failed send shows as its death below)
                            nxt = None if exhausted else next(pending, None)
                            exhausted = exhausted or nxt is None
                            if nxt is not None:
                                w.task, w.started = nxt, time.monotonic()
                                with contextlib.suppress(BrokenPipeError, OSError):
                                    w.conn.send(nxt)
                            yield task, pickle.loads(message)  # noqa: S301 - from our own worker
                            continue
                    if w.conn in ready or w.process.sentinel in ready or not w.process.is_alive():
                        task, step = w.task, w.progress.value
                        self._retire(w)
                        failure = Failure("died", _how(w.process.exitcode), step, now - w.started)
                        self.workers[i] = self._spawn()
                        yield task, failure
                    elif self.timeout and now - w.started > self.timeout:
                        task, step = w.task, w.progress.value
                        self._retire(w)
                        self.workers[i] = self._spawn()
                        yield task, Failure("timeout", step=step, seconds=self.timeout)
        finally:
            for w in self.workers:
                with contextlib.suppress(BrokenPipeError, OSError):
                    w.conn.send(None)
                self._retire(w)


def _how(exitcode: int | None) -> str:
    """A worker's end in words: the signal that killed it, or its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"
