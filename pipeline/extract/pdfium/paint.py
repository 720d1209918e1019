"""How PDFium's page objects are painted: a text object's render mode and colours, whether a path is
filled and in which colour, an object's box on the page. Reported for layout.hidden, which decides
what no reader sees."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as c

from pipeline.extract.layout.glyphs import Colour, Paint
from pipeline.extract.pdfium.geometry import Box, Matrix, apply, page_box


@dataclass
class Painter:
    """Reads paint through the raw API, with its out-parameters made once per page."""

    r: Any = field(default_factory=ctypes.c_uint)
    g: Any = field(default_factory=ctypes.c_uint)
    b: Any = field(default_factory=ctypes.c_uint)
    a: Any = field(default_factory=ctypes.c_uint)
    fill_mode: Any = field(default_factory=ctypes.c_int)
    stroke: Any = field(default_factory=c.FPDF_BOOL)
    edges: tuple[Any, Any, Any, Any] = field(
        default_factory=lambda: (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    )

    def colour(self, obj: Any, stroke: bool = False) -> Colour | None:
        """The fill (or stroke) colour as RGB; None where PDFium has none (a pattern)."""
        read = c.FPDFPageObj_GetStrokeColor if stroke else c.FPDFPageObj_GetFillColor
        if not read(obj, self.r, self.g, self.b, self.a):
            return None
        return (self.r.value, self.g.value, self.b.value)

    def text(self, obj: Any) -> Paint:
        """A text object's render mode (unknown: filled) and its fill and stroke colours."""
        mode = c.FPDFTextObj_GetTextRenderMode(obj)
        return (mode if mode >= 0 else 0, self.colour(obj), self.colour(obj, stroke=True))

    def filled(self, obj: Any) -> tuple[bool, Colour | None]:
        """Whether a path is filled, and in which colour."""
        if not c.FPDFPath_GetDrawMode(obj, self.fill_mode, self.stroke):
            return False, None
        if self.fill_mode.value == c.FPDF_FILLMODE_NONE:
            return False, None
        return True, self.colour(obj)

    def box(self, obj: Any, outer: Matrix, to_page: Matrix) -> Box:
        """An object's bounds on the page (inside a form XObject, in the form's space first)."""
        left, low, right, high = self.edges
        c.FPDFPageObj_GetBounds(obj, left, low, right, high)
        x0, y0 = apply(outer, left.value, low.value)
        x1, y1 = apply(outer, right.value, high.value)
        return page_box(to_page, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def page_boxes(page: Any, to_page: Matrix) -> tuple[Box, Box]:
    """The media box and the crop box (the media box when there is none), in page coordinates."""
    edges = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if c.FPDFPage_GetMediaBox(page, *edges):
        media = page_box(to_page, *(e.value for e in edges))
    else:
        media = page_box(to_page, 0, 0, c.FPDF_GetPageWidthF(page), c.FPDF_GetPageHeightF(page))
    if not c.FPDFPage_GetCropBox(page, *edges):
        return media, media
    return media, page_box(to_page, *(e.value for e in edges))
