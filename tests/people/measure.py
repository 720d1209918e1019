"""Pairwise merge precision and recall of acta's person_ids against the hand-checked list
(tests/people/merges.csv), shared by the test and by a look at the figures from the command line:
`python tests/people/measure.py OUT`."""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import duckdb

from pipeline.link.names import name_key

MERGES = Path(__file__).parent / "merges.csv"


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    found: int  # rows of the list whose name acta extracted in that document
    listed: int
    false_merges: list[tuple[str, str]]
    missed_merges: list[tuple[str, str]]


def acta_people(out: Path) -> dict[tuple[str, tuple[str, ...]], dict[str | None, str]]:
    """(source, name key) -> {state: person_id} for every row of acta's output naming a person."""
    con = duckdb.connect(str(out / "acta.duckdb"), read_only=True)
    try:
        rows = con.execute(
            """
            SELECT d.source_path, s.name, s.country, s.person_id
                FROM speakers s JOIN documents d USING (doc_id)
            UNION SELECT d.source_path, i.person, i.country, i.person_id
                FROM interventions i JOIN documents d USING (doc_id) WHERE i.person IS NOT NULL
            UNION SELECT source_path, chair, NULL, chair_person_id FROM documents WHERE chair IS NOT NULL
            """
        ).fetchall()
    finally:
        con.close()
    found: dict[tuple[str, tuple[str, ...]], dict[str | None, str]] = {}
    for source, form, country, person in rows:
        found.setdefault((source, name_key(form)), {})[country] = person
    return found


def score(out: Path, merges: Path = MERGES) -> Score:
    listed = list(csv.DictReader(merges.open(encoding="utf-8")))
    people = acta_people(out)
    matched: list[tuple[dict[str, str], str]] = []
    for row in listed:
        ids = people.get((row["source"], name_key(row["form"])), {})
        person = ids.get(row["country"] or None) or (ids.get(None) if len(ids) == 1 else None)
        if person is None and len(set(ids.values())) == 1:
            person = next(iter(ids.values()))
        if person is not None:
            matched.append((row, person))
    tp = fp = fn = 0
    false_merges, missed = [], []
    for (a, pa), (b, pb) in combinations(matched, 2):
        same, joined = a["person"] == b["person"], pa == pb
        tp += same and joined
        if joined and not same:
            fp += 1
            false_merges.append((f"{a['source']}: {a['form']}", f"{b['source']}: {b['form']}"))
        if same and not joined:
            fn += 1
            missed.append((f"{a['source']}: {a['form']}", f"{b['source']}: {b['form']}"))
    return Score(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        found=len(matched),
        listed=len(listed),
        false_merges=false_merges,
        missed_merges=missed,
    )


if __name__ == "__main__":
    result = score(Path(sys.argv[1]))
    print(
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  "
        f"({result.found} of {result.listed} listed names extracted)"
    )
    for pair in result.false_merges:
        print("  false merge:", *pair)
    for pair in result.missed_merges:
        print("  missed merge:", *pair)
