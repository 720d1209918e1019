"""Footnotes: small type at the bottom of a page that starts with a mark (a number, an asterisk, a
dagger, or a raised mark that layout set apart)."""

from __future__ import annotations

import re

from pipeline.document import Footnote, Line, join_lines

FOOTNOTE_START = re.compile(r"^(\d{1,3}/?|[*†‡]+)(?=\s|[A-ZÀ-Ý\"“(])\s*")


def split_footnotes(lines: list[Line], body_size: float, height: float) -> tuple[list[Line], list[Footnote]]:
    """Small type at the page bottom, starting with a mark, is the page's footnotes."""
    i = len(lines)
    while i > 0 and lines[i - 1].size < body_size * 0.92 and lines[i - 1].top > height * 0.45:
        i -= 1
    block = lines[i:]
    while block and not (FOOTNOTE_START.match(block[0].text) or block[0].marks):
        block = block[1:]
        i += 1
    if not block:
        return lines, []
    notes: list[Footnote] = []
    current: list[Line] = []
    mark = ""
    for ln in block:
        m = FOOTNOTE_START.match(ln.text)
        lead_mark = ln.marks[0] if ln.marks and abs(ln.x0 - block[0].x0) < 15 else None
        if m or (lead_mark and not current):
            if current:
                notes.append(_footnote(mark, current))
            mark = m.group(1).rstrip("/") if m else (lead_mark or "")
            current = [ln]
        else:
            current.append(ln)
    if current:
        notes.append(_footnote(mark, current))
    return lines[:i], notes


def _footnote(mark: str, lines: list[Line]) -> Footnote:
    first = FOOTNOTE_START.sub("", lines[0].text, count=1)
    text = join_lines([first] + [ln.text for ln in lines[1:]])
    box = (
        min(ln.x0 for ln in lines),
        min(ln.top for ln in lines),
        max(ln.x1 for ln in lines),
        max(ln.bottom for ln in lines),
    )
    return Footnote(mark=mark, text=text, page=lines[0].page, bbox=box)
