"""Two-column pages: where the gutter runs, and the reading order it gives (column by column between
the rows that cross it)."""

from __future__ import annotations

from itertools import accumulate

from pipeline.extract.layout.glyphs import Glyph
from pipeline.extract.layout.lines import BY_X0, group_lines


def text_spans(row: list[Glyph]) -> list[tuple[float, float]]:
    """The stretches of a row that carry text: glyphs closer than a font size apart are one stretch."""
    out: list[tuple[float, float]] = []
    for g in sorted(row, key=BY_X0):
        if not g.text.strip():
            continue
        if out and g.x0 - out[-1][1] < max(g.size, 4.0):
            out[-1] = (out[-1][0], max(out[-1][1], g.x1))
        else:
            out.append((g.x0, g.x1))
    return out


def find_gutter(rows: list[list[Glyph]], width: float) -> float | None:
    """x of the white band between two columns, if the page has two: few rows cross it, and many
    rows carry text on both sides of it."""
    spans = [text_spans(r) for r in rows]
    spans = [s for s in spans if s]
    if len(spans) < 12:
        return None
    # rows crossing each point: +1 where a span starts, -1 after it ends, summed left to right (a loop
    # over every point of every span cost a millisecond a page)
    steps = [0] * (int(width) + 3)
    for row in spans:
        for a, b in row:
            start, end = max(0, int(a)), min(int(width) + 1, int(b) + 1)
            if end > start:
                steps[start] += 1
                steps[end] -= 1
    crossing = list(accumulate(steps))
    lo, hi = int(width * 0.35), int(width * 0.65)
    # of the points crossed by the fewest rows, the one nearest the middle (the first of equals)
    fewest = min(crossing[lo : hi + 1])
    x = min((x for x in range(lo, hi + 1) if crossing[x] == fewest), key=lambda x: abs(x - width / 2))
    both = sum(1 for row in spans if any(b < x for _, b in row) and any(a > x for a, _ in row))
    if crossing[x] > 0.2 * len(spans) or both < 0.4 * len(spans):
        return None
    return float(x)


def reading_order(rows: list[list[Glyph]], gutter: float) -> list[list[Glyph]]:
    """Rows that cross the gutter are read whole where they stand; between them, the left column's
    rows come before the right column's."""
    ordered: list[list[Glyph]] = []
    left: list[Glyph] = []
    right: list[Glyph] = []

    def flush() -> None:
        ordered.extend(group_lines(left))
        ordered.extend(group_lines(right))
        left.clear()
        right.clear()

    for row in rows:
        if any(a < gutter < b for a, b in text_spans(row)):
            flush()
            ordered.append(row)
        else:
            for g in row:
                (left if g.x1 <= gutter else right).append(g)
    flush()
    return ordered
