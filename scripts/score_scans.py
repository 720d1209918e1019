"""Scanned copies of the shared synthetic corpus, scored against the text versions field by field.

    python scripts/score_scans.py OUT [--per-language 5] [--workers 2]

Takes the first N synthetic documents of each language, makes an office-scanner copy of each
(tests/scans.py: rendered, grey, turned a little, blurred, JPEG 70, no text layer), runs acta on the
text versions and on the scans, and prints the corpus scorer's F1 per field for both, the difference,
and the OCR figures (pages OCRed, seconds per OCR page per worker). Exits 1 when the scans' overall
F1 is under 0.90 or a field falls more than 0.08 below the text versions: the issue's bar.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT.parent / "shared" / "corpus" / "synth"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))


def chosen(per_language: int) -> list[str]:
    """The first `per_language` documents of each language in the corpus manifest."""
    with open(SYNTH / "manifest.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names: list[str] = []
    for lang in sorted({r["language"] for r in rows}):
        names += [r["source"] for r in rows if r["language"] == lang][:per_language]
    return names


def prepare(out: Path, names: list[str]) -> tuple[Path, Path, Path]:
    """OUT/text (copies of the PDFs), OUT/scans (their scanned copies) and OUT/gold (their gold)."""
    from scans import scanned

    text, scans, gold = out / "text", out / "scans", out / "gold"
    for folder in (text, scans, gold):
        folder.mkdir(parents=True, exist_ok=True)
    for seed, name in enumerate(names):
        if not (text / name).exists():
            shutil.copy(SYNTH / name, text / name)
        if not (scans / name).exists():
            (scans / name).write_bytes(scanned(SYNTH / name, seed=seed))
        shutil.copy(SYNTH / "gold" / name.replace(".pdf", ".json"), gold)
    return text, scans, gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-language", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from score_sets import scorer

    from pipeline.analyst.query import query
    from pipeline.batch.run import run

    text, scans, gold = prepare(args.out, chosen(args.per_language))
    score = scorer().score
    results, seconds = {}, {}
    for name, pdfs in (("text", text), ("scanned", scans)):
        started = time.monotonic()
        run(pdfs, args.out / f"{name}_out", workers=args.workers)
        seconds[name] = time.monotonic() - started
        results[name] = score(args.out / f"{name}_out", gold)
    pages = query("SELECT count(*) AS n FROM pages WHERE text_source = 'ocr'", args.out / "scanned_out")
    ocr_pages = int(pages["n"][0])
    print(f"{'field':<22}{'text':>9}{'scanned':>9}{'diff':>8}")
    worst = 0.0
    for field, cell in results["text"]["fields"].items():
        other = results["scanned"]["fields"].get(field)
        if other is None:
            continue
        worst = max(worst, cell["f1"] - other["f1"])
        print(f"{field:<22}{cell['f1']:>9.3f}{other['f1']:>9.3f}{other['f1'] - cell['f1']:>+8.3f}")
    overall = results["scanned"]["overall_f1"]
    print(f"{'overall':<22}{results['text']['overall_f1']:>9.3f}{overall:>9.3f}")
    per_page = seconds["scanned"] * args.workers / max(1, ocr_pages)
    print(
        f"{len(list(scans.glob('*.pdf')))} documents, {ocr_pages} pages OCRed in {seconds['scanned']:.0f} s "
        f"with {args.workers} workers: {per_page:.1f} s per page per worker"
    )
    return 0 if overall >= 0.90 and worst <= 0.08 else 1


if __name__ == "__main__":
    sys.exit(main())
