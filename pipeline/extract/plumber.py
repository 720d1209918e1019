"""pdfplumber engine: one glyph per character, rules from lines and thin rects, link annotations.

The page is read from pdfplumber's layout objects (pdfminer's LTChar, LTLine, LTRect, ...) with the
coordinates pdfplumber gives them, not from `page.chars`: that builds a dict of some twenty resolved
attributes per character, which took more time than reading the PDF did. The layout is made with
a device of our own (_PaintDevice) that notes how each character and shape is painted, which
pdfminer's objects do not say, for layout.hidden.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pdfplumber
from pdfminer.layout import LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFObjRef, resolve_all
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.extract.damage import page_damaged
from pipeline.extract.errors import ReferenceLoop
from pipeline.extract.layout import Glyph, RawPage
from pipeline.extract.layout.glyphs import PLAIN, Colour

NAME = "pdfplumber"
# pdfminer and pdfplumber log a warning for every oddity of a damaged file, which would bury the
# progress bar; what matters reaches the documents row
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)
# an annotation string that is neither UTF-8 nor UTF-16 is left undecoded (open_pages), not raised:
# pdfplumber warns of each, and a link's URI is decoded as PDFium's is (_links)
warnings.filterwarnings("ignore", message="Could not decode", module="pdfplumber")


_resolve_one = PDFObjRef.resolve


def _resolve(ref: PDFObjRef, default: object = None) -> Any:
    """PDFObjRef.resolve, followed to the end of a chain of references, and refusing one that comes
    back to where it passed: pdfminer's resolve1 follows one reference per step without looking
    back, so an object that is a reference to itself (`6 0 obj 6 0 R endobj`) held a worker until
    the time limit killed it."""
    seen = {ref.objid}
    found = _resolve_one(ref, default)
    while isinstance(found, PDFObjRef):
        if found.objid in seen:
            raise ReferenceLoop(f"object {found.objid} refers to itself")
        seen.add(found.objid)
        found = _resolve_one(found, default)
    return found


PDFObjRef.resolve = _resolve  # type: ignore[method-assign,assignment]  # for every caller in pdfminer


def _objects(objs: list[Any]) -> Iterator[Any]:
    """Layout objects as pdfplumber lists them: figures are opened, their own boxes left out."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _objects(obj._objs)
        else:
            yield obj


# the colour spaces whose components are an RGB colour, by their number of components
GREY_SPACES = ("DeviceGray", "CalGray", "ICCBased")
RGB_SPACES = ("DeviceRGB", "CalRGB", "ICCBased")
CMYK_SPACES = ("DeviceCMYK", "ICCBased")


def _rgb(space: Any, value: object) -> Colour | None:
    """A colour in 0-255 RGB, as PDFium reports one; None for a pattern, a Lab colour or an ink
    that cannot be told (a separation's tint, unless it is none: no ink is the paper's colour)."""
    parts = tuple(value) if isinstance(value, (list, tuple)) else (value,)
    if not all(isinstance(v, (int, float)) for v in parts):
        return None
    return _converted(space.name, parts)


@lru_cache(maxsize=1024)
def _converted(space: str, parts: tuple[float, ...]) -> Colour | None:
    """_rgb of numbers, once per colour (a page sets a few colours again and again)."""
    c = [min(max(float(v), 0.0), 1.0) for v in parts]
    rgb: tuple[float, ...] | None = None
    if len(c) == 1 and space in GREY_SPACES:
        rgb = (c[0], c[0], c[0])
    elif len(c) == 3 and space in RGB_SPACES:
        rgb = tuple(c)
    elif len(c) == 4 and space in CMYK_SPACES:
        rgb = tuple((1 - x) * (1 - c[3]) for x in c[:3])
    elif space in ("Separation", "DeviceN") and not any(c):
        rgb = (1.0, 1.0, 1.0)
    return None if rgb is None else (round(rgb[0] * 255), round(rgb[1] * 255), round(rgb[2] * 255))


