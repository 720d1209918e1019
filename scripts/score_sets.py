"""acta on every gold set at once, scored field by field: `python scripts/score_sets.py OUT_ROOT`.

The sets: the shared synthetic corpus, the shared real dev gold, our gold for more of the shared real
records (tests/real_gold) and our unseen set (tests/unseen). Each is run into OUT_ROOT/<set> with the
`pipeline` this interpreter imports (set PYTHONPATH to score another checkout), then scored with the
corpus's own scorer; one table, a column per set, so a change's effect on each is read in one place.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SETS = {  # name: (PDF folder, gold folder)
    "synth": (SHARED / "synth", SHARED / "synth" / "gold"),
    "real dev": (SHARED / "real", SHARED / "real" / "gold"),
    "real ours": (SHARED / "real", ROOT / "tests" / "real_gold"),
    "unseen": (ROOT / "tests" / "unseen" / "pdfs", ROOT / "tests" / "unseen" / "gold"),
}


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(pdfs: Path, out: Path, engine: str) -> None:
    command = [sys.executable, "-m", "pipeline.cli", "run", str(pdfs), "--out-dir", str(out)]
    subprocess.run([*command, "--engine", engine, "--quiet"], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_root", type=Path)
    parser.add_argument("--engine", default="pdfplumber")
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    args = parser.parse_args()
    score = scorer().score
    results = {}
    for name in args.sets:
        pdfs, gold = SETS[name]
        out = args.out_root / pdfs.relative_to(pdfs.parents[1]).as_posix().replace("/", "_")
        if not (out / "documents.parquet").exists():
            run(pdfs, out, args.engine)
        results[name] = score(out, gold)
    fields = list(dict.fromkeys(f for r in results.values() for f in r["fields"]))
    print(f"{'field':<22}" + "".join(f"{name:>11}" for name in results))
    for field in fields:
        cells = [r["fields"].get(field) for r in results.values()]
        print(f"{field:<22}" + "".join(f"{c['f1']:>11.3f}" if c else f"{'':>11}" for c in cells))
    print(f"{'overall':<22}" + "".join(f"{r['overall_f1']:>11.3f}" for r in results.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
