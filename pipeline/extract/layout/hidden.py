"""Text no reader sees, kept out of the tables: a PDF can print words that a viewer never shows.

An attacker, or a careless template, can put sentences, symbols or names on a page that no reader
of the PDF sees, and an extractor that reads every glyph would file them as the meeting's record.
A glyph is hidden when it is
- painted with an invisible render mode (3: neither filled nor stroked, 7: clipping only), unless
  it lies over a picture: that is a scan's OCR layer, and the page's text;
- under 1 pt: a speck, not type a reader can read;
- outside the crop box (within the media box): the part of the page a viewer shows;
- in the colour of what lies behind it: white on a page with no fill behind it, or the colour of the
  last filled shape painted under it (text over a picture, or on a fill of unknown colour such as a
  shading, a pattern or a shape with holes, is never judged by its colour).

The engines report how each glyph is painted and where the page's pictures and fills are
(layout.glyphs); this module alone decides. Hidden glyphs become lines of their own (Page.hidden),
so a review can show what was kept out, and are counted per document (`documents.hidden_chars`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.document import BBox, Line
from pipeline.extract.layout.glyphs import Colour, Glyph, RawPage
from pipeline.extract.layout.lines import dedupe, group_lines, make_line

INVISIBLE = frozenset({3, 7})  # text render modes that paint nothing
FILLED = frozenset({0, 2, 4, 6})  # render modes that fill the glyph (the others stroke it only)
STROKED = frozenset({1, 2, 5, 6})  # render modes that stroke its outline
MIN_SIZE = 1.0  # points
SAME_COLOUR = 8  # per channel (0-255): an ink this close to its background does not stand out
WHITE: Colour = (255, 255, 255)  # paper: the background where nothing is painted


def _inside(box: BBox, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _close(a: Colour, b: Colour) -> bool:
    return (
        abs(a[0] - b[0]) <= SAME_COLOUR
        and abs(a[1] - b[1]) <= SAME_COLOUR
        and abs(a[2] - b[2]) <= SAME_COLOUR
    )


def _area(raw: RawPage) -> BBox | None:
    """The part of the page a viewer shows (the crop box within the media box), or None when the
    engine gave no box or the boxes do not overlap (a broken crop box hides nothing)."""
    if raw.crop is None:
        return None
    x0, top, x1, bottom = raw.crop
    if raw.media is not None:
        x0, top = max(x0, raw.media[0]), max(top, raw.media[1])
        x1, bottom = min(x1, raw.media[2]), min(bottom, raw.media[3])
    return (x0, top, x1, bottom) if x1 > x0 and bottom > top else None


@dataclass
class Backdrop:
    """What lies under the glyphs of one page: the visible area, the pictures and the filled shapes."""

    area: BBox | None
    images: list[BBox]
    fills: list[tuple[BBox, Colour | None]]
    # ink -> whether it differs from paper and from every fill: then it stands out wherever printed
    stands_out: dict[Colour | None, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: RawPage) -> Backdrop:
        return cls(_area(raw), raw.image_boxes, raw.fills)

    def hides(self, g: Glyph) -> bool:
        """Whether no reader sees the glyph (the rules in the module's docstring, in that order).
        Every glyph of a page passes here: most are filled in an ink that stands out anywhere."""
        x, y = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        if self.area is not None and not _inside(self.area, x, y):
            return True
        if g.size < MIN_SIZE:
            return True
        if g.render == 0 and self.stands_out.get(g.fill):
            return False
        over_image = any(_inside(box, x, y) for box in self.images)
        if g.render in INVISIBLE:
            return not over_image
        return not over_image and self.blends_in(g, x, y)

    def blends_in(self, g: Glyph, x: float, y: float) -> bool:
        """Every ink the glyph is painted with matches what lies behind it at (x, y)."""
        inks = ([g.fill] if g.render in FILLED else []) + ([g.stroke] if g.render in STROKED else [])
        if not inks or any(ink is None or self.distinct(ink) for ink in inks):
            return False
        behind = next((colour for box, colour in reversed(self.fills) if _inside(box, x, y)), WHITE)
        return behind is not None and all(ink is not None and _close(ink, behind) for ink in inks)

    def distinct(self, ink: Colour) -> bool:
        """The ink differs from paper and from every fill of the page (most text: no search needed)."""
        if ink not in self.stands_out:
            colours = [WHITE, *(c for _, c in self.fills if c is not None)]
            self.stands_out[ink] = not any(_close(ink, c) for c in colours)
        return self.stands_out[ink]


def split_hidden(raw: RawPage) -> tuple[RawPage, list[Line]]:
    """The page with only the glyphs a reader sees, and the hidden ones as lines (for a review)."""
    backdrop = Backdrop.of(raw)
    visible: list[Glyph] = []
    hidden: list[Glyph] = []
    for g in raw.glyphs:
        (hidden if g.text and backdrop.hides(g) else visible).append(g)
    if not hidden:
        return raw, []
    # the fake-bold check (dedupe) works at half a point, coarser than a speck's own width
    rows = group_lines(
        dedupe([g for g in hidden if g.size >= MIN_SIZE]) + [g for g in hidden if g.size < MIN_SIZE]
    )
    lines = [make_line(row, raw.number, []) for row in rows]
    return replace(raw, glyphs=visible), [ln for ln in lines if ln is not None]
