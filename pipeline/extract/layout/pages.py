"""A document's pages: each page's lines in reading order, then what stands apart from the body (running
headers and footers, page numbers, the own symbol repeated at a page edge, footnotes).

A running header is text that comes back at the same place on other pages, so it is decided over
the whole document, once every page's lines are known.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.document import Footnote, Line, Link, Page
from pipeline.extract.layout.columns import find_gutter, reading_order
from pipeline.extract.layout.footnotes import split_footnotes
from pipeline.extract.layout.glyphs import RawPage
from pipeline.extract.layout.hidden import split_hidden
from pipeline.extract.layout.lines import dedupe, group_lines, make_line
from pipeline.extract.layout.links import page_links
from pipeline.extract.layout.table import Columns

HEADER_BAND = 0.13  # share of the page height at the top and bottom where running text may sit
PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:(?:page|página|pág\.?|pagina|p\.)\s*\d{1,4}|\d{1,3}|[ivxl]{1,6})(?:\s*(?:of|de|sur|/)\s*\d{1,4})?[\s\-–—]*$",
    re.IGNORECASE,
)
SYMBOL_LIKE = re.compile(r"[A-Z][\w.]*(?:/[\w. -]+)+\d\S*")  # a document symbol alone on a line
SYMBOL_TOKEN = re.compile(r"\b[A-Z]{2,}[A-Za-z.]*/[\w./-]*\d[\w./-]*")
DIGITS = re.compile(r"\d+")


def page_lines(raw: RawPage, table: Columns | None = None) -> list[Line]:
    """All lines of a page in reading order (one column, or column by column between full-width rows);
    with `table`, the rows of a programme table cut into cells by its columns (layout.table), a table
    going on from the page before included."""
    glyphs = dedupe([g for g in raw.glyphs if g.text])
    rows = group_lines(glyphs)
    gutter = find_gutter(rows, raw.width)
    if gutter is not None:
        rows = reading_order(rows, gutter)
    lines: list[Line] = []
    for row in rows:
        line = make_line(row, raw.number, raw.rules)
        if line is not None and table is not None and (table.starts or line.cells):
            line = table.cut(line, row, make_line, _in_band(line, raw.height))
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
    split = [split_hidden(raw) for raw in raw_pages]  # text no reader sees is kept out first
    raw_pages, hidden = [raw for raw, _ in split], [kept_out for _, kept_out in split]
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
    for raw, lines, page_shapes, bands, kept_out in zip(
        raw_pages, per_page, line_shapes, in_band, hidden, strict=True
    ):
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
        body, notes = _footnotes(raw, body, body_size)
        pages.append(
            Page(
                number=raw.number,
                width=raw.width,
                height=raw.height,
                lines=body,
                header=header,
                footnotes=notes,
                links=_links(raw),
                hidden=kept_out,
            )
        )
    return pages


def _footnotes(raw: RawPage, body: list[Line], body_size: float) -> tuple[list[Line], list[Footnote]]:
    """The page's footnotes set apart; a page where that fails keeps its lines as body, and says so
    (raw.lost): a footnote must never cost the page, let alone the document."""
    try:
        return split_footnotes(body, body_size, raw.height)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - an auxiliary layer: lost for this page, recorded
        raw.lost.append("footnotes")
        return body, []


def _links(raw: RawPage) -> list[Link]:
    """The page's links labelled; a page where that fails has none, and says so (raw.lost)."""
    try:
        return page_links(raw)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - an auxiliary layer: lost for this page, recorded
        raw.lost.append("links")
        return []


def _cover_symbols(lines: list[Line], height: float) -> set[str]:
    """Symbol-like words in the top third of page 1: where a document prints its own symbol."""
    return {m.group(0) for ln in lines if ln.top < height / 3 for m in SYMBOL_TOKEN.finditer(ln.text)}


def _repeats_own_symbol(text: str, own: set[str]) -> bool:
    """A short line at a page edge that repeats the own symbol
    ("OEA/Ser.G CP/CAJP/SA.698/18 28 July 2018")."""
    return len(text.split()) <= 12 and any(m.group(0) in own for m in SYMBOL_TOKEN.finditer(text))