class _PaintDevice(PDFPageAggregatorWithMarkedContent):  # type: ignore[misc]
    """pdfplumber's device, noting how each character and shape is painted (pdfminer's characters
    carry neither the text render mode nor their colour as RGB): `paint` on characters, `filled`
    (whether the shape is an area painted, and in which colour) on shapes. Layout decides what is
    hidden."""

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        """The string's characters, each told how the string is painted (one text state for all)."""
        gs = graphicstate
        paint = (int(textstate.render), _rgb(gs.ncs, gs.ncolor), _rgb(gs.scs, gs.scolor))
        before = len(self.cur_item._objs)
        super().render_string(textstate, seq, ncs, graphicstate)
        for obj in self.cur_item._objs[before:]:
            obj.paint = paint  # type: ignore[attr-defined]

    shaded = False  # a shading was painted (`sh`): where, pdfminer does not say

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        """A filled path of one subpath is an area painted in its colour; one of several (pdfminer
        splits them into shapes) may be a frame around a hole, so what its shapes cover is unknown."""
        before = len(self.cur_item._objs)
        super().paint_path(gstate, stroke, fill, evenodd, path)
        one = sum(1 for segment in path if segment[0] == "m") == 1
        colour = _rgb(gstate.ncs, gstate.ncolor) if fill and one else None
        for obj in self.cur_item._objs[before:]:
            obj.filled = fill, colour  # type: ignore[attr-defined]


class _PaintInterpreter(PDFPageInterpreter):  # type: ignore[misc]
    """pdfminer's interpreter, telling the device when a shading is painted (it paints nothing)."""

    def do_sh(self, name: object) -> None:  # noqa: ARG002 - which shading: where it paints is not known
        self.device.shaded = True  # type: ignore[attr-defined]


def _layout(page: Any) -> Any:
    """page.layout, made with _PaintDevice (pdfplumber's Page.layout, with the device swapped)."""
    device = _PaintDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    try:
        _PaintInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e
    page._layout = device.get_result()
    page._layout.shaded = device.shaded
    return page._layout


def _read(page: Any) -> tuple[list[Glyph], list[tuple[float, float, float, float]], int]:
    """Glyphs, rules and the number of images, in pdfplumber's coordinates (see Page.process_object)."""
    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    glyphs: list[Glyph] = []
    lines: list[tuple[float, float, float, float]] = []
    rects: list[tuple[float, float, float, float]] = []
    images = 0
    for obj in _objects(_layout(page)._objs):
        kind = type(obj).__name__
        if kind == "LTChar":
            font = obj.fontname
            if isinstance(font, bytes):
                font = fix_fontname_bytes(font)
            glyphs.append(
                Glyph(
                    obj.get_text(),
                    obj.x0 + mb_x0,
                    height - obj.y1 + mb_top,
                    obj.x1 + mb_x0,
                    height - obj.y0 + mb_top,
                    str(font),
                    float(obj.size),
                    *getattr(obj, "paint", PLAIN),
                )
            )
        elif kind == "LTLine":
            top, bottom = height - obj.y1 + mb_top, height - obj.y0 + mb_top
            if abs(top - bottom) < 2:
                lines.append((obj.x0 + mb_x0, top, obj.x1 + mb_x0, bottom))
        elif kind == "LTRect":
            if obj.height < 2.5 and obj.width > 5:
                rects.append(
                    (obj.x0 + mb_x0, height - obj.y1 + mb_top, obj.x1 + mb_x0, height - obj.y0 + mb_top)
                )
        elif kind == "LTImage":
            images += 1
    return glyphs, lines + rects, images


def _backdrop(page: Any) -> dict[str, Any]:
    """What lies under the glyphs, for layout.hidden: the page's boxes, its pictures and its filled
    shapes in paint order (read from the layout _read made); a shading, wherever pdfminer does not
    say, as a fill of unknown colour over the whole page, painted last."""
    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    images, fills = [], []
    for obj in _objects(page.layout._objs):
        kind = type(obj).__name__
        if kind == "LTImage" or (kind in ("LTRect", "LTCurve") and getattr(obj, "filled", (False,))[0]):
            box = (obj.x0 + mb_x0, height - obj.y1 + mb_top, obj.x1 + mb_x0, height - obj.y0 + mb_top)
            if kind == "LTImage":
                images.append(box)
            else:
                fills.append((box, obj.filled[1]))
    if getattr(page.layout, "shaded", False):
        fills.append((tuple(page.mediabox), None))
    return {"media": tuple(page.mediabox), "crop": tuple(page.cropbox), "image_boxes": images, "fills": fills}


