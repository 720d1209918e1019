"""pdfplumber engine: one glyph per character, rules from lines and thin rects, link annotations.

The page is read from pdfplumber's layout objects (pdfminer's LTChar, LTLine, LTRect, ...) with the
coordinates pdfplumber gives them, not from `page.chars`: that builds a dict of some twenty resolved
attributes per character, which took more time than reading the PDF did.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.layout import LTContainer
from pdfminer.pdftypes import resolve_all
from pdfplumber.page import fix_fontname_bytes

from pipeline.extract.damage import page_damaged
from pipeline.extract.layout import Glyph, RawPage

NAME = "pdfplumber"
# pdfminer and pdfplumber log a warning for every oddity of a damaged file, which would bury the
# progress bar; what matters reaches the documents row
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)
# an annotation string that is neither UTF-8 nor UTF-16 is left undecoded (open_pages), not raised:
# pdfplumber warns of each, and a link's URI is decoded as PDFium's is (_links)
warnings.filterwarnings("ignore", message="Could not decode", module="pdfplumber")


def _objects(objs: list[Any]) -> Iterator[Any]:
    """Layout objects as pdfplumber lists them: figures are opened, their own boxes left out."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _objects(obj._objs)
        else:
            yield obj


def _read(page: Any) -> tuple[list[Glyph], list[tuple[float, float, float, float]], int]:
    """Glyphs, rules and the number of images, in pdfplumber's coordinates (see Page.process_object)."""
    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    glyphs: list[Glyph] = []
    lines: list[tuple[float, float, float, float]] = []
    rects: list[tuple[float, float, float, float]] = []
    images = 0
    for obj in _objects(page.layout._objs):
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
                    )
                finally:
                    page.close()
        finally:
            pdf.close()

    return count, pages()
