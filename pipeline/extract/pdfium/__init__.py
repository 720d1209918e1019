"""PDFium engine (pypdfium2): one glyph per text run, rules from thin paths, link annotations.

PDFium's page objects are text runs (one per text-showing operator: a line or a phrase in one
font), so fonts, sizes and boxes are read once per run through the raw API, not once per
character: per-character calls cost more than everything else acta does to a page. A run's text
comes from PDFium's text page; its box is the em box that pdfplumber gives characters (baseline,
font descent, size), in pdfplumber's page coordinates, so layout treats both engines' glyphs alike.
Characters are read one by one only where a link annotation starts or ends inside a run.

The parts: `geometry` (user space -> pdfplumber's page coordinates), `fonts` (name and descent, once
per document), `text` (the text page: runs and their characters), `links` (link annotations and the
runs they cut), `objects` (a page's objects walked into glyphs and rules); here, pages are opened.

PDFium is not thread-safe: every call runs under one lock, so Dask worker threads can share it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c

from pipeline.extract.damage import damaged_pages
from pipeline.extract.layout import RawPage
from pipeline.extract.pdfium.fonts import Font
from pipeline.extract.pdfium.geometry import IDENTITY, page_box, page_matrix
from pipeline.extract.pdfium.links import link_band, page_links
from pipeline.extract.pdfium.objects import PageReader
from pipeline.extract.pdfium.paint import page_boxes
from pipeline.extract.pdfium.text import TextPage

NAME = "pdfium"
PDFIUM = threading.Lock()


def _read(doc: Any, fonts: dict[int, Font], index: int) -> RawPage:
    """Page `index`, walked object by object; the page and its text page are closed whatever happens."""
    page = c.FPDF_LoadPage(doc, index)
    if not page:
        raise pdfium.PdfiumError(f"Failed to load page {index + 1}")
    chars = None
    try:
        to_page, width, height = page_matrix(page)
        links, lost = page_links(doc, page, to_page)
        chars = TextPage.load(page)
        media, crop = page_boxes(page, to_page)
        reader = PageReader(fonts, chars, to_page, links, link_band(links), page_boxes=(media, crop))
        reader.walk(page, c.FPDFPage_CountObjects(page), c.FPDFPage_GetObject, IDENTITY)
        return RawPage(
            number=index + 1,
            width=width,
            height=height,
            glyphs=reader.glyphs,
            rules=[page_box(to_page, *r) for r in reader.rules],
            links=links,
            images=reader.images,
            lost=lost,
            media=media,
            crop=crop,
            image_boxes=reader.image_boxes,
            fills=reader.fills + ([(media, None)] if reader.shaded else []),
        )
    finally:
        if chars is not None:
            chars.close()
        c.FPDF_ClosePage(page)


def open_document(path: str) -> pdfium.PdfDocument:
    """The PDF opened by PDFium from a file acta holds, and closes if PDFium refuses it: given a path,
    pypdfium2 leaves the file of a document it fails to load open, and a worker that meets many
    broken files (each one the engines fall back on) would run out of file descriptors. Call under
    PDFIUM."""
    fh = open(path, "rb")  # noqa: SIM115 - PDFium reads it until the document is closed (autoclose)
    try:
        return pdfium.PdfDocument(fh, autoclose=True)
    except BaseException:
        fh.close()
        raise


def open_pages(path: str) -> tuple[int, Iterator[RawPage]]:
    """The page count and a generator of raw pages; the document is closed once they are read."""
    with PDFIUM:
        pdf = open_document(path)
        count = len(pdf)
        if count == 0:
            pdf.close()
            return 0, iter(())

    def pages() -> Iterator[RawPage]:
        fonts: dict[int, Font] = {}
        damaged = damaged_pages(path, count)  # PDFium keeps what it can decode of a page without a word
        try:
            for index in range(count):
                with PDFIUM:
                    page = _read(pdf.raw, fonts, index)
                page.damaged = damaged is not None and damaged[index]
                yield page
        finally:
            with PDFIUM:
                pdf.close()

    return count, pages()
