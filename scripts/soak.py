"""Soak: a thousand damaged PDFs through `acta run --workers 2`, watched from outside.

Usage: .venv/bin/python scripts/soak.py [--count 1000] [--workers 2] [--timeout 120] [--memory 1024]

The inputs are one file of each hostile kind in tests/hostile.py (a decompression bomb, a 1,000-page
compilation, a loop of references, a page too slow to read, encrypted, scanned, ...) and, for the
rest, mutations of the samples in data/raw (truncations, flipped bytes, deleted and repeated blocks,
digits changed), some under names with spaces, accents or a newline. acta runs as a subprocess, as a
user runs it; this script only watches: every 0.1 s it reads /proc for the memory of the whole process
tree and for which input file each process holds open, so a worker that holds a file past the time
limit is a hang whatever acta itself reports. Then it reads the documents table and prints inputs,
rows, statuses, crashes, hangs, peak memory and the distinct error messages (numbers normalized).

The time limit is acta's default. The memory limit is per worker; --memory 1024 (acta's default is
2048) keeps two workers, the parent and the fork server under 1.5 GB together even while a bomb fills
a worker to its limit. The exit status is 0 when every check holds. Not part of `make test`: it
takes about ten minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import Hostile, hostile_set, mutants  # noqa: E402

from pipeline.extract.errors import documented  # noqa: E402

ODD_NAMES = ["with spaces {n}.pdf", "résumé – sesión {n}.pdf", "two\nlines {n}.pdf", "UPPER {n}.PDF"]
GRACE = 5.0  # seconds past the time limit that a kill (polled every 0.5 s) may take


def make_inputs(folder: Path, count: int, seed: int) -> tuple[dict[str, str], dict[str, Hostile]]:
    """Write the inputs; their names mapped to what each one is, and the hostile ones by name (what
    acta must answer for each)."""
    kinds = {}
    expected = {}
    for h in hostile_set():
        (folder / h.name).write_bytes(h.data)
        kinds[h.name] = "hostile"
        expected[h.name] = h
    for n, data in zip(range(count - len(kinds)), mutants(seed), strict=False):
        name = ODD_NAMES[n // 50 % 4].format(n=n) if n % 50 == 0 else f"mutant_{n:04d}.pdf"
        (folder / name).write_bytes(data)
        kinds[name] = "mutant"
    return kinds, expected


def unexpected(rows: list[dict[str, Any]], expected: dict[str, Hostile]) -> list[str]:
    """Hostile inputs whose row has another status, or an error that does not start as it must (a
    loop of references held to the time limit instead of refused shows here). A slow input's answer
    depends on the time limit and the machine (the slow page takes 30 to 50 s), so it is left out:
    the hang check holds it to the limit."""
    wrong = []
    for row in rows:
        h = expected.get(row["source_path"])
        if h is None or (h.error or "").startswith("timed out"):
            continue
        if (h.status is not None and row["status"] != h.status) or (
            h.error is not None and not (row["error"] or "").startswith(h.error)
        ):
            wrong.append(f"{h.name}: {row['status']} {row['error']!r}, expected {h.status} {h.error!r}")
    return wrong


def _tree(root: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _held(pid: int, folder: str) -> set[str]:
    """The input files a process has open."""
    held = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith(folder):
                held.add(target)
    except OSError:
        pass
    return held


class Watch(threading.Thread):
    """Samples a process tree: the peak of its summed RSS, and how long each process held each input."""

    def __init__(self, pid: int, folder: Path) -> None:
        super().__init__(daemon=True)
        self.pid, self.folder = pid, str(folder) + "/"
        self.peak_kb = 0  # the whole tree at once
        self.largest_kb = 0  # one process
        self.holds: dict[tuple[int, str], list[float]] = {}  # (pid, file) -> [first seen, last seen]
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            now = time.monotonic()
            pids = _tree(self.pid)
            rss = [_rss_kb(p) for p in pids]
            self.peak_kb = max(self.peak_kb, sum(rss))
            self.largest_kb = max(self.largest_kb, *rss)
            for pid in pids:
                for path in _held(pid, self.folder):
                    self.holds.setdefault((pid, path), [now, now])[1] = now
            time.sleep(0.1)

    def longest(self) -> tuple[float, str]:
        if not self.holds:
            return 0.0, ""
        (_, path), (first, last) = max(self.holds.items(), key=lambda kv: kv[1][1] - kv[1][0])
        return last - first, os.path.basename(path)


def normalize(error: str) -> str:
    """One line per kind of message: numbers as N, a non-PDF's first bytes as …"""
    error = re.sub(r"(the file starts with ).*", r"\1…", error, flags=re.DOTALL)
    return re.sub(r"\d+", "N", error)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--memory", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peak-limit-gb", type=float, default=1.5)
    args = parser.parse_args()

    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory(prefix="acta-soak-") as tmp:
        base = Path(tmp)
        src, out, cwd = base / "in", base / "out", base / "cwd"
        for d in (src, cwd):
            d.mkdir()
        kinds, expected = make_inputs(src, args.count, args.seed)
        before = sorted(os.listdir(src))
        cmd = [sys.executable, "-m", "pipeline.cli", "run", str(src), "--out-dir", str(out), "--quiet"]
        cmd += ["--workers", str(args.workers), "--timeout", f"{args.timeout:g}"]
        cmd += ["--memory", str(args.memory)]
        hostile = sum(k == "hostile" for k in kinds.values())
        print(f"soak: {len(kinds)} inputs ({hostile} hostile kinds, {len(kinds) - hostile} mutated samples)")
        print("  $ acta " + " ".join(cmd[3:]).replace(tmp, "$TMP"), flush=True)
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watch = Watch(proc.pid, src)
        watch.start()
        stdout, stderr = proc.communicate()
        watch.done.set()
        watch.join()
        seconds = time.monotonic() - start

        rows = pq.read_table(out / "documents.parquet").to_pylist() if proc.returncode == 0 else []
        names = Counter(r["source_path"] for r in rows)
        statuses = Counter(r["status"] for r in rows)
        errors = [r["error"] for r in rows if r["error"]]
        crashed = [r for r in rows if (r["error"] or "").startswith("parser crashed")]
        timeouts = [r for r in rows if (r["error"] or "").startswith("timed out")]
        undocumented = sorted({e for e in errors if not documented(e)})
        lost = sorted(set(kinds) - set(names))
        doubled = sorted(n for n, c in names.items() if c > 1)
        hold, held_file = watch.longest()
        hangs = sum(1 for first, last in watch.holds.values() if last - first > args.timeout + GRACE)
        # OUT/.acta is the run's own store (pipeline.batch.store): inside --out-dir, not stray
        stray = sorted(os.listdir(cwd)) + [
            f for f in sorted(os.listdir(out)) if f.startswith(".") and f != ".acta"
        ]
        wrong = unexpected(rows, expected)
        untouched = sorted(os.listdir(src)) == before

        summary = stdout.strip().splitlines()[0] if stdout.strip() else "(none)"
        gb = 1024**2
        print(f"acta: exit {proc.returncode} in {seconds:.0f} s; its summary: {summary}")
        print(f"rows: {len(kinds)} inputs -> {len(rows)} documents rows")
        print(f"  inputs without a row: {len(lost)}; with two: {len(doubled)}")
        print("statuses: " + ", ".join(f"{s} {statuses[s]}" for s in ("ok", "partial", "failed")))
        print(f"worker crashes: {len(crashed)}, each with its row; rows lost: {len(lost)}")
        print(f"timeouts (killed at the {args.timeout:g} s limit): {len(timeouts)}")
        for r in crashed + timeouts:
            print(f"  {r['source_path']!r}: {r['error']}")
        print(f"hangs past the limit: {hangs} (longest an input was held open: {hold:.1f} s, {held_file!r})")
        print(f"peak RSS of the whole process tree: {watch.peak_kb / gb:.2f} GB")
        print(f"  of its largest process: {watch.largest_kb / gb:.2f} GB")
        print(f"written outside --out-dir: {stray or 'nothing'}; input folder untouched: {untouched}")
        print(f"errors: {len(errors)}, {len(set(map(normalize, errors)))} distinct (numbers as N):")
        for error, n in Counter(map(normalize, errors)).most_common():
            print(f"  {n:5d}  {error!r}" if "\n" in error else f"  {n:5d}  {error}")
        print(f"undocumented errors: {undocumented or 0}")
        print(f"hostile inputs answered otherwise than tests/hostile.py says: {len(wrong)}")
        for line in wrong:
            print(f"  {line}")
        if stderr.strip():
            print("acta stderr (last lines):\n  " + "\n  ".join(stderr.strip().splitlines()[-10:]))
        ok = (
            proc.returncode == 0
            and not lost
            and not doubled
            and len(rows) == len(kinds)
            and hangs == 0
            and watch.peak_kb < args.peak_limit_gb * 1024**2
            and not undocumented
            and not wrong
            and not stray
            and untouched
        )
        print("verdict: " + ("PASS" if ok else "FAIL"))
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
