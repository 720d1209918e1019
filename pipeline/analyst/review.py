"""`acta review DOC --save review.html`: every page of a PDF with what acta took from it drawn on top.

A reviewer checks an extraction fastest by looking: one self-contained HTML page shows each PDF page
as an image (base64 PNG, drawn by pdfplumber's `page.to_image()`) with a coloured box over every item
that became a row (headings, times, speakers, delegations, symbols, links, attendance, footnotes),
and beside it the rows themselves. A box links to its row and back. A row no box could be found for
is listed all the same, marked: that is often the first sign of a misread.

The tables keep pages but not positions, so the one PDF is re-run in-process (extract, segment,
parse) to get the geometry: headings and link annotations carry their boxes; for the rest, the row's
text (raw time, name, symbol as printed, country name) is searched in the lines of its section, and
the characters under the match give the box. The rows shown are the ones that run makes, so they
match the boxes even when the stored tables were made by another acta version (the page says so).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.analyst.query import DEFAULT_DIR, connect, db_path
from pipeline.analyst.review_layers import kept_out, ocr_lines, ocr_note
from pipeline.analyst.review_page import Box, Item, render
from pipeline.analyst.show import find_document, records
from pipeline.document import BBox, Line, SectionTree
from pipeline.extract.layout import clean_text

QUORUM_LIST = 3  # a paragraph naming this many present states is the attendance list


def review(
    doc: str,
    save: str | Path = "review.html",
    *,
    in_dir: str | Path = "data/raw",
    out_dir: str | Path = DEFAULT_DIR,
    db: str | Path | None = None,
) -> Path:
    """Write the review page of one document to `save`; DOC is a PDF path or names a document of the
    tables. The keywords are the `acta review` options' names."""
    from pipeline.batch.task import Task, file_id
    from pipeline.extract import extract
    from pipeline.parse import parse
    from pipeline.segment import segment
    from pipeline.write import document_rows

    pdf, stored = locate_pdf(doc, Path(in_dir), out_dir, db)
    extracted = extract(pdf)
    tree = segment(extracted, stored["language"] if stored else None)
    parsed = parse(tree)
    task = Task(str(pdf), stored["source_path"] if stored else pdf.name, extracted.engine)
    facts = {
        **task.header(file_id(str(pdf))),
        "status": "partial" if extracted.error else "ok",
        "error": extracted.error,
        "pages": extracted.page_count,
        "warnings": extracted.warnings,
    }
    rows = document_rows(parsed, facts)
    notes = _notes(stored, rows["documents"][0]) + ocr_note(extracted.sources)
    page = Path(save)
    page.parent.mkdir(parents=True, exist_ok=True)
    with _Pages(pdf) as pages:
        items = ocr_lines(extracted) + place(rows, tree, pages) + kept_out(extracted.pages)
        page.write_text(render(rows["documents"][0], items, pages, notes), encoding="utf-8")
    return page


def locate_pdf(
    doc: str, in_dir: Path, out_dir: str | Path, db: str | Path | None
) -> tuple[Path, dict[str, Any] | None]:
    """The PDF to review and its stored documents row (None when the tables do not hold it).

    The tables record the path relative to the input folder of the run, not the folder itself, so
    a document named by id or symbol is looked for under `in_dir`."""
    given = Path(doc)
    if given.suffix.lower() == ".pdf" and given.is_file():
        if not db_path(out_dir, db).is_file():
            return given, None
        from pipeline.batch.task import file_id

        con = connect(out_dir, db)
        try:
            found = records(con, "SELECT * FROM documents WHERE doc_id = ?", [file_id(str(given))])
        finally:
            con.close()
        return given, found[0] if found else None
    con = connect(out_dir, db)
    try:
        stored = find_document(con, doc)
    finally:
        con.close()
    pdf = in_dir / stored["source_path"]
    if not pdf.is_file():
        raise FileNotFoundError(
            f"{pdf} not found: {doc} was read from {stored['source_path']!r} under the input folder of"
            " `acta run`; pass that folder with --in-dir, or the PDF path itself as DOC"
        )
    return pdf, stored


def _notes(stored: dict[str, Any] | None, fresh: dict[str, Any]) -> list[str]:
    """Say when what is shown may differ from the stored tables."""
    if stored is None:
        return ["This PDF is not in the tables: the rows shown are what acta extracts from it now."]
    notes = []
    if stored["doc_id"] != fresh["doc_id"]:
        notes.append(f"The file changed since the tables were written (stored doc_id {stored['doc_id']}).")
    if stored["acta_version"] != fresh["acta_version"]:
        notes.append(
            f"The tables were written by acta {stored['acta_version']}; the rows shown come from"
            f" acta {fresh['acta_version']} and may differ."
        )
    return notes


