"""Times: each time a record states, with the role the words around it give it (call to order,
adjournment, scheduled start or end, a slot's start or end, other), and the document's own times
that follow from them. The time expressions themselves are recognised in pipeline.recognise.times.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.cues import Cues, alternation
from pipeline.document import Paragraph, SectionTree, TimeMention, TimeRow
from pipeline.parse.common import compiled
from pipeline.recognise.sentences import sentences
from pipeline.recognise.times import TimeRange, find_ranges, find_times

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

    def said(self, section_id: int, mention: TimeMention, kind: str, page: int) -> None:
        """A time in a sentence: the first call to order is the start, the last adjournment the end."""
        self.rows.append(TimeRow(section_id, mention.raw, mention.time, kind, page))
        if kind == "call_to_order" and self.start_time is None:
            self.start_time = mention.time
        elif kind == "adjournment":
            self.end_time = mention.time
        elif kind == "scheduled_start" and self.scheduled_start is None:
            self.scheduled_start = mention.time


def read_times(tree: SectionTree, c: Cues) -> Clock:
    """Slot headings' times, a programme's time line, and every time said in a sentence."""
    clock = Clock(rows=_slot_rows(tree))
    time_labels = tuple(w.casefold() for w in c.programme_labels["time"])
    cue_list = [(kind, phrase.casefold()) for kind, phrases in c.time_cues.items() for phrase in phrases]
    for section, para in tree.walk():
        scheduled = _programme_time(para.text, time_labels, tree.language)
        if scheduled is not None:
            clock.schedule(section.section_id, scheduled, para.page)
            continue
        for mention, kind in _said(para, cue_list, tree.language):
            clock.said(section.section_id, mention, kind, para.page)
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


def _programme_time(text: str, time_labels: tuple[str, ...], lang: str) -> TimeRange | None:
    """The range of a programme's time line ("Time: 10:00 – 12:00", "Hora: …"), if it is one."""
    head = text.split(":", 1)[0].strip().casefold()
    if ":" not in text[:20] or head not in time_labels:
        return None
    ranges = find_ranges(text, lang)
    return ranges[0] if ranges else None


def _said(para: Paragraph, cue_list: list[tuple[str, str]], lang: str) -> list[tuple[TimeMention, str]]:
    """Every time in the paragraph's sentences, with the role its sentence gives it."""
    found = []
    for sentence, _ in sentences(para.text):
        low = sentence.casefold()
        for t in find_times(sentence, lang):
            found.append((t, _time_kind(low, t.start, t.end, cue_list)))
    return found


def _time_kind(low: str, start: int, end: int, cue_list: list[tuple[str, str]]) -> str:
    """The cue nearest the time in its sentence decides; a cue before the time weighs more."""
    others = tuple(phrase for kind, phrase in cue_list if kind == "other")
    if others and compiled(rf"\b(?:{alternation(others)})\b").search(low):
        return "other"
    best: tuple[float, str] | None = None
    for kind, phrase in cue_list:
        at = low.find(phrase)
        while at >= 0 and phrase:
            if at + len(phrase) <= start:
                distance: float = start - at - len(phrase)
            elif at >= end:
                distance = (at - end) + CUE_AFTER_PENALTY
            else:
                distance = -1
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, kind)
            at = low.find(phrase, at + len(phrase))
    return best[1] if best and best[0] < CUE_REACH else "other"
