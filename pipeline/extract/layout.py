"""Engine-neutral layout: glyphs -> lines -> body, running headers, footnotes.

An engine (pdfplumber, PDFium) only has to say where each glyph or glyph run sits and in which
font; everything that rests on how documents are typeset lives here, once:
lines are glyphs that share a baseline; a superscript is smaller and raised; a running header is
text that comes back at the same place on other pages; a footnote is small type at the bottom of a
page that starts with a mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from pipeline.document import BBox, Footnote, Line, Link, Page
from pipeline.extract.columns import Columns

CELL_GAP = 2.5  # a gap wider than this many font sizes separates table cells, not words
HEADER_BAND = 0.13  # share of the page height at the top and bottom where running text may sit
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
LIGATURE = re.compile("[" + "".join(map(chr, LIGATURES)) + "]")  # translate() is slow on non-ASCII text
CID = re.compile(r"\(cid:\d+\)")
PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:(?:page|página|pág\.?|pagina|p\.)\s*\d{1,4}|\d{1,3}|[ivxl]{1,6})(?:\s*(?:of|de|sur|/)\s*\d{1,4})?[\s\-–—]*$",
    re.IGNORECASE,
)
SYMBOL_LIKE = re.compile(r"[A-Z][\w.]*(?:/[\w. -]+)+\d\S*")  # a document symbol alone on a line
SYMBOL_TOKEN = re.compile(r"\b[A-Z]{2,}[A-Za-z.]*/[\w./-]*\d[\w./-]*")
FOOTNOTE_START = re.compile(r"^(\d{1,3}/?|[*†‡]+)(?=\s|[A-ZÀ-Ý\"“(])\s*")
SPACES = re.compile(r"\s+")
BLANKS = re.compile(r"[ \t\u00a0]+")
DIGITS = re.compile(r"\d+")
MARK_CHARS = frozenset("*†‡/")
BY_X0 = attrgetter("x0")  # sort keys in C: layout sorts every row of every page
BY_TOP_X0 = attrgetter("top", "x0")


class Glyph(NamedTuple):
    """A character, or a run of characters in one font, as an engine reports it.

    Layout weighs glyphs by their number of characters wherever it counts or votes, so a run and the
    characters it is made of come out the same. A tuple, not a dataclass: an engine makes one per
    character on every page, and a tuple is made in half the time."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str
    size: float


@dataclass
class RawPage:
    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[BBox]  # horizontal strokes (underlines, separators)
    links: list[tuple[str, BBox]]  # link annotations: URI and the box they cover
    images: int = 0  # pictures on the page: a page of images and no glyphs is a scan


@cache
def is_bold(font: str) -> bool:
    f = font.lower()
    return any(k in f for k in ("bold", "black", "heavy", "semibold", "demi")) or f.endswith(",b")


@cache
def is_italic(font: str) -> bool:
    f = font.lower()
    return "italic" in f or "oblique" in f or f.endswith(("-it", ",i", "-bi"))


def _weight(g: Glyph) -> int:
    """How many characters a glyph stands for in counts and votes: a "(cid:N)" placeholder is one."""
    return len(g.text) if "(cid:" not in g.text else len(CID.sub("•", g.text))


def clean_text(text: str) -> str:
    if text.isascii():  # no ligature, soft hyphen or decomposed accent can be there: most lines
        return CID.sub("•", text) if "(cid:" in text else text
    if LIGATURE.search(text):
        text = text.translate(LIGATURES)
    text = CID.sub("•", text) if "(cid:" in text else text
    return unicodedata.normalize("NFC", text.replace("\u00ad", ""))


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
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


def _spans(row: list[Glyph]) -> list[tuple[float, float]]:
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


def _gutter(rows: list[list[Glyph]], width: float) -> float | None:
    """x of the white band between two columns, if the page has two: few rows cross it, and many
    rows carry text on both sides of it."""
    spans = [_spans(r) for r in rows]
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


