"""Shared fixtures: the shared corpus (beside the clone, as in CI) and one acta run over it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SYNTH = SHARED / "corpus" / "synth"
REAL = SHARED / "corpus" / "real"
sys.path.insert(0, str(Path(__file__).resolve().parent))

needs_shared = pytest.mark.skipif(not SYNTH.exists(), reason="../shared/corpus is not beside this clone")


@pytest.fixture(scope="session")
def synth_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """acta run over the shared synthetic corpus, once per test session."""
    if not SYNTH.exists():
        pytest.skip("../shared/corpus is not beside this clone")
    from pipeline.batch.run import run

    out = tmp_path_factory.mktemp("synth_out")
    summary = run(SYNTH, out, workers=2)
    assert summary.failed == 0
    return out


@pytest.fixture(scope="session")
def real_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """acta run over the shared real records, once per test session."""
    if not REAL.exists():
        pytest.skip("../shared/corpus/real is not beside this clone")
    from pipeline.batch.run import run

    out = tmp_path_factory.mktemp("real_out")
    assert run(REAL, out, workers=2).failed == 0
    return out


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """acta run over the sample PDFs of data/raw, once per test session (what an analyst starts from)."""
    from pipeline.batch.run import run

    out = tmp_path_factory.mktemp("sample_out")
    run(ROOT / "data" / "raw", out, workers=1)
    return out
