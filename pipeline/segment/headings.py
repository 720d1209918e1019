"""Headings, agenda items and timed slots: a heading is a short line set apart by typography (bold,
capitals, underline, larger size, italic with white space) or by numbering (`1.`, `I.`, `A.`, `a)`,
`Item 1:`); a timed slot is a short line that starts with a time range.

Sizes and lengths that decide are the named thresholds below; the style a heading returns (numbering
kind, bold, capitals, underline, italic, size) is what places it in the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.cues import Words, alternation
from pipeline.document import BBox, Line, Paragraph
from pipeline.extract.layout.glyphs import is_bold
from pipeline.recognise.times import TimeRange
from pipeline.segment.paragraphs import LABEL

NUMBERED = re.compile(
    r"^(?P<num>(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]|[a-z])(?:\.\d{1,2})*)(?P<sep>[.)]|\s?[-–—:])\s+(?P<title>\S.*)$"
)
SUB_ITEM = re.compile(r"^\([a-z]\)\s+[A-Z]")  # "(b) Follow-up to …": a sub-item, its letter kept
LETTERED = re.compile(r"^[a-z][.)]\s+[^\W\d_]")  # "a. Islas Malvinas", "b) …": the letter left out
ROMAN = re.compile(r"^[IVXLC]{1,6}$")
SAME_CELL = 3  # points: cells of two rows that start this close stand in one column
CELL_NUMBER = re.compile(
    r"^\(?(?:\d{1,2}|[IVXLC]{1,6}|[A-Za-z])(?:\.\d{1,2})*[.):]?$"
)  # "1." set off by a tab
CAPS_WORD = re.compile(r"(?:^|\s)[^\W\d_]{3,}(?:\s|$)")  # a word of three letters or more
NEW_SENTENCE = re.compile(r"\.\s+[A-Z]")
PASSAGE_ENDS = ("]", ".)", ".”")  # the end of a bracketed or quoted passage
# a label, or a clause that goes on: a resolution's "EL CONSEJO PERMANENTE …," and its preamble lines
CLAUSE_ENDS = (":", ",", ";")

HEADING_LINES = 3  # a heading runs over at most this many lines, unless it is set in capitals
CAPS_BLOCK_LINES = 7  # a block in capitals runs over at most this many
HEADING_CHARS = 300
MIN_LETTERS = 2
LARGER = 1.04  # a heading's type is larger than this many times the body's
SET_APART = 0.4  # font sizes of white space beyond the line gap that set an italic line apart
NUMBERED_LINES = 2  # an item numbered but not set apart by type is at most this many lines
OPERATIVE_WORDS = 24  # more words after a number: an operative paragraph, not an item
TITLE_WORDS = 25  # more words: a sentence, not a title
CAPS_TITLE_WORDS = 48  # the same for a block in capitals or bold (a UN agenda title)
SLOT_LINES = 4  # a timed slot's line and its wrapped heading
SLOT_LEAD = 2  # characters before a slot's time range (a bullet, a bracket)
HALF_DAY = 12 * 60  # minutes


@dataclass
class Heading:
    style: tuple[object, ...]
    number: str | None
    title: str


@cache
def item_pattern(words: Words, agenda_words: Words = ()) -> re.Pattern[str]:
    """Agenda items announced by a word: "Item 1: …", "Punto N°2. …", "Point 3 – …"; a UN record's
    "Agenda item 18: …" (`agenda_words`) matches as a whole, its title the whole line."""
    agenda = (
        rf"(?P<agenda>(?:{alternation(agenda_words)})\s+(?P<anum>\d{{1,3}})\b.*)|" if agenda_words else ""
    )
    return re.compile(
        rf"^(?:{agenda}(?:{alternation(words)})\s+(?:N[°º.]\s?)?(?P<num>\d{{1,2}}|[IVXLC]{{1,6}})"
        rf"(?P<sep>\s?[:.)\-–—])\s+(?P<title>\S.*))$",
        re.IGNORECASE,
    )


@cache
def continued_pattern(words: Words) -> re.Pattern[str]:
    """A line that ends with "(continued)": its note may be set in another type than the heading."""
    return re.compile(rf"\((?:{alternation(words)})\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """What a paragraph's heading test needs from around it."""

    body_size: float
    line_gap: float
    link_boxes: frozenset[tuple[int, BBox]]  # a linked line is underlined by its link, not as a heading
    items: re.Pattern[str]  # the language's "Item 1:" pattern
    lists: tuple[str, ...] = ()  # casefolded titles of a list of documents: "documentos considerados"
    continued: re.Pattern[str] | None = None  # the language's "(continued)" at a line's end


