"""Segment stage: ExtractedDocument in, SectionTree out.

Structure is read the way a person reads a printed summary: the title is the first line that says
what the document is ("Summary of…", "Resumen de…") in heading type; what stands above it on page 1
is the cover block; a heading is a short line set apart by typography (bold, capitals, underline,
larger size) or by numbering (`1.`, `I.`, `A.`, `a)`); a timed slot is a line that starts with a
time range; a programme title is the heading-like line right above a "Date:/Time:/Place:" block.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.cues import Cues, Words, alternation
from pipeline.document import ExtractedDocument, Line, Paragraph, Section, SectionTree, join_lines
from pipeline.language import cues, detect_language
from pipeline.recognise.times import TimeRange, find_ranges, find_times, leading_range

BULLET = re.compile(r"^[•▪●◦■□►‣∙·\-–—*o]\s+")
NUMBERED = re.compile(
    r"^(?P<num>(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]|[a-z])(?:\.\d{1,2})*)(?P<sep>[.)]|\s?[-–—:])\s+(?P<title>\S.*)$"
)
# "… resolución CP/RES." broken before its number
SYMBOL_PART = re.compile(r"(?:^|\s)[A-Z]{1,6}/[A-Za-z/.]*\.$")
LABEL = re.compile(r"^[\w][\w ]{0,15}\s?:\s+\S")  # "Date: …", "Heure : …"
LIST_NUMBER = re.compile(r"^(?:(?:\d{1,2}|[IVXLC]{1,6})[.)]|\(?[a-z]\))\s+")  # "1.", "IV.", "a)" (not "M.")
ROMAN = re.compile(r"^[IVXLC]{1,6}$")


@dataclass
class _Heading:
    style: tuple[object, ...]
    number: str | None
    title: str


def segment(doc: ExtractedDocument, language: str | None = None) -> SectionTree:
    """Sections in document order; section 0 is the preamble (title, chair, quorum, links)."""
    lines = doc.lines
    body_size = _body_size(lines)
    lang = language or detect_language(
        " ".join(ln.text for ln in lines[:60]), " ".join(ln.text for ln in lines[60:400])
    )
    c = cues(lang)

    lines = _without_contents_pages(doc, c)
    title_at, title_end = _title(lines, c, body_size)
    cover = lines[:title_at] if title_at is not None else []
    header_text = "\n".join(
        [ln.text for p in doc.pages for ln in p.header[:4] if p.number <= 2] + [ln.text for ln in cover]
    )
    body_lines = _join_time_cells(lines[len(cover) :], lang)
    line_gap = _line_gap(body_lines, body_size)
    paragraphs = _paragraphs(body_lines, body_size, lang, line_gap)

    sections = [Section(section_id=0, parent_id=None, level=0, kind="preamble", heading=None)]
    styles: list[tuple[object, ...]] = []  # heading styles from the outermost in, as first met
    slots: list[Section] = []
    last_time = 0
    items = _item_pattern(c.item_words)
    title_words = tuple(w.casefold() for w in c.title_words)
    labels = {w.casefold() for ws in c.programme_labels.values() for w in ws}
    link_boxes = {(lk.page, lk.bbox) for p in doc.pages for lk in p.links if lk.bbox}
    title_lines = set(range(0, (title_end or 0) - len(cover)))
    line_index = 0
    time_labels = {w.casefold() for w in c.programme_labels["time"]}
    for i, para in enumerate(paragraphs):
        is_title = line_index in title_lines
        line_index += len(para.lines)
        prev = paragraphs[i - 1].lines[-1] if i else None
        space_before = para.lines[0].top - prev.bottom if prev and prev.page == para.page else 0.0
        label = para.text.split(":", 1)[0].strip().casefold()
        if ":" in para.text[:20] and label in time_labels:
            ranges = find_ranges(para.text, lang)
            if ranges:  # the programme's hours tell whether "3:00 – 3:10" is afternoon
                last_time = int(ranges[0].start.time[:2]) * 60 + int(ranges[0].start.time[3:])
        slot = leading_range(para.text, lang) if not is_title else None
        if slot is not None and _slot_ok(para, slot):
            start, end, last_time = _clock(slot, last_time)
            slot_title = _clean_heading(para.text[slot.finish :])
            parent = _heading_parent(sections)
            while slots and not (  # a slot's start and end are always set
                (slots[-1].start or "") <= start and end <= (slots[-1].end or "") and slots[-1].start != end
            ):
                slots.pop()
            if slots and (slots[-1].start, slots[-1].end) == (start, end):
                slots.pop()
            parent_section = slots[-1] if slots else parent
            section = Section(
                section_id=len(sections),
                parent_id=parent_section.section_id if parent_section else 0,
                level=(parent_section.level if parent_section else 0) + 1,
                kind="slot",
                heading=slot_title or None,
                start=start,
                end=end,
                heading_raw=para.text,
                heading_page=para.page,
                heading_bbox=para.bbox,
            )
            sections.append(section)
            slots.append(section)
            continue
        heading = (
            None
            if is_title
            else _as_heading(
                para, body_size, link_boxes, items, space_before, line_gap, in_programme=bool(slots)
            )
        )
        if heading is not None and (
            _is_programme_title(paragraphs, i, labels) or _in_title_block(paragraphs, i, title_words)
        ):
            heading = None
        if heading is None:
            sections[-1].paragraphs.append(para)
            continue
        slots.clear()
        if heading.style in styles:
            del styles[styles.index(heading.style) + 1 :]
        else:
            styles.append(heading.style)
        level = styles.index(heading.style) + 1
        parent_id = _parent_at(sections, level)
        sections.append(
            Section(
                section_id=len(sections),
                parent_id=parent_id,
                level=level,
                kind="item" if heading.number else "heading",
                heading=heading.title,
                number=heading.number,
                heading_raw=para.text,
                heading_page=para.page,
                heading_bbox=para.bbox,
            )
        )
    footnotes = [fn for p in doc.pages for fn in p.footnotes]
    links = [lk for p in doc.pages for lk in p.links]
    return SectionTree(
        sections=sections, header_text=header_text, footnotes=footnotes, links=links, language=lang
    )


DOT_LEADER = re.compile(r"(?:\.\s?){5,}|…{2,}|_{5,}")
PAGE_REF = re.compile(r"(?:\d{1,4}|\b[ivxlc]{1,6})\s*$", re.IGNORECASE)  # an entry's page number


def _contents_entry(text: str) -> bool:
    """Dot leaders and a page number: "Opening session ........ 3". The leaders need five dots, two
    ellipses or five underscores, which most lines do not have: counted before any pattern runs."""
    if text.count(".") < 5 and "……" not in text and "_____" not in text:
        return False
    return bool(DOT_LEADER.search(text) and PAGE_REF.search(text))


def _without_contents_pages(doc: ExtractedDocument, c: Cues) -> list[Line]:
    """Body lines without the table-of-contents pages: an index word on top, or dot leaders on most
    lines. Their entries repeat the headings and must not become sections."""
    words = {w.casefold() for w in c.index_words}
    keep: list[Line] = []
    for page in doc.pages:
        lines = page.lines
        leaders = sum(1 for ln in lines if _contents_entry(ln.text))
        titled = bool(lines) and lines[0].text.strip().casefold() in words
        if lines and (titled or leaders >= max(3, 0.4 * len(lines))):
            continue
        keep += lines
    return keep


def _body_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


def _title(lines: list[Line], c: Cues, body_size: float) -> tuple[int | None, int | None]:
    """Index of the title's first line on page 1 and one past its last line."""
    words = tuple(w.casefold() for w in c.title_words)
    patterns = [re.compile(p, re.IGNORECASE) for p in c.title_patterns]
    first_page = [i for i, ln in enumerate(lines[:60]) if ln.page == lines[0].page]
    for i in first_page:
        ln = lines[i]
        head = ln.text.casefold()
        if any(p.match(ln.text) for p in patterns):
            return i, i + 1  # a record's masthead: "121st plenary meeting"
        if head.startswith(words) and (ln.bold or ln.size > body_size * 1.05 or ln.is_caps or ln.underline):
            end = i + 1
            while (
                end < len(lines)
                and lines[end].page == ln.page
                and abs(lines[end].size - ln.size) < 0.6
                and (lines[end].bold == ln.bold or not any(ch.isalpha() for ch in lines[end].text))
                and lines[end].top - lines[end - 1].bottom < ln.size * (3 if ln.is_caps else 1.2)
                and lines[end].is_caps == ln.is_caps
            ):
                end += 1
            return i, end
    return None, None


