"""Hostile input: every kind of bad file gives exactly one documents row, with the status and the words
docs/BAD_INPUT.md promises; hangs, crashes and memory blow-ups stay inside the worker they happen in;
odd folders and odd names neither stop the batch nor lead it out of its folders."""

from __future__ import annotations

import ctypes
import os
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hostile import (
    HIDDEN,
    LINES,
    Hostile,
    hidden_cases,
    hostile_set,
    reference_loop,
    sample,
    slow_opening,
    slow_page,
    text_pdf,
)

from pipeline.batch.pool import Failure, Pool, report
from pipeline.batch.run import run
from pipeline.cli import main
from pipeline.extract import errors, extract
from pipeline.tables import TABLES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "BAD_INPUT.md"
SMALL = text_pdf([LINES])  # a one-page PDF: quick to read where the file's content is not the point


def documents(out: Path) -> dict[str, dict[str, Any]]:
    rows = pq.read_table(out / "documents.parquet").to_pylist()
    assert len({r["source_path"] for r in rows}) == len(rows), "a file got two rows"
    return {r["source_path"]: r for r in rows}


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under the folder with its size and modification time (links not followed)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            out[os.path.relpath(os.path.join(dirpath, name), folder)] = (st.st_size, st.st_mtime_ns)
    return out


def check(row: dict[str, Any], status: str | None, error: str | None) -> list[str]:
    """What is wrong with a documents row, given the expected status and start of the error."""
    wrong = []
    if row["status"] not in ("ok", "partial", "failed"):
        wrong.append(f"status {row['status']!r}")
    if status is not None and row["status"] != status:
        wrong.append(f"status {row['status']!r}, expected {status!r} ({row['error']})")
    if (row["error"] is None) != (row["status"] == "ok"):
        wrong.append(f"status {row['status']!r} with error {row['error']!r}")
    if row["error"] is not None and not errors.documented(row["error"]):
        wrong.append(f"undocumented error {row['error']!r}")
    if error is not None and not (row["error"] or "").startswith(error):
        wrong.append(f"error {row['error']!r}, expected {error!r}…")
    if (row["warnings"] is None) != (row["status"] == "failed"):
        wrong.append(f"status {row['status']!r} with warnings {row['warnings']!r}")
    wrong += [f"undocumented warning {w!r}" for w in row["warnings"] or [] if not errors.warned(w)]
    return wrong


