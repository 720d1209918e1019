"""Body lines into paragraphs: a new paragraph at a vertical gap, a style change, a bullet, a number or
a time; a programme table's wrapped time cell put back together first.

Distances are in PDF points, or in font sizes where they scale with the type (the named thresholds).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.document import Line, Paragraph, join_lines
from pipeline.language import cues
from pipeline.recognise.times import find_times, leading_range

BULLET = re.compile(r"^[•▪●◦■□►‣∙·\-–—*o]\s+")
# "… resolución CP/RES." broken before its number
SYMBOL_PART = re.compile(r"(?:^|\s)[A-Z]{1,6}/[A-Za-z/.]*\.$")
LABEL = re.compile(r"^[\w][\w ]{0,15}\s?:\s+\S")  # "Date: …", "Heure : …"
LIST_NUMBER = re.compile(r"^(?:(?:\d{1,2}|[IVXLC]{1,6})[.)]|\(?[a-z]\))\s+")  # "1.", "IV.", "a)" (not "M.")
SENTENCE_ENDS = (".", ":", ";", "!", "?", ")")
OPEN_ENDS = (",", "(", "-", "/")  # a list item's line that ends so goes on

DEFAULT_BODY_SIZE = 11.0  # points, for a document without text
SAME_SIZE = 0.6  # points: two lines whose sizes differ by less are set in one type size
SAME_EDGE = 2  # points: left edges closer than this are one edge (an indent is more)
SAME_COLUMN = 3  # points: left edges closer than this start one column of a table or a page
FIRST_LINE_INDENT = 8  # points: a first line indented more than this opens a paragraph
FULL_LINE_SLACK = 40  # points short of the right margin a line may stop and still be full
MAX_LINE_GAP = 2.0  # font sizes: a wider gap between two lines is no gap inside a paragraph
DEFAULT_LINE_GAP = 0.3  # font sizes: the gap inside a paragraph when no two lines tell
PARAGRAPH_GAP = 0.45  # font sizes of white space beyond the usual line gap that end a paragraph
CHAR_WIDTH = 0.5  # font sizes: the width of an average character
TIME_CELL_ROWS = 2  # rows below a time cell its wrapped pieces may sit in
ANNEX_LINE_WORDS = 2  # an annex's heading line: its word and a number at most


def body_size(lines: list[Line]) -> float:
    """The type size of most of the text: what headings are larger than."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else DEFAULT_BODY_SIZE


def line_gap(lines: list[Line], size: float) -> float:
    """The usual white space between two lines of one paragraph."""
    gaps = Counter(
        round(b.top - a.bottom)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 <= b.top - a.bottom < size * MAX_LINE_GAP
    )
    return gaps.most_common(1)[0][0] if gaps else size * DEFAULT_LINE_GAP


def join_time_cells(lines: list[Line], lang: str) -> list[Line]:
    """Put a programme table's wrapped time cell back together.

    In a two-column programme the time cell may wrap ("10:00 a.m. a" over "10:20 a.m."), and the
    wrapped part shares its row with the next item of the right-hand column. The time cell's
    pieces join the first row; the right-hand text of later rows stays a line of its own."""
    out = list(lines)
    for i, ln in enumerate(out):
        cell = _time_cell(ln, lang)
        if cell is None:
            continue
        column, time_text, rest = cell
        joined = False
        for j in range(i + 1, min(i + 1 + TIME_CELL_ROWS, len(out))):
            nxt = out[j]
            cells = nxt.cells or ((nxt.x0, nxt.text),)
            if not (abs(cells[0][0] - column) < SAME_COLUMN and time_fragment(cells[0][1], lang)):
                break
            if leading_range(time_text, lang) and find_times(cells[0][1], lang):
                break  # the time cell is whole: this row is the next slot
            time_text += " " + cells[0][1]
            rest_text = " ".join(t for _, t in cells[1:])
            out[j] = (
                replace(nxt, text=rest_text, x0=cells[1][0], cells=()) if rest_text else replace(nxt, text="")
            )
            joined = True
        if joined:
            out[i] = replace(ln, text=f"{time_text} {rest}".strip(), cells=())
    return [ln for ln in out if ln.text]


def _time_cell(ln: Line, lang: str) -> tuple[float, str, str] | None:
    """A row that opens with a time: the time cell's left edge, its text and the rest of the row."""
    times = find_times(ln.cells[0][1], lang) if ln.cells else []
    if times and times[0].start == 0:
        return ln.cells[0][0], ln.cells[0][1], " ".join(text for _, text in ln.cells[1:])
    r = leading_range(ln.text, lang)
    return (ln.x0, ln.text[: r.finish], ln.text[r.finish :].strip()) if r is not None else None


def time_fragment(text: str, lang: str) -> bool:
    """Text made only of times, a.m./p.m., hour words and range words: a piece of a time cell."""
    c = cues(lang)
    for t in reversed(find_times(text, lang)):
        text = text[: t.start] + " " + text[t.end :]
    words = {w.casefold() for w in c.am + c.pm + c.noon + c.hour_words + c.range_words}
    return all(w.casefold() in words or not w.strip("-–—") for w in text.split())