def _reading_order(rows: list[list[Glyph]], gutter: float) -> list[list[Glyph]]:
    """Rows that cross the gutter are read whole where they stand; between them, the left column's
    rows come before the right column's."""
    ordered: list[list[Glyph]] = []
    left: list[Glyph] = []
    right: list[Glyph] = []

    def flush() -> None:
        ordered.extend(_group_lines(left))
        ordered.extend(_group_lines(right))
        left.clear()
        right.clear()

    for row in rows:
        if any(a < gutter < b for a, b in _spans(row)):
            flush()
            ordered.append(row)
        else:
            for g in row:
                (left if g.x1 <= gutter else right).append(g)
    flush()
    return ordered


def _group_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
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
            sizes[key] = sizes.get(key, 0) + _weight(g)
    if not sizes:
        return None
    size = max(sizes, key=sizes.__getitem__)  # the first of the most common, as most_common(1)
    baselines: dict[float, int] = {}
    for g, key in zip(row, rounded, strict=True):
        if key == size:
            at = round(g.bottom, 0)
            baselines[at] = baselines.get(at, 0) + _weight(g)
    return size, max(baselines, key=baselines.__getitem__)


def _make_line(row: list[Glyph], page: int, rules: list[BBox]) -> Line | None:  # noqa: C901 - a hot loop
    # plain dicts rather than Counters, and the box gathered in the one pass over the glyphs: a page
    # has hundreds of lines, most of them one glyph run, so the cost is per line, not per glyph
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
            fonts[g.font] = fonts.get(g.font, 0) + _weight(g)
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


def page_lines(raw: RawPage, table: Columns | None = None) -> list[Line]:
    """All lines of a page in reading order (one column, or column by column between full-width rows);
    with `table`, the rows of a programme table cut into cells by its columns (pipeline.extract.columns),
    a table going on from the page before included."""
    glyphs = _dedupe([g for g in raw.glyphs if g.text])
    rows = _group_lines(glyphs)
    gutter = _gutter(rows, raw.width)
    if gutter is not None:
        rows = _reading_order(rows, gutter)
    lines: list[Line] = []
    for row in rows:
        line = _make_line(row, raw.number, raw.rules)
        if line is not None and table is not None and (table.starts or line.cells):
            line = table.cut(line, row, _make_line, _in_band(line, raw.height))
        if line is not None:
            lines.append(line)
    return lines


def _shape(text: str) -> str:
    """Text with numbers blanked, so 'Page 2 of 5' and 'Page 3 of 5' look the same."""
    return DIGITS.sub("#", text.casefold()).strip()


def _in_band(line: Line, height: float) -> bool:
    return line.top < height * HEADER_BAND or line.bottom > height * (1 - HEADER_BAND)


