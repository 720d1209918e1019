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
    DAMAGED,
    EMPTY,
    FALLBACK,
    LAYER_LOST,
    NO_EOF,
    NO_PAGES,
    NO_TEXT,
    OCR_EMPTY,
    OCR_NEEDED,
    ONLY_HIDDEN,
    PARTIAL,
    TOO_LARGE,
    TRUNCATED,
    TRUNCATED_READ,
    ExtractError,
    complete_but_eof,
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
# failures that the other engine would meet as well: not worth reading the file twice (a scan has
# no text for either, nor do pages OCR could not read or run on; a file that ran out of memory would
# run out again)
NO_FALLBACK = (NO_TEXT, TOO_LARGE, OCR_EMPTY, OCR_NEEDED)


def extract(
    path: str | Path,
    engine: str = "pdfplumber",
    on_page: Callable[[int], None] | None = None,
    ocr: str = "auto",
    lang: str | None = None,
    on_ocr: Callable[[int], None] | None = None,
) -> ExtractedDocument:
    """Read every page with `engine`, or with the other engine where `engine` cannot read the file.

    `on_page` hears the number of each page before it is read, then ALL_PAGES_READ, so whoever
    kills a worker that hangs can say where it hung. The engines fail on different damage (pdfminer
    on a broken cross-reference table or a nested annotation, PDFium on others), so a file one of
    them cannot read is given to the other before it is called failed; its first error is the one
    told if neither can. Pages without a usable text layer are OCRed as `ocr` says (auto, always,
    never: pipeline.extract.ocr_pages), in `lang` if it is given; `on_ocr` hears the number of each
    page before it is OCRed (a pool grants it more time)."""
    path = str(path)
    describe_header(path)
    settings = (ocr, lang, on_ocr)
    try:
        return read_with(path, engine, on_page, settings)
    except ExtractError as exc:
        if any(m.matches(str(exc)) for m in NO_FALLBACK):
            raise
        other = next(name for name in ENGINES if name != engine)
        try:
            doc = read_with(path, other, on_page, settings)
        except ExtractError:
            raise exc from None
        doc.warnings.insert(0, FALLBACK(engine=other, first=engine, reason=str(exc)))
        return doc


def read_with(
    path: str,
    engine: str,
    on_page: Callable[[int], None] | None = None,
    settings: tuple[str, str | None, Callable[[int], None] | None] = ("auto", None, None),
) -> ExtractedDocument:
    """Read every page with one engine; pages after a broken one are lost, the ones before are kept
    (partial); pages whose content is damaged keep what could be decoded (partial)."""
    from pipeline.document import ExtractedDocument
    from pipeline.extract import layout
    from pipeline.extract.ocr_pages import usable

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
    ocr, lang, on_ocr = settings
    raw, sources, missing = _with_ocr(path, raw, pages, (ocr, lang), on_ocr)
    with_text = sum(1 for p in raw if any(g.text.strip() for g in p.glyphs))
    truncated = not ends_properly(path)  # an engine may have read past the cut without a complaint
    if not with_text or (missing is not None and not any(map(usable, sources))):
        if error is not None or missing is not None:
            raise ExtractError(error or missing)
        ocred = any(s.text_source == "ocr" for s in sources)
        no_text = OCR_EMPTY() if ocred else NO_TEXT() if any(p.images for p in raw) else BLANK()
        raise ExtractError(TRUNCATED() if truncated else no_text)
    warnings = []
    if truncated and error is None and len(raw) == count and complete_but_eof(path):
        warnings.append(NO_EOF())  # only the end marker is missing: every page is there
    elif truncated and error is None:
        error = TRUNCATED_READ(read=with_text, count=count)
    if any(s.text_source == "ocr" for s in sources):
        pages = layout.assemble(raw)
    document = ExtractedDocument(
        path=path,
        pages=pages,
        page_count=count,
        engine=engine,
        error=error or missing or damaged(raw, count),
        warnings=warnings + lost_layers(raw),  # after assemble: layout records a page's footnotes it lost
        sources=sources,
    )
    if document.hidden_chars and not any(p.lines or p.header or p.footnotes for p in document.pages):
        raise ExtractError(ONLY_HIDDEN(chars=document.hidden_chars))
    return document


def damaged(raw: list[RawPage], count: int) -> str | None:
    """DAMAGED, naming the pages whose content an engine could not fully decode; None if none."""
    numbers = [str(p.number) for p in raw if p.damaged]
    if not numbers:
        return None
    pages = f"page {numbers[0]}" if len(numbers) == 1 else f"pages {', '.join(numbers)}"
    return DAMAGED(pages=pages, count=count)


def lost_layers(raw: list[RawPage]) -> list[str]:
    """A warning for each layer (links, footnotes) that a page was read without, in part or whole."""
    return [LAYER_LOST(layer=layer, page=p.number) for p in raw for layer in dict.fromkeys(p.lost)]


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
