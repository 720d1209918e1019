"""pdfplumber engine: one glyph per character, rules from lines and thin rects, link annotations."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pdfplumber

from pipeline.extract.layout import Glyph, RawPage

NAME = "pdfplumber"
# pdfminer logs a warning for every oddity of a damaged file; what matters reaches the documents row
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _rules(page: Any) -> list[tuple[float, float, float, float]]:
    rules = [
        (ln["x0"], ln["top"], ln["x1"], ln["bottom"])
        for ln in page.lines
        if abs(ln["top"] - ln["bottom"]) < 2
    ]
    rules += [
        (r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects if r["height"] < 2.5 and r["width"] > 5
    ]
    return rules


def _links(page: Any) -> list[tuple[str, tuple[float, float, float, float]]]:
    out = []
    for h in page.hyperlinks:
        uri = h.get("uri")
        if isinstance(uri, bytes):
            uri = uri.decode("latin-1")
        if uri:
            out.append((str(uri), (h["x0"], h["top"], h["x1"], h["bottom"])))
    return out


def open_pages(path: str) -> tuple[int, Iterator[RawPage]]:
    """The page count and a generator of raw pages; each page is closed after it is read."""
    pdf = pdfplumber.open(path)
    count = len(pdf.pages)

    def pages() -> Iterator[RawPage]:
        try:
            for page in pdf.pages:
                try:
                    glyphs = [
                        Glyph(
                            text=c["text"],
                            x0=c["x0"],
                            top=c["top"],
                            x1=c["x1"],
                            bottom=c["bottom"],
                            font=str(c.get("fontname", "")),
                            size=float(c.get("size", 0.0)),
                        )
                        for c in page.chars
                    ]
                    yield RawPage(
                        number=page.page_number,
                        width=float(page.width),
                        height=float(page.height),
                        glyphs=glyphs,
                        rules=_rules(page),
                        links=_links(page),
                        images=len(page.images),
                    )
                finally:
                    page.close()
        finally:
            pdf.close()

    return count, pages()
