"""OCR engine: a page rendered by PDFium, read by Tesseract, reported as glyphs like any engine's.

Each word Tesseract finds becomes one glyph run, so layout (pipeline.extract.layout) makes lines,
columns, headers and footnotes of OCR text exactly as of a text layer, and segment and parse run
unchanged. A word's box is the em box a text engine gives (baseline, descent, size) from its line's
baseline and height in Tesseract's hOCR, so the words of a line share a baseline as typeset text
does; a word raised above its line and smaller (a footnote mark) keeps its own box. A word drawn
with thicker strokes than the page's usual is bold ("OCR-Bold"), which is what headings are found by.

Tesseract runs as a subprocess (pytesseract) with one thread (OMP_THREAD_LIMIT=1): parallelism comes
from acta's workers. `unavailable()` says why OCR cannot run here, or None.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from pipeline.document import BBox
from pipeline.extract.layout.glyphs import Glyph
from pipeline.extract.ocr_rules import find_rules
from pipeline.language import LANGUAGES, cues

if TYPE_CHECKING:
    from PIL.Image import Image

DPI = 300
PX = 72 / DPI  # points per pixel
DESCENT = 0.2  # of the size: where an em box's bottom sits below the baseline
SIZE_PER_LINE = 1.12  # a font's size per Tesseract line height (x_size), measured on typeset pages
SNAP = 0.08  # sizes closer than this share to a more common size are that size
BOLD_STROKE = 1.3  # a word whose strokes are this much thicker than the page's usual is bold
FONT, BOLD_FONT = "OCR", "OCR-Bold"

BULLET_READINGS = frozenset("+¢«»°©®*")  # signs a line never starts with, but a bullet is read as
# a line of text is an ocr_line, or a header, caption or floating line (Tesseract's own kinds of line)
LINE = re.compile(r"<span class='ocr_(?:line|header|caption|textfloat)'[^>]*title=\"([^\"]*)\"")
WORD = re.compile(r"<span class='ocrx_word'[^>]*title='([^']*)'[^>]*>(.*?)</span>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


@dataclass
class OcrPage:
    """A page read by OCR: its words as glyphs, the mean of their confidences (0-100) and the rules
    drawn in its image (pipeline.extract.ocr_rules)."""

    glyphs: list[Glyph]
    confidence: float | None
    rules: list[BBox] = field(default_factory=list)


@cache
def unavailable() -> str | None:
    """Why OCR cannot run here (no pytesseract, no tesseract program, a language missing), or None.

    Asked by the parent of a run, which must stay light: pytesseract is looked for, not imported
    (it imports pandas), and Tesseract is asked for its languages directly."""
    if importlib.util.find_spec("pytesseract") is None:
        return "the Python package pytesseract is not installed"
    program = shutil.which("tesseract")
    if program is None:
        return "the tesseract program is not installed"
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:  # a broken install is reported, not raised
        return f"tesseract does not run ({type(exc).__name__})"
    have = set(listed.stdout.split())
    missing = sorted({code for lang in LANGUAGES for code in cues(lang).ocr_languages} - have)
    return f"tesseract lacks the languages {', '.join(missing)}" if missing else None


def languages(main: str | None) -> str:
    """Tesseract's language setting: the document's language as its language file says to read it
    (models/lang, ocr_languages: English with Spanish, for the names); when the language is not known
    yet, every language's own traineddata."""
    if main in LANGUAGES:
        return "+".join(cues(main).ocr_languages)
    return "+".join(cues(lang).ocr_languages[0] for lang in LANGUAGES)


def render(path: str, index: int) -> Image:
    """Page `index` of the PDF as a grey image at DPI, drawn by PDFium whatever the text engine is."""

    from pipeline.extract.pdfium import PDFIUM, open_document

    with PDFIUM:
        pdf = open_document(path)
        try:
            page = pdf[index]
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            page.close()
        finally:
            pdf.close()
    return image


def covered(path: str, index: int) -> float:
    """The share of page `index` that its largest picture covers: most of it for a scan."""
    import pypdfium2.raw as c

    from pipeline.extract.pdfium import PDFIUM, open_document

    with PDFIUM:
        pdf = open_document(path)
        try:
            page = pdf[index]
            width, height = page.get_size()
            largest = 0.0
            for image in page.get_objects(filter=(c.FPDF_PAGEOBJ_IMAGE,)):
                left, bottom, right, top = image.get_bounds()
                w = min(right, width) - max(left, 0.0)
                h = min(top, height) - max(bottom, 0.0)
                largest = max(largest, max(w, 0.0) * max(h, 0.0))
            page.close()
        finally:
            pdf.close()
    return largest / (width * height) if width * height > 0 else 0.0


def read(image: Image, lang: str) -> OcrPage:
    """The words of a page image as glyphs in PDF points, with Tesseract's mean word confidence."""
    import numpy as np
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract's own threads would fight acta's workers
    hocr = pytesseract.image_to_pdf_or_hocr(image, lang=lang, extension="hocr").decode("utf-8")
    ink = np.asarray(image.convert("L")) < 128
    words, confidences = _words(hocr)
    strokes = [_stroke(ink, box) for box, *_ in words]
    usual = _usual(strokes, [len(text) for _, text, _ in words])
    glyphs = [
        _glyph(text, box, line, bold=usual is not None and stroke > BOLD_STROKE * usual)
        for (box, text, line), stroke in zip(words, strokes, strict=True)
    ]
    mean = sum(confidences) / len(confidences) if confidences else None
    return OcrPage(glyphs, None if mean is None else round(mean, 1), find_rules(ink, PX))


