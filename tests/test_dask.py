"""A run on a Dask distributed cluster gives the tables a local run gives.

The cluster is real: a LocalCluster whose scheduler and workers talk over loopback TCP, reached only
through its address, as `acta run --scheduler tcp://HOST:PORT` reaches one. The output goes to a
file:// URL, the way an object store URL is handled.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from conftest import SYNTH, needs_shared

from pipeline.batch import cluster
from pipeline.batch.run import run
from pipeline.extract import ocr
from pipeline.tables import TABLES

distributed = pytest.importorskip("distributed")
pytestmark = needs_shared


def local_cluster() -> Any:
    """Two one-thread workers over loopback TCP, as a real cluster is reached."""
    return distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    )


def test_a_cluster_run_gives_the_tables_of_a_local_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for path in sorted(SYNTH.glob("*.pdf"))[:12]:
        shutil.copy2(path, src / path.name)
    (src / "not_a_pdf.pdf").write_text("<html>an error page saved as a PDF</html>")
    local = run(src, tmp_path / "local", engine="pdfium", workers=2)

    with local_cluster() as dask:
        assert dask.scheduler_address.startswith("tcp://127.0.0.1:")
        out = (tmp_path / "cluster").as_uri()
        remote = run(src, out, engine="pdfium", scheduler=dask.scheduler_address)
        again = run(src, out, engine="pdfium", scheduler=dask.scheduler_address)

    assert (
        (remote.documents, remote.ok, remote.failed)
        == (local.documents, local.ok, local.failed)
        == (13, 12, 1)
    )
    assert (again.documents, again.unchanged) == (0, 13)
    for name in TABLES:
        a = pq.read_table(tmp_path / "local" / f"{name}.parquet")
        b = pq.read_table(tmp_path / "cluster" / f"{name}.parquet")
        assert a.equals(b), f"{name}: {a.num_rows} local rows, {b.num_rows} from the cluster"


@pytest.mark.skipif(ocr.unavailable() is not None, reason=f"OCR is off: {ocr.unavailable()}")
def test_each_ocred_page_gives_a_cluster_task_more_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A three-page scan takes longer than a 2 s limit to OCR: on the cluster, as in a local pool,
    each OCRed page gives it OCR_PAGE_SECONDS more; without them it is given up."""
    from scans import scanned

    src = tmp_path / "in"
    src.mkdir()
    (src / "scan.pdf").write_bytes(scanned(SYNTH / "synth_0000.pdf"))
    with local_cluster() as dask:
        done = run(src, tmp_path / "granted", scheduler=dask.scheduler_address, timeout=2)
        monkeypatch.setattr(cluster, "OCR_PAGE_SECONDS", 0.0)
        cut = run(src, tmp_path / "not granted", scheduler=dask.scheduler_address, timeout=2)
    assert (done.ok, cut.failed) == (1, 1)
    documents = pq.read_table(tmp_path / "granted" / "documents.parquet").to_pylist()
    assert documents[0]["ocr_pages"] == documents[0]["pages"] >= 3
    error = pq.read_table(tmp_path / "not granted" / "documents.parquet").column("error").to_pylist()
    assert error == ["timed out after 2 s on a cluster worker"]