def _join_time_cells(lines: list[Line], lang: str) -> list[Line]:
    """Put a programme table's wrapped time cell back together.

    In a two-column programme the time cell may wrap ("10:00 a.m. a" over "10:20 a.m."), and the
    wrapped part shares its row with the next item of the right-hand column. The time cell's
    pieces join the first row; the right-hand text of later rows stays a line of its own."""
    out = list(lines)
    for i, ln in enumerate(out):
        if (
            ln.cells
            and find_times(ln.cells[0][1], lang)[:1]
            and find_times(ln.cells[0][1], lang)[0].start == 0
        ):
            column, time_text = ln.cells[0]
            rest = " ".join(text for _, text in ln.cells[1:])
        elif (r := leading_range(ln.text, lang)) is not None:
            column, time_text, rest = ln.x0, ln.text[: r.finish], ln.text[r.finish :].strip()
        else:
            continue
        joined = False
        for j in range(i + 1, min(i + 3, len(out))):
            nxt = out[j]
            cells = nxt.cells or ((nxt.x0, nxt.text),)
            if not (abs(cells[0][0] - column) < 3 and _time_fragment(cells[0][1], lang)):
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


def _time_fragment(text: str, lang: str) -> bool:
    """Text made only of times, a.m./p.m., hour words and range words: a piece of a time cell."""
    c = cues(lang)
    for t in reversed(find_times(text, lang)):
        text = text[: t.start] + " " + text[t.end :]
    words = {w.casefold() for w in c.am + c.pm + c.noon + c.hour_words + c.range_words}
    return all(w.casefold() in words or not w.strip("-–—") for w in text.split())


