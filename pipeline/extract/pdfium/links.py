"""Link annotations: each URI and the page box it covers, and the runs cut where a link box begins and
ends, so that layout labels a link with exactly the characters under it."""

from __future__ import annotations

import ctypes
import math
from bisect import bisect_left, bisect_right
from typing import Any

import pypdfium2.raw as c

from pipeline.extract.pdfium.geometry import Box, Matrix, page_box
from pipeline.extract.pdfium.text import Run, TextPage

Links = list[tuple[str, Box]]
NO_BAND = (-math.inf, math.inf)


def read_links(doc: Any, page: Any, to_page: Matrix) -> tuple[Links, bool]:
    """The page's URI link annotations, each with its box in page coordinates, and whether one was
    left out for a box that is not four numbers (PDFium reads it as empty, pdfminer cannot read it)."""
    out, broken = [], False
    position, link = ctypes.c_int(0), c.FPDF_LINK()
    while c.FPDFLink_Enumerate(page, position, link):
        action = c.FPDFLink_GetAction(link)
        if not action or c.FPDFAction_GetType(action) != c.PDFACTION_URI:
            continue
        size = c.FPDFAction_GetURIPath(doc, action, None, 0)
        if size <= 1:
            continue
        buffer = ctypes.create_string_buffer(size)
        c.FPDFAction_GetURIPath(doc, action, buffer, size)
        raw = buffer.raw[: size - 1]
        try:
            uri = raw.decode("utf-8")
        except UnicodeDecodeError:
            uri = raw.decode("latin-1")
        rect = c.FS_RECTF()
        if uri and c.FPDFLink_GetAnnotRect(link, rect):
            if rect.left == rect.right and rect.bottom == rect.top:
                broken = True
                continue
            out.append((uri, page_box(to_page, rect.left, rect.bottom, rect.right, rect.top)))
    return out, broken


def page_links(doc: Any, page: Any, to_page: Matrix) -> tuple[Links, list[str]]:
    """The page's links, and "links" among the layers lost where an annotation could not be read: a
    broken annotation costs that link, nothing else, and at worst the page's links."""
    try:
        links, broken = read_links(doc, page, to_page)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - an auxiliary layer: lost for this page, recorded
        return [], ["links"]
    return links, ["links"] if broken else []


def link_band(links: Links) -> tuple[float, float]:
    """The top and bottom between which a link box can take part of a run (`cuts`), so that most runs
    are not tried against every link."""
    edges = [edge for _, box in links for edge in (box[1], box[3])]
    if edges and not any(map(math.isnan, edges)):  # a NaN edge answers no comparison: try every run
        return min(edges[0::2]) - 2, max(edges[1::2]) + 2
    return NO_BAND


def cuts(link: Box, x0: float, top: float, x1: float, bottom: float) -> bool:
    """A link box that takes part of a run into its label (layout's link test, character by character)."""
    if top < link[1] - 2 or bottom > link[3] + 2:
        return False  # not one character of the run can be under the link
    inside = x0 >= link[0] - 1 and x1 <= link[2] + 1
    apart = x1 <= link[0] - 1 or x0 >= link[2] + 1
    return not inside and not apart


def under_links(chars: TextPage, run: Run, box: Box, links: Links, to_page: Matrix) -> list[tuple[int, int]]:
    """The run (at `box` on the page) cut where link boxes begin and end, as character spans, so the
    characters under a link form one glyph.

    Layout labels a link with the glyphs inside its box; characters advance left to right, so
    each edge is found by bisection over their positions instead of reading every character."""
    index, n = run.index, len(run.text)
    scale, shift = to_page[0], to_page[4]
    if to_page[1] or to_page[2] or scale <= 0:
        return [(k, k + 1) for k in range(n)]  # a turned page: character by character
    edges = {0, n}
    for _, link in links:
        if cuts(link, *box):
            edges.add(bisect_left(range(n), link[0] - 1, key=lambda k: scale * chars.left(index[k]) + shift))
            edges.add(bisect_right(range(n), link[2] + 1, key=lambda k: scale * chars.right(run, k) + shift))
    ordered = sorted(edges)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b > a]