# ---------------------------------------------------------------- finding the boxes


class _Pages:
    """The PDF open in pdfplumber, with each page's characters (fake-bold duplicates dropped)."""

    def __init__(self, path: Path) -> None:
        import pdfplumber

        self.pdf = pdfplumber.open(path)
        self._chars: dict[int, list[dict[str, Any]]] = {}
        self._lines: dict[tuple[int, BBox], list[Line]] = {}

    def __enter__(self) -> _Pages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pdf.close()

    def page(self, number: int) -> Any:
        return self.pdf.pages[number - 1]

    def chars(self, number: int) -> list[dict[str, Any]]:
        if number not in self._chars:
            self._chars[number] = self.page(number).dedupe_chars().chars
        return self._chars[number]

    def lines_in(self, number: int, box: BBox) -> list[Line]:
        """The printed lines inside a box (a heading, a footnote), for text search."""
        if (number, box) not in self._lines:
            self._lines[(number, box)] = self._read_lines(number, box)
        return self._lines[(number, box)]

    def _read_lines(self, number: int, box: BBox) -> list[Line]:
        page = self.page(number)
        x0, top, x1, bottom = page.bbox
        clipped = (max(box[0] - 1, x0), max(box[1] - 1, top), min(box[2] + 1, x1), min(box[3] + 1, bottom))
        if clipped[0] >= clipped[2] or clipped[1] >= clipped[3]:
            return []
        found = page.crop(clipped).dedupe_chars().extract_text_lines(return_chars=False)
        return [Line(t["text"], number, t["x0"], t["top"], t["x1"], t["bottom"], 0.0, "") for t in found]

    def narrow(self, line: Line, start: int, end: int) -> BBox:
        """The box of line.text[start:end]: the characters printed there, else a proportional guess."""
        width = line.x1 - line.x0
        n = max(len(line.text), 1)
        guess = (line.x0 + width * start / n, line.top, line.x0 + width * end / n, line.bottom)
        chars = sorted(
            (
                c
                for c in self.chars(line.page)
                if line.top - 1 <= (c["top"] + c["bottom"]) / 2 <= line.bottom + 1
                and line.x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= line.x1 + 1
                and c["text"].strip()
            ),
            key=lambda c: c["x0"],
        )
        text, owner = "", []
        for i, c in enumerate(chars):
            t = clean_text(c["text"]).casefold()
            text += t
            owner += [i] * len(t)
        piece = "".join(line.text[start:end].split()).casefold()
        best: BBox | None = None
        at = text.find(piece) if piece else -1
        while at >= 0:
            first, last = chars[owner[at]], chars[owner[at + len(piece) - 1]]
            box = (first["x0"], line.top, last["x1"], line.bottom)
            if best is None or abs(box[0] - guess[0]) < abs(best[0] - guess[0]):
                best = box
            at = text.find(piece, at + 1)
        return best or guess


def _pattern(target: str) -> re.Pattern[str]:
    """The target as printed, whatever the spacing and line breaks (hyphenated ones included)."""
    chars = [re.escape(c) for c in target if not c.isspace()]
    return re.compile(r"[\s\u00ad-]*".join(chars), re.IGNORECASE)


def occurrences(block: list[Line], target: str) -> list[list[tuple[Line, int, int]]]:
    """Where the target is printed in a run of lines: per match, (line, start, end) for each line."""
    if not target.strip():
        return []
    joined, starts = "", []
    for ln in block:
        starts.append(len(joined))
        joined += ln.text + "\n"
    found = []
    for m in _pattern(target).finditer(joined):
        spans = []
        for ln, s in zip(block, starts, strict=True):
            a, b = max(m.start(), s), min(m.end(), s + len(ln.text))
            if a < b:
                spans.append((ln, a - s, b - s))
        found.append(spans)
    return found


