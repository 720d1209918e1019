"""Sanity check of the unseen set: gold keys, sources, and every gold value visible in its PDF.

Usage: /tmp/unseen-venv/bin/python check_gold.py   (needs pdfplumber; run from anywhere)
Does not run acta. Prints one line per problem; exit status 1 if any.
"""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pdfplumber

HERE = Path(__file__).resolve().parent.parent
KEYS = {
    "source", "language", "symbol", "body", "meeting_type", "meeting_date", "scheduled_start",
    "scheduled_end", "start_time", "end_time", "chair", "venue", "attendance", "refs", "speakers",
    "delegations", "slots", "headings", "links",
}  # fmt: skip


def squash(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    return re.sub(r"\s+", "", s).casefold()


def time_forms(hhmm: str) -> list[str]:
    h, m = (int(x) for x in hhmm.split(":"))
    h12 = h % 12 or 12
    ap = "a.m." if h < 12 else "p.m."
    forms = [
        f"{h12}:{m:02d}{ap}", f"{h12}.{m:02d}{ap}", f"{h}.{m:02d}horas", f"{h}h{m:02d}",
        f"{h}h{m:02d}".replace("h00", "heures"), f"{h}:{m:02d}", f"{h12}:{m:02d}", f"{h12}{ap}",
        f"{h}h", f"{h}heures",
    ]  # fmt: skip
    return [squash(f) for f in forms]


SPELLED = {"10:20": "diezyveintedelamañana"}
# values that are printed, but split by a page break inside a table cell (running header in between)
SPLIT_BY_PAGE_BREAK = {("wp_fr_csh_seminaire_libreoffice", "Banco de la República")}


def pdf_text(path: Path) -> tuple[str, str, set[str]]:
    """Plain text (pdfplumber), flattened text of pdfplumber and pdftotext -raw, link URIs."""
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        annots = {h.get("uri") for page in pdf.pages for h in page.hyperlinks if h.get("uri")}
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True).stdout
    # table cells come out interleaved in plain extraction; pdftotext -raw keeps them in stream order
    return text, squash(text) + "\n" + squash(raw), annots


def check_values(name: str, d: dict, flat: str) -> list[str]:
    """Every gold string value (symbol, names, roles, organizations, headings, refs) in the PDF text."""
    problems = []
    values = [("symbol", d["symbol"]), ("chair", d["chair"]), ("venue", d["venue"])]
    for s in d["speakers"]:
        values.append(("speaker", s["name"]))
        if s["role"] and not s["role"].startswith(("Chair of", "Presid", "Présid")):
            values.append(("role", s["role"]))
        values.append(("organization", s["organization"]))
    values += [("heading", h) for h in d["headings"]]
    values += [("slot heading", sl["heading"]) for sl in d["slots"]]
    values += [("ref", r) for r in d["refs"] if not r.startswith(("A/RES/", "E/RES/"))]
    for label, value in values:
        if value and squash(value) not in flat and (name, value) not in SPLIT_BY_PAGE_BREAK:
            problems.append(f"{name}: {label} not in PDF text: {value!r}")
    for sl in d["slots"]:
        if sl["heading"] not in d["headings"]:
            problems.append(f"{name}: slot heading missing from headings: {sl['heading']}")
    for key in ("scheduled_start", "scheduled_end", "start_time", "end_time"):
        t = d[key]
        if t and not any(f in flat for f in time_forms(t)) and SPELLED.get(t, "\0") not in flat:
            problems.append(f"{name}: {key} {t} not printed in any known form")
    return problems


def check_links(name: str, d: dict, text: str, flat: str, annots: set[str]) -> list[str]:
    problems = []
    printed = set(re.findall(r"https?://\S+", text))
    for link in d["links"]:
        ok = link in annots or any(squash(link) in squash(p) for p in printed) or squash(link) in flat
        if not ok:
            problems.append(f"{name}: link not found: {link}")
    extra = {u for u in annots if not u.startswith("mailto:")} - set(d["links"])
    if extra:
        problems.append(f"{name}: link annotations missing from gold: {sorted(extra)}")
    return problems


def main() -> int:
    problems = []
    golds = sorted((HERE / "gold").glob("*.json"))
    pdfs = {p.name for p in (HERE / "pdfs").glob("*.pdf")}
    for g in golds:
        d = json.loads(g.read_text(encoding="utf-8"))
        name = g.stem
        if set(d) != KEYS:
            problems.append(f"{name}: keys differ: {set(d) ^ KEYS}")
        if d["source"] != name + ".pdf" or d["source"] not in pdfs:
            problems.append(f"{name}: source {d['source']} has no PDF")
            continue
        text, flat, annots = pdf_text(HERE / "pdfs" / d["source"])
        if "\ufffd" in text:
            problems.append(f"{name}: replacement character in text")
        problems += check_values(name, d, flat)
        problems += check_links(name, d, text, flat, annots)
        print(f"{name}: checked ({len(annots)} link annotations)")
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(golds)} gold files, {len(pdfs)} PDFs, {len(problems)} problems")
    return 1 if problems or len(golds) != len(pdfs) else 0


if __name__ == "__main__":
    sys.exit(main())