def assemble(raw_pages: list[RawPage]) -> list[Page]:
    """Lines per page, with running headers/footers, page numbers and footnotes set apart."""
    table = Columns()
    per_page = [page_lines(raw, table) for raw in raw_pages]
    # each line's shape and whether it stands in a band, worked out once
    line_shapes = [[_shape(ln.text) for ln in lines] for lines in per_page]
    in_band = [
        [_in_band(ln, raw.height) for ln in lines] for raw, lines in zip(raw_pages, per_page, strict=True)
    ]
    shapes: Counter[str] = Counter()  # pages where a text stands in the top or bottom band
    anywhere: Counter[str] = Counter()  # pages where it stands at all (a cover page prints the symbol lower)
    for page_shapes, bands in zip(line_shapes, in_band, strict=True):
        shapes.update({s for s, band in zip(page_shapes, bands, strict=True) if band})
        anywhere.update(set(page_shapes))
    repeat = max(2, min(3, (len(raw_pages) + 1) // 2))
    all_sizes: Counter[float] = Counter()
    for lines in per_page:
        for ln in lines:
            all_sizes[ln.size] += len(ln.text)
    body_size = all_sizes.most_common(1)[0][0] if all_sizes else 11.0

    own = _cover_symbols(per_page[0], raw_pages[0].height) if per_page else set()
    pages = []
    for raw, lines, page_shapes, bands in zip(raw_pages, per_page, line_shapes, in_band, strict=True):
        header, body = [], []
        for ln, shape, band in zip(lines, page_shapes, bands, strict=True):
            if band and (
                PAGE_NUMBER.match(ln.text)
                or (len(raw_pages) > 1 and shapes[shape] >= repeat)
                or (anywhere[shape] >= 2 and SYMBOL_LIKE.fullmatch(ln.text.strip()))
                or (raw.number > 1 and _repeats_own_symbol(ln.text, own))
            ):
                header.append(ln)
            else:
                body.append(ln)
        body, notes = _split_footnotes(body, body_size, raw.height)
        pages.append(
            Page(
                number=raw.number,
                width=raw.width,
                height=raw.height,
                lines=body,
                header=header,
                footnotes=notes,
                links=_links(raw),
            )
        )
    return pages


def _cover_symbols(lines: list[Line], height: float) -> set[str]:
    """Symbol-like words in the top third of page 1: where a document prints its own symbol."""
    return {m.group(0) for ln in lines if ln.top < height / 3 for m in SYMBOL_TOKEN.finditer(ln.text)}


def _repeats_own_symbol(text: str, own: set[str]) -> bool:
    """A short line at a page edge that repeats the own symbol
    ("OEA/Ser.G CP/CAJP/SA.698/18 28 July 2018")."""
    return len(text.split()) <= 12 and any(m.group(0) in own for m in SYMBOL_TOKEN.finditer(text))


def _split_footnotes(lines: list[Line], body_size: float, height: float) -> tuple[list[Line], list[Footnote]]:
    """Small type at the page bottom, starting with a mark, is the page's footnotes."""
    i = len(lines)
    while i > 0 and lines[i - 1].size < body_size * 0.92 and lines[i - 1].top > height * 0.45:
        i -= 1
    block = lines[i:]
    while block and not (FOOTNOTE_START.match(block[0].text) or block[0].marks):
        block = block[1:]
        i += 1
    if not block:
        return lines, []
    notes: list[Footnote] = []
    current: list[Line] = []
    mark = ""
    for ln in block:
        m = FOOTNOTE_START.match(ln.text)
        lead_mark = ln.marks[0] if ln.marks and abs(ln.x0 - block[0].x0) < 15 else None
        if m or (lead_mark and not current):
            if current:
                notes.append(_footnote(mark, current))
            mark = m.group(1).rstrip("/") if m else (lead_mark or "")
            current = [ln]
        else:
            current.append(ln)
    if current:
        notes.append(_footnote(mark, current))
    return lines[:i], notes


def _footnote(mark: str, lines: list[Line]) -> Footnote:
    from pipeline.document import join_lines

    first = FOOTNOTE_START.sub("", lines[0].text, count=1)
    text = join_lines([first] + [ln.text for ln in lines[1:]])
    box = (
        min(ln.x0 for ln in lines),
        min(ln.top for ln in lines),
        max(ln.x1 for ln in lines),
        max(ln.bottom for ln in lines),
    )
    return Footnote(mark=mark, text=text, page=lines[0].page, bbox=box)


def _links(raw: RawPage) -> list[Link]:
    out = []
    ordered = sorted(raw.glyphs, key=lambda g: (round(g.top), g.x0)) if raw.links else []
    for uri, box in raw.links:
        under = [
            g.text
            for g in ordered
            if g.x0 >= box[0] - 1 and g.x1 <= box[2] + 1 and g.top >= box[1] - 2 and g.bottom <= box[3] + 2
        ]
        label = SPACES.sub(" ", clean_text("".join(under))).strip() or None
        out.append(Link(url=uri.strip(), label=label, page=raw.number, bbox=box))
    return out
