"""Which pages to OCR, and where each page's text came from.

Per page, after layout has made its lines from the text layer: a page whose layer measures below
quality.GOOD (no text on a picture, glyphs without Unicode, mostly non-words) is OCRed; so is a
scanned page (a picture covering most of it) whose layer, someone's earlier OCR, is below SCAN_GOOD,
and there the reading with fewer non-words is kept. A page whose layer is good is never OCRed. With
`--ocr always` every page with ink is OCRed; with `never`, none.

Where OCR cannot run (no Tesseract), a page that needed it keeps what its layer has, and the document
says which pages were not read: partial, or failed when no page could be read at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.document import PageSource
from pipeline.extract import ocr, quality
from pipeline.extract.errors import OCR_NEEDED

if TYPE_CHECKING:
    from pipeline.document import BBox, Page
    from pipeline.extract.layout import Glyph, RawPage

MODES = ("auto", "always", "never")
SCAN_GOOD = 0.99  # an earlier OCR layer under a scan is read again unless it is this clean
SCAN_COVER = 0.5  # a picture covering this share of the page makes it a scan


def layer_quality(raw: RawPage, page: Page) -> tuple[float, int]:
    """quality.quality of a page's whole text layer, on the lines layout made of it. The lines kept
    out as hidden count too, as the glyphs do: an old OCR layer's noise often lies outside the crop
    box (bleed from the facing page), and it says how far that layer can be trusted."""
    texts = [ln.text for ln in page.header] + [ln.text for ln in page.lines]
    texts += [n.text for n in page.footnotes] + [ln.text for ln in page.hidden]
    return quality.quality(raw.glyphs, texts, raw.images)


def wanted(path: str, raw: RawPage, measured: float, mode: str) -> bool:
    """Whether the page is to be OCRed under `mode`."""
    if mode == "never" or (not raw.glyphs and not raw.images):
        return False
    if mode == "always" or measured < quality.GOOD:
        return True
    return measured < SCAN_GOOD and raw.images > 0 and _covered(path, raw.number - 1) >= SCAN_COVER


def _covered(path: str, index: int) -> float:
    """ocr.covered, or nothing where PDFium cannot open the file that the other engine read."""
    try:
        return ocr.covered(path, index)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - then the page is not taken for a scan; its layer stands
        return 0.0


def read_pages(
    path: str,
    raw: list[RawPage],
    pages: list[Page],
    mode: str,
    lang: str | None,
    on_ocr: Callable[[int], None] | None = None,
) -> tuple[list[RawPage], list[PageSource], str | None]:
    """The raw pages with OCR glyphs where OCR was wanted and read better, a PageSource per page, and
    the OCR_NEEDED error when pages that needed OCR could not have it."""
    measured = [layer_quality(r, p) for r, p in zip(raw, pages, strict=True)]
    sources = [
        PageSource(r.number, "layer", q, None, chars) for r, (q, chars) in zip(raw, measured, strict=True)
    ]
    todo = [i for i, r in enumerate(raw) if wanted(path, r, measured[i][0], mode)]
    if not todo:
        return raw, sources, None
    off = ocr.unavailable()
    if off is not None:
        lost = [raw[i].number for i in todo if measured[i][0] < quality.GOOD]
        return raw, sources, OCR_NEEDED(pages=_numbers(lost), reason=off) if lost else None
    main = lang or _language([p for i, p in enumerate(pages) if i not in todo])
    out = list(raw)
    for i in todo:
        if on_ocr is not None:
            on_ocr(raw[i].number)
        try:
            read, main = _read(path, i, main)
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - PDFium cannot draw the page (pdfplumber read it): damaged
            out[i] = replace(raw[i], damaged=True)
            continue
        glyphs, rules = _placed(read, raw[i])
        page = replace(raw[i], glyphs=glyphs, rules=rules, images=max(raw[i].images, 1))
        better, chars = _measure_ocr(page, read.glyphs)
        if mode == "always" or measured[i][0] < quality.GOOD or better > measured[i][0]:
            out[i] = page
            sources[i] = PageSource(raw[i].number, "ocr", measured[i][0], read.confidence, chars)
    ocred = [i for i, s in enumerate(sources) if s.text_source == "ocr"]
    for i, glyphs in zip(ocred, ocr.snap([out[i].glyphs for i in ocred]), strict=True):
        out[i] = replace(out[i], glyphs=glyphs)
    return out, sources, None


def _read(path: str, index: int, main: str | None) -> tuple[ocr.OcrPage, str | None]:
    """Page `index` read in the document's language. Not known yet, the page is read in all four,
    and again in the language its text is in: one language reads its own accents better than four
    together ("Simões", not "Simóes"), and the pages after it are read in that one."""
    image = ocr.render(path, index)
    if main is not None:
        return ocr.read(image, ocr.languages(main)), main
    first = ocr.read(image, ocr.languages(None))
    found = _language_of(first.glyphs)
    if found is None:
        return first, None
    return ocr.read(image, ocr.languages(found)), found


def _placed(read: ocr.OcrPage, raw: RawPage) -> tuple[list[Glyph], list[BBox]]:
    """OCR's words and rules where the engines put the page's text: PDFium renders the crop box, so
    OCR measures from its corner, and the engines from the media box's (a scan's crop box is often
    set in from the edges, and layout.hidden keeps out what falls outside it)."""
    dx, dy = (raw.crop[0], raw.crop[1]) if raw.crop is not None else (0.0, 0.0)
    if not (dx or dy):
        return read.glyphs, read.rules
    glyphs = [
        g._replace(x0=g.x0 + dx, top=g.top + dy, x1=g.x1 + dx, bottom=g.bottom + dy) for g in read.glyphs
    ]
    return glyphs, [(x0 + dx, top + dy, x1 + dx, bottom + dy) for x0, top, x1, bottom in read.rules]


def usable(source: PageSource) -> bool:
    """Text worth keeping: OCR's, or a layer that did not need it."""
    return source.chars > 0 and (source.text_source == "ocr" or source.quality >= quality.GOOD)


def _measure_ocr(page: RawPage, glyphs: list) -> tuple[float, int]:
    """quality.quality of OCR text, on its words as they stand (layout runs once, after the choice)."""
    return quality.quality(glyphs, [" ".join(g.text for g in glyphs)], page.images)


def _language(pages: list[Page]) -> str | None:
    """The language of the pages read from their layer, when there is enough of it to tell."""
    from pipeline.language import detect_language

    body = " ".join(ln.text for p in pages for ln in p.lines)
    return detect_language("", body) if len(body.split()) >= 50 else None


def _language_of(glyphs: list) -> str | None:
    from pipeline.language import detect_language

    text = " ".join(g.text for g in glyphs)
    return detect_language("", text) if len(text.split()) >= 50 else None


def _numbers(pages: list[int]) -> str:
    """Page numbers as a reader writes them: "3", "2, 5 and 7", "1-23"."""
    if len(pages) > 2 and pages == list(range(pages[0], pages[-1] + 1)):
        return f"{pages[0]}-{pages[-1]}"
    return " and ".join(", ".join(map(str, pages)).rsplit(", ", 1))
