"""Links: an engine reports each link annotation's URI and box; its label is the text printed inside
the box, read from the glyphs themselves (a link may cover part of a line)."""

from __future__ import annotations

from pipeline.document import Link
from pipeline.extract.layout.glyphs import SPACES, RawPage, clean_text


def page_links(raw: RawPage) -> list[Link]:
    """The page's link annotations, each labelled with the glyphs inside its box."""
    out = []
    ordered = sorted(raw.glyphs, key=lambda g: (round(g.top), g.x0)) if raw.links else []
    for uri, box in raw.links:
        under = [
            g.text
            for g in ordered
            if g.x0 >= box[0] - 1 and g.x1 <= box[2] + 1 and g.top >= box[1] - 2 and g.bottom <= box[3] + 2
        ]
        label = SPACES.sub(" ", clean_text("".join(under))).strip() or None
        out.append(Link(url=uri.strip(), label=label, page=raw.number, bbox=box))
    return out
