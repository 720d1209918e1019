"""PDFium engine (pypdfium2): one glyph per text run, rules from thin paths, link annotations.

PDFium's page objects are text runs (one per text-showing operator: a line or a phrase in one
font), so fonts, sizes and boxes are read once per run through the raw API, not once per
character: per-character calls cost more than everything else acta does to a page. A run's text
comes from PDFium's text page; its box is the em box that pdfplumber gives characters (baseline,
font descent, size), in pdfplumber's page coordinates, so layout treats both engines' glyphs alike.
Characters are read one by one only where a link annotation starts or ends inside a run.

PDFium is not thread-safe: every call runs under one lock, so Dask worker threads can share it.
"""

from __future__ import annotations

import codecs
import ctypes
import math
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c

from pipeline.extract.layout import Glyph, RawPage

NAME = "pdfium"
PDFIUM = threading.Lock()
MAX_DESCENT = -0.22  # of the size, below the baseline: Times 0.217, Arial 0.212 (layout's rules sit there)
TEXT_BUFFER = 4096  # UTF-16 units read per run in one call; longer runs take a second call
# PDFium marks a hyphen that ends a line with U+0002; pdfplumber reads the hyphen itself. A code
# with no Unicode comes out as a C1 control, where pdfplumber writes "(cid:N)", which layout reads as •
PDFIUM_CHARS = str.maketrans({"\x02": "-", **{chr(code): "•" for code in range(0x80, 0xA0)}})
SPECIAL = re.compile("[\x02\x80-\x9f]")

# a, b, c, d, e, f: a point (x, y) goes to (ax + cy + e, bx + dy + f)
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Box = tuple[float, float, float, float]


def _concat(inner: Matrix, outer: Matrix) -> Matrix:
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


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _page_matrix(page: Any) -> tuple[Matrix, float, float]:
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
    return _concat(device, flip), bx1 - bx0, height


def _address(handle: Any) -> int:
    """A PDFium handle's address, to compare handles (0 for a null one); cheaper than ctypes.cast."""
    return ctypes.addressof(handle.contents) if handle else 0


def _plain(text: str) -> str:
    """Text with PDFium's marks replaced (PDFIUM_CHARS); most text has none."""
    return text.translate(PDFIUM_CHARS) if SPECIAL.search(text) else text


