"""Extract stage: a PDF file in, an ExtractedDocument out (see pipeline.document).

Engines only read glyphs, rules and link annotations; pipeline.extract.layout turns them into lines,
so every engine gives the same kind of output. Failures are reported in words a user understands.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract.errors import (
    BLANK,
    EMPTY,
    NO_PAGES,
    NO_TEXT,
    OCR_EMPTY,
    PARTIAL,
    TRUNCATED,
    TRUNCATED_READ,
    ExtractError,
    describe,
    ends_properly,
    not_pdf,
)

if TYPE_CHECKING:  # imported by extract(): the errors module alone must load fast (pipeline.batch)
    from pipeline.document import ExtractedDocument, Page, PageSource
    from pipeline.extract.layout import RawPage

# engine name -> its module, imported when first used: the parent of a run never reads a PDF, and a
# rerun with nothing to do should not pay for loading pdfplumber and PDFium
ENGINES = {"pdfplumber": "pipeline.extract.plumber", "pdfium": "pipeline.extract.pdfium"}
ALL_PAGES_READ = -1  # reported once every page is read: what follows is layout, not the parser


def extract(
    path: str | Path,
    engine: str = "pdfplumber",
    on_page: Callable[[int], None] | None = None,
    ocr: str = "auto",
    lang: str | None = None,
    on_ocr: Callable[[int], None] | None = None,
) -> ExtractedDocument:
    """Read every page; pages after a broken one are lost, the ones before are kept (partial).

    `on_page` hears the number of each page before it is read, then ALL_PAGES_READ, so whoever
    kills a worker that hangs can say where it hung. Pages without a usable text layer are OCRed
    as `ocr` says (auto, always, never: pipeline.extract.ocr_pages), in `lang` if it is given;
    `on_ocr` hears the number of each page before it is OCRed (a pool grants it more time)."""
    from pipeline.document import ExtractedDocument
    from pipeline.extract import layout
    from pipeline.extract.ocr_pages import usable

    path = str(path)
    describe_header(path)
    module = importlib.import_module(ENGINES[engine])
    try:
        count, pages = module.open_pages(path)
    except Exception as exc:  # noqa: BLE001 - every parser failure becomes a readable error
        raise ExtractError(describe(exc, path)) from exc
    if count == 0:
        raise ExtractError(NO_PAGES())
    raw: list[RawPage] = []
    error = None
    while True:
        if on_page is not None and len(raw) < count:
            on_page(len(raw) + 1)
        try:
            page = next(pages, None)
        except Exception as exc:  # noqa: BLE001
            reason = describe(exc, path)
            if not raw:
                raise ExtractError(reason) from exc
            error = PARTIAL(page=len(raw) + 1, count=count, reason=reason)
            break
        if page is None:
            break
        raw.append(page)
    if on_page is not None:
        on_page(ALL_PAGES_READ)
    pages = layout.assemble(raw)
    raw, sources, missing = _with_ocr(path, raw, pages, (ocr, lang), on_ocr)
    with_text = sum(1 for p in raw if any(g.text.strip() for g in p.glyphs))
    truncated = not ends_properly(path)  # an engine may have read past the cut without a complaint
    if not with_text or (missing is not None and not any(map(usable, sources))):
        if error is not None or missing is not None:
            raise ExtractError(error or missing)
        ocred = any(s.text_source == "ocr" for s in sources)
        no_text = OCR_EMPTY() if ocred else NO_TEXT() if any(p.images for p in raw) else BLANK()
        raise ExtractError(TRUNCATED() if truncated else no_text)
    if truncated and error is None:
        error = TRUNCATED_READ(read=with_text, count=count)
    if any(s.text_source == "ocr" for s in sources):
        pages = layout.assemble(raw)
    return ExtractedDocument(
        path=path, pages=pages, page_count=count, engine=engine, error=error or missing, sources=sources
    )


def _with_ocr(
    path: str,
    raw: list[RawPage],
    pages: list[Page],
    setting: tuple[str, str | None],
    on_ocr: Callable[[int], None] | None,
) -> tuple[list[RawPage], list[PageSource], str | None]:
    """The pages with OCR text where it was needed, where each page's text came from, and the error
    for pages that needed OCR and could not have it (pipeline.extract.ocr_pages)."""
    from pipeline.extract.ocr_pages import read_pages

    return read_pages(path, raw, pages, *setting, on_ocr=on_ocr)


def describe_header(path: str) -> None:
    """Refuse files that are not PDFs before a parser sees them."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise ExtractError(EMPTY())
    if b"%PDF-" not in head:
        raise ExtractError(not_pdf(head))


__all__ = ["ALL_PAGES_READ", "ENGINES", "ExtractError", "extract"]
