"""The review page's HTML: every page image with the extracted items' boxes drawn on it, the rows
listed beside it, and the colours and columns of each kind of item (pipeline.analyst.review finds
the items and their boxes)."""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipeline.document import BBox

if TYPE_CHECKING:
    from pipeline.analyst.review import _Pages

RESOLUTION = 100  # pixels per inch of the page images: letter pages become 850 × 1100
KINDS: dict[str, tuple[str, tuple[int, int, int]]] = {  # kind -> (legend, colour)
    "heading": ("headings (sections)", (31, 119, 180)),
    "time": ("times", (255, 127, 14)),
    "speaker": ("speakers", (44, 160, 44)),
    "delegation": ("delegations", (214, 39, 40)),
    "symbol": ("symbols (refs)", (148, 103, 189)),
    "link": ("links", (23, 190, 207)),
    "attendance": ("attendance", (188, 189, 34)),
    "footnote": ("footnotes", (127, 127, 127)),
    "hidden": ("hidden text, kept out of the tables", (227, 119, 194)),
    "ocr": ("OCR lines (Tesseract)", (140, 86, 75)),
}
TABLE_OF = {
    "heading": "sections",
    "time": "times",
    "speaker": "speakers",
    "delegation": "delegations",
    "symbol": "refs",
    "link": "links",
    "attendance": "attendance",
    "footnote": "footnotes",
    "hidden": "kept out (hidden)",
    "ocr": "OCR line",
}
SHOWN = {  # the columns worth reading beside the page, per kind
    "heading": ("section_id", "kind", "number", "heading", "start_time", "end_time", "level"),
    "time": ("section_id", "raw", "time", "kind"),
    "speaker": ("section_id", "name", "role", "organization", "country"),
    "delegation": ("section_id", "country"),
    "symbol": ("section_id", "symbol", "raw", "in_footnote"),
    "link": ("section_id", "url", "label"),
    "attendance": ("country",),
    "footnote": ("mark", "text"),
    "hidden": ("text",),
    "ocr": ("text",),
}
META = ("doc_id", "source_path", "status", "error", "pages", "language", "family", "kind", "symbol", "body",
        "meeting_type", "meeting_date", "document_date", "scheduled_start", "scheduled_end", "start_time",
        "end_time", "chair", "venue", "acta_version", "hidden_chars")  # fmt: skip

Box = tuple[int, BBox]  # page number, box on it


@dataclass
class Item:
    """One row and where its source text is printed (a box per printed line; none if not found)."""

    kind: str
    row: dict[str, Any]
    boxes: list[Box] = field(default_factory=list)

    @property
    def page(self) -> int | None:
        """The page the row is listed beside: where it was found, else the page the row names."""
        return self.boxes[0][0] if self.boxes else self.row.get("page")


CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #222; }
h1 { font-size: 18px; margin: 0 0 6px; }
.meta td { padding: 1px 10px 1px 0; vertical-align: top; }
.notes { background: #fff4ce; padding: 6px 10px; }
.legend span { display: inline-block; margin: 0 14px 4px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
.page { display: flex; gap: 16px; align-items: flex-start; margin: 18px 0; }
.sheet { position: relative; flex: 0 0 auto; box-shadow: 0 0 4px #888; }
.sheet img { display: block; }
.hit { position: absolute; display: block; }
.hit:target, .hit:hover { outline: 3px solid #000; }
.rows { border-collapse: collapse; font-size: 12px; }
.rows td { border-bottom: 1px solid #ddd; padding: 2px 6px; vertical-align: top; }
.rows td:first-child { white-space: nowrap; }
.rows tr:target { outline: 3px solid #000; }
.missing td { color: #a00; font-style: italic; }
"""


def _rgb(kind: str) -> str:
    return "rgb({},{},{})".format(*KINDS[kind][1])


def _summary(item: Item) -> str:
    return "; ".join(f"{k}={item.row[k]}" for k in SHOWN[item.kind] if item.row.get(k) not in (None, ""))


def render(document: dict[str, Any], items: list[Item], pages: _Pages, notes: list[str]) -> str:
    """The whole review as one HTML string with the page images inlined."""
    esc = html.escape
    meta = "".join(
        f"<tr><td>{k}</td><td>{esc(str(document[k]))}</td></tr>" for k in META if document.get(k) is not None
    )
    located = Counter(i.kind for i in items if i.boxes)
    total = Counter(i.kind for i in items)
    legend = "".join(
        f'<span><i class="swatch" style="background:{_rgb(k)}"></i>{esc(label)}: '
        f"{located[k]}/{total[k]}</span>"
        for k, (label, _) in KINDS.items()
    )
    body = [
        f"<h1>{esc(document.get('title') or document['source_path'])}</h1>",
        f'<table class="meta">{meta}</table>',
        "".join(f'<p class="notes">{esc(n)}</p>' for n in notes),
        f'<p class="legend">{legend} <small>(found on the page / rows)</small></p>',
    ]
    number = {id(item): n for n, item in enumerate(items)}
    for page_no in range(1, len(pages.pdf.pages) + 1):
        body.append(_page(pages, page_no, items, number))
    elsewhere = [i for i in items if i.page is None or i.page > len(pages.pdf.pages)]
    if elsewhere:
        body.append(f"<h2>Rows with no page</h2>{_rows(elsewhere, number)}")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>acta review: {esc(document['source_path'])}</title><style>{CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _page(pages: _Pages, page_no: int, items: list[Item], number: dict[int, int]) -> str:
    """One page image with every box printed on it, beside the rows listed on it."""
    page = pages.page(page_no)
    image = page.to_image(resolution=RESOLUTION)
    x0, top, x1, bottom = page.bbox
    width, height = x1 - x0, bottom - top
    hits = []
    for item in items:
        colour = KINDS[item.kind][1]
        n = number[id(item)]
        for k, (on, box) in enumerate(item.boxes):
            if on != page_no:
                continue
            image.draw_rect(box, fill=(*colour, 45), stroke=(*colour, 255), stroke_width=2)
            left, up = (box[0] - x0) / width * 100, (box[1] - top) / height * 100
            w, h = (box[2] - box[0]) / width * 100, (box[3] - box[1]) / height * 100
            ident = f' id="b{n}"' if k == 0 else ""
            hits.append(
                f'<a class="hit"{ident} href="#r{n}" title="{html.escape(item.kind + ": " + _summary(item))}"'
                f' style="left:{left:.3f}%;top:{up:.3f}%;width:{w:.3f}%;height:{h:.3f}%"></a>'
            )
    png = io.BytesIO()
    image.annotated.save(png, format="PNG", optimize=True)
    src = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode("ascii")
    size = image.annotated.size
    listed = [i for i in items if i.page == page_no]
    return (
        f'<section class="page" id="page{page_no}"><div class="sheet" style="width:{size[0]}px">'
        f'<img src="{src}" width="{size[0]}" height="{size[1]}" alt="page {page_no}">{"".join(hits)}</div>'
        f"<div><h2>Page {page_no}</h2>{_rows(listed, number)}</div></section>"
    )


def _rows(items: list[Item], number: dict[int, int]) -> str:
    out = ['<table class="rows">']
    for item in items:
        n = number[id(item)]
        mark = f'<a href="#b{n}">●</a>' if item.boxes else "not found on the page"
        cls = "" if item.boxes else ' class="missing"'
        out.append(
            f'<tr id="r{n}"{cls}><td><i class="swatch" style="background:{_rgb(item.kind)}"></i>'
            f"{TABLE_OF[item.kind]}</td><td>{html.escape(_summary(item))}</td><td>{mark}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)
