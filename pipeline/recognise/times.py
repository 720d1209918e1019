"""Time expressions: `10:03 a.m.`, `1:01 p.m.`, `10.03 a.m.`, `15:30`, `15:30 hrs`, `10 h 03`, `14h30`,
`12.00 horas`, noon on its own ("at noon", "à midi"), and ranges joined by any dash or a range word
("to", "a", "à", "às").

Every time comes back as 24-hour HH:MM with its span in the input, so callers can tell what
surrounds it (a call to order, an adjournment, a slot).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.cues import alternation
from pipeline.document import TimeMention
from pipeline.language import cues

DASHES = "-–—‑−"
# Between a time's figures and its day part or hour word: none, or the white space a justified line,
# a line break or a page's running header removed leaves ("6:12  p.m." is still 18:12).
GAP = r"\s{0,3}"


@dataclass(frozen=True)
class TimeRange:
    start: TimeMention
    end: TimeMention
    raw: str
    begin: int  # span of the whole range in the text
    finish: int


def _alternation(words: Iterable[str]) -> str:
    """Longest first, escaped, and a space inside a word may be missing ("a. m." and "a.m.")."""
    return alternation(words).replace(r"\ ", r"\s?")


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    c = cues(lang)
    am, pm = _alternation(c.am), _alternation(c.pm)
    hours = _alternation(w for w in c.hour_words if w != "h")
    noon = _alternation(c.noon)
    suffix = (
        rf"(?:{GAP}(?P<am>{am})(?![^\W\d_])|{GAP}(?P<pm>{pm})(?![^\W\d_])|\s+(?P<noon>{noon})\b"
        rf"|{GAP}(?P<hw>{hours})(?!\w))"
    )
    time = (
        r"(?<![\d/.,:])(?P<h>[01]?\d|2[0-3])"
        r"(?:(?P<sep>[:.])(?P<m>[0-5]\d)(?![\d/])"  # 10:03, 10.03
        r"|\s?h\s?(?P<m2>[0-5]\d)?(?!\w)"  # 10 h 03, 14h30, 15 h
        rf"|(?={GAP}(?:{am}|{pm}|{hours}|{noon})))"  # 1 p.m., 12 horas, 12 noon
        rf"{suffix}?"
    )
    words = _alternation([*c.range_words, "-"])
    joint = rf"\s*(?:[{DASHES}]+|\s(?:{words}))\s*"
    return re.compile(time, re.IGNORECASE), re.compile(joint, re.IGNORECASE)


def _mention(m: re.Match[str], offset: int = 0) -> TimeMention | None:
    hour = int(m.group("h"))
    minute_text = m.group("m") or m.group("m2") or "00"
    if m.group("sep") == "." and not (m.group("am") or m.group("pm") or m.group("hw") or m.group("noon")):
        return None  # "10.03" alone is as likely a number as a time
    if m.group("pm") and hour < 12:
        hour += 12
    elif m.group("am") and hour == 12:
        hour = 0
    whole = m.group(0)
    raw = whole.strip()
    start = m.start() + offset + len(whole) - len(whole.lstrip())
    return TimeMention(raw=raw, time=f"{hour:02d}:{minute_text}", start=start, end=start + len(raw))


def find_times(text: str, lang: str = "en") -> list[TimeMention]:
    """Every time expression in the text, in order, figures or words."""
    return list(_times_in(text, lang))


@lru_cache(maxsize=1 << 13)
def _times_in(text: str, lang: str) -> tuple[TimeMention, ...]:
    """Cached: segment and parse ask about the same lines and paragraphs several times. Each kind
    of time has its precheck (a digit, a day part's last word, a noon word), since most sentences
    have none."""
    out = []
    if any(map(str.isdigit, text)):
        out = [t for m in _patterns(lang)[0].finditer(text) if (t := _mention(m)) is not None]
    low = text.casefold()
    words = _word_pattern(lang)
    if words is not None and any(tail in low for tail in _day_part_tails(lang)):
        out += [t for m in words.finditer(text) if (t := _word_mention(m, lang)) is not None]
    noon_words, noon = _noon_pattern(lang)
    if any(w in low for w in noon_words):
        taken = [(t.start, t.end) for t in out]
        for m in noon.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append(TimeMention(raw=m.group(0), time="12:00", start=m.start(), end=m.end()))
    out.sort(key=lambda t: t.start)
    return tuple(out)


@cache
def _noon_pattern(lang: str) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Noon on its own ("at noon", "al mediodía", "à midi", "ao meio-dia"): one word (a hyphen
    inside it), never a piece of another ("après-midi", "afternoon"); a noon of two words ("medio
    día", "meio dia") is as often half a day, so it counts only after a figure ("12 noon")."""
    words = tuple(w.casefold() for w in cues(lang).noon if " " not in w)
    return words, re.compile(rf"(?<![\w\-‐])(?:{alternation(words)})(?![\w\-‐])", re.IGNORECASE)


@cache
def _day_part_tails(lang: str) -> tuple[str, ...]:
    """The last word of each day part ("tarde" of "de la tarde"): a time in words ends with one, and
    most text has none, so the pattern need not run."""
    return tuple({part.split()[-1].casefold() for part in cues(lang).day_parts})


@cache
def _word_pattern(lang: str) -> re.Pattern[str] | None:
    """Times written in words, as minutes record them: "a las tres y veinte de la tarde"."""
    c = cues(lang)
    if not c.number_words:
        return None
    number = "(?:" + _alternation(c.number_words) + ")"
    conj = _alternation(c.number_and)
    minute = rf"{number}(?:\s+(?:{conj})\s+{number})?"
    return re.compile(
        rf"\b(?:{_alternation(c.hour_lead)})\s+(?P<hour>{number})(?:\s+(?:{conj})\s+(?P<minute>{minute}))?"
        rf"(?:\s+(?:{_alternation(w for w in c.hour_words if len(w) > 1)}))?"
        rf"\s+(?P<part>{_alternation(c.day_parts)})\b",
        re.IGNORECASE,
    )


def _word_mention(m: re.Match[str], lang: str) -> TimeMention | None:
    c = cues(lang)
    values = {k.casefold(): v for k, v in c.number_words.items()}
    hour = values.get(m.group("hour").casefold(), 0)
    minute = 0
    if m.group("minute"):
        conj = alternation(c.number_and)
        minute = sum(values.get(w.casefold(), 0) for w in re.split(rf"\s+(?:{conj})\s+", m.group("minute")))
    if not 1 <= hour <= 12 or minute > 59:
        return None
    part = {k.casefold(): v for k, v in c.day_parts.items()}[m.group("part").casefold()]
    if part == "pm" and hour < 12:
        hour += 12
    elif part == "am" and hour == 12:
        hour = 0
    start = m.start("hour")
    return TimeMention(
        raw=m.group(0)[start - m.start() :], time=f"{hour:02d}:{minute:02d}", start=start, end=m.end()
    )


def has_meridiem(t: TimeMention, lang: str) -> bool:
    pattern, _ = _patterns(lang)
    m = pattern.fullmatch(t.raw)
    return bool(m and (m.group("am") or m.group("pm")))


def find_ranges(text: str, lang: str = "en") -> list[TimeRange]:
    """Pairs of times joined by a dash or a range word, each end given the day part the other shows."""
    _, joint = _patterns(lang)
    times = find_times(text, lang)
    out = []
    for a, b in zip(times, times[1:], strict=False):
        between = text[a.end : b.start]
        if not joint.fullmatch(between):
            continue
        start, end = _day_part_shared(a, b, lang)
        out.append(TimeRange(start, end, text[a.start : b.end], a.start, b.end))
    return out


def _day_part_shared(a: TimeMention, b: TimeMention, lang: str) -> tuple[TimeMention, TimeMention]:
    """A range writes its day part once: a lone p.m. on the end carries to the start ("10:30 –
    11:45 p.m."), and an end read earlier than its start is in the afternoon ("3 p.m. to 6:12",
    "11:30 – 1:00"), so no end comes out before its start."""
    ha, hb = int(a.time[:2]), int(b.time[:2])
    if not has_meridiem(a, lang) and has_meridiem(b, lang) and ha < 12 and ha + 12 <= hb:
        a = TimeMention(a.raw, f"{ha + 12:02d}:{a.time[3:]}", a.start, a.end)
    elif not has_meridiem(b, lang) and hb < 12 and b.time < a.time and hb + 12 < 24:
        b = TimeMention(b.raw, f"{hb + 12:02d}:{b.time[3:]}", b.start, b.end)
    return a, b


def find_times_ranged(text: str, lang: str = "en") -> list[TimeMention]:
    """Every time in the text as `find_times` reads it, but the ends of a range with the day part the
    range gives them ("from 3 p.m. to 6:12": 18:12)."""
    times = find_times(text, lang)
    ranged = {t.start: t for r in find_ranges(text, lang) for t in (r.start, r.end)}
    return [ranged.get(t.start, t) for t in times]


@lru_cache(maxsize=1 << 13)
def leading_range(text: str, lang: str = "en") -> TimeRange | None:
    """The range a line starts with ("10:00 – 10:15 Inauguration"), if any."""
    for r in find_ranges(text[:60], lang):
        if r.begin <= 2:
            return r
    return None