class _Placer:
    """Finds the boxes of rows in one document; the n-th row with the same text takes the n-th match."""

    def __init__(self, tree: SectionTree, pages: _Pages) -> None:
        self.tree = tree
        self.pages = pages
        self.sections = {s.section_id: s for s in tree.sections}
        self.taken: Counter[tuple[Any, ...]] = Counter()

    def blocks(self, section_id: int | None, page: int | None = None) -> list[list[Line]]:
        """The heading's lines, then each paragraph's lines, of a section (on one page if given)."""
        s = self.sections.get(section_id) if section_id is not None else None
        if s is None:
            return []
        out = []
        if s.heading_bbox and s.heading_page and page in (None, s.heading_page):
            out.append(self.pages.lines_in(s.heading_page, s.heading_bbox))
        for p in s.paragraphs:
            lines = [ln for ln in p.lines if page in (None, ln.page)]
            if lines:
                out.append(lines)
        return out

    def footnote_blocks(self, page: int | None) -> list[list[Line]]:
        return [self.pages.lines_in(f.page, f.bbox) for f in self.tree.footnotes if f.bbox and f.page == page]

    def find(self, kind: str, target: str, blocks: list[list[Line]], key: Any) -> list[Box]:
        """Boxes of the target's n-th match in the blocks, n counting rows with the same key."""
        matches = [m for block in blocks for m in occurrences(block, target)]
        n = self.taken[(kind, key, target.casefold())]
        self.taken[(kind, key, target.casefold())] += 1
        if not matches:
            return []
        return [(ln.page, self.pages.narrow(ln, a, b)) for ln, a, b in matches[min(n, len(matches) - 1)]]

    def in_section(self, kind: str, row: dict[str, Any], target: str) -> list[Box]:
        """Look in the row's section on its page, then on any page, then in the page's footnotes,
        then anywhere on the page (a chair who spoke is filed under the first item, but named in
        the preamble)."""
        sid, page = row.get("section_id"), row.get("page")
        searches: list[tuple[Callable[[], list[list[Line]]], Any]] = [
            (lambda: self.blocks(sid, page), sid),
            (lambda: self.blocks(sid), ("any page", sid)),
            (lambda: self.footnote_blocks(page), ("footnotes", page)),
            (lambda: [b for other in self.sections for b in self.blocks(other, page)], ("page", page)),
        ]
        for blocks, key in searches:
            boxes = self.find(kind, target, blocks(), key)
            if boxes:
                return boxes
        return []


def place(rows: dict[str, list[dict[str, Any]]], tree: SectionTree, pages: _Pages) -> list[Item]:
    """Every row of the document with the boxes of what it was read from."""
    placer = _Placer(tree, pages)
    items: list[Item] = []
    for row in rows["sections"]:
        s = placer.sections[row["section_id"]]
        if s.heading_bbox and s.heading_page:
            items.append(Item("heading", row, [(s.heading_page, s.heading_bbox)]))
    for row in rows["times"]:
        items.append(Item("time", row, placer.in_section("time", row, row["raw"])))
    for row in rows["speakers"]:
        items.append(Item("speaker", row, placer.in_section("speaker", row, row["name"])))
    for row in rows["refs"]:
        if row["in_footnote"]:
            where = placer.footnote_blocks(row["page"])
            boxes = placer.find("symbol", row["raw"], where, ("footnotes", row["page"]))
        else:
            boxes = placer.in_section("symbol", row, row["raw"])
        items.append(Item("symbol", row, boxes))
    annotations = {(lk.url, lk.page): lk.bbox for lk in tree.links if lk.bbox}
    for row in rows["links"]:
        box = annotations.get((row["url"], row["page"]))
        printed = re.sub(r"^https?://", "", row["url"])
        boxes = [(row["page"], box)] if box else placer.in_section("link", row, printed)
        items.append(Item("link", row, boxes))
    for fn_row, fn in zip(rows["footnotes"], tree.footnotes, strict=True):
        items.append(Item("footnote", fn_row, [(fn.page, fn.bbox)] if fn.bbox else []))
    items += _countries(rows, tree, placer)
    return items


def _countries(rows: dict[str, list[dict[str, Any]]], tree: SectionTree, placer: _Placer) -> list[Item]:
    """Delegation and attendance rows hold an ISO code, not the name printed: find the names first.

    A delegation row is matched to the names of its country in its section on its page; attendance
    rows to the names in the paragraph(s) that list several present states (the quorum list)."""
    from pipeline.recognise.countries import pipe_countries

    walk = tree.walk()
    mentions = pipe_countries([p.text for _, p in walk], tree.language)
    items = []
    for row in rows["delegations"]:
        names = [
            m.text
            for (s, p), found in zip(walk, mentions, strict=True)
            if s.section_id == row["section_id"] and p.page == row["page"]
            for m in found
            if m.iso == row["country"]
        ]
        boxes = next(
            (b for name in dict.fromkeys(names) if (b := placer.in_section("delegation", row, name))), []
        )
        items.append(Item("delegation", row, boxes))
    present = {r["country"] for r in rows["attendance"]}
    listed: dict[str, tuple[list[Line], str]] = {}
    for (_, p), found in zip(walk, mentions, strict=True):
        if len({m.iso for m in found} & present) >= QUORUM_LIST:
            for m in found:
                listed.setdefault(m.iso, (p.lines, m.text))
    for row in rows["attendance"]:
        lines, name = listed.get(row["country"], ([], ""))
        boxes = placer.find("attendance", name, [lines], "list") if lines else []
        items.append(Item("attendance", row, boxes))
    return items


# ---------------------------------------------------------------- the page