Box = tuple[float, float, float, float]
LineGeometry = tuple[float, float, float, float]  # x0, baseline at x0, slope, height (x_size)


def _words(hocr: str) -> tuple[list[tuple[Box, str, LineGeometry]], list[float]]:
    """Every word with its box, text and line geometry (pixels), and the words' confidences."""
    words: list[tuple[Box, str, LineGeometry]] = []
    confidences: list[float] = []
    starts = [(m.start(), m.group(1)) for m in LINE.finditer(hocr)]
    for n, (start, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(hocr)
        line = _line(_fields(title))
        first = True
        for match in WORD.finditer(hocr, start, end):
            text = html.unescape(TAG.sub("", match.group(2))).strip()
            fields = _fields(match.group(1))
            if not text or "bbox" not in fields:
                continue
            if first and text in BULLET_READINGS:
                text = "•"  # a list's bullet, which Tesseract reads as the nearest sign it knows
            first = False
            x0, y0, x1, y1 = (float(v) for v in fields["bbox"])
            words.append(((x0, y0, x1, y1), text, line))
            if "x_wconf" in fields:
                confidences.append(float(fields["x_wconf"][0]))
    return words, confidences


def _fields(title: str) -> dict[str, list[str]]:
    """hOCR's title attribute: 'bbox 1 2 3 4; baseline 0 -8; x_size 40' -> {'bbox': ['1', …], …}."""
    out = {}
    for part in title.split(";"):
        key, *values = part.split()
        out[key] = values
    return out


def _line(fields: dict[str, list[str]]) -> LineGeometry:
    """A line's left edge, baseline there, slope and height, from its bbox, baseline and x_size."""
    x0, _, x1, y1 = (float(v) for v in fields["bbox"])
    slope, offset = (float(v) for v in fields.get("baseline", ["0", "0"]))
    height = float(fields["x_size"][0]) if "x_size" in fields else y1 - float(fields["bbox"][1])
    ascenders, descenders = (float(fields.get(k, ["0"])[0]) for k in ("x_ascenders", "x_descenders"))
    if descenders < 0.75 * ascenders:  # a line without descenders: Tesseract guesses them too short
        height += ascenders - descenders
    return x0, y1 + offset, slope, height


def _glyph(text: str, box: Box, line: LineGeometry, bold: bool) -> Glyph:
    """A word as a text engine would report it: the em box on its line's baseline, in points; a
    small word raised above the baseline (a footnote mark) keeps its own box and a smaller size."""
    x0, y0, x1, y1 = box
    left, base0, slope, height = line
    baseline = base0 + slope * ((x0 + x1) / 2 - left)
    size = height * SIZE_PER_LINE
    font = BOLD_FONT if bold else FONT
    if y1 < baseline - 0.3 * height and y1 - y0 < 0.6 * height:
        return Glyph(text + " ", x0 * PX, y0 * PX, x1 * PX, y1 * PX, font, round(size * 0.6 * PX, 1))
    bottom = base0 + DESCENT * size  # the baseline where the line starts, as rules are placed
    return Glyph(text + " ", x0 * PX, (bottom - size) * PX, x1 * PX, bottom * PX, font, round(size * PX, 1))


def _stroke(ink: Any, box: Box) -> float:
    """The mean width of a word's horizontal ink runs in pixels: its stroke weight."""
    x0, y0, x1, y1 = (int(v) for v in box)
    crop = ink[y0 : y1 + 1, x0 : x1 + 1]
    if crop.size == 0:
        return 0.0
    runs = int((crop[:, 1:] & ~crop[:, :-1]).sum() + crop[:, 0].sum())
    return float(crop.sum()) / runs if runs else 0.0


def _usual(strokes: list[float], weights: list[int]) -> float | None:
    """The page's usual stroke weight: the median over its characters (most text is regular)."""
    pairs = sorted((s, w) for s, w in zip(strokes, weights, strict=True) if s > 0)
    total = sum(w for _, w in pairs)
    seen = 0
    for stroke, w in pairs:
        seen += w
        if seen * 2 >= total:
            return stroke
    return None


def snap(pages: list[list[Glyph]]) -> list[list[Glyph]]:
    """Sizes within SNAP of a more common one, over a document's OCRed pages, become it: a line's
    height varies with its letters (capitals, descenders) where typeset text has one size, and layout
    compares sizes (a body line read larger would be a heading)."""
    weights: dict[float, int] = {}
    for glyphs in pages:
        for g in glyphs:
            weights[g.size] = weights.get(g.size, 0) + len(g.text)
    centres: list[float] = []
    to: dict[float, float] = {}
    for size in sorted(weights, key=lambda s: -weights[s]):
        near = [c for c in centres if abs(size - c) <= SNAP * c]
        to[size] = near[0] if near else size
        if not near:
            centres.append(size)
    return [[g._replace(size=to[g.size]) for g in glyphs] for glyphs in pages]
