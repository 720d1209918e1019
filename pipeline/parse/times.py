"""Times: each time a record states, with the role the words around it give it (call to order,
adjournment, scheduled start or end, a slot's start or end, other), and the document's own times
that follow from them. The time expressions themselves are recognised in pipeline.recognise.times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.cues import Cues, alternation
from pipeline.document import Paragraph, SectionTree, TimeMention, TimeRow
from pipeline.parse.common import compiled
from pipeline.recognise.sentences import sentences
from pipeline.recognise.times import TimeRange, find_ranges, find_times, find_times_ranged

# Characters between a cue and its time beyond which the cue no longer governs the time.
CUE_REACH = 120
# A cue after the time counts as this much farther away than one before it.
CUE_AFTER_PENALTY = 25


@dataclass
class Clock:
    """The times table's rows and the documents row's four times they decide."""

    rows: list[TimeRow] = field(default_factory=list)
    scheduled_start: str | None = None
    scheduled_end: str | None = None
    start_time: str | None = None
    end_time: str | None = None

    def schedule(self, section_id: int, scheduled: TimeRange, page: int) -> None:
        """A programme's "Time: 10:00 – 12:00"; the first one the record gives stands."""
        self.scheduled_start = self.scheduled_start or scheduled.start.time
        self.scheduled_end = self.scheduled_end or scheduled.end.time
        start, end = scheduled.start, scheduled.end
        self.rows.append(TimeRow(section_id, start.raw, start.time, "scheduled_start", page))
        self.rows.append(TimeRow(section_id, end.raw, end.time, "scheduled_end", page))

    def span_of_programme(self) -> None:
        """Where the record states no schedule, its programme's span is the schedule: the first
        slot's start and the last slot's end."""
        starts = [r.time for r in self.rows if r.kind == "slot_start"]
        ends = [r.time for r in self.rows if r.kind == "slot_end"]
        if starts and ends:
            self.scheduled_start = self.scheduled_start or min(starts)
            self.scheduled_end = self.scheduled_end or max(ends)

    def said(self, section_id: int, mention: TimeMention, kind: str, page: int) -> None:
        """A time in a sentence: the first call to order is the start, the last adjournment the end."""
        self.rows.append(TimeRow(section_id, mention.raw, mention.time, kind, page))
        if kind == "call_to_order" and self.start_time is None:
            self.start_time = mention.time
        elif kind == "adjournment":
            self.end_time = mention.time
        elif kind == "scheduled_start" and self.scheduled_start is None:
            self.scheduled_start = mention.time
        elif kind == "scheduled_end" and self.scheduled_end is None:
            self.scheduled_end = mention.time


def read_times(tree: SectionTree, c: Cues) -> Clock:
    """Slot headings' times, a programme's time line, and every time said in a sentence."""
    clock = Clock(rows=_slot_rows(tree))
    time_label = compiled(rf"(?i)(?:{alternation(c.programme_labels['time'])})\s?:")
    cue_list = [(kind, phrase.casefold()) for kind, phrases in c.time_cues.items() for phrase in phrases]
    for section, para in tree.walk():
        scheduled = _programme_time(para.text, time_label, tree.language)
        if isinstance(scheduled, TimeRange):
            clock.schedule(section.section_id, scheduled, para.page)
            continue
        if scheduled is not None:
            clock.said(section.section_id, scheduled, "scheduled_start", para.page)
            continue
        for mention, kind in _said(para, cue_list, tree.language):
            clock.said(section.section_id, mention, kind, para.page)
    clock.span_of_programme()
    return clock


def _slot_rows(tree: SectionTree) -> list[TimeRow]:
    """A timed slot's start and end ("10:00 – 10:15 Inauguration"), as segment read them."""
    rows = []
    for s in tree.sections:
        if s.kind != "slot" or not s.heading_raw:
            continue
        page = s.heading_page or 0
        for r in find_ranges(s.heading_raw, tree.language)[:1]:
            rows.append(TimeRow(s.section_id, r.start.raw, s.start or r.start.time, "slot_start", page))
            rows.append(TimeRow(s.section_id, r.end.raw, s.end or r.end.time, "slot_end", page))
    return rows


def _programme_time(text: str, time_label: re.Pattern[str], lang: str) -> TimeRange | TimeMention | None:
    """The range, or the one time, of a programme's time line ("Time: 9:30 a.m. – 1:00 p.m.",
    "Horário: 9h30 às 12h30", "Heure : 15 h"), if the paragraph is one."""
    label = time_label.match(text)
    if label is None:
        return None
    ranges = find_ranges(text, lang)
    if ranges:
        return ranges[0]
    times = find_times(text, lang)
    return times[0] if len(times) == 1 else None


def _said(para: Paragraph, cue_list: list[tuple[str, str]], lang: str) -> list[tuple[TimeMention, str]]:
    """Every time in the paragraph's sentences, with the role its sentence gives it. A range that no
    cue claims for something else is the meeting's span ("scheduled to run from 9:30 a.m. to 1:00
    p.m.", "de 9 h 30 à 13 heures"); the times of a programme's row ("10:00 – 10:15 Opening") are
    its slot's, never a call to order."""
    times = find_times(para.text, lang)
    if not times:
        return []  # most paragraphs hold no time: no sentence of them need be read
    if times[0].start == 0:
        return [(t, "other") for t in times]
    found = []
    for sentence, _ in sentences(para.text):
        low = sentence.casefold()
        spans: dict[int, str] = {}
        for r in find_ranges(sentence, lang):
            if _time_kind(low, r.begin, r.finish, cue_list) in (None, "scheduled_start"):
                spans.update({r.start.start: "scheduled_start", r.end.start: "scheduled_end"})
        for t in find_times_ranged(sentence, lang):
            found.append((t, spans.get(t.start) or _time_kind(low, t.start, t.end, cue_list) or "other"))
    return found


def _time_kind(low: str, start: int, end: int, cue_list: list[tuple[str, str]]) -> str | None:
    """The cue nearest the time in its sentence decides, a cue before the time weighing more and,
    at one distance, the longer cue ("would be held" over "held"); None when no cue is near.
    "other" cues compete like the rest: "adjourned until 3 p.m." is no adjournment, while in
    "adjourned at 1:07 p.m. until Monday" the adjournment is nearer its time."""
    best: tuple[float, int, str] | None = None
    for kind, phrase in cue_list:
        at = low.find(phrase)
        while at >= 0 and phrase:
            if not _whole_words(low, at, at + len(phrase)):
                distance: float = -1  # "ended" inside "suspended"
            elif at + len(phrase) <= start:
                distance = start - at - len(phrase)
            elif at >= end:
                distance = (at - end) + CUE_AFTER_PENALTY
            else:
                distance = -1
            if distance >= 0 and (best is None or (distance, -len(phrase)) < best[:2]):
                best = (distance, -len(phrase), kind)
            at = low.find(phrase, at + len(phrase))
    return best[2] if best and best[0] < CUE_REACH else None


def _whole_words(low: str, begin: int, end: int) -> bool:
    """Whether the text from begin to end starts and ends at word edges."""
    return (begin == 0 or not low[begin - 1].isalnum()) and (end == len(low) or not low[end].isalnum())
