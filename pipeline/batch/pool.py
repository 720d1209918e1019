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
_allowance: Any = None  # in a worker: the seconds its task was granted beyond the time limit (`allow`)


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


def allow(seconds: float) -> None:
    """Give the current task `seconds` more before the time limit: an OCRed page takes seconds where a
    text page takes milliseconds, and a long scan must not fail for it. Outside a pool worker it does
    nothing."""
    if _allowance is not None:
        _allowance.value += seconds


def limit_memory(memory_mb: int | None) -> None:
    """Cap this process's address space, so a document that needs more fails instead of the machine."""
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(
    conn: Connection,
    fn: Callable[[Task], Result],
    memory_mb: int | None,
    progress: Any,
    allowance: Any = None,
) -> None:
    global _progress, _allowance
    _progress, _allowance = progress, allowance
    limit_memory(memory_mb)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        progress.value = 0
        if allowance is not None:
            allowance.value = 0.0
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
    allowance: Any = None  # the shared float its task `allow`s itself


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
        allowance = self.ctx.RawValue("d", 0.0)
        process = self.ctx.Process(
            target=_serve, args=(child, self.fn, self.memory_mb, progress, allowance), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent, progress, allowance=allowance)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def imap_unordered(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, Result]]:
        """(task, result or Failure) for every task, in completion order."""
        feed = _Feed(tasks)
        self.workers = [self._spawn() for _ in range(self.size)]
        try:
            while True:
                yield from self._hand_out(feed)
                busy = [w for w in self.workers if w.task is not None]
                if not busy:
                    return
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.5)
                yield from self._collect(ready, feed)
        finally:
            for w in self.workers:
                with contextlib.suppress(BrokenPipeError, OSError):
                    w.conn.send(None)
                self._retire(w)

    def _hand_out(self, feed: _Feed) -> Iterator[tuple[Task, Failure]]:
        """Give each idle worker a task; one that cannot take it is replaced and its task failed."""
        for i, w in enumerate(self.workers):
            if w.task is None:
                nxt = feed.next()
                if nxt is None:
                    break
                w.task, w.started = nxt, time.monotonic()
                try:
                    w.conn.send(nxt)
                except (BrokenPipeError, OSError):
                    self._retire(w)
                    self.workers[i] = self._spawn()
                    yield nxt, Failure("died", "before it could start the task")

    def _collect(self, ready: list[Any], feed: _Feed) -> Iterator[tuple[Task, Result]]:
        """Results of the workers that answered; failures of those that died or overran the limit."""
        now = time.monotonic()
        for i, w in enumerate(self.workers):
            if w.task is None:
                continue
            if w.conn in ready:
                received = self._received(w, feed)
                if received is not None:
                    yield received
                    continue
            if w.conn in ready or w.process.sentinel in ready or not w.process.is_alive():
                yield self._replace(i, "died", now - w.started)
            elif self.timeout and now - w.started > self.timeout + w.allowance.value:
                yield self._replace(i, "timeout", self.timeout + w.allowance.value)

    def _received(self, w: _Worker, feed: _Feed) -> tuple[Task, Result] | None:
        """A worker's result (None if its pipe broke). Its next task goes out before this result is
        even unpickled, so the worker is not idle meanwhile (a failed send shows as its death later)."""
        try:
            message = w.conn.recv_bytes()
        except (EOFError, OSError):
            return None
        task, w.task = w.task, None
        nxt = feed.next()
        if nxt is not None:
            w.task, w.started = nxt, time.monotonic()
            with contextlib.suppress(BrokenPipeError, OSError):
                w.conn.send(nxt)
        return task, pickle.loads(message)  # noqa: S301 - from our own worker

    def _replace(self, i: int, kind: Literal["died", "timeout"], seconds: float) -> tuple[Task, Failure]:
        """Kill worker i (dead or overrunning), start another in its place, and fail its task."""
        w = self.workers[i]
        task, step = w.task, w.progress.value
        self._retire(w)
        self.workers[i] = self._spawn()
        if kind == "timeout":
            return task, Failure("timeout", step=step, seconds=seconds)
        return task, Failure("died", _how(w.process.exitcode), step, seconds)


class _Feed:
    """The tasks still to hand out: `next()` is None once there are none."""

    def __init__(self, tasks: Iterable[Task]) -> None:
        self._tasks = iter(tasks)
        self._exhausted = False

    def next(self) -> Task | None:
        if self._exhausted:
            return None
        nxt = next(self._tasks, None)
        self._exhausted = nxt is None
        return nxt


def _how(exitcode: int | None) -> str:
    """A worker's end in words: the signal that killed it, or its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"
