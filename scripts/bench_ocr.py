"""The OCR part of the benchmark (scripts/bench.py, or alone: `python scripts/bench_ocr.py [--docs 8]`).

* OCR pages/s per worker: office-scanner copies (tests/scans.py) of the first --docs documents of
  ../shared/corpus/synth through `acta run` with 1 and 2 workers;
* what the text-quality check costs a text page: on the synthetic corpus's text PDFs, the seconds of
  pipeline.extract.ocr_pages.layer_quality against those of reading and laying out the pages, as a
  share (the issue's bar: under 5 %).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT.parent / "shared" / "corpus" / "synth"
sys.path.insert(0, str(ROOT / "tests"))


def quality_cost(files: list[Path], engine: str) -> tuple[float, float, int]:
    """Seconds reading and laying out the pages with `engine`, seconds measuring them, pages."""
    import importlib

    from pipeline.extract import ENGINES, layout
    from pipeline.extract.ocr_pages import layer_quality

    open_pages = importlib.import_module(ENGINES[engine]).open_pages

    read = measure = 0.0
    pages = 0
    for path in files:
        start = time.perf_counter()
        _, iterator = open_pages(str(path))
        raw = list(iterator)
        laid = layout.assemble(raw)
        middle = time.perf_counter()
        for r, p in zip(raw, laid, strict=True):
            layer_quality(r, p)
        read += middle - start
        measure += time.perf_counter() - middle
        pages += len(raw)
    return read, measure, pages


def ocr_rate(folder: Path, tmp: Path, workers: int) -> tuple[float, int]:
    """Seconds of `acta run` over the scans with `workers`, and the pages it OCRed."""
    from pipeline.analyst.query import query
    from pipeline.batch.run import run

    out = tmp / f"scans-out-{workers}"
    start = time.perf_counter()
    run(folder, out, workers=workers)
    seconds = time.perf_counter() - start
    pages = int(query("SELECT count(*) AS n FROM pages WHERE text_source = 'ocr'", out)["n"][0])
    return seconds, pages


def report(docs: int, tmp: Path) -> None:
    """Print the OCR figures (skipped, with the reason, where Tesseract is not installed)."""
    from pipeline.extract.ocr import unavailable

    files = sorted(SYNTH.glob("*.pdf"))
    print(f"\ntext-quality check on {len(files)} text documents (the shared synthetic corpus):")
    for engine in ("pdfplumber", "pdfium"):
        read, measure, pages = quality_cost(files, engine)
        print(
            f"  {engine}: {pages} pages read and laid out in {read:.2f} s, measured in {measure:.3f} s: "
            f"{100 * measure / read:.1f} % of the extraction (less of a page's whole time)"
        )
    off = unavailable()
    if off is not None:
        print(f"OCR not measured: {off}")
        return
    from scans import scanned

    folder = tmp / "scans"
    folder.mkdir(parents=True, exist_ok=True)
    for seed, path in enumerate(files[:docs]):
        (folder / path.name).write_bytes(scanned(path, seed=seed))
    print(f"OCR: office-scanner copies of {docs} synthetic documents")
    for workers in (1, 2):
        seconds, ocred = ocr_rate(folder, tmp, workers)
        rate = ocred / seconds
        print(
            f"  acta --workers {workers}: {ocred} pages OCRed in {seconds:.1f} s, {rate:.2f} pages/s, "
            f"{rate / workers:.2f} pages/s per worker"
        )


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=8, help="scanned documents timed; default 8")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="acta-bench-ocr-") as tmp:
        report(args.docs, Path(tmp))


if __name__ == "__main__":
    main()
