"""acta installed as a user installs it: a wheel in a fresh environment, run away from the checkout.

The rules in models/ must travel inside the wheel (pipeline/models); an editable install would hide
their absence, since it reads the checkout. The fresh environment borrows the dependencies of the
test environment through a path file (no download, no reinstall of spaCy), but not its editable
acta: a path file adds the directory only, the editable hook inside it is not run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.language import cues

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw"


def _sh(*args: object, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources so the build leaves nothing in the checkout."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pipeline", "models"):
        shutil.copytree(ROOT / name, src / name, symlinks=True, ignore=skip)
    out = tmp_path_factory.mktemp("dist")
    _sh(sys.executable, "-m", "pip", "wheel", "--no-deps", ".", "-w", out, cwd=src)
    (found,) = out.glob("acta-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the wheel installed; its python."""
    home = tmp_path_factory.mktemp("venv")
    _sh(sys.executable, "-m", "venv", "--without-pip", home, cwd=home)
    python = home / "bin" / "python"
    site = Path(
        _sh(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=home).strip()
    )
    (site / "_acta_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _sh(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=home
    )
    return python


def test_the_wheel_holds_every_rules_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    models = ROOT / "models"
    rules = {f"pipeline/models/{p.relative_to(models).as_posix()}" for p in models.rglob("*") if p.is_file()}
    assert rules and rules <= names


def test_the_installed_wheel_reads_the_samples(venv: Path, tmp_path: Path) -> None:
    where = _sh(venv, "-c", "import pipeline; print(pipeline.__file__)", cwd=tmp_path)
    assert Path(where).resolve().is_relative_to(venv.parent.parent.resolve())  # not the checkout
    _sh(venv.parent / "acta", "run", SAMPLES, "--workers", "2", cwd=tmp_path)  # to ./data/processed
    documents = pq.read_table(tmp_path / "data" / "processed" / "documents.parquet").to_pylist()
    assert len(documents) == len(list(SAMPLES.glob("*.pdf"))) == 3
    assert [d["status"] for d in documents] == ["ok"] * 3, [d["error"] for d in documents]


DASK_WORKERS = """
import json, pipeline
from distributed import Client, LocalCluster

def where():
    import pipeline.language
    return pipeline.language.MODELS.as_posix(), pipeline.language.cues("es").am[0]

with LocalCluster(n_workers=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
    print(json.dumps(list(client.run(where).values())))
"""


def test_dask_workers_of_an_installed_acta_import_the_installed_package(venv: Path, tmp_path: Path) -> None:
    """A worker process of the fresh environment reads the rules from the wheel, not from the checkout."""
    pytest.importorskip("distributed")
    (models, am), *_ = json.loads(_sh(venv, "-c", DASK_WORKERS, cwd=tmp_path).strip().splitlines()[-1])
    assert Path(models).is_relative_to(venv.parent.parent.resolve()) and not Path(models).is_symlink()
    assert am == cues("es").am[0]  # the same rules as the checkout's, read from the wheel's copy
