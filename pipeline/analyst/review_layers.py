"""The layers of a review that are no table's rows: text kept out as hidden, and the lines OCR read.

Both come from the extract stage's typed output (pipeline.document: Page.hidden, Page lines and
ExtractedDocument.sources), so the review shows what the run used; nothing is read again.
"""

from __future__ import annotations

from pipeline.analyst.review_page import Item
from pipeline.document import ExtractedDocument, Page, PageSource


def kept_out(pages: list[Page]) -> list[Item]:
    """Text no reader sees, which no table holds (pipeline.extract.layout.hidden): shown so that a
    reviewer sees what was dropped, and where (a box off the page shows beside it)."""
    return [
        Item("hidden", {"text": ln.text, "page": p.number}, [(p.number, ln.bbox)])
        for p in pages
        for ln in p.hidden
    ]


def ocr_lines(extracted: ExtractedDocument) -> list[Item]:
    """The lines Tesseract read on each OCRed page, with their text and boxes as the extract stage
    made them (nothing is read again): a reviewer sees what OCR found, and where, under the rows'
    boxes (drawn first, so the rows' boxes lie on top)."""
    ocred = {s.page for s in extracted.sources if s.text_source == "ocr"}
    return [
        Item("ocr", {"text": ln.text, "page": p.number}, [(p.number, ln.bbox)])
        for p in extracted.pages
        if p.number in ocred
        for ln in [*p.header, *p.lines]
    ]


def ocr_note(sources: list[PageSource]) -> list[str]:
    """Say which pages were read by OCR: their boxes are where Tesseract found the words."""
    from pipeline.analyst.show import page_list

    ocred = [s.page for s in sources if s.text_source == "ocr"]
    if not ocred:
        return []
    return [
        f"Page(s) {page_list(ocred)} were read by OCR (Tesseract): the lines it read there are boxed"
        " ('OCR lines'), and the rows' boxes are where it found their words."
    ]
