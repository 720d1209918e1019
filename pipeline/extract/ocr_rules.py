"""Horizontal rules found in a page image: what a text engine reads from the PDF's strokes.

An underlined heading, a footnote separator or a table border is ink in a scan, not a stroke, so
the OCR engine finds them here and reports them as RawPage.rules, which layout reads as it reads a
text layer's (an underline under a line makes it underlined). A rule is a long horizontal run of
ink: runs of RULE_PX or more pixels in one pixel row, joined with the runs that carry them on in
the next rows (a scan is turned a little, so a long rule steps down a row every few dozen pixels),
kept when the ink is thin for its length.
"""

from __future__ import annotations

from typing import Any

from pipeline.document import BBox

RULE_PX = 60  # a run of ink at least this long (0.2 inch at 300 dpi) is part of a rule, not a letter
RULE_LONG = 120  # a rule is at least this long in all
THICK = 6.0  # mean thickness in pixels above which long runs are a bar or a block, not a rule
STEP = 4  # pixel rows between two runs of one rule (the scan's tilt, the blur)
GAP = 12  # pixels across between two runs of one rule
TILT = 0.03  # rows a rule may step down per pixel across (1.7 degrees: more is not a scanner's tilt)


def find_rules(ink: Any, scale: float) -> list[BBox]:
    """The rules in a page's ink (a boolean array, True where dark), in points (`scale` per pixel)."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    rows_on, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # row-major order: the n-th end closes the n-th start
    long = (ends - starts) >= RULE_PX
    runs = sorted(zip(rows_on[long].tolist(), starts[long].tolist(), ends[long].tolist(), strict=True))
    rules = []
    for group in _join(runs):
        top, bottom = min(r[0] for r in group), max(r[0] for r in group)
        x0, x1 = min(r[1] for r in group), max(r[2] for r in group)
        ink_px = sum(r[2] - r[1] for r in group)
        thick = ink_px / (x1 - x0)
        if x1 - x0 >= RULE_LONG and thick <= THICK and bottom - top <= THICK + (x1 - x0) * TILT:
            left = min(r[0] for r in group if r[1] == x0)  # where it starts: a tilted line's text too
            rules.append((x0 * scale, left * scale, x1 * scale, (left + thick) * scale))
    return rules


def _join(runs: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Runs (row, start, end) grouped into rules: a run joins the group whose last run ends within
    STEP rows above it and overlaps or nearly touches it across."""
    groups: list[list[tuple[int, int, int]]] = []
    open_groups: list[list[tuple[int, int, int]]] = []
    for run in runs:
        row, start, end = run
        open_groups = [g for g in open_groups if row - g[-1][0] <= STEP]
        for group in open_groups:
            last = group[-1]
            if start <= last[2] + GAP and end >= last[1] - GAP:
                group.append(run)
                break
        else:
            group = [run]
            groups.append(group)
            open_groups.append(group)
    return groups
