"""Reruns redo only what changed, and a run killed with SIGKILL then started again ends with exactly
the tables of a clean run: no row lost, none doubled."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, SYNTH, needs_shared

import pipeline.batch.task as acta_task
from pipeline.batch.run import run
from pipeline.batch.store import MARK, STATE, Busy, Store
from pipeline.tables import TABLES

pytestmark = needs_shared
COUNT = 20


def tables(out: Path) -> dict[str, pa.Table]:
    return {name: pq.read_table(out / f"{name}.parquet") for name in TABLES}


def same_tables(a: Path, b: Path) -> None:
    for name in TABLES:
        left, right = pq.read_table(a / f"{name}.parquet"), pq.read_table(b / f"{name}.parquet")
        assert left.schema == right.schema, name
        assert left.equals(right), f"{name}: {left.num_rows} rows against {right.num_rows}"


def sources(out: Path) -> list[str]:
    return pq.read_table(out / "documents.parquet", columns=["source_path"]).column(0).to_pylist()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """COUNT synthetic PDFs and the tables of one clean run over them."""
    src = tmp_path_factory.mktemp("pdfs")
    for path in sorted(SYNTH.glob("*.pdf"))[:COUNT]:
        shutil.copy2(path, src / path.name)
    out = tmp_path_factory.mktemp("clean")
    assert run(src, out, engine="pdfium", workers=2).documents == COUNT
    return src, out


def copy_of(clean: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the inputs and of the clean run's output, state included."""
    src, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(clean[0], src)
    shutil.copytree(clean[1], out)
    return src, out


def test_a_rerun_with_nothing_changed_reads_nothing(clean: tuple[Path, Path], tmp_path: Path) -> None:
    src, out = copy_of(clean, tmp_path)
    before = (out / "documents.parquet").stat().st_mtime_ns
    summary = run(src, out, engine="pdfium", workers=2)
    assert (summary.documents, summary.unchanged, summary.removed) == (0, COUNT, 0)
    assert (out / "documents.parquet").stat().st_mtime_ns == before  # not even reassembled
    same_tables(out, clean[1])


