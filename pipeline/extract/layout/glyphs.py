"""What an engine reports (glyphs, rules, link boxes of one page) and how a glyph's text and font read.

This is all an engine needs to know of layout: it fills a RawPage with Glyphs and never decides what
a line, a header or a footnote is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from pipeline.document import BBox

LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
LIGATURE = re.compile("[" + "".join(map(chr, LIGATURES)) + "]")  # translate() is slow on non-ASCII text
CID = re.compile(r"\(cid:\d+\)")
SPACES = re.compile(r"\s+")
Colour = tuple[int, int, int]  # red, green, blue, 0-255, as PDFium reports a fill colour
BLACK: Colour = (0, 0, 0)  # the colour a PDF paints in until told otherwise
Paint = tuple[int, Colour | None, Colour | None]  # a glyph's render mode, fill and stroke colours
PLAIN: Paint = (0, BLACK, BLACK)  # filled in black: how text is painted unless told otherwise


class Glyph(NamedTuple):
    """A character, or a run of characters in one font, as an engine reports it.

    Layout weighs glyphs by their number of characters wherever it counts or votes, so a run and the
    characters it is made of come out the same. A tuple, not a dataclass: an engine makes one per
    character on every page, and a tuple is made in half the time."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str
    size: float
    # how the glyph is painted, for layout.hidden: the text render mode (3 and 7 paint nothing) and
    # the fill and stroke colours (None: a colour that is not one, a pattern or an unknown ink)
    render: int = 0
    fill: Colour | None = BLACK
    stroke: Colour | None = BLACK


@dataclass
class RawPage:
    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[BBox]  # horizontal strokes (underlines, separators)
    links: list[tuple[str, BBox]]  # link annotations: URI and the box they cover
    images: int = 0  # pictures on the page: a page of images and no glyphs is a scan
    damaged: bool = False  # its content could not be fully decoded: the glyphs are what could be
    lost: list[str] = field(default_factory=list)  # layers it was read without, in part: links, footnotes
    # what layout.hidden needs to tell text a reader sees from text no reader sees
    media: BBox | None = None  # the media box, in the glyphs' coordinates
    crop: BBox | None = None  # the crop box (the media box when the page has none)
    image_boxes: list[BBox] = field(default_factory=list)  # where the pictures are
    # filled shapes in paint order, with their colour (None: unknown, as for a pattern, a shading or a
    # shape with holes: then nothing in it is judged by its colour)
    fills: list[tuple[BBox, Colour | None]] = field(default_factory=list)


@cache
def is_bold(font: str) -> bool:
    f = font.lower()
    return any(k in f for k in ("bold", "black", "heavy", "semibold", "demi")) or f.endswith(",b")


@cache
def is_italic(font: str) -> bool:
    f = font.lower()
    return "italic" in f or "oblique" in f or f.endswith(("-it", ",i", "-bi"))


def weight(g: Glyph) -> int:
    """How many characters a glyph stands for in counts and votes: a "(cid:N)" placeholder is one."""
    return len(g.text) if "(cid:" not in g.text else len(CID.sub("•", g.text))


def clean_text(text: str) -> str:
    if text.isascii():  # no ligature, soft hyphen or decomposed accent can be there: most lines
        return CID.sub("•", text) if "(cid:" in text else text
    if LIGATURE.search(text):
        text = text.translate(LIGATURES)
    text = CID.sub("•", text) if "(cid:" in text else text
    return unicodedata.normalize("NFC", text.replace("\u00ad", ""))