def _line_gap(lines: list[Line], body_size: float) -> float:
    """The usual white space between two lines of one paragraph."""
    gaps = Counter(
        round(b.top - a.bottom)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 <= b.top - a.bottom < body_size * 2
    )
    return gaps.most_common(1)[0][0] if gaps else body_size * 0.3


def _paragraphs(lines: list[Line], body_size: float, lang: str, normal_gap: float) -> list[Paragraph]:
    """Group lines: a new paragraph at a vertical gap, a style change, a bullet, a number or a time."""
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0] if lines else 0
    margins: dict[int, dict[int, float]] = {}  # per page, the right edge of the text starting at each x
    for ln in lines:
        starts = margins.setdefault(ln.page, {})
        starts[round(ln.x0)] = max(starts.get(round(ln.x0), 0.0), ln.x1)

    def right_of(ln: Line) -> float:
        near = [x1 for x0, x1 in margins[ln.page].items() if abs(x0 - ln.x0) <= 3]
        return max(near + [ln.x1])

    groups: list[list[Line]] = []
    for ln in lines:
        if groups and not _starts_paragraph(groups[-1], ln, normal_gap, right_of(groups[-1][-1]), left, lang):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return [
        Paragraph(lines=g, text=join_lines([ln.text for ln in g]), bullet=bool(BULLET.match(g[0].text)))
        for g in groups
    ]