@dataclass
class _Margins:
    """Where the text sits: the usual left edge, the usual line gap, and per page the right edge
    reached by the lines that start at each left edge (a line is full when it reaches its own)."""

    left: float
    normal_gap: float
    right_edges: dict[int, dict[int, float]]

    @classmethod
    def of(cls, lines: list[Line], normal_gap: float) -> _Margins:
        left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0] if lines else 0
        edges: dict[int, dict[int, float]] = {}
        for ln in lines:
            starts = edges.setdefault(ln.page, {})
            starts[round(ln.x0)] = max(starts.get(round(ln.x0), 0.0), ln.x1)
        return cls(left, normal_gap, edges)

    def right_of(self, ln: Line) -> float:
        near = [x1 for x0, x1 in self.right_edges[ln.page].items() if abs(x0 - ln.x0) <= SAME_COLUMN]
        return max(near + [ln.x1])


def paragraphs(lines: list[Line], lang: str, normal_gap: float) -> list[Paragraph]:
    """Group lines: a new paragraph at a vertical gap, a style change, a bullet, a number or a time."""
    margins = _Margins.of(lines, normal_gap)
    groups: list[list[Line]] = []
    for ln in lines:
        if groups and not starts_paragraph(groups[-1], ln, margins, lang):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return [
        Paragraph(lines=g, text=join_lines([ln.text for ln in g]), bullet=bool(BULLET.match(g[0].text)))
        for g in groups
    ]


def starts_paragraph(group: list[Line], ln: Line, margins: _Margins, lang: str) -> bool:
    """Whether `ln` opens a paragraph after the lines of `group`; the tests run from the surest."""
    prev, first = group[-1], group[0]
    if len(group) == 1 and is_annex_line(prev.text, lang):
        return True  # "ANEXO" over "RESOLUCIÓN APROBADA": two headings
    if (prev.bold, prev.italic) != (ln.bold, ln.italic) or abs(prev.size - ln.size) >= SAME_SIZE:
        return True
    ends_sentence = prev.text.rstrip().endswith(SENTENCE_ENDS) and not SYMBOL_PART.search(prev.text)
    if _opens_by_its_start(prev, ln, ends_sentence, lang):
        return True
    if leading_range(first.text, lang):  # a slot's heading wraps when it reached the margin
        wrapped = ln.text[:1].islower() or (
            ln.x0 > first.x0 + SAME_EDGE and prev.x1 >= margins.right_of(prev) - FULL_LINE_SLACK
        )
        return ln.x0 < first.x0 - SAME_EDGE or not wrapped
    by_case = _by_capitals_or_page(prev, ln, ends_sentence)
    if by_case is not None:
        return by_case
    gap = ln.top - prev.bottom
    if gap > margins.normal_gap + PARAGRAPH_GAP * ln.size or gap < -ln.size:
        return True
    # a line ended early on purpose when the next line's first word would have fitted after it
    first_word = ln.text.split(" ", 1)[0]
    short = prev.x1 + (len(first_word) + 1) * CHAR_WIDTH * ln.size < margins.right_of(prev)
    if prev.underline and not ln.underline and short and "://" not in prev.text and "www." not in prev.text:
        return True  # an underlined heading above plain text
    if short and ends_sentence:
        return True
    if BULLET.match(first.text) or LIST_NUMBER.match(first.text):
        return _ends_list_item(first, prev, ln, ends_sentence, short)
    return ln.x0 > prev.x0 + FIRST_LINE_INDENT and abs(prev.x0 - margins.left) < SAME_COLUMN and short


def is_annex_line(text: str, lang: str) -> bool:
    """An annex's own heading line: "ANEXO", "ANNEX II", "ANNEXE A"."""
    words = text.strip().split()
    annex = {w.casefold() for w in cues(lang).annex_words}
    return 1 <= len(words) <= ANNEX_LINE_WORDS and words[0].casefold() in annex


def _opens_by_its_start(prev: Line, ln: Line, ends_sentence: bool, lang: str) -> bool:
    """A line that opens with a bullet, a label, a list number after a finished line, or a time."""
    if BULLET.match(ln.text) or LABEL.match(ln.text):
        return True
    if LIST_NUMBER.match(ln.text) and (ends_sentence or ln.x0 < prev.x0 - SAME_EDGE or ln.bold != prev.bold):
        return True
    return leading_range(ln.text, lang) is not None


def _by_capitals_or_page(prev: Line, ln: Line, ends_sentence: bool) -> bool | None:
    """What a change into or out of capitals, or a page break, decides; None when neither decides."""
    if (ln.is_caps and not prev.is_caps and ends_sentence) or (prev.is_caps and not ln.is_caps):
        return True
    if prev.is_caps and ln.is_caps and ln.x0 <= prev.x0 + SAME_EDGE:
        return False  # a heading in capitals that wraps
    if ln.page != prev.page:  # a paragraph goes on over the page break unless it had ended
        return ln.is_caps or (ends_sentence and not ln.text[:1].islower())
    return None


def _ends_list_item(first: Line, prev: Line, ln: Line, ends_sentence: bool, short: bool) -> bool:
    """A list item goes on in lower case, inside brackets or after a comma; a capital after a full
    stop, or a line left of the item's number, starts anew."""
    if ln.x0 < first.x0 - SAME_EDGE:  # left of the number: a new paragraph, unless the item's
        return ends_sentence or short  # first line was indented and runs on to the left margin
    last = prev.text.rstrip().rsplit(" ", 1)[-1]
    open_end = last.endswith(OPEN_ENDS) or last[:1].islower()
    if ends_sentence and ln.text[:1].isupper():
        return True
    if ln.x0 > first.x0 + SAME_EDGE:
        return False  # the hanging indent of the item's own text
    return ln.text[:1].isupper() and not open_end and short
