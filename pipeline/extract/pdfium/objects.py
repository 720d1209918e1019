"""A page's objects walked into glyphs and rules: a text object is one glyph per run (split where white
space ends it or a link box cuts it), a thin straight path is a rule, a form XObject is entered."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as c

from pipeline.extract.layout import Glyph
from pipeline.extract.layout.glyphs import PLAIN, Colour, Paint
from pipeline.extract.pdfium.fonts import Font, font_of
from pipeline.extract.pdfium.geometry import Box, Matrix, apply, object_matrix, page_box
from pipeline.extract.pdfium.links import NO_BAND, Links, cuts, under_links
from pipeline.extract.pdfium.paint import Painter
from pipeline.extract.pdfium.text import Run, TextPage, plain


def _across(edges: Box, box: Box) -> bool:
    """The box straddles one of the edges (a run partly on the page, partly off it)."""
    return (
        box[0] < edges[0] < box[2]
        or box[0] < edges[2] < box[2]
        or box[1] < edges[1] < box[3]
        or box[1] < edges[3] < box[3]
    )


@dataclass
class PageReader:
    """One page's raw objects, turned into glyphs as they are read (the page matrix, the link boxes
    and the text page are read first); fonts are looked up once per document (PDFium shares them)."""

    fonts: dict[int, Font]
    chars: TextPage
    to_page: Matrix
    links: Links
    link_band: tuple[float, float] = NO_BAND  # see links.link_band
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)
    images: int = 0
    image_boxes: list[Box] = field(default_factory=list)  # on the page, for layout.hidden
    fills: list[tuple[Box, Colour | None]] = field(default_factory=list)  # filled areas, paint order
    paint: Paint = PLAIN  # how the text object being read is painted
    # the media and crop boxes: a run across one of their edges is read character by character, as
    # the pdfplumber engine reads every run, so layout.hidden judges each character by where it sits
    page_boxes: tuple[Box, ...] = ()
    shaded: bool = False  # a shading was painted (reported as the pdfplumber engine can: see fills)
    painter: Painter = field(default_factory=Painter)
    # out-parameters, made once per page rather than once per call
    matrix: Any = field(default_factory=c.FS_MATRIX)
    number: Any = field(default_factory=ctypes.c_float)

    def walk(self, container: Any, count: int, get: Callable[[Any, int], Any], outer: Matrix) -> None:
        """The objects of a page or form XObject (`get(container, i)`), forms entered."""
        for i in range(count):
            obj = get(container, i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_TEXT:
                self.add_text(obj, outer)
            elif kind == c.FPDF_PAGEOBJ_PATH:
                self.add_path(obj, outer)
            elif kind == c.FPDF_PAGEOBJ_IMAGE:
                self.images += 1
                self.image_boxes.append(self.painter.box(obj, outer, self.to_page))
            elif kind == c.FPDF_PAGEOBJ_SHADING:
                self.shaded = True
            elif kind == c.FPDF_PAGEOBJ_FORM:
                inner = object_matrix(obj, c.FS_MATRIX(), outer)
                self.walk(obj, c.FPDFFormObj_CountObjects(obj), c.FPDFFormObj_GetObject, inner)

    def add_text(self, obj: Any, outer: Matrix) -> None:
        """An upright text object found in the text page is measured as a run (add_run); any other
        is one glyph over its bounds."""
        text = self.chars.text(obj)
        if not text:
            return  # nothing PDFium could read, or a copy it dropped (printed twice for fake bold)
        font = font_of(obj, self.fonts)
        self.paint = self.painter.text(obj)
        m = object_matrix(obj, self.matrix, outer)
        c.FPDFTextObj_GetFontSize(obj, self.number)
        font_size = self.number.value
        size = font_size * (m[2] ** 2 + m[3] ** 2) ** 0.5
        first = self.chars.locate(obj, text)
        if m[1] == 0 and m[2] == 0 and m[0] > 0 and m[3] > 0 and first >= 0:
            # a space PDFium made up at either end of a run is taken out: layout decides what stands
            # between runs, by the same rule for both engines. Inside a run PDFium's spaces stay: it
            # puts them where the PDF moves the pen by half a space or more, which is a word gap
            index = range(first, first + len(text))
            if text.endswith(" ") and self.chars.generated(index[-1]):
                text, index = text[:-1], index[:-1]
            if text.startswith(" ") and self.chars.generated(index[0]):
                text, index = text[1:], index[1:]
            if text:
                bottom = m[5] + font.descent * size
                run = Run(text, (m[4], bottom, m[4], bottom + size), font, size, font_size, m[0], index)
                run.box = (m[4], bottom, max(self.chars.right(run, len(text) - 1), m[4]), bottom + size)
                self.add_run(run)
            return
        left, low, right, high = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        c.FPDFPageObj_GetBounds(obj, left, low, right, high)
        x0, y0 = apply(outer, left.value, low.value)
        x1, y1 = apply(outer, right.value, high.value)
        box = page_box(self.to_page, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.glyphs.append(Glyph(plain(text), *box, font.name, size, *self.paint))

    def add_run(self, run: Run) -> None:
        """The run as a glyph; white space at its ends, and the parts that a link box cuts, split off."""
        box = page_box(self.to_page, *run.box)
        text, name = run.text, run.font.name
        cut = (
            bool(self.links)
            and not (box[1] < self.link_band[0] or box[3] > self.link_band[1])
            and any(cuts(link, *box) for _, link in self.links)
        )
        across = any(_across(edges, box) for edges in self.page_boxes)
        if text.strip() == text and not cut and not across:
            self.glyphs.append(Glyph(plain(text), *box, name, run.size, *self.paint))
            return
        left, bottom, right, top = run.box
        if across:
            pieces = [(k, k + 1) for k in range(len(text))]
        elif cut:
            pieces = under_links(self.chars, run, box, self.links, self.to_page)
        elif not text.strip():
            pieces = [(0, len(text))]
        else:
            lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
            pieces = [(a, b) for a, b in ((0, lead), (lead, trail), (trail, len(text))) if b > a]
        for a, b in pieces:
            x0 = left if a == 0 else self.chars.left(run.index[a])
            x1 = right if b == len(text) else self.chars.right(run, b - 1)
            piece = page_box(self.to_page, x0, bottom, max(x0, x1), top)
            self.glyphs.append(Glyph(plain(text[a:b]), *piece, name, run.size, *self.paint))

    def add_path(self, obj: Any, outer: Matrix) -> None:
        """Each straight subpath that is a thin horizontal stroke or box: an underline or a separator."""
        m = object_matrix(obj, c.FS_MATRIX(), outer)
        x, y = ctypes.c_float(), ctypes.c_float()
        subpaths: list[list[tuple[float, float]]] = []
        curved: set[int] = set()
        for k in range(c.FPDFPath_CountSegments(obj)):
            segment = c.FPDFPath_GetPathSegment(obj, k)
            kind = c.FPDFPathSegment_GetType(segment)
            c.FPDFPathSegment_GetPoint(segment, x, y)
            if kind == c.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([])
            if kind == c.FPDF_SEGMENT_BEZIERTO:
                curved.add(len(subpaths) - 1)
            subpaths[-1].append(apply(m, x.value, y.value))
        self.add_fills(obj, subpaths)
        for i, points in enumerate(subpaths):
            if i in curved or len(points) < 2:
                continue
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            width, height = max(xs) - min(xs), max(ys) - min(ys)
            if (len(points) == 2 and height < 2) or (height < 2.5 and width > 5):
                self.rules.append((min(xs), min(ys), max(xs), max(ys)))

    def add_fills(self, obj: Any, subpaths: list[list[tuple[float, float]]]) -> None:
        """Each subpath of a filled path as a fill, for layout.hidden, as the pdfplumber engine reads
        paths: in the path's colour when it is the only one, else of unknown colour (several may be
        a frame around a hole)."""
        filled, colour = self.painter.filled(obj)
        for points in subpaths if filled else []:
            if len(points) > 2:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                box = page_box(self.to_page, min(xs), min(ys), max(xs), max(ys))
                self.fills.append((box, colour if len(subpaths) == 1 else None))