def _box(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    """The page box (x0, top, x1, bottom) around a user-space rectangle."""
    if m[1] == 0 and m[2] == 0:  # no quarter turn: one multiplication per edge
        xa, xb, ya, yb = m[0] * x0 + m[4], m[0] * x1 + m[4], m[3] * y0 + m[5], m[3] * y1 + m[5]
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)
    xs, ys = zip(*(_apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class _Font:
    name: str  # the base font name, which says bold or italic
    descent: float  # below the baseline, per point of size (negative)
    handle: Any
    measured: bool  # PDFium has the font's ascent and descent, so its loose boxes span advances


@dataclass(slots=True)
class _Run:
    """A run found in the text page, upright: its characters can be measured one by one."""

    text: str
    box: Box  # user space: left, bottom, right, top (the em box: baseline, font descent, size)
    font: _Font
    size: float  # what pdfplumber calls size: the font size as printed, scaled by the text matrix
    font_size: float  # the font size in text space, before the text matrix
    x_scale: float  # text space -> user space along the baseline
    index: range  # each character's index in the text page


@dataclass
class _Reader:
    """One page's raw objects, turned into glyphs as they are read (the page matrix and the link
    boxes are read first); fonts are looked up once per document (PDFium shares them)."""

    doc: Any
    fonts: dict[int, _Font]
    page: Any
    to_page: Matrix = IDENTITY
    links: list[tuple[str, Box]] = field(default_factory=list)
    # the top and bottom between which a link box can take part of a run (_cuts), so that most runs
    # are not tried against every link
    link_band: tuple[float, float] = (-math.inf, math.inf)
    text_page: Any = None
    full: str = ""
    cursor: int = 0
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)
    images: int = 0
    buffer: Any = field(default_factory=lambda: (ctypes.c_ushort * TEXT_BUFFER)())
    view: memoryview = field(init=False)  # the buffer's bytes, decoded without copying them first
    # out-parameters, made once per page rather than once per call
    matrix: Any = field(default_factory=c.FS_MATRIX)
    rect: Any = field(default_factory=c.FS_RECTF)
    number: Any = field(default_factory=ctypes.c_float)
    x: Any = field(default_factory=ctypes.c_double)
    y: Any = field(default_factory=ctypes.c_double)

    def __post_init__(self) -> None:
        self.view = memoryview(self.buffer).cast("B")

    def font(self, obj: Any) -> _Font:
        """The run's font, cached by its handle."""
        handle = c.FPDFTextObj_GetFont(obj)
        key = _address(handle)
        return self.fonts.get(key) or self.new_font(handle, key)

    def new_font(self, handle: Any, key: int) -> _Font:
        """A font seen for the first time in the document: its name and descent."""
        name = ctypes.create_string_buffer(256)
        c.FPDFFont_GetBaseFontName(handle, name, 256)
        ascent, descent = ctypes.c_float(), ctypes.c_float()
        measured = bool(
            c.FPDFFont_GetAscent(handle, 1000.0, ascent)
            and c.FPDFFont_GetDescent(handle, 1000.0, descent)
            and ascent.value != descent.value
        )
        # where a font descriptor gives no descent (LibreOffice writes 0), pdfminer puts the box on
        # the baseline and PDFium takes the bottom of the font's bounding box, below any letter;
        # capped at a text font's deepest descent, boxes and underlines come out alike
        depth = max(descent.value / 1000, MAX_DESCENT)
        found = _Font(name.value.decode("utf-8", "replace"), depth, handle, measured)
        self.fonts[key] = found
        return found

    def text(self, obj: Any) -> str:
        size = c.FPDFTextObj_GetText(obj, self.text_page, self.buffer, len(self.view))
        if size > len(self.view):
            self.buffer = (ctypes.c_ushort * (size // 2))()
            self.view = memoryview(self.buffer).cast("B")
            size = c.FPDFTextObj_GetText(obj, self.text_page, self.buffer, size)
        if size <= 2:
            return ""
        return codecs.utf_16_le_decode(self.view[: size - 2], "replace", True)[0]

    def locate(self, obj: Any, text: str) -> int:
        """Where the run's characters start in the text page (runs come in page order), or -1."""
        want = _address(obj)
        at = self.full.find(text, self.cursor)
        for _ in range(4):  # a run that starts with a space may first match a space PDFium added
            if at < 0:
                return -1
            if _address(c.FPDFText_GetTextObject(self.text_page, at)) == want:
                self.cursor = at + len(text)
                return at
            at = self.full.find(text, at + 1)
        return -1

    def left(self, index: int) -> float:
        """Where a character starts: its origin (its loose box reaches further for a 'j')."""
        c.FPDFText_GetCharOrigin(self.text_page, index, self.x, self.y)
        return self.x.value

    def right(self, run: _Run, k: int) -> float:
        """Where the run's k-th character ends: the end of its advance, as pdfplumber's box does.

        PDFium's loose box spans the advance, except in a font without ascent and descent, where it
        is the ink: an overhanging 'f' would then close the gap to the next word."""
        if not run.font.measured and c.FPDFFont_GetGlyphWidth(
            run.font.handle, ord(run.text[k]), run.font_size, self.number
        ):
            return self.left(run.index[k]) + self.number.value * run.x_scale
        c.FPDFText_GetLooseCharBox(self.text_page, run.index[k], self.rect)
        return self.rect.right

    def add_text(self, obj: Any, outer: Matrix) -> None:
        text = self.text(obj)
        if not text:
            return  # nothing PDFium could read, or a copy it dropped (printed twice for fake bold)
        font = self.font(obj)
        matrix = self.matrix
        c.FPDFPageObj_GetMatrix(obj, matrix)
        m = _concat((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        c.FPDFTextObj_GetFontSize(obj, self.number)
        font_size = self.number.value
        size = font_size * (m[2] ** 2 + m[3] ** 2) ** 0.5
        first = self.locate(obj, text)
        if m[1] == 0 and m[2] == 0 and m[0] > 0 and m[3] > 0 and first >= 0:
            # a space PDFium made up at either end of a run is taken out: layout decides what stands
            # between runs, by the same rule for both engines. Inside a run PDFium's spaces stay: it
            # puts them where the PDF moves the pen by half a space or more, which is a word gap
            index = range(first, first + len(text))
            if text.endswith(" ") and c.FPDFText_IsGenerated(self.text_page, index[-1]):
                text, index = text[:-1], index[:-1]
            if text.startswith(" ") and c.FPDFText_IsGenerated(self.text_page, index[0]):
                text, index = text[1:], index[1:]
            if text:
                bottom = m[5] + font.descent * size
                run = _Run(text, (m[4], bottom, m[4], bottom + size), font, size, font_size, m[0], index)
                run.box = (m[4], bottom, max(self.right(run, len(text) - 1), m[4]), bottom + size)
                self.add_run(run)
            return
        left, low, right, high = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        c.FPDFPageObj_GetBounds(obj, left, low, right, high)
        x0, y0 = _apply(outer, left.value, low.value)
        x1, y1 = _apply(outer, right.value, high.value)
        box = _box(self.to_page, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.glyphs.append(Glyph(_plain(text), *box, font.name, size))

    def add_path(self, obj: Any, outer: Matrix) -> None:
        """Each straight subpath that is a thin horizontal stroke or box: an underline or a separator."""
        matrix = c.FS_MATRIX()
        c.FPDFPageObj_GetMatrix(obj, matrix)
        m = _concat((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
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
            subpaths[-1].append(_apply(m, x.value, y.value))
        for i, points in enumerate(subpaths):
            if i in curved or len(points) < 2:
                continue
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            width, height = max(xs) - min(xs), max(ys) - min(ys)
            if (len(points) == 2 and height < 2) or (height < 2.5 and width > 5):
                self.rules.append((min(xs), min(ys), max(xs), max(ys)))

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
            elif kind == c.FPDF_PAGEOBJ_FORM:
                matrix = c.FS_MATRIX()
                c.FPDFPageObj_GetMatrix(obj, matrix)
                inner = _concat((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
                self.walk(obj, c.FPDFFormObj_CountObjects(obj), c.FPDFFormObj_GetObject, inner)

    def read_links(self) -> list[tuple[str, Box]]:
        out = []
        position, link = ctypes.c_int(0), c.FPDF_LINK()
        while c.FPDFLink_Enumerate(self.page, position, link):
            action = c.FPDFLink_GetAction(link)
            if not action or c.FPDFAction_GetType(action) != c.PDFACTION_URI:
                continue
            size = c.FPDFAction_GetURIPath(self.doc, action, None, 0)
            if size <= 1:
                continue
            buffer = ctypes.create_string_buffer(size)
            c.FPDFAction_GetURIPath(self.doc, action, buffer, size)
            raw = buffer.raw[: size - 1]
            try:
                uri = raw.decode("utf-8")
            except UnicodeDecodeError:
                uri = raw.decode("latin-1")
            rect = c.FS_RECTF()
            if uri and c.FPDFLink_GetAnnotRect(link, rect):
                out.append((uri, _box(self.to_page, rect.left, rect.bottom, rect.right, rect.top)))
        return out

    def under_links(self, run: _Run, page_box: Box) -> list[tuple[int, int]]:
        """The run cut where link boxes begin and end, so the characters under a link form one glyph.

        Layout labels a link with the glyphs inside its box; characters advance left to right, so
        each edge is found by bisection over their positions instead of reading every character."""
        index, n = run.index, len(run.text)
        scale, shift = self.to_page[0], self.to_page[4]
        if self.to_page[1] or self.to_page[2] or scale <= 0:
            return [(k, k + 1) for k in range(n)]  # a turned page: character by character
        cuts = {0, n}
        for _, box in self.links:
            if _cuts(box, *page_box):
                cuts.add(bisect_left(range(n), box[0] - 1, key=lambda k: scale * self.left(index[k]) + shift))
                cuts.add(bisect_right(range(n), box[2] + 1, key=lambda k: scale * self.right(run, k) + shift))
        edges = sorted(cuts)
        return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b > a]

    def add_run(self, run: _Run) -> None:
        """The run as a glyph; white space at its ends, and the parts that a link box cuts, split off."""
        page_box = _box(self.to_page, *run.box)
        text, name = run.text, run.font.name
        cut = (
            bool(self.links)
            and not (page_box[1] < self.link_band[0] or page_box[3] > self.link_band[1])
            and any(_cuts(box, *page_box) for _, box in self.links)
        )
        if text.strip() == text and not cut:
            self.glyphs.append(Glyph(_plain(text), *page_box, name, run.size))
            return
        left, bottom, right, top = run.box
        if cut:
            pieces = self.under_links(run, page_box)
        elif not text.strip():
            pieces = [(0, len(text))]
        else:
            lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
            pieces = [(a, b) for a, b in ((0, lead), (lead, trail), (trail, len(text))) if b > a]
        for a, b in pieces:
            x0 = left if a == 0 else self.left(run.index[a])
            x1 = right if b == len(text) else self.right(run, b - 1)
            box = _box(self.to_page, x0, bottom, max(x0, x1), top)
            self.glyphs.append(Glyph(_plain(text[a:b]), *box, name, run.size))


def _cuts(link: Box, x0: float, top: float, x1: float, bottom: float) -> bool:
    """A link box that takes part of a run into its label (layout.Link's test, character by character)."""
    if top < link[1] - 2 or bottom > link[3] + 2:
        return False  # not one character of the run can be under the link
    inside = x0 >= link[0] - 1 and x1 <= link[2] + 1
    apart = x1 <= link[0] - 1 or x0 >= link[2] + 1
    return not inside and not apart


def _read(doc: Any, fonts: dict[int, _Font], index: int) -> RawPage:
    reader = _Reader(doc, fonts, c.FPDF_LoadPage(doc, index))
    if not reader.page:
        raise pdfium.PdfiumError(f"Failed to load page {index + 1}")
    try:
        reader.to_page, width, height = _page_matrix(reader.page)
        reader.links = reader.read_links()
        edges = [edge for _, box in reader.links for edge in (box[1], box[3])]
        if edges and not any(map(math.isnan, edges)):  # a NaN edge answers no comparison: try every run
            reader.link_band = (min(edges[0::2]) - 2, max(edges[1::2]) + 2)
        reader.text_page = c.FPDFText_LoadPage(reader.page)
        count = c.FPDFText_CountChars(reader.text_page)
        if count > 0:
            buffer = (ctypes.c_ushort * (count + 1))()
            c.FPDFText_GetText(reader.text_page, 0, count, buffer)
            reader.full = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "replace")
        reader.walk(reader.page, c.FPDFPage_CountObjects(reader.page), c.FPDFPage_GetObject, IDENTITY)
        return RawPage(
            number=index + 1,
            width=width,
            height=height,
            glyphs=reader.glyphs,
            rules=[_box(reader.to_page, *r) for r in reader.rules],
            links=reader.links,
            images=reader.images,
        )
    finally:
        if reader.text_page:
            c.FPDFText_ClosePage(reader.text_page)
        c.FPDF_ClosePage(reader.page)


def open_pages(path: str) -> tuple[int, Iterator[RawPage]]:
    """The page count and a generator of raw pages; the document is closed once they are read."""
    with PDFIUM:
        pdf = pdfium.PdfDocument(path)
        count = len(pdf)
        if count == 0:
            pdf.close()
            return 0, iter(())

    def pages() -> Iterator[RawPage]:
        fonts: dict[int, _Font] = {}
        try:
            for index in range(count):
                with PDFIUM:
                    page = _read(pdf.raw, fonts, index)
                yield page
        finally:
            with PDFIUM:
                pdf.close()

    return count, pages()
