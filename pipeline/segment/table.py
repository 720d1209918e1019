"""A programme set as a table (Time | Session | Speakers): its rows into timed slots.

Layout cuts the rows of such a table into cells by the columns of its header row
(pipeline.extract.layout.table); here the columns get their parts from the header's labels
(`programme_columns` in models/lang). A row whose time cell opens with a time range starts a slot;
the rows below it, on the next page too, add to its cells. The slot's heading is its time range and
Session cell (what a two-column programme prints on one line); each person of its Speakers cell is a
programme line of the slot (a bullet paragraph, where the people finder reads programme lines). The
header row, printed again after a page break, is neither a heading nor text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.document import Line, Paragraph, join_lines
from pipeline.extract.layout.table import COLUMN_SLACK, column_roles
from pipeline.language import cues
from pipeline.recognise.people import person_at, strip_honorifics
from pipeline.recognise.times import leading_range
from pipeline.segment.paragraphs import time_fragment

ENTRY_GAP = 0.2  # font sizes of white space beyond a cell's line gap that part two people
OPEN_END = re.compile(r"(?:[,(/-]|\b[a-zà-ÿ]{1,4})$")  # a line that ends so goes on: ", of, de, and"
LABELLED = re.compile(r"^\w[\w ]{0,20}:\s")  # "Moderator: …", "Moderadora: …"


@dataclass
class _Slot:
    """One timed row of the table, as its cells run on over the rows below it."""

    first: Line
    time: str
    session: list[str] = field(default_factory=list)
    speakers: list[Line] = field(default_factory=list)
    other: list[Line] = field(default_factory=list)


def split_tables(lines: list[Line]) -> list[tuple[list[Line], bool]]:
    """The lines in runs: programme tables (header rows and the rows layout cut by their columns)
    and the rest."""
    roles = column_roles()
    runs: list[tuple[list[Line], bool]] = []
    in_table = False
    for ln in lines:
        header = _roles(ln, roles)
        if header is not None and "time" in header:
            in_table = True
        elif not ln.cells:
            in_table = False
        if runs and runs[-1][1] == in_table:
            runs[-1][0].append(ln)
        else:
            runs.append(([ln], in_table))
    return runs


def _roles(ln: Line, roles: dict[str, str]) -> list[str] | None:
    """The parts of a header row's columns, in order; None for a line that is no header row."""
    if len(ln.cells) < 2 or not all(text.casefold() in roles for _, text in ln.cells):
        return None
    return [roles[text.casefold()] for _, text in ln.cells]


def table_paragraphs(lines: list[Line], lang: str) -> list[Paragraph]:
    """A programme table's paragraphs: per slot its heading line, then one paragraph per speaker."""
    roles = column_roles()
    columns: list[tuple[float, str]] = []
    slots: list[_Slot] = []
    for ln in lines:
        header = _roles(ln, roles)
        if header is not None:
            columns = [(x, role) for (x, _), role in zip(ln.cells, header, strict=True)]
            continue
        for x, text in ln.cells:
            role = _role_at(columns, x)
            cell = replace(ln, text=text, x0=x, cells=())
            if role == "time" and leading_range(text, lang) is not None:
                slots.append(_Slot(cell, text))
            elif slots:
                _add(slots[-1], role, cell, lang)
    out: list[Paragraph] = []
    for slot in slots:
        out += _slot_paragraphs(slot, lang)
    return out


def _role_at(columns: list[tuple[float, str]], x: float) -> str:
    """The part of the column a cell starting at `x` stands in."""
    role = columns[0][1] if columns else "time"
    for start, part in columns:
        if x >= start - COLUMN_SLACK:
            role = part
    return role


def _add(slot: _Slot, role: str, cell: Line, lang: str) -> None:
    """A cell of a row under the slot's first: a time cell that wraps ("10:00 a.m. a" / "10:20 a.m.")
    goes on with the slot's time; other text in the time column ("Coffee break") is the slot's text."""
    if role == "time" and time_fragment(cell.text, lang):
        slot.time += " " + cell.text
    elif role == "session":
        slot.session.append(cell.text)
    elif role == "speakers":
        slot.speakers.append(cell)
    else:
        slot.other.append(cell)


def _slot_paragraphs(slot: _Slot, lang: str) -> list[Paragraph]:
    heading = f"{slot.time} {join_lines(slot.session)}".strip()
    out = [Paragraph(lines=[replace(slot.first, text=heading)], text=heading)]
    for entry in _entries(slot.speakers, lang):
        text = LABELLED.sub("", join_lines([ln.text for ln in entry]))  # "Moderator:" is no part of a name
        out.append(Paragraph(lines=entry, text=text, bullet=True))
    if slot.other:
        out.append(Paragraph(lines=slot.other, text=join_lines([ln.text for ln in slot.other])))
    return out


def _entries(cells: list[Line], lang: str) -> list[list[Line]]:
    """A Speakers cell's lines, person by person: a new person where white space parts the lines,
    or where a line opens with a name or a label after a line that had ended."""
    gaps = sorted(b.top - a.bottom for a, b in zip(cells, cells[1:], strict=False) if a.page == b.page)
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    entries: list[list[Line]] = []
    for ln in cells:
        prev = entries[-1][-1] if entries else None
        if prev is None or _new_entry(prev, ln, usual, lang):
            entries.append([ln])
        else:
            entries[-1].append(ln)
    return entries


def _new_entry(prev: Line, ln: Line, usual: float, lang: str) -> bool:
    if prev.page == ln.page and ln.top - prev.bottom > usual + ENTRY_GAP * ln.size:
        return True
    if OPEN_END.search(prev.text) or not ln.text[:1].isupper():
        return False
    if strip_honorifics(ln.text, lang) != ln.text or LABELLED.match(ln.text):
        return True
    # a name and its post ("Kareem Baptiste, Permanent Secretary"), not the last words of a post
    # and an institution ("Transfer Programmes, Ministry of …")
    after = ln.text.partition(",")[2].strip().casefold()
    return person_at(ln.text, 0, lang) is not None and not after.startswith(_org_heads(lang))


def _org_heads(lang: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in cues(lang).org_heads)