def hangs(h: Hostile) -> bool:
    return (h.error or "").startswith("timed out")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The hostile set (less the hangs, which have their own short-limit run) through one batch, run
    from an empty working folder so that a stray file would show."""
    src, out, cwd = (tmp_path_factory.mktemp(n) for n in ("hostile", "out", "cwd"))
    cases = [h for h in hostile_set(bomb_gigabytes=2, page_count=200) if not hangs(h)]
    for h in cases:
        (src / h.name).write_bytes(h.data)
    before = snapshot(src)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        summary = run(src, out, workers=2, timeout=60, memory_mb=1024)
    finally:
        os.chdir(old)
    return {
        "cases": cases,
        "summary": summary,
        "rows": documents(out),
        "src": (before, snapshot(src)),
        "cwd": sorted(os.listdir(cwd)),
        "out": sorted(n for n in os.listdir(out) if n != ".acta"),  # .acta: the run's state
        "tables": {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in TABLES},
    }


def test_every_hostile_kind_gets_one_row_with_its_status_and_words(hostile_run: dict[str, Any]) -> None:
    rows = hostile_run["rows"]
    assert sorted(rows) == sorted(h.name for h in hostile_run["cases"])
    wrong = [f"{h.name}: {w}" for h in hostile_run["cases"] for w in check(rows[h.name], h.status, h.error)]
    assert not wrong, "\n".join(wrong)


def test_partial_keeps_the_pages_before_the_break(hostile_run: dict[str, Any]) -> None:
    row = hostile_run["rows"]["broken_page_3.pdf"]
    assert (row["status"], row["pages"]) == ("partial", 4)
    assert row["title"] or row["language"]  # pages 1 and 2 were parsed


def test_hidden_text_reaches_no_table_through_a_batch(hostile_run: dict[str, Any]) -> None:
    """The default engine through the whole run, writer included: every string of every table of a
    file that hides HIDDEN is searched for its words; a file that shows it has it in its sections."""
    docs = {r["doc_id"]: r["source_path"] for r in hostile_run["rows"].values()}
    seen = {name: shown for name, _, shown in hidden_cases()}
    found: dict[str, set[str]] = {name: set() for name in seen}
    person_docs = {  # the people table has no doc_id: a person is in the documents that name them
        (row[key], row["doc_id"])
        for rows in hostile_run["tables"].values()
        for row in rows
        for key in ("person_id", "chair_person_id")
        if row.get(key) and row.get("doc_id")
    }
    for table, rows in hostile_run["tables"].items():
        for row in rows:
            ids = [row["doc_id"]] if "doc_id" in row else [d for p, d in person_docs if p == row["person_id"]]
            text = [v for v in row.values() if isinstance(v, str)] + list(row.get("names") or [])
            for name in (docs.get(doc_id, "") for doc_id in ids):
                if name in seen and any("Mallory" in v for v in text):
                    found[name].add(table)
    assert {name: "sections" in tables for name, tables in found.items()} == seen
    assert {name for name, tables in found.items() if tables} == {
        name for name, shown in seen.items() if shown
    }
    hidden_chars = {name: hostile_run["rows"][name]["hidden_chars"] for name in seen}
    assert hidden_chars == {
        name: 0 if shown else len("".join(HIDDEN.split())) for name, shown in seen.items()
    }


def test_summary_counts_every_row(hostile_run: dict[str, Any]) -> None:
    s = hostile_run["summary"]
    assert s.documents == len(hostile_run["cases"]) == s.ok + s.partial + s.failed
    assert s.failed == sum(r["status"] == "failed" for r in hostile_run["rows"].values())


def test_nothing_is_written_outside_out(hostile_run: dict[str, Any]) -> None:
    before, after = hostile_run["src"]
    assert before == after
    assert hostile_run["cwd"] == []
    assert hostile_run["out"] == sorted([f"{name}.parquet" for name in TABLES] + ["acta.duckdb"])


def test_a_hang_is_killed_at_the_limit_and_says_where(tmp_path: Path) -> None:
    """One worker, so the batch must go on in the replacement each time; a tiny limit keeps it short."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_fine.pdf").write_bytes(SMALL)
    (tmp_path / "in" / "b_slow_page_2.pdf").write_bytes(slow_page())
    (tmp_path / "in" / "c_slow_opening.pdf").write_bytes(slow_opening())
    (tmp_path / "in" / "d_fine.pdf").write_bytes(SMALL)
    start = time.monotonic()
    run(tmp_path / "in", tmp_path / "out", workers=1, timeout=5, memory_mb=1024)
    rows = documents(tmp_path / "out")
    assert time.monotonic() - start < 40
    assert rows["b_slow_page_2.pdf"]["error"] == "timed out after 5 s on page 2"
    assert rows["c_slow_opening.pdf"]["error"] == "timed out after 5 s while opening the file"
    assert rows["a_fine.pdf"]["status"] == rows["d_fine.pdf"]["status"] == "ok"
    assert all(errors.documented(r["error"]) for r in rows.values() if r["error"])


@pytest.mark.parametrize("length", [1, 2, 5])
def test_a_loop_of_references_is_refused_at_once_by_either_engine(tmp_path: Path, length: int) -> None:
    """pdfminer followed an object that refers to itself until the worker was killed; pdfplumber now
    names the loop, PDFium reads the object as missing (so the page is blank)."""
    path = tmp_path / "loop.pdf"
    path.write_bytes(reference_loop(length))
    for engine, error in (("pdfplumber", errors.REFERENCE_LOOP()), ("pdfium", errors.BLANK())):
        start = time.monotonic()
        with pytest.raises(errors.ExtractError) as caught:
            extract(str(path), engine)
        assert (str(caught.value), engine) == (error, engine)
        assert time.monotonic() - start < 5