def test_a_rerun_with_nothing_changed_starts_no_reader_and_no_arrow(
    clean: tuple[Path, Path], tmp_path: Path
) -> None:
    """The manifest's snapshot answers it: no worker, no PDF library, no Arrow or DuckDB is loaded."""
    src, out = copy_of(clean, tmp_path)
    code = (
        "import sys; from pathlib import Path; from pipeline.batch.run import run; "
        f"s = run(Path({str(src)!r}), {str(out)!r}, engine='pdfium', workers=2); "
        "heavy = {'pyarrow', 'duckdb', 'spacy', 'pypdfium2', 'pdfplumber', 'multiprocessing.forkserver'}; "
        "print(s.documents, s.unchanged, sorted(heavy & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split("\n")[0] == f"0 {COUNT} []"


def test_a_deleted_table_or_a_stray_part_sends_the_rerun_the_long_way(
    clean: tuple[Path, Path], tmp_path: Path
) -> None:
    src, out = copy_of(clean, tmp_path)
    (out / "links.parquet").unlink()
    stray = out / STATE / "parts" / "9999999999"  # what a run killed while writing a part leaves
    stray.mkdir()
    summary = run(src, out, engine="pdfium", workers=2)
    assert (summary.documents, summary.unchanged) == (0, COUNT)
    assert not stray.exists()
    same_tables(out, clean[1])


def test_a_part_of_an_older_acta_is_read_again(clean: tuple[Path, Path], tmp_path: Path) -> None:
    """Parts were once Parquet files with the manifest lines in files.parquet: such a part's files
    are read again, and the tables come out as a clean run's."""
    src, out = copy_of(clean, tmp_path)
    part = sorted((out / STATE / "parts").iterdir())[0]
    lines = (part / "files.jsonl").read_text(encoding="utf-8").count("\n")
    for old in part.iterdir():
        if old.name != MARK:
            old.unlink()
    (part / "files.parquet").write_bytes(b"PAR1")  # what an older acta left
    (out / "links.parquet").unlink()  # so the rerun opens the store
    summary = run(src, out, engine="pdfium", workers=2)
    assert (summary.documents, summary.unchanged) == (lines, COUNT - lines)
    assert not part.exists()
    same_tables(out, clean[1])


def test_the_parent_of_a_run_never_loads_pandas(clean: tuple[Path, Path], tmp_path: Path) -> None:
    """Workers send their rows as JSON lines; converting Python rows with pyarrow would import
    pandas into the parent, a third of a second and 40 MB of every run."""
    src = clean[0]
    code = (
        "import sys; from pathlib import Path; from pipeline.batch.run import run; "
        f"s = run(Path({str(src)!r}), {str(tmp_path / 'out')!r}, engine='pdfium', workers=2); "
        "print(s.documents, 'pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split("\n")[0] == f"{COUNT} False"


def test_new_files_are_read_and_deleted_ones_dropped(clean: tuple[Path, Path], tmp_path: Path) -> None:
    src, out = copy_of(clean, tmp_path)
    gone = sorted(src.glob("*.pdf"))[3]
    gone_id = acta_task.file_id(str(gone))
    gone.unlink()
    extra = sorted(SYNTH.glob("*.pdf"))[COUNT : COUNT + 2]
    (src / "new").mkdir()
    for path in extra:
        shutil.copy2(path, src / "new" / path.name)
    summary = run(src, out, engine="pdfium", workers=2)
    assert (summary.documents, summary.unchanged, summary.removed) == (2, COUNT - 1, 1)
    assert sorted(sources(out)) == sorted(
        [p.name for p in src.glob("*.pdf")] + [f"new/{p.name}" for p in extra]
    )
    made = tables(out)
    for name, table in made.items():
        if name != "people":  # the one table made at assembly, of people, not of documents
            assert gone_id not in table.column("doc_id").to_pylist(), f"{name} kept rows of the deleted file"
    named = {
        *made["speakers"].column("person_id").to_pylist(),
        *made["interventions"].column("person_id").to_pylist(),
        *made["documents"].column("chair_person_id").to_pylist(),
    } - {None}
    assert set(made["people"].column("person_id").to_pylist()) == named  # no one only the deleted file named
    assert sources(out) == sorted(sources(out))  # rows in source path order, whatever finished first


def test_a_touched_file_is_not_read_again_but_a_changed_one_is(
    clean: tuple[Path, Path], tmp_path: Path
) -> None:
    src, out = copy_of(clean, tmp_path)
    touched, changed = sorted(src.glob("*.pdf"))[:2]
    os.utime(touched, ns=(time.time_ns(), time.time_ns()))
    changed.write_bytes((SYNTH / sorted(p.name for p in SYNTH.glob("*.pdf"))[COUNT + 5]).read_bytes())
    summary = run(src, out, engine="pdfium", workers=2)
    assert (summary.documents, summary.unchanged) == (1, COUNT - 1)
    again = run(src, out, engine="pdfium", workers=2)  # the touched file's new mtime was recorded
    assert (again.documents, again.unchanged) == (0, COUNT)
    docs = {r["source_path"]: r for r in pq.read_table(out / "documents.parquet").to_pylist()}
    assert docs[changed.name]["doc_id"] == acta_task.file_id(str(changed))


def test_new_rules_or_version_redo_everything(
    clean: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = copy_of(clean, tmp_path)
    monkeypatch.setattr(acta_task, "rules_version", lambda: "0" * 16)  # as if a file in models/ changed
    summary = run(src, out, engine="pdfium", workers=2)
    assert (summary.documents, summary.unchanged) == (COUNT, 0)
    versions = set(pq.read_table(out / "documents.parquet").column("acta_version").to_pylist())
    assert versions == {acta_task.version()}
    monkeypatch.setattr(acta_task, "__version__", "9.9.9")
    assert run(src, out, engine="pdfium", workers=2).documents == COUNT
    assert run(src, out, engine="pdfplumber", workers=2).documents == COUNT  # another engine, too
    parts = [p for p in (out / STATE / "parts").iterdir()]
    assert len(parts) <= 2 * COUNT  # the old parts were collected, not left to pile up


def test_a_link_skipped_before_is_read_once_links_are_followed(tmp_path: Path) -> None:
    outside, src, out = tmp_path / "outside", tmp_path / "in", tmp_path / "out"
    outside.mkdir()
    src.mkdir()
    pdf = sorted(SYNTH.glob("*.pdf"))[0]
    shutil.copy2(pdf, outside / pdf.name)
    (src / pdf.name).symlink_to(outside / pdf.name)
    assert run(src, out, engine="pdfium").failed == 1  # skipped: a link out of the folder
    assert run(src, out, engine="pdfium").documents == 0  # still skipped, nothing to redo
    followed = run(src, out, engine="pdfium", follow_links=True)
    assert (followed.documents, followed.ok) == (1, 1)


def test_one_run_at_a_time_on_an_output(tmp_path: Path) -> None:
    with Store(tmp_path) as first:
        first.open()
        with pytest.raises(Busy):
            Store(tmp_path).open()
    with Store(tmp_path) as again:
        again.open()  # free again once the first run is over


def test_a_killed_run_resumes_to_the_clean_tables(clean: tuple[Path, Path], tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(clean[0], src)
    command = [sys.executable, "-m", "pipeline.cli", "run", str(src), "--out", str(out)]
    command += ["--engine", "pdfium", "--workers", "1", "--batch", "1", "--quiet"]
    proc = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL)
    parts = out / STATE / "parts"
    deadline = time.monotonic() + 120
    try:
        while not list(parts.glob(f"*/{MARK}")) and proc.poll() is None:
            assert time.monotonic() < deadline, "no part was committed in two minutes"
            time.sleep(0.01)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run, its fork server and workers: our own group
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert not (out / "acta.duckdb").exists()
    committed = len(list(parts.glob(f"*/{MARK}")))
    assert 1 <= committed < COUNT
    summary = run(src, out, engine="pdfium", workers=2)
    assert summary.unchanged >= committed and summary.documents + summary.unchanged == COUNT
    same_tables(out, clean[1])
