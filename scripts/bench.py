"""Benchmark: acta end to end against bare text extraction, on the same files, in one run.

    .venv/bin/python scripts/bench.py [--docs 500] [--seed 3] [--cache data/bench] [--no-real]

Builds once (then reuses, under --cache, which git ignores) an archive of synthetic records with
../shared/corpus/generate.py --engine reportlab, and prints, measured now on the first --docs of it:

* bare pdfplumber `extract_text` and bare pypdfium2 `get_text_range`, pages/s on one core;
* `acta run` end to end (a subprocess, as a user runs it: start-up, fork server, tables and all) for
  each engine with 1 and with 2 workers, pages/s and the ratio to bare pdfplumber; also pages/s once
  the workers are up (the fork server's one-off warm-up (spaCy, every language's patterns) taken out);
* a rerun with nothing changed, as a share of the full run;
* peak memory of acta (the parent, and parent + fork server + workers) at 100 and at 1,000 documents;
* OCR pages/s per worker on scanned copies of the shared synthetic records, and what the text-quality
  check costs a text page (scripts/bench_ocr.py; `--ocr-only` for these alone);

then the extraction and end-to-end figures again on the real records in ../shared/corpus/real/.
Wall-clock times on a shared machine move with its load, which is printed with the results.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_ocr  # noqa: E402 - the OCR figures, a script of their own beside this one

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ACTA = [sys.executable, "-m", "pipeline.cli"]


def archive(cache: Path, docs: int, seed: int) -> Path:
    """The cached archive, generated the first time (about 0.04 s per document)."""
    folder = cache / f"reportlab-n{docs}-s{seed}"
    if not (folder / "manifest.csv").exists():
        print(f"generating {docs} documents (seed {seed}) into {folder} ...", flush=True)
        command = [sys.executable, str(CORPUS / "generate.py"), "--out", str(folder), "--n", str(docs)]
        subprocess.run([*command, "--seed", str(seed), "--engine", "reportlab"], check=True)
    return folder


def subset(source: Path, count: int, dest: Path) -> Path:
    """The first `count` PDFs of `source`, hard-linked into `dest` (links out of a folder are not read)."""
    dest.mkdir(parents=True)
    for path in sorted(source.glob("*.pdf"))[:count]:
        try:
            os.link(path, dest / path.name)
        except OSError:
            shutil.copy2(path, dest / path.name)
    return dest


def page_count(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


def bare_pdfplumber(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of pdfplumber's own text extraction of every page."""
    import pdfplumber

    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    return time.perf_counter() - start, time.process_time() - cpu


def bare_pdfium(files: list[Path]) -> tuple[float, float]:
    import pypdfium2 as pdfium

    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            text_page = page.get_textpage()
            text_page.get_text_range()
            text_page.close()
            page.close()
        pdf.close()
    return time.perf_counter() - start, time.process_time() - cpu


@dataclass
class Run:
    seconds: float
    cpu: float  # CPU seconds of acta, its fork server and workers (what load on the machine cannot inflate)
    parent_mb: float  # peak resident memory of the acta process
    tree_mb: float  # peak of acta, its fork server and workers together


def warm_up() -> float:
    """Seconds the fork server spends importing acta and spaCy and building the patterns of every
    language before the first worker forks: once per run, whatever the size of the archive."""
    code = "import time; t = time.perf_counter(); import pipeline.batch.run, pipeline.batch.warm; "
    code += "print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(done.stdout)


def _tree(pid: int) -> list[int]:
    """The process and its descendants (/proc/PID/task/TID/children, cheap to read)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def _status(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float:
    """Seconds of CPU the process has used so far (user + system)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_acta(folder: Path, out: Path, engine: str, workers: int) -> Run:
    """`acta run` as a subprocess; its time and memory, watched from /proc."""
    command = [*ACTA, "run", str(folder), "--out-dir", str(out), "--engine", engine]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--workers", str(workers), "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    parent = tree = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        parent = max(parent, _status(proc.pid, "VmHWM:"))
        pids = _tree(proc.pid)
        tree = max(tree, sum(_status(p, "VmRSS:") for p in pids))
        for p in pids:
            cpu[p] = max(cpu.get(p, 0.0), _cpu(p))
        # watched often at first, so a run of a fifth of a second is not timed as three tenths
        time.sleep(min(0.1, 0.005 + (time.perf_counter() - start) / 50))
    seconds = time.perf_counter() - start
    _, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"acta run failed ({proc.returncode}):\n{stderr[-2000:]}")
    return Run(seconds, sum(cpu.values()), parent / 1024, tree / 1024)


