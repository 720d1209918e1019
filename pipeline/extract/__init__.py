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
    ONLY_HIDDEN,
    PARTIAL,
    TRUNCATED,
    TRUNCATED_READ,
    ExtractError,
    describe,
    ends_properly,
    not_pdf,
)

if TYPE_CHECKING:  # imported by extract(): the errors module alone must load fast (pipeline.batch)
    from pipeline.document import ExtractedDocument
    from pipeline.extract.layout import RawPage

# engine name -> its module, imported when first used: the parent of a run never reads a PDF, and a
# rerun with nothing to do should not pay for loading pdfplumber and PDFium
ENGINES = {"pdfplumber": "pipeline.extract.plumber", "pdfium": "pipeline.extract.pdfium"}
ALL_PAGES_READ = -1  # reported once every page is read: what follows is layout, not the parser


def extract(
    path: str | Path, engine: str = "pdfplumber", on_page: Callable[[int], None] | None = None
) -> ExtractedDocument:
    """Read every page; pages after a broken one are lost, the ones before are kept (partial).

    `on_page` hears the number of each page before it is read, then ALL_PAGES_READ, so whoever
    kills a worker that hangs can say where it hung."""
    from pipeline.document import ExtractedDocument
    from pipeline.extract import layout

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
    with_text = sum(1 for p in raw if any(g.text.strip() for g in p.glyphs))
    truncated = not ends_properly(path)  # an engine may have read past the cut without a complaint
    if not with_text:
        if error is not None:
            raise ExtractError(error)
        raise ExtractError(TRUNCATED() if truncated else NO_TEXT() if any(p.images for p in raw) else BLANK())
    if truncated and error is None:
        error = TRUNCATED_READ(read=with_text, count=count)
    document = ExtractedDocument(
        path=path, pages=layout.assemble(raw), page_count=count, engine=engine, error=error
    )
    if document.hidden_chars and not any(p.lines or p.header or p.footnotes for p in document.pages):
        raise ExtractError(ONLY_HIDDEN(chars=document.hidden_chars))
    return document


def describe_header(path: str) -> None:
    """Refuse files that are not PDFs before a parser sees them."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise ExtractError(EMPTY())
    if b"%PDF-" not in head:
        raise ExtractError(not_pdf(head))


__all__ = ["ALL_PAGES_READ", "ENGINES", "ExtractError", "extract"]