def _links(page: Any) -> list[tuple[str, tuple[float, float, float, float]]]:
    out = []
    for h in page.hyperlinks:
        uri = h.get("uri")
        if isinstance(uri, bytes):
            uri = uri.decode("latin-1")
        if uri:
            out.append((str(uri), (h["x0"], h["top"], h["x1"], h["bottom"])))
    return out


def _page_links(page: Any) -> tuple[list[tuple[str, tuple[float, float, float, float]]], list[str]]:
    """The page's links, and "links" among the layers lost where an annotation could not be read (a
    box that is not four numbers): a broken annotation costs that link, nothing else, and at worst
    the page's links (pdfplumber reads a page's annotations all at once, so they are read again
    without the ones whose box is broken)."""
    try:
        return _links(page), []
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - an auxiliary layer: lost for this page, recorded
        pass
    try:
        annots = resolve_all(page.page_obj.annots)
        page.page_obj.annots = [a for a in annots if _boxed(a)] if isinstance(annots, list) else []
        return _links(page), ["links"]
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001
        return [], ["links"]


def _boxed(annot: object) -> bool:
    """An annotation whose /Rect is four numbers, as pdfplumber needs it."""
    rect = annot.get("Rect") if isinstance(annot, dict) else None
    return isinstance(rect, list) and len(rect) == 4 and all(isinstance(v, int | float) for v in rect)


def _with_trailer(path: str) -> io.BytesIO | None:
    """The file cut after its last whole object, with a trailer naming its catalog, if there is one.

    A truncated download has lost its trailer, which is where pdfminer learns where the catalog is;
    with it back (and without the object the cut went through, which would stop the scan), pdfminer's
    fallback scan finds the objects that did arrive, and so the pages before the cut."""
    with open(path, "rb") as fh:
        data = fh.read()
    data = data[: data.rfind(b"endobj") + len(b"endobj")]
    for found in reversed(list(re.finditer(rb"/Type\s*/Catalog\b", data))):
        heads = list(
            re.finditer(rb"(\d+)\s+(\d+)\s+obj\b", data[max(0, found.start() - 2048) : found.start()])
        )
        if heads:
            number, generation = heads[-1].groups()
            return io.BytesIO(data + b"\ntrailer\n<< /Root %s %s R >>\n" % (number, generation))
    return None


def _open(path: str) -> Any:
    try:
        return pdfplumber.open(path, raise_unicode_errors=False)
    except Exception as exc:
        if "no /root" not in repr(exc.args).lower() and "eof" not in repr(exc.args).lower():
            raise
        repaired = _with_trailer(path)
        if repaired is None:
            raise
        try:
            return pdfplumber.open(repaired, raise_unicode_errors=False)
        except Exception:  # noqa: BLE001 - the repair did not help: the first error is the one to tell
            raise exc from None


def open_pages(path: str) -> tuple[int, Iterator[RawPage]]:
    """The page count and a generator of raw pages; each page is closed after it is read."""
    pdf = _open(path)
    count = len(pdf.pages)
    if count == 0:  # no generator will run to close it
        pdf.close()
        return 0, iter(())

    def pages() -> Iterator[RawPage]:
        try:
            for page in pdf.pages:
                try:
                    damaged = page_damaged(page.page_obj.attrs.get("Contents"))  # before pdfminer decodes it
                    glyphs, rules, images = _read(page)
                    links, lost = _page_links(page)
                    yield RawPage(
                        number=page.page_number,
                        width=float(page.width),
                        height=float(page.height),
                        glyphs=glyphs,
                        rules=rules,
                        links=links,
                        images=images,
                        damaged=damaged,
                        lost=lost,
                        **_backdrop(page),
                    )
                finally:
                    page.close()
        finally:
            pdf.close()

    return count, pages()
