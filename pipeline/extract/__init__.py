"""Extract stage: a PDF file in, an ExtractedDocument out (see pipeline.document).

Engines only read glyphs, rules and link annotations; pipeline.extract.layout turns them into lines,
so every engine gives the same kind of output. Failures are reported in words a user understands.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.document import ExtractedDocument
from pipeline.extract import layout, plumber
from pipeline.extract.errors import ExtractError, describe

ENGINES = {"pdfplumber": plumber}


def extract(path: str | Path, engine: str = "pdfplumber") -> ExtractedDocument:
    """Read every page; pages after a broken one are lost, the ones before are kept (partial)."""
    path = str(path)
    describe_header(path)
    module = ENGINES[engine]
    try:
        count, pages = module.open_pages(path)
    except Exception as exc:  # noqa: BLE001 - every parser failure becomes a readable error
        raise ExtractError(describe(exc, path)) from exc
    raw = []
    error = None
    try:
        for page in pages:
            raw.append(page)
    except Exception as exc:  # noqa: BLE001
        error = f"page {len(raw) + 1}: {describe(exc, path)}"
        if not raw:
            raise ExtractError(error) from exc
    if count == 0:
        raise ExtractError("no pages: the PDF has no page")
    if not any(g.text.strip() for p in raw for g in p.glyphs):
        raise ExtractError("no text layer: the pages are images (OCR is not applied)")
    return ExtractedDocument(
        path=path, pages=layout.assemble(raw), page_count=count, engine=engine, error=error
    )


def describe_header(path: str) -> None:
    """Refuse files that are not PDFs before a parser sees them."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise ExtractError("empty file: 0 bytes")
    if b"%PDF-" not in head:
        start = head[:16].decode("latin-1").strip().replace("\n", " ")
        raise ExtractError(f"not a PDF: the file starts with {start!r}")


__all__ = ["ENGINES", "ExtractError", "extract"]
