"""PDF user space -> pdfplumber's page coordinates (x, distance from the top), so that layout treats
both engines' glyphs, rules and link boxes alike."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as c

# a, b, c, d, e, f: a point (x, y) goes to (ax + cy + e, bx + dy + f)
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Box = tuple[float, float, float, float]


def concat(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies `inner`, then `outer` (an object inside a form XObject)."""
    if outer is IDENTITY:
        return inner
    a, b, c_, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c_ * A + d * C,
        c_ * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def object_matrix(obj: Any, out: Any, outer: Matrix) -> Matrix:
    """A page object's matrix (read into the FS_MATRIX `out`), inside the matrix of what holds it."""
    c.FPDFPageObj_GetMatrix(obj, out)
    return concat((out.a, out.b, out.c, out.d, out.e, out.f), outer)


def page_matrix(page: Any) -> tuple[Matrix, float, float]:
    """PDF user space -> pdfplumber's coordinates (x, distance from the top), and the page's size.

    pdfminer turns the page by its /Rotate and moves the MediaBox to the origin; pdfplumber then
    measures from the top of the MediaBox's height and adds the MediaBox's left edge back. For an
    unrotated page this is (x, height - y)."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    rotation = c.FPDFPage_GetRotation(page) % 4 * 90
    if c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        x0, x1 = sorted((left.value, right.value))
        y0, y1 = sorted((bottom.value, top.value))
    else:
        width, height = c.FPDF_GetPageWidthF(page), c.FPDF_GetPageHeightF(page)
        x0, y0, x1, y1 = 0.0, 0.0, *((height, width) if rotation in (90, 270) else (width, height))
    device: Matrix = {  # pdfminer's PDFPageInterpreter.process_page
        0: (1.0, 0.0, 0.0, 1.0, -x0, -y0),
        90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
        180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
        270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
    }[rotation]
    turned = rotation in (90, 270)
    bx0, bx1, by1 = (y0, y1, x1) if turned else (x0, x1, y1)
    height = (x1 - x0) if turned else (y1 - y0)
    mb_top = height - by1
    # x_out = X + bx0; top = height - Y + mb_top  (pdfplumber's Page.process_object)
    flip: Matrix = (1.0, 0.0, 0.0, -1.0, bx0, height + mb_top)
    return concat(device, flip), bx1 - bx0, height


def page_box(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    """The page box (x0, top, x1, bottom) around a user-space rectangle."""
    if m[1] == 0 and m[2] == 0:  # no quarter turn: one multiplication per edge
        xa, xb, ya, yb = m[0] * x0 + m[4], m[0] * x1 + m[4], m[3] * y0 + m[5], m[3] * y1 + m[5]
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)
    xs, ys = zip(*(apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))), strict=True)
    return min(xs), min(ys), max(xs), max(ys)
