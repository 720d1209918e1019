"""Build small PDFs from a line-by-line spec, so extraction tests state exactly what is on the page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

TOP = 720.0  # baseline of the first body line
HEADER_Y = 760.0
FOOTER_Y = 40.0
FOOTNOTE_SIZE = 8.5
RIGHT_COLUMN_X = 300.0
FONT_NAMES = {
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"),
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
}


@dataclass
class Text:
    """One printed line."""

    text: str
    size: float = 11
    bold: bool = False
    italic: bool = False
    underline: bool = False
    x: float = 72  # left edge in points
    gap_before: float = 0  # extra vertical space before the line (points)
    link: str | None = None  # URI of a link annotation over the whole line
    superscript: str | None = None  # raised small mark printed right after the text (footnote mark)
    fake_bold: bool = False  # print every glyph twice at the same place
    right: str | None = None  # text on the same baseline in a second column starting at x=300


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """Map a standard family and style to one of the 14 base fonts, which need no embedding."""
    return FONT_NAMES[family][bold + 2 * italic]


def _draw(canvas: Canvas, line: Text, y: float, family: str) -> None:
    font = font_name(family, line.bold, line.italic)
    width = stringWidth(line.text, font, line.size)
    canvas.setFont(font, line.size)
    for _ in range(2 if line.fake_bold else 1):
        canvas.drawString(line.x, y, line.text)
    if line.right is not None:
        canvas.drawString(RIGHT_COLUMN_X, y, line.right)
    if line.superscript is not None:
        canvas.setFont(font, line.size * 0.6)
        canvas.drawString(line.x + width, y + line.size * 0.4, line.superscript)
    if line.underline:
        canvas.setLineWidth(0.5)
        canvas.line(line.x, y - 1.5, line.x + width, y - 1.5)
    if line.link is not None:
        canvas.linkURL(line.link, (line.x, y - 0.25 * line.size, line.x + width, y + line.size), relative=0)


def _draw_footnotes(canvas: Canvas, notes: list[tuple[str, str]], family: str) -> None:
    """Stack the notes upwards from just above the page number, under a short rule."""
    leading = 1.3 * FOOTNOTE_SIZE
    canvas.setFont(font_name(family), FOOTNOTE_SIZE)
    y = FOOTER_Y + 2 * leading
    for mark, text in reversed(notes):
        canvas.drawString(72, y, f"{mark} {text}")
        y += leading
    canvas.setLineWidth(0.5)
    canvas.line(72, y, 216, y)


def build_pdf(
    path: str | Path,
    pages: list[list[Text]],
    header: str | None = None,
    footer_page_numbers: str | None = "- {n} -",
    footnotes: dict[int, list[tuple[str, str]]] | None = None,
    font: str = "Times",
) -> Path:
    """Write a US-letter PDF with one list of lines per page; `footnotes` is keyed by 1-based page."""
    path = Path(path)
    canvas = Canvas(str(path), pagesize=LETTER, invariant=1)
    width = LETTER[0]
    for n, lines in enumerate(pages, start=1):
        if header is not None:
            canvas.setFont(font_name(font), 10)
            canvas.drawCentredString(width / 2, HEADER_Y, header)
        y = TOP
        for line in lines:
            y -= line.gap_before
            _draw(canvas, line, y, font)
            y -= 1.3 * line.size
        if footnotes and n in footnotes:
            _draw_footnotes(canvas, footnotes[n], font)
        if footer_page_numbers is not None:
            canvas.setFont(font_name(font), 10)
            canvas.drawCentredString(width / 2, FOOTER_Y, footer_page_numbers.format(n=n, total=len(pages)))
        canvas.showPage()
    canvas.save()
    return path


def build_text_pdf(path: str | Path, lines: list[str], per_page: int = 45) -> Path:
    """Plain 11 pt lines, `per_page` to a page, no page numbers: the simplest document there is."""
    pages = [[Text(t) for t in lines[i : i + per_page]] for i in range(0, len(lines), per_page)] or [[]]
    return build_pdf(path, pages, footer_page_numbers=None)
