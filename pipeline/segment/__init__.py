"""Segment stage: ExtractedDocument in, SectionTree out.

Structure is read the way a person reads a printed summary: the record's family from its header block
(pipeline.families); the title and, above it on page 1, the cover block (title.py); paragraphs
(paragraphs.py); headings set apart by typography or numbering and timed slots that start with a time
range (headings.py); a programme title is the heading-like line right above a "Date:/Time:/Place:"
block. `_Tree` builds the sections as the paragraphs come.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.cues import Cues
from pipeline.document import ExtractedDocument, Paragraph, Section, SectionTree
from pipeline.families import Family, pick_family
from pipeline.language import cues, detect_language
from pipeline.recognise.times import TimeRange, find_ranges, leading_range
from pipeline.segment.headings import (
    Context,
    Heading,
    as_heading,
    clean_heading,
    clock,
    continued_pattern,
    item_pattern,
    runs_on,
    slot_ok,
    table_row,
)
from pipeline.segment.paragraphs import body_size, join_time_cells, line_gap, paragraphs
from pipeline.segment.table import split_tables, table_paragraphs
from pipeline.segment.title import (
    find_title,
    header_block,
    in_title_block,
    is_date_line,
    is_programme_title,
    programme_label,
    running_header,
    without_contents_pages,
)

LANGUAGE_HEAD_LINES = 60  # the cover block and title, where the language is said most clearly
LANGUAGE_BODY_LINES = 400  # the body read too when the head does not decide
NOTE_PARAGRAPHS = 12  # an editor's bracketed note runs over at most this many paragraphs

__all__ = ["segment"]


def segment(doc: ExtractedDocument, language: str | None = None) -> SectionTree:
    """Sections in document order; section 0 is the preamble (title, chair, quorum, links)."""
    lines = doc.lines
    size = body_size(lines)
    lang = language or detect_language(
        " ".join(ln.text for ln in lines[:LANGUAGE_HEAD_LINES]),
        " ".join(ln.text for ln in lines[LANGUAGE_HEAD_LINES:LANGUAGE_BODY_LINES]),
    )
    c = cues(lang)
    lines = without_contents_pages(doc, c)
    family = pick_family(header_block(doc, lines))
    title_at, title_end = find_title(lines, c, family, size)
    cover = lines[:title_at] if title_at is not None else []
    runs = [
        (run if table else join_time_cells(run, lang), table)
        for run, table in split_tables(lines[len(cover) :])
    ]
    gap = line_gap([ln for run, table in runs if not table for ln in run], size)
    link_boxes = frozenset((lk.page, lk.bbox) for p in doc.pages for lk in p.links if lk.bbox)
    items = item_pattern(c.item_words, c.agenda_item_words)
    lists = _casefolded(c.document_list_words)
    ctx = Context(size, gap, link_boxes, items, lists, continued_pattern(c.continued_words))
    tree = _Tree(c, lang, family, ctx)
    paras = [
        p
        for run, table in runs
        for p in (table_paragraphs(run, lang) if table else paragraphs(run, lang, gap))
    ]
    tree.read(paras, title_lines=(title_end or 0) - len(cover))
    return SectionTree(
        sections=tree.sections,
        header_text="\n".join(running_header(doc) + [ln.text for ln in cover]),
        footnotes=[fn for p in doc.pages for fn in p.footnotes],
        links=[lk for p in doc.pages for lk in p.links],
        language=lang,
        family=family.name,
        hidden_chars=doc.hidden_chars,
    )


def _casefolded(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


@dataclass
class _Tree:
    """The sections as they are read: each paragraph is a slot, a heading, or text of the last section.

    Headings nest by style: the styles met so far, outermost first, give a heading its level, and a
    style met again closes the deeper ones. Slots nest by time: a slot inside the previous one's times
    is its child."""

    c: Cues
    lang: str
    family: Family
    ctx: Context
    sections: list[Section] = field(default_factory=lambda: [Section(0, None, 0, "preamble", None)])
    styles: list[tuple[object, ...]] = field(default_factory=list)  # heading styles, outermost first
    slots: list[Section] = field(default_factory=list)  # the open timed slots, outermost first
    last_time: int = 0  # minutes: the programme's hours tell whether "3:00 – 3:10" is afternoon
    title_words: tuple[str, ...] = field(init=False)
    masthead_labels: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.title_words = _casefolded(self.c.title_words)
        self.masthead_labels = frozenset(_casefolded(self.family.masthead_labels))

    def read(self, paras: list[Paragraph], title_lines: int) -> None:
        """Place each paragraph; the first `title_lines` lines are the title, never a heading."""
        labels = {w.casefold() for ws in self.c.programme_labels.values() for w in ws}
        time_labels = {w.casefold() for w in self.c.programme_labels["time"]}
        line_index = 0
        note = 0  # paragraphs left in an editor's note "[…" not yet closed: its lines are no headings
        for i, para in enumerate(paras):
            is_title = line_index < title_lines or note > 0
            line_index += len(para.lines)
            opened = para.text.count("[") - para.text.count("]")
            note = NOTE_PARAGRAPHS if opened > 0 else (0 if opened < 0 else max(0, note - 1))
            if programme_label(para.text) in time_labels:
                self._programme_time(para)
            slot = leading_range(para.text, self.lang) if not is_title else None
            if slot is not None and slot_ok(para, slot):
                self._add_slot(para, slot)
                continue
            heading = None if is_title else self._heading(paras, i)
            if heading is not None and is_programme_title(paras, i, labels):
                heading = None
            if heading is None:
                self.sections[-1].paragraphs.append(para)
            else:
                self._add_heading(para, heading)

    def _programme_time(self, para: Paragraph) -> None:
        """A programme's "Time: 3:00 – 5:00" line: what the slots after it read their hours from."""
        ranges = find_ranges(para.text, self.lang)
        if ranges:
            self.last_time = int(ranges[0].start.time[:2]) * 60 + int(ranges[0].start.time[3:])

    def _heading(self, paras: list[Paragraph], i: int) -> Heading | None:
        """The paragraph as a heading, unless it is the family's title block printed again or the
        title block's date line."""
        para = paras[i]
        prev = paras[i - 1].lines[-1] if i else None
        space_before = para.lines[0].top - prev.bottom if prev and prev.page == para.page else 0.0
        heading = as_heading(para, self.ctx, space_before, in_programme=bool(self.slots))
        if heading is not None and table_row(
            para, paras[max(0, i - 1) : i] + paras[i + 1 : i + 2], self.ctx.items
        ):
            return None  # a row of a table
        if heading is None or (self.family.title_repeated and in_title_block(paras, i, self.title_words)):
            return None
        if para.page == paras[0].page and para.text.strip().casefold() in self.masthead_labels:
            return None  # "Agenda", "Provisional": labels of a UN record's masthead
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if all(ln.italic for ln in para.lines) and nxt is not None and runs_on(para, nxt):
            return None  # "The draft resolution … was adopted" / "(resolution 64/300).": a note
        if heading is not None and is_date_line(para.text, self.c, self.lang):
            return None
        return heading

    def _add_slot(self, para: Paragraph, slot: TimeRange) -> None:
        """A timed slot, under the innermost open slot whose times hold its own, else the last heading."""
        start, end, self.last_time = clock(slot, self.last_time)
        slots = self.slots
        while slots and not (  # a slot's start and end are always set
            (slots[-1].start or "") <= start and end <= (slots[-1].end or "") and slots[-1].start != end
        ):
            slots.pop()
        if slots and (slots[-1].start, slots[-1].end) == (start, end):
            slots.pop()
        parent = slots[-1] if slots else self._last_heading()
        section = Section(
            section_id=len(self.sections),
            parent_id=parent.section_id if parent else 0,
            level=(parent.level if parent else 0) + 1,
            kind="slot",
            heading=clean_heading(para.text[slot.finish :]) or None,
            start=start,
            end=end,
            heading_raw=para.text,
            heading_page=para.page,
            heading_bbox=para.bbox,
        )
        self.sections.append(section)
        slots.append(section)

    def _add_heading(self, para: Paragraph, heading: Heading) -> None:
        """A heading or item, at the level of its style; it closes every open slot."""
        self.slots.clear()
        if heading.style in self.styles:
            del self.styles[self.styles.index(heading.style) + 1 :]
        else:
            self.styles.append(heading.style)
        level = self.styles.index(heading.style) + 1
        self.sections.append(
            Section(
                section_id=len(self.sections),
                parent_id=self._parent_at(level),
                level=level,
                kind="item" if heading.number else "heading",
                heading=heading.title,
                number=heading.number,
                heading_raw=para.text,
                heading_page=para.page,
                heading_bbox=para.bbox,
            )
        )

    def _last_heading(self) -> Section | None:
        return next((s for s in reversed(self.sections) if s.kind in ("heading", "item")), None)

    def _parent_at(self, level: int) -> int:
        """The nearest heading above this level: the parent of a heading at `level`."""
        above = (s for s in reversed(self.sections) if s.kind in ("heading", "item") and s.level < level)
        return next((s.section_id for s in above), 0)
