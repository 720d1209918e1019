"""Glyphs -> rows -> lines: the two hottest loops of acta, run for every glyph and every line.

Glyphs whose vertical extents overlap share a row; a row becomes a Line with its size, baseline,
font, bold/italic/underline, raised footnote marks set apart and table cells found. Both loops are
written for speed: plain dicts, min() and max() spelt out, sort keys in C.
"""

from __future__ import annotations

import re
from operator import attrgetter

from pipeline.document import BBox, Line
from pipeline.extract.layout.glyphs import SPACES, Glyph, clean_text, is_bold, is_italic, weight

CELL_GAP = 2.5  # a gap wider than this many font sizes separates table cells, not words
BLANKS = re.compile(r"[ \t\u00a0]+")
MARK_CHARS = frozenset("*†‡/")
BY_X0 = attrgetter("x0")  # sort keys in C: layout sorts every row of every page
BY_TOP_X0 = attrgetter("top", "x0")


def dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop glyphs printed twice at (almost) the same place: the fake-bold trick."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for g in glyphs:
        key = (g.text, round(g.x0 * 2), round(g.top * 2))
        if key in seen:
            continue
        seen.add(key)
        out.append(g)
    return out


def group_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs whose vertical extents overlap enough share a line.

    Each row keeps its largest size so far: recomputing it per glyph made long rows quadratic. Every
    glyph of a page passes here, so min() and max() of two are written out (keeping the first of
    equals, as they do)."""
    rows: list[list[Glyph]] = []
    spans: list[tuple[float, float]] = []
    largest: list[float] = []
    for g in sorted(glyphs, key=BY_TOP_X0):
        g_top, g_bottom, g_size = g.top, g.bottom, g.size
        h = g_bottom - g_top
        h = 0.1 if h < 0.1 else h
        n = len(rows)
        for i in range(n - 1, n - 4 if n > 3 else -1, -1):
            top, bottom = spans[i]
            height = bottom - top
            overlap = (g_bottom if g_bottom < bottom else bottom) - (g_top if g_top > top else top)
            if overlap >= 0.4 * (height if height < h else h):
                rows[i].append(g)
                if g_size > largest[i]:
                    largest[i] = g_size
                if g_size >= largest[i] * 0.95:
                    spans[i] = (g_top if g_top < top else top, g_bottom if g_bottom > bottom else bottom)
                break
        else:
            rows.append([g])
            spans.append((g_top, g_bottom))
            largest.append(g_size)
    return rows


def _size_and_baseline(row: list[Glyph]) -> tuple[float, float] | None:
    """A row's size (the most common of its characters', to 0.1 pt) and baseline (the most common
    bottom, to the point, of the characters of that size); None for a row without ink."""
    if len(row) == 1:  # most rows: one glyph run
        g = row[0]
        size = round(g.size, 1)
        if not g.text.strip():
            return None
        if size == size:  # a NaN size equals no size: the count below finds it no baseline
            return size, round(g.bottom, 0)
    sizes: dict[float, int] = {}
    rounded = [round(g.size, 1) for g in row]
    for g, key in zip(row, rounded, strict=True):
        if g.text.strip():
            sizes[key] = sizes.get(key, 0) + weight(g)
    if not sizes:
        return None
    size = max(sizes, key=sizes.__getitem__)  # the first of the most common, as most_common(1)
    baselines: dict[float, int] = {}
    for g, key in zip(row, rounded, strict=True):
        if key == size:
            at = round(g.bottom, 0)
            baselines[at] = baselines.get(at, 0) + weight(g)
    return size, max(baselines, key=baselines.__getitem__)


def make_line(row: list[Glyph], page: int, rules: list[BBox]) -> Line | None:  # noqa: C901 - a hot loop
    """The row as a Line, or None for a row without ink.

    Plain dicts rather than Counters, and the box gathered in the one pass over the glyphs: a page
    has hundreds of lines, most of them one glyph run, so the cost is per line, not per glyph."""
    row.sort(key=BY_X0)
    found = _size_and_baseline(row)
    if found is None:
        return None
    size, baseline = found
    parts: list[str] = []
    marks: list[str] = []
    body: list[Glyph] = []
    prev: Glyph | None = None
    last_ink: Glyph | None = None
    cells: list[tuple[float, int]] = []  # where each table cell starts: x and offset in the text
    fonts: dict[str, int] = {}  # characters per font, of the glyphs with ink
    after_mark = False
    x0 = x1 = top = bottom = 0.0
    for g in row:
        t = g.text.strip()
        if (
            t
            and g.size < size * 0.9
            and g.bottom < baseline - 0.2 * size
            and all(c.isalnum() or c in MARK_CHARS for c in t)
        ):
            if after_mark:
                marks[-1] += t
            else:
                marks.append(t)
            if not body:  # a raised mark opening the line: a footnote's number, kept as text
                parts.append(t)
            after_mark = True
            continue
        if after_mark and not body:
            parts.append(" ")
        after_mark = False
        gap = g.x0 - prev.x1 if prev is not None else 0.0
        if gap > 0.18 * size and parts and not parts[-1].endswith(" ") and not g.text.startswith(" "):
            parts.append(" ")
        if t and last_ink is not None and g.x0 - last_ink.x1 > CELL_GAP * size:
            cells.append((g.x0, len("".join(parts))))  # a column of a table starts here
        parts.append(g.text)
        if not body:
            x0, top, x1, bottom = g.x0, g.top, g.x1, g.bottom
        else:  # min() and max() keep the first of equals: so do these
            if g.x0 < x0:
                x0 = g.x0
            if g.top < top:
                top = g.top
            if g.x1 > x1:
                x1 = g.x1
            if g.bottom > bottom:
                bottom = g.bottom
        body.append(g)
        prev = g
        if t:
            last_ink = g
            fonts[g.font] = fonts.get(g.font, 0) + weight(g)
    if not body:
        return None
    raw_text = "".join(parts)
    cell_texts: tuple[tuple[float, str], ...] = ()
    if cells:  # most lines are one cell, and need no cell texts
        cells.insert(0, (body[0].x0, 0))
        cell_texts = tuple(
            (round(x, 2), SPACES.sub(" ", clean_text(raw_text[a:b])).strip())
            for (x, a), (_, b) in zip(cells, cells[1:] + [(0.0, len(raw_text))], strict=True)
        )
    text = clean_text(raw_text)
    if "  " in text or "\t" in text or "\u00a0" in text:  # else every blank is one space already
        text = BLANKS.sub(" ", text)
    text = text.strip()
    if not text:
        return None
    font = max(fonts, key=fonts.__getitem__)  # the first of the most common, as most_common(1)
    if len(fonts) == 1:  # most lines: all of it in that font
        bold, italic = is_bold(font), is_italic(font)
    else:
        chars = sum(fonts.values())
        bold = sum(n for f, n in fonts.items() if is_bold(f)) >= 0.9 * chars
        italic = sum(n for f, n in fonts.items() if is_italic(f)) >= 0.9 * chars
    underline = bool(rules) and any(
        bottom - 2 <= r[1] <= bottom + 4 and r[0] <= x0 + 2 and r[2] >= x0 + 0.9 * (x1 - x0) for r in rules
    )
    return Line(
        text=text,
        page=page,
        x0=round(x0, 2),
        top=round(top, 2),
        x1=round(x1, 2),
        bottom=round(bottom, 2),
        size=size,
        font=font,
        bold=bold,
        italic=italic,
        underline=underline,
        marks=tuple(marks),
        cells=cell_texts if len(cell_texts) > 1 else (),
    )