def row(label: str, pages: int, seconds: float, base: float, cpu: float, cpu_base: float) -> str:
    """pages/s and its ratio to bare pdfplumber's, by the clock and by CPU time."""
    rate, per_cpu = pages / seconds, pages / cpu
    return (
        f"  {label:<34} {seconds:7.1f} s {rate:7.1f} pages/s {rate / base:6.2f}x"
        f" | {per_cpu:7.1f} pages/CPU-s {per_cpu / cpu_base:6.2f}x"
    )


def throughput(title: str, files_dir: Path, tmp: Path, rerun: bool, warm: float) -> None:
    files = sorted(files_dir.glob("*.pdf"))
    pages = page_count(files)
    print(f"\n{title}: {len(files)} documents, {pages} pages; load average {os.getloadavg()[0]:.1f}")
    print(f"  {'':<34} {'wall clock':>34}   {'CPU time (acta: every process)':>32}")
    wall, cpu = bare_pdfplumber(files)
    base, cpu_base = pages / wall, pages / cpu
    print(row("bare pdfplumber extract_text", pages, wall, base, cpu, cpu_base))
    wall, cpu = bare_pdfium(files)
    print(row("bare pypdfium2 get_text_range", pages, wall, base, cpu, cpu_base))
    for engine in ("pdfium", "pdfplumber"):
        for workers in (1, 2):
            out = tmp / f"{title}-{engine}-{workers}"
            run = measure_acta(files_dir, out, engine, workers)
            label = f"acta --engine {engine} --workers {workers}"
            print(row(label, pages, run.seconds, base, run.cpu, cpu_base))
            print(
                row("  the same after the warm-up", pages, run.seconds - warm, base, run.cpu - warm, cpu_base)
            )
            if rerun and engine == "pdfium" and workers == 2:
                again = measure_acta(files_dir, out, engine, workers)
                share = 100 * again.seconds / run.seconds
                label = "  rerun, nothing changed"
                print(f"  {label:<34} {again.seconds:7.1f} s = {share:.1f} % of the full run")


def memory(source: Path, tmp: Path) -> None:
    print("\npeak memory, acta --engine pdfium --workers 2 (MB resident)")
    for count in (100, 1000):
        folder = subset(source, count, tmp / f"memory-{count}")
        run = measure_acta(folder, tmp / f"memory-{count}-out", "pdfium", 2)
        mb = f"acta process {run.parent_mb:6.0f} MB, with workers {run.tree_mb:6.0f} MB"
        print(f"  {count:>5} documents: {mb}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="documents timed; default 500")
    parser.add_argument("--seed", type=int, default=3, help="generator seed; default 3")
    parser.add_argument("--cache", type=Path, default=ROOT / "data" / "bench", help="archive cache")
    parser.add_argument("--no-real", action="store_true", help="skip ../shared/corpus/real")
    parser.add_argument("--no-memory", action="store_true", help="skip the 100/1,000-document memory runs")
    parser.add_argument("--ocr-docs", type=int, default=8, help="scanned documents OCRed; 0: none")
    parser.add_argument("--ocr-only", action="store_true", help="only the OCR figures (scripts/bench_ocr.py)")
    args = parser.parse_args()
    if args.ocr_only:
        with tempfile.TemporaryDirectory(prefix="acta-bench-") as tmp_name:
            bench_ocr.report(args.ocr_docs, Path(tmp_name))
        return
    source = archive(args.cache, max(1000, args.docs), args.seed)
    warm = warm_up()
    print(f"acta benchmark; {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    print(f"one-off warm-up per run (imports, spaCy, patterns of 4 languages): {warm:.1f} s")
    with tempfile.TemporaryDirectory(prefix="acta-bench-") as tmp_name:
        tmp = Path(tmp_name)
        throughput("synthetic", subset(source, args.docs, tmp / "synthetic"), tmp, True, warm)
        if args.ocr_docs:
            bench_ocr.report(args.ocr_docs, tmp / "ocr")
        if not args.no_memory:
            memory(source, tmp)
        real = CORPUS / "real"
        if not args.no_real and real.is_dir():
            throughput("real", subset(real, 10_000, tmp / "real"), tmp, False, warm)


if __name__ == "__main__":
    main()
