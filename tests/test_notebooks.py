"""The notebooks in notebooks/ run top to bottom on the sample data, so they never rot.

They are kept in git without outputs (a diff then shows code changes only, not re-rendered plots).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_a_new_analyst_has_a_notebook_to_open_first():
    assert ROOT / "notebooks" / "explore.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    stale = [
        c.source[:40] for c in notebook.cells if c.cell_type == "code" and (c.outputs or c.execution_count)
    ]
    assert stale == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom_on_the_sample_data(
    path: Path, sample_out: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("ACTA_DATA", str(sample_out))  # the kernel inherits it; notebooks read it first
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": path.parent}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, when a cell fails
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot was drawn"