def _starts_paragraph(
    group: list[Line], ln: Line, normal_gap: float, right: float, left: float, lang: str
) -> bool:
    prev = group[-1]
    first = group[0]
    style = (prev.bold, prev.italic, abs(prev.size - ln.size) < 0.6)
    if style != (ln.bold, ln.italic, True):
        return True
    ends_sentence = prev.text.rstrip().endswith((".", ":", ";", "!", "?", ")")) and not SYMBOL_PART.search(
        prev.text
    )
    if BULLET.match(ln.text) or LABEL.match(ln.text):
        return True
    if LIST_NUMBER.match(ln.text) and (ends_sentence or ln.x0 < prev.x0 - 2 or ln.bold != prev.bold):
        return True
    if leading_range(ln.text, lang):
        return True
    if leading_range(first.text, lang):  # a slot's heading wraps when it reached the margin
        wrapped = ln.text[:1].islower() or (ln.x0 > first.x0 + 2 and prev.x1 >= right - 40)
        return ln.x0 < first.x0 - 2 or not wrapped
    if (ln.is_caps and not prev.is_caps and ends_sentence) or (prev.is_caps and not ln.is_caps):
        return True
    if prev.is_caps and ln.is_caps and ln.x0 <= prev.x0 + 2:
        return False  # a heading in capitals that wraps
    if ln.page != prev.page:  # a paragraph goes on over the page break unless it had ended
        return ln.is_caps or (ends_sentence and not ln.text[:1].islower())
    gap = ln.top - prev.bottom
    if gap > normal_gap + 0.45 * ln.size or gap < -ln.size:
        return True
    # a line ended early on purpose when the next line's first word would have fitted after it
    first_word = ln.text.split(" ", 1)[0]
    short = prev.x1 + (len(first_word) + 1) * 0.5 * ln.size < right
    if prev.underline and not ln.underline and short and "://" not in prev.text and "www." not in prev.text:
        return True  # an underlined heading above plain text
    if short and ends_sentence:
        return True
    if BULLET.match(first.text) or LIST_NUMBER.match(first.text):
        if ln.x0 < first.x0 - 2:
            return True
        # a list item goes on in lower case, inside brackets or after a comma; a capital after a full
        # stop starts anew
        last = prev.text.rstrip().rsplit(" ", 1)[-1]
        open_end = last.endswith((",", "(", "-", "/")) or last[:1].islower()
        if ends_sentence and ln.text[:1].isupper():
            return True
        if ln.x0 > first.x0 + 2:
            return False  # the hanging indent of the item's own text
        return ln.text[:1].isupper() and not open_end and short
    return ln.x0 > prev.x0 + 8 and abs(prev.x0 - left) < 3 and short


def _item_pattern(words: Words) -> re.Pattern[str]:
    """Agenda items announced by a word: "Item 1: …", "Punto 2. …", "Point 3 – …"."""
    return re.compile(
        rf"^(?:{alternation(words)})\s+(?P<num>\d{{1,2}}|[IVXLC]{{1,6}})(?P<sep>\s?[:.)\-–—])\s+(?P<title>\S.*)$",
        re.IGNORECASE,
    )


