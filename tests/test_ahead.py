"""Reading ahead during the warm-up: what the readers leave gives a worker exactly the rows it would
have read itself, and what they could not read is left to the worker, who says why."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT
from hostile import truncated

from pipeline.batch.ahead import ReadAhead, readers
from pipeline.batch.process import process
from pipeline.batch.task import Task, version

SAMPLES = sorted((ROOT / "data" / "raw").glob("*.pdf"))


def tasks(folder: Path, engine: str = "pdfium") -> list[Task]:
    """The samples, then a PDF cut in half and a file that is no PDF at all."""
    (folder / "cut.pdf").write_bytes(truncated(SAMPLES[0].read_bytes(), 0.5))
    (folder / "notes.pdf").write_text("minutes to follow\n")
    paths = [*SAMPLES, folder / "cut.pdf", folder / "notes.pdf"]
    return [Task(str(p), p.name, engine, version=version()) for p in paths]


def until_read(ahead: ReadAhead, count: int, seconds: float = 60.0) -> None:
    """Wait for the reader to leave `count` pickles (it starts a Python of its own first)."""
    end = time.monotonic() + seconds
    while sum(name.endswith(".pickle") for name in os.listdir(ahead.folder)) < count:
        assert time.monotonic() < end, f"the reader left {os.listdir(ahead.folder)}"
        time.sleep(0.05)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_document_read_ahead_gives_the_rows_of_one_read_by_the_worker(tmp_path: Path, engine: str) -> None:
    todo = tasks(tmp_path, engine)
    with ReadAhead(todo, 1, memory_mb=1024) as ahead:
        until_read(ahead, len(SAMPLES))
        handed = list(ahead.tasks_for_workers())
        assert [t.extracted is not None for t in handed] == [True] * len(SAMPLES) + [False, False]
        for plain, read_ahead in zip(todo, handed, strict=True):
            assert process(read_ahead) == process(plain), plain.source_path


def test_a_file_the_reader_cannot_read_gets_the_workers_own_error(tmp_path: Path) -> None:
    todo = tasks(tmp_path)
    with ReadAhead(todo, 1, memory_mb=1024) as ahead:
        until_read(ahead, len(SAMPLES))
        time.sleep(0.5)  # time enough for the reader to have tried the last two
        handed = list(ahead.tasks_for_workers())
    assert [t.extracted for t in handed[-2:]] == [None, None]
    cut, notes = (process(t)["documents"][0] for t in handed[-2:])
    assert cut["status"] == "failed" and "truncated" in cut["error"]
    assert notes["status"] == "failed" and "not a PDF" in notes["error"]


def test_the_readers_stop_when_the_workers_take_the_first_task() -> None:
    todo = [Task(str(SAMPLES[0]), f"copy-{i}.pdf", "pdfium") for i in range(5000)]
    with ReadAhead(todo, 2, memory_mb=1024) as ahead:
        started = list(ahead.readers)
        assert len(started) == 2
        first = next(ahead.tasks_for_workers())
        assert first.source_path == "copy-0.pdf"
        assert not any(r.is_alive() for r in started)
        left = set(os.listdir(ahead.folder))
        time.sleep(0.3)
        assert set(os.listdir(ahead.folder)) == left  # nobody writes any more
    assert not Path(ahead.folder).exists()


def test_a_damaged_pickle_is_read_from_the_pdf_instead(tmp_path: Path) -> None:
    plain = Task(str(SAMPLES[0]), SAMPLES[0].name, "pdfium")
    broken = tmp_path / "0.pickle"
    broken.write_bytes(b"\x80\x05 not a pickle")
    assert process(replace(plain, extracted=str(broken))) == process(plain)


def test_readers_use_the_cores_the_warm_up_leaves_idle() -> None:
    assert readers(1) == 0  # one worker: the warm-up has the core it will use
    assert readers(2) == min(1, len(os.sched_getaffinity(0)) - 1)
    assert readers(10_000) == len(os.sched_getaffinity(0)) - 1
