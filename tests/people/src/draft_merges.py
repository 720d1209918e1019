"""Draft tests/people/merges.csv from the gold files (never from acta's output); the draft was then
checked by hand (tests/people/NOTES.md). One row per person named in a gold file (speaker or chair):
the gold source, the form as printed in the gold, its state, and the person it names."""

import csv
import glob
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def fold(text):
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("-", " ").split())


rows = []
ACTAS_2012 = "oas_cp_acta_18*_2012-*.json"  # the Permanent Council actas of 2012 with a gold file
for pattern in (
    "../shared/corpus/synth/gold/*.json",
    "tests/unseen/gold/*.json",
    f"tests/real_gold/{ACTAS_2012}",
    f"../shared/corpus/real/gold/{ACTAS_2012}",
):
    for path in sorted(glob.glob(str(ROOT / pattern))):
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        source = gold["source"]
        named = [(s["name"], s.get("country")) for s in gold.get("speakers", [])]
        states = dict(named)
        if gold.get("chair"):
            named.append((gold["chair"], states.get(gold["chair"])))
        rows += [(source, name, country or "") for name, country in dict.fromkeys(named)]
# a full name is one person per state; a name without a state is the person of that name whose
# state is the only one the gold gives it (else a person of its own)
states = {}
for _, name, country in rows:
    if country:
        states.setdefault(fold(name), set()).add(country)
writer = csv.writer(sys.stdout, lineterminator="\n")
writer.writerow(["source", "form", "country", "person"])
for source, name, country in rows:
    known = states.get(fold(name), set())
    state = country or (next(iter(known)) if len(known) == 1 else "")
    writer.writerow([source, name, country, f"{fold(name)}|{state}"])