def _as_heading(
    para: Paragraph,
    body_size: float,
    link_boxes: set,
    item_pattern: re.Pattern[str],
    space_before: float,
    line_gap: float,
    in_programme: bool,
) -> _Heading | None:
    """A paragraph that reads as a heading, with the style that places it in the tree."""
    text = para.text.strip()
    caps_block = all(x.is_caps for x in para.lines) and len(para.lines) <= 6
    if (len(para.lines) > 3 and not caps_block) or len(text) > 300 or text.endswith(":") or para.bullet:
        return None
    if not (text[:1].isupper() or text[:1].isdigit()):
        return None
    letters = sum(map(str.isalpha, text))
    if letters < 2 or letters < sum(map(str.isdigit, text)):
        return None
    if text.endswith(("]", ".)", ".”")):
        return None  # the end of a bracketed or quoted passage
    if LABEL.match(text) and not item_pattern.match(text):
        return None  # "Place: Rubén Darío Room" is a programme's label and value
    ln = para.lines[0]
    linked = any(pg == ln.page and _overlaps(ln.bbox, box) for pg, box in link_boxes)
    underline = all(x.underline for x in para.lines) and not linked
    caps = all(x.is_caps for x in para.lines) and bool(re.search(r"(?:^|\s)[^\W\d_]{3,}(?:\s|$)", text))
    bold = all(x.bold for x in para.lines)
    larger = ln.size > body_size * 1.04
    m = NUMBERED.match(text) or item_pattern.match(text)
    number = None
    if m and m.group("title")[:1].isupper():
        number = m.group("num")
        title = m.group("title")
    else:
        title = text
    # italic alone marks asides ("Question and answer session") unless the line is set apart by white
    # space, outside a timed programme
    set_apart = (
        all(x.italic for x in para.lines)
        and len(para.lines) == 1
        and not in_programme
        and space_before > line_gap + 0.4 * ln.size
        and not text.endswith(".")  # "It was so decided." is a note, not a heading
    )
    if all(x.italic for x in para.lines) and not (bold or larger):
        typographic = set_apart
    else:
        typographic = bold or caps or underline or larger
    if number is None and not typographic:
        return None
    if number is not None and not typographic:
        if not number[0].isdigit() and not ROMAN.match(number):
            return None  # "M. Williams, …" is a person, not item M
        if title.endswith((";", ",")) or len(title.split()) > 24:
            return None  # an operative paragraph of a resolution, not an agenda item
        if len(para.lines) > 2 or re.search(r"\.\s+[A-Z]", title) or title.endswith("."):
            return None
    if len(title.split()) > (32 if caps_block else 25):
        return None  # a sentence, not a title
    kind = None
    if number is not None and m is not None:
        kind = "roman" if ROMAN.match(number) else ("arabic" if number[0].isdigit() else "alpha")
        kind += m.group("sep").strip() + ("item" if m.re is item_pattern else "")
    style = (kind, bold, caps, underline, ln.italic, round(ln.size))
    return _Heading(style=style, number=number, title=_clean_heading(title))


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _clean_heading(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .:–-")


def _is_programme_title(paragraphs: list[Paragraph], i: int, labels: set[str]) -> bool:
    """A programme's title sits right above its "Date:" (Fecha:, Date :, Data:) line."""
    if i + 1 >= len(paragraphs):
        return False
    label = paragraphs[i + 1].text.split(":", 1)[0].strip().casefold()
    return ":" in paragraphs[i + 1].text[:20] and label in labels


def _in_title_block(paragraphs: list[Paragraph], i: int, title_words: tuple[str, ...]) -> bool:
    """Minutes print their title again above the body ("CONSEJO PERMANENTE …" / "ACTA DE LA SESIÓN
    …"): a line that starts with a title word, and the line in capitals right above it."""

    def titled(j: int) -> bool:
        return 0 <= j < len(paragraphs) and paragraphs[j].text.casefold().startswith(title_words)

    here = paragraphs[i]
    above = titled(i + 1) and paragraphs[i + 1].page == here.page and all(ln.is_caps for ln in here.lines)
    return titled(i) or above


def _slot_ok(para: Paragraph, slot: TimeRange) -> bool:
    """A timed slot is a line of its own: short, or a time column beside its item."""
    return len(para.lines) <= 4 and slot.begin <= 2


def _clock(slot: TimeRange, last: int) -> tuple[str, str, int]:
    """12-hour times without a.m./p.m. after noon ("1:20 – 2:10") read on from the previous slot."""

    def minutes(t: str) -> int:
        return int(t[:2]) * 60 + int(t[3:])

    start, end = minutes(slot.start.time), minutes(slot.end.time)
    if start < last and start < 12 * 60 and start + 12 * 60 >= last:
        start += 12 * 60
    if end < start and end + 12 * 60 >= start:
        end += 12 * 60
    return f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}", start


def _heading_parent(sections: list[Section]) -> Section | None:
    for s in reversed(sections):
        if s.kind in ("heading", "item"):
            return s
    return None


def _parent_at(sections: list[Section], level: int) -> int:
    for s in reversed(sections):
        if s.kind in ("heading", "item") and s.level < level:
            return s.section_id
    return 0
