"""The front of a document: its contents pages (skipped), its header block (what its family is read
from), its title and the cover block above it, and the title block a family prints again above the
body.

The title is the first line on page 1 that says what the document is ("Summary of…", "Resumen de…") in
heading type, and the lines in the same type right under it; a family whose masthead names the
meeting ("121st plenary meeting") has that line for its title.
"""

from __future__ import annotations

import re

from pipeline.cues import Cues
from pipeline.document import ExtractedDocument, Line, Paragraph
from pipeline.families import Family
from pipeline.recognise.dates import find_dates
from pipeline.segment.paragraphs import SAME_SIZE

DOT_LEADER = re.compile(r"(?:\.\s?){5,}|…{2,}|_{5,}")
PAGE_REF = re.compile(r"(?:\d{1,4}|\b[ivxlc]{1,6})\s*$", re.IGNORECASE)  # an entry's page number

CONTENTS_ENTRIES = 3  # a contents page has at least this many entries with dot leaders …
CONTENTS_SHARE = 0.4  # … on at least this share of its lines
HEADER_PAGES = 2  # the running headers of the first pages name the document
HEADER_LINES = 4  # the first lines of each running header
EVIDENCE_LINES = 15  # the first lines of page 1 that hold the masthead and the title
TITLE_SEARCH_LINES = 60  # the title is among the first lines of page 1
TITLE_LARGER = 1.05  # a title in body weight is larger than this many times the body's type
TITLE_GAP = 1.2  # font sizes between two lines of one title …
CAPS_TITLE_GAP = 3.0  # … and of one title in capitals, which is set with more air
DATE_LINE_REST = 60  # a date line holds little beside its lead words and date: a weekday, a place, a time
LABEL_CHARS = 20  # a programme label's colon comes within the first characters: "Date:"


def _contents_entry(text: str) -> bool:
    """Dot leaders and a page number: "Opening session ........ 3". The leaders need five dots, two
    ellipses or five underscores, which most lines do not have: counted before any pattern runs."""
    if text.count(".") < 5 and "……" not in text and "_____" not in text:
        return False
    return bool(DOT_LEADER.search(text) and PAGE_REF.search(text))


def without_contents_pages(doc: ExtractedDocument, c: Cues) -> list[Line]:
    """Body lines without the table-of-contents pages: an index word on top, or dot leaders on most
    lines. Their entries repeat the headings and must not become sections."""
    words = {w.casefold() for w in c.index_words}
    keep: list[Line] = []
    for page in doc.pages:
        lines = page.lines
        leaders = sum(1 for ln in lines if _contents_entry(ln.text))
        titled = bool(lines) and lines[0].text.strip().casefold() in words
        if lines and (titled or leaders >= max(CONTENTS_ENTRIES, CONTENTS_SHARE * len(lines))):
            continue
        keep += lines
    return keep


def running_header(doc: ExtractedDocument) -> list[str]:
    """The first lines of the running headers of the first pages: where a record repeats its symbol."""
    return [ln.text for p in doc.pages for ln in p.header[:HEADER_LINES] if p.number <= HEADER_PAGES]


def header_block(doc: ExtractedDocument, lines: list[Line]) -> str:
    """The running headers and the first lines of page 1, one a line: the masthead, the own symbol and
    the title, what a document's family is read from."""
    first_page = [ln.text for ln in lines[:EVIDENCE_LINES] if ln.page == lines[0].page] if lines else []
    return "\n".join(running_header(doc) + first_page)


def find_title(lines: list[Line], c: Cues, family: Family, size: float) -> tuple[int | None, int | None]:
    """Index of the title's first line on page 1 and one past its last line."""
    words = tuple(w.casefold() for w in c.title_words)
    masthead = family.title_line
    first_page = [i for i, ln in enumerate(lines[:TITLE_SEARCH_LINES]) if ln.page == lines[0].page]
    for i in first_page:
        ln = lines[i]
        if masthead is not None and masthead.match(ln.text):
            return i, i + 1  # a record's masthead: "121st plenary meeting"
        if ln.text.casefold().startswith(words) and (
            ln.bold or ln.size > size * TITLE_LARGER or ln.is_caps or ln.underline
        ):
            return i, _title_end(lines, i)
    return None, None


def _title_end(lines: list[Line], i: int) -> int:
    """One past the title's last line: the lines under its first in the same size, weight and case,
    close below it on the same page."""
    ln = lines[i]
    gap = ln.size * (CAPS_TITLE_GAP if ln.is_caps else TITLE_GAP)
    end = i + 1
    while (
        end < len(lines)
        and lines[end].page == ln.page
        and abs(lines[end].size - ln.size) < SAME_SIZE
        and (lines[end].bold == ln.bold or not any(ch.isalpha() for ch in lines[end].text))
        and lines[end].top - lines[end - 1].bottom < gap
        and lines[end].is_caps == ln.is_caps
    ):
        end += 1
    return end


def is_programme_title(paragraphs: list[Paragraph], i: int, labels: set[str]) -> bool:
    """A programme's title sits right above its "Date:" (Fecha:, Date :, Data:) line."""
    return i + 1 < len(paragraphs) and programme_label(paragraphs[i + 1].text) in labels


def programme_label(text: str) -> str | None:
    """The label a programme line opens with ("Date: …" -> "date"), casefolded; None without one."""
    return text.split(":", 1)[0].strip().casefold() if ":" in text[:LABEL_CHARS] else None


def in_title_block(paragraphs: list[Paragraph], i: int, title_words: tuple[str, ...]) -> bool:
    """Minutes print their title again above the body ("CONSEJO PERMANENTE …" / "ACTA DE LA SESIÓN
    …"): a line that starts with a title word, and the line in capitals right above it."""

    def titled(j: int) -> bool:
        return 0 <= j < len(paragraphs) and paragraphs[j].text.casefold().startswith(title_words)

    here = paragraphs[i]
    above = titled(i + 1) and paragraphs[i + 1].page == here.page and all(ln.is_caps for ln in here.lines)
    return titled(i) or above


def is_date_line(text: str, c: Cues, lang: str) -> bool:
    """A line of the title block that only says when the meeting was held ("Held on Thursday, 23 May
    2024", "Celebrada el jueves 22 de febrero de 2024", "Tenue le …", "Realizada em …"): part of the
    title block, never a heading."""
    low = text.strip().casefold()
    lead = next((w for w in c.date_line_words if low.startswith(w.casefold())), "")
    dates = find_dates(text, lang)
    if not lead or not dates:
        return False
    _, start, end = dates[0]
    return len(text.strip()) - len(lead) - (end - start) <= DATE_LINE_REST
