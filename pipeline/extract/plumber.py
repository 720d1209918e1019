"""pdfplumber engine: one glyph per character, rules from lines and thin rects, link annotations."""

from __future__ import annotations

import io
import logging
import re
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
        return pdfplumber.open(path)
    except Exception as exc:
        if "no /root" not in repr(exc.args).lower() and "eof" not in repr(exc.args).lower():
            raise
        repaired = _with_trailer(path)
        if repaired is None:
            raise
        try:
            return pdfplumber.open(repaired)
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