def as_heading(para: Paragraph, ctx: Context, space_before: float, in_programme: bool) -> Heading | None:
    """A paragraph that reads as a heading, with the style that places it in the tree."""
    text = para.text.strip()
    # a block in capitals, or in bold without a full stop (a UN agenda item's long title), may run
    # over more lines and words than other headings
    caps_block = len(para.lines) <= CAPS_BLOCK_LINES and (
        all(x.is_caps for x in para.lines) or (all(x.bold for x in para.lines) and not text.endswith("."))
    )
    if not _may_be_heading(para, text, caps_block, ctx.items) or text.casefold().startswith(ctx.lists):
        return None
    ln = para.lines[0]
    linked = any(pg == ln.page and _overlaps(ln.bbox, box) for pg, box in ctx.link_boxes)
    underline = all(x.underline for x in para.lines) and not linked
    caps = all(x.is_caps for x in para.lines) and bool(CAPS_WORD.search(text))
    bold = all(x.bold or _bold_but_note(x, ctx.continued) for x in para.lines)
    larger = ln.size > ctx.body_size * LARGER
    m, number, title = _numbering(text, ctx.items)
    if all(x.italic for x in para.lines) and not (bold or larger):
        # italic alone marks asides ("Question and answer session") unless the line is set apart by
        # white space, outside a timed programme
        typographic = (
            len(para.lines) == 1
            and not in_programme
            and space_before > ctx.line_gap + SET_APART * ln.size
            and not text.endswith(".")  # "It was so decided." is a note, not a heading
        )
    else:
        typographic = bold or caps or underline or larger
    if not typographic and (number is None or not _plain_item(para, number, title)):
        return None
    if len(title.split()) > (CAPS_TITLE_WORDS if caps_block else TITLE_WORDS):
        return None  # a sentence, not a title
    kind = None
    if number is not None and m is not None:
        kind = "roman" if ROMAN.match(number) else ("arabic" if number[0].isdigit() else "alpha")
        kind += (m.group("sep") or "").strip() + ("item" if m.re is ctx.items else "")
    style = (kind, bold, caps, underline, ln.italic, round(ln.size))
    return Heading(style=style, number=number, title=clean_heading(title))


def _numbering(text: str, items: re.Pattern[str]) -> tuple[re.Match[str] | None, str | None, str]:
    """The heading's number and its title without it ("1. Approval" -> "Approval"); a UN record's
    "Agenda item 18: …" keeps its words and number in the title."""
    m = NUMBERED.match(text) or items.match(text)
    if m is not None and m.groupdict().get("agenda"):
        return m, m.group("anum"), text
    if m is None or not m.group("title")[:1].isupper():
        return None, None, text
    return m, m.group("num"), m.group("title")


def _bold_but_note(ln: Line, continued: re.Pattern[str] | None) -> bool:
    """A line in bold but for its "(continued)" in italics ("Agenda item 63 (continued)")."""
    return continued is not None and is_bold(ln.font) and continued.search(ln.text) is not None


def _may_be_heading(para: Paragraph, text: str, caps_block: bool, items: re.Pattern[str]) -> bool:
    """What rules a paragraph out before its type is looked at: length, its first and last
    characters, too few letters, a programme's label."""
    if (len(para.lines) > HEADING_LINES and not caps_block) or len(text) > HEADING_CHARS:
        return False
    if text.endswith(CLAUSE_ENDS) or para.bullet:
        return False
    if not (text[:1].isupper() or text[:1].isdigit() or SUB_ITEM.match(text) or LETTERED.match(text)):
        return False
    letters = sum(map(str.isalpha, text))
    if letters < MIN_LETTERS or letters < sum(map(str.isdigit, text)) or text.endswith(PASSAGE_ENDS):
        return False
    return not (LABEL.match(text) and not items.match(text))  # "Place: Rubén Darío Room" is a label


def table_row(para: Paragraph, near: list[Paragraph], items: re.Pattern[str]) -> bool:
    """A row of a table ("State | Contribution | Date" in an annex): a line cut into cells whose
    columns the line above or below it shares, unless its first cell is only the number of what
    follows ("1.", a tab, then the title; "Item 3:", a tab, then the item)."""
    cells = para.lines[0].cells
    if len(cells) < 2 or CELL_NUMBER.match(cells[0][1]) or items.match(f"{cells[0][1]} {cells[1][1]}"):
        return False
    starts = {round(x) for x, _ in cells}
    rows = [*para.lines[1:2], *(ln for other in near for ln in (other.lines[0], other.lines[-1]))]
    for ln in rows:
        shared = sum(1 for x, _ in ln.cells if any(abs(x - s) <= SAME_CELL for s in starts))
        if ln.page == para.page and shared >= 2:
            return True
    return False


def _plain_item(para: Paragraph, number: str, title: str) -> bool:
    """A numbered paragraph in body type is an item only when short, numbered 1. or I., one title."""
    if not number[0].isdigit() and not ROMAN.match(number):
        return False  # "M. Williams, …" is a person, not item M
    if title.endswith((";", ",")) or len(title.split()) > OPERATIVE_WORDS:
        return False  # an operative paragraph of a resolution, not an agenda item
    return not (len(para.lines) > NUMBERED_LINES or NEW_SENTENCE.search(title) or title.endswith("."))


def runs_on(para: Paragraph, nxt: Paragraph) -> bool:
    """The next paragraph goes on with this one's sentence: right below it, in lower case or in
    brackets ("(resolution 64/300).")."""
    last = para.lines[-1]
    close = nxt.page == para.page and nxt.lines[0].top - last.bottom < last.size
    return close and (nxt.text[:1].islower() or nxt.text[:1] == "(")


def _overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def clean_heading(text: str) -> str:
    """A heading without the white space and punctuation it was printed with."""
    return re.sub(r"\s+", " ", text).strip(" .:–-")


def slot_ok(para: Paragraph, slot: TimeRange) -> bool:
    """A timed slot is a line of its own: short, or a time column beside its item."""
    return len(para.lines) <= SLOT_LINES and slot.begin <= SLOT_LEAD


def clock(slot: TimeRange, last: int) -> tuple[str, str, int]:
    """12-hour times without a.m./p.m. after noon ("1:20 – 2:10") read on from the previous slot."""

    def minutes(t: str) -> int:
        return int(t[:2]) * 60 + int(t[3:])

    start, end = minutes(slot.start.time), minutes(slot.end.time)
    if start < last and start < HALF_DAY and start + HALF_DAY >= last:
        start += HALF_DAY
    if end < start and end + HALF_DAY >= start:
        end += HALF_DAY
    return f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}", start
