"""acta on documents its rules were not written from, scored by the corpus's own scorer.

Three gold sets, each written by hand from the PDFs and never from acta's output:
- the shared real dev set (`../shared/corpus/real/gold`, four records);
- our own gold for eleven more of the shared real records (`tests/real_gold`, notes in its NOTES.md);
- our unseen set (`tests/unseen`): summaries and minutes written by hand in four languages, phrased as
  real OAS, UN and CELAC records are, rendered with several word processors (its NOTES.md).

The floors are the scores measured when they were last raised. They only ever move up: raise one when
the code gets better, never lower one to get green.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REAL, ROOT
from test_end_to_end import _scorer

UNSEEN = ROOT / "tests" / "unseen"
FACTS = {"body": 1.0, "venue": 1.0, "scheduled_start": 1.0}  # a UN record's, from its symbol and masthead
OVERALL_FLOORS = {"real dev": 0.967, "real ours": 0.97, "unseen": 0.978}
FIELD_FLOORS = {  # fields whose floor is worth stating on its own: the ones a change is most likely to break
    "real dev": {
        "symbol": 1.0,
        "meeting_date": 1.0,
        "chair": 1.0,
        "speakers": 0.981,
        "delegations": 0.979,
        "attendance": 0.993,
        "refs": 1.0,
        "links": 1.0,
        **FACTS,
    },
    "real ours": {
        "symbol": 1.0,
        "meeting_date": 1.0,
        "chair": 1.0,
        "speakers": 0.977,
        "headings": 0.893,
        "delegations": 0.993,
        "attendance": 1.0,
        "refs": 1.0,
        "links": 1.0,
        **FACTS,
    },
    "unseen": {
        "chair": 1.0,
        "start_time": 1.0,
        "end_time": 1.0,
        "slots": 1.0,
        "attendance": 1.0,
        "speakers": 0.924,
        "delegations": 0.95,
        "headings": 0.913,
    },
}


GOLD = {"real dev": REAL / "gold", "real ours": ROOT / "tests" / "real_gold", "unseen": UNSEEN / "gold"}


@pytest.fixture(scope="module")
def unseen_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.batch.run import run

    out = tmp_path_factory.mktemp("unseen_out")
    run(UNSEEN / "pdfs", out, workers=2)
    return out


def _score(out: Path, name: str) -> dict:
    result = _scorer().score(out, GOLD[name])
    assert result["problems"] == []
    return result


@pytest.mark.parametrize("name", ["real dev", "real ours"])
def test_real_records_hold_their_floors(real_out: Path, name: str):
    result = _score(real_out, name)
    scores = {field: round(v["f1"], 3) for field, v in result["fields"].items()}
    below = {f: (scores.get(f), floor) for f, floor in FIELD_FLOORS[name].items() if scores.get(f, 0) < floor}
    assert below == {}
    assert result["overall_f1"] >= OVERALL_FLOORS[name]


@pytest.mark.skipif(not (UNSEEN / "gold").exists(), reason="the unseen set is not in this checkout")
def test_unseen_set_holds_its_floor(unseen_out: Path):
    result = _score(unseen_out, "unseen")
    scores = {field: round(v["f1"], 3) for field, v in result["fields"].items()}
    below = {
        f: (scores.get(f), floor) for f, floor in FIELD_FLOORS["unseen"].items() if scores.get(f, 0) < floor
    }
    assert below == {}
    assert result["overall_f1"] >= OVERALL_FLOORS["unseen"]