def test_an_empty_folder_gives_empty_tables(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    summary = run(tmp_path / "in", tmp_path / "out")
    assert summary.documents == 0
    for name in TABLES:
        assert pq.read_table(tmp_path / "out" / f"{name}.parquet").num_rows == 0


def test_a_folder_of_only_failures(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.pdf").write_bytes(b"")
    (tmp_path / "in" / "page.pdf").write_bytes(b"<!DOCTYPE html>\n<html></html>")
    (tmp_path / "in" / "cut.pdf").write_bytes(sample()[:500])
    summary = run(tmp_path / "in", tmp_path / "out", workers=2)
    rows = documents(tmp_path / "out")
    assert (summary.documents, summary.failed) == (3, 3)
    assert rows["empty.pdf"]["error"] == "empty file: 0 bytes"
    assert rows["page.pdf"]["error"] == "not a PDF: the file starts with <!DOCTYPE html>"
    assert rows["cut.pdf"]["error"] == "corrupt PDF: the file is truncated"


def test_a_single_file_instead_of_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "one summary.pdf"
    path.write_bytes(sample())
    summary = run(path, tmp_path / "out")
    rows = documents(tmp_path / "out")
    assert summary.documents == 1
    assert rows["one summary.pdf"]["status"] == "ok"


def test_odd_file_names(tmp_path: Path) -> None:
    """Spaces, accents, a newline and bytes that are not UTF-8 are names like any other."""
    src = tmp_path / "in"
    src.mkdir()
    names = ["with spaces.pdf", "acta – résumé Ñandú.pdf", "two\nlines.pdf", "UPPER.PDF"]
    for name in names:
        (src / name).write_bytes(SMALL)
    os.makedirs(src / "sub dir", exist_ok=True)
    (src / "sub dir" / "nested.pdf").write_bytes(b"not a pdf")
    with open(os.path.join(os.fsencode(src), b"latin1 caf\xe9.pdf"), "wb") as fh:
        fh.write(SMALL)
    run(src, tmp_path / "out", workers=2)
    rows = documents(tmp_path / "out")
    assert sorted(rows) == sorted([*names, "sub dir/nested.pdf", "latin1 caf\ufffd.pdf"])
    assert all(rows[n]["status"] == "ok" for n in names)
    assert rows["latin1 caf\ufffd.pdf"]["status"] == "ok"


def test_links_out_of_the_folder_are_not_followed_unless_asked(tmp_path: Path) -> None:
    outside, src = tmp_path / "outside", tmp_path / "in"
    outside.mkdir()
    src.mkdir()
    (outside / "secret.pdf").write_bytes(SMALL)
    (outside / "folder").mkdir()
    (outside / "folder" / "deep.pdf").write_bytes(SMALL)
    (src / "real.pdf").write_bytes(SMALL)
    (src / "to_secret.pdf").symlink_to(outside / "secret.pdf")
    (src / "to_real.pdf").symlink_to(src / "real.pdf")
    (src / "dangling.pdf").symlink_to(src / "gone.pdf")
    (src / "linked_folder").symlink_to(outside / "folder")
    (src / "loop").symlink_to(src)
    (src / "ping.pdf").symlink_to(src / "pong.pdf")
    (src / "pong.pdf").symlink_to(src / "ping.pdf")
    os.mkfifo(src / "pipe.pdf")

    run(src, tmp_path / "out", workers=1)
    rows = documents(tmp_path / "out")
    assert sorted(rows) == [
        "dangling.pdf",
        "ping.pdf",
        "pipe.pdf",
        "pong.pdf",
        "real.pdf",
        "to_real.pdf",
        "to_secret.pdf",
    ]
    assert rows["to_secret.pdf"]["error"] == errors.LINK_OUTSIDE()
    assert rows["to_secret.pdf"]["doc_id"] is None  # not even read to be hashed
    assert rows["dangling.pdf"]["error"] == rows["ping.pdf"]["error"] == "unreadable: a broken link"
    assert rows["pipe.pdf"]["error"] == errors.NOT_A_FILE()
    assert rows["real.pdf"]["status"] == rows["to_real.pdf"]["status"] == "ok"

    argv = ["run", str(src), "--out", str(tmp_path / "out2"), "--follow-links", "--workers", "1", "--quiet"]
    assert main(argv) == 0
    rows = documents(tmp_path / "out2")
    assert rows["to_secret.pdf"]["status"] == rows["linked_folder/deep.pdf"]["status"] == "ok"
    assert not any(name.startswith("loop/") for name in rows)  # the folder's link to itself is walked once


# ---------------------------------------------------------------- the pool, with its own task functions


def _task(kind: str) -> str:
    """A task function for the pool tests: crash, hog memory, hang after a report, or answer."""
    if kind == "crash":
        ctypes.string_at(0)  # a segmentation fault, as a parser's native code might have
    if kind == "hog":
        return str(len(bytearray(4 << 30)))
    if kind == "hang":
        report(7)
        time.sleep(60)
    return kind


def test_pool_survives_a_crash_a_memory_hog_and_a_hang() -> None:
    tasks = ["a", "crash", "b", "hog", "hang", "c"]
    got = dict(Pool(_task, workers=2, timeout=3, memory_mb=1024).imap_unordered(tasks))
    assert sorted(got) == sorted(tasks)
    assert [got[t] for t in "abc"] == ["a", "b", "c"]
    assert got["crash"] == Failure("died", "SIGSEGV", 0, got["crash"].seconds)
    assert got["hog"].kind == "memory"
    assert (got["hang"].kind, got["hang"].step, got["hang"].seconds) == ("timeout", 7, 3)


def test_every_message_is_documented_with_its_explanation() -> None:
    text = DOCS.read_text(encoding="utf-8")
    every = errors.MESSAGES + errors.WARNINGS
    missing = [m.template for m in every if f"| `{m.template}` | {m.about} |" not in text]
    assert not missing, f"not in {DOCS.name} as in pipeline/extract/errors.py: {missing}"
