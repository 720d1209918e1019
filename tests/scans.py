"""Scanned copies of PDFs, made here: what an office scanner makes of a printed record.

Each page is rendered by PDFium, made grey, turned a little (0.3-0.8 degrees, as paper sits in a
feeder), blurred a little and saved as a JPEG of quality 70 inside a PDF (Pillow), so the copy has no
text layer at all. Also: a text PDF with one page swapped for its scan, a scan with a noisy OCR layer
over it (an old OCR program's output), and a page whose font has no Unicode map (glyphs as CIDs).
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

DPI = 300
QUALITY = 70


def page_images(pdf: bytes | Path, dpi: int = DPI, seed: int = 0) -> list[Image.Image]:
    """Every page as a scanner would see it: grey, turned a little, blurred a little."""
    rng = random.Random(seed)
    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    images = []
    try:
        for page in doc:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            angle = rng.choice((-1, 1)) * rng.uniform(0.3, 0.8)
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            images.append(image.filter(ImageFilter.GaussianBlur(0.7)))
            page.close()
    finally:
        doc.close()
    return images


def images_pdf(images: list[Image.Image], dpi: int = DPI) -> bytes:
    """The images as a PDF of JPEG pages (quality 70), one image per page at `dpi`."""
    buf = io.BytesIO()
    images[0].save(
        buf, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi), quality=QUALITY
    )
    return buf.getvalue()


def scanned(pdf: bytes | Path, seed: int = 0) -> bytes:
    """An image-only copy of the PDF, as from an office scanner."""
    return images_pdf(page_images(pdf, seed=seed))


def with_scanned_page(pdf: bytes | Path, index: int, seed: int = 0) -> bytes:
    """The PDF with page `index` (0-based) replaced by its scan; the other pages keep their text."""
    from pypdf import PdfReader, PdfWriter

    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    text, scan = PdfReader(io.BytesIO(data)), PdfReader(io.BytesIO(scanned(data, seed)))
    writer = PdfWriter()
    for i, page in enumerate(text.pages):
        writer.add_page(scan.pages[i] if i == index else page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


NOISE = {"l": "1", "i": "l", "e": "c", "m": "rn", "o": "0", "a": "~", "h": "b", "n": "u"}


def noisy(text: str, rng: random.Random, rate: float = 0.35) -> str:
    """Text as a poor OCR program read it: about `rate` of the words with a letter misread or a case
    flipped ("aIl", "procedl1le", "~onsidering")."""
    words = []
    for word in text.split(" "):
        if len(word) > 2 and rng.random() < rate:
            i = rng.randrange(1, len(word))
            ch = word[i]
            swap = NOISE.get(ch.lower(), ch.swapcase() if ch.isalpha() else "~")
            word = word[:i] + swap + word[i + 1 :]
        words.append(word)
    return " ".join(words)


def with_noisy_layer(pdf: bytes | Path, seed: int = 0) -> bytes:
    """A scan of the PDF with an invisible, noisy text layer over each page image, where an old OCR
    program would have put its reading: the text engine reads the layer, the eye the picture."""
    import pdfplumber
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    rng = random.Random(seed)
    out = io.BytesIO()
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        canvas = Canvas(out)
        for page, image in zip(plumber.pages, page_images(data, seed=seed), strict=True):
            width, height = float(page.width), float(page.height)
            canvas.setPageSize((width, height))
            jpeg = io.BytesIO()
            image.save(jpeg, "JPEG", quality=QUALITY)
            canvas.drawImage(ImageReader(jpeg), 0, 0, width, height)
            for line in page.extract_text_lines():
                text = canvas.beginText(line["x0"], height - line["bottom"] + 2)
                text.setTextRenderMode(3)  # invisible, as OCR programs lay their text
                text.setFont("Helvetica", max(4.0, line["bottom"] - line["top"]))
                text.textOut(noisy(line["text"], rng))
                canvas.drawText(text)
            canvas.showPage()
        canvas.save()
    return out.getvalue()


def without_unicode(lines: list[str]) -> bytes:
    """A one-page PDF whose text is set in an embedded TrueType (CID) font with its ToUnicode map
    removed: pdfplumber reads every glyph as "(cid:N)", as with many old word-processor exports."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    with matplotlib.rc_context({"pdf.fonttype": 42}):
        figure = plt.figure(figsize=(8.5, 11))
        for i, line in enumerate(lines):
            figure.text(0.1, 0.9 - 0.025 * i, line, fontsize=11, family="DejaVu Serif")
        buf = io.BytesIO()
        figure.savefig(buf, format="pdf")
        plt.close(figure)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    for page in writer.pages:
        fonts: Any = page["/Resources"]["/Font"]  # type: ignore[index]
        for font in fonts.values():
            font = font.get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
