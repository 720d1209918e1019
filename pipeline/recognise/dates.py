"""Dates written out in words: "February 15, 2024", "15 de febrero de 2024", "1er mars 2024",
"1º de março de 2024", "Lunes 29 de junio de 2009".

The month names, full and abbreviated, are dateparser's own language data, in the document's language
only (never detected per call), so "10 de octubre" is never English. A candidate is always a day, a
month name and a year, each in its own group of the pattern, so reading it is a lookup in that data
and a calendar check; dateparser's general parser took four milliseconds per date for the same result.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from dateparser.languages.loader import LocaleDataLoader

from pipeline.cues import alternation, longest_first
from pipeline.language import MONTHS, cues

ORDINAL = r"(?:º|°|o|er|ero|st|nd|rd|th)?"


@cache
def _dates(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """The candidate pattern and month number of every month name (casefolded) of the language."""
    info = LocaleDataLoader().get_locale(lang).info
    numbers = {n.casefold(): i for i, m in enumerate(MONTHS, 1) for n in info.get(m, []) if len(n) >= 3}
    names = "|".join(re.escape(n) + r"\.?" for n in longest_first(numbers))
    words = cues(lang).date_links  # "de", "of": the language's own, as data
    joined = rf"\s+(?:{alternation(words)})\s+|" if words else ""
    link = rf"(?:{joined}\s+|\s*\.\s*)"
    pattern = re.compile(
        rf"(?<![\w/])(?:(?P<day>\d{{1,2}}){ORDINAL}{link}(?P<month>{names}){link}(?P<year>\d{{4}})"
        rf"|(?P<month2>{names})\s+(?P<day2>\d{{1,2}}){ORDINAL},?\s+(?P<year2>\d{{4}}))(?!\d)",
        re.IGNORECASE,
    )
    return pattern, numbers


def find_dates(text: str, lang: str) -> list[tuple[date, int, int]]:
    """Every full date (day, month and year) in the text, with its span; "31 de febrero" is none."""
    pattern, numbers = _dates(lang)
    out = []
    for m in pattern.finditer(text):
        day, month, year = (m.group("day"), m.group("month"), m.group("year"))
        if day is None:
            day, month, year = (m.group("day2"), m.group("month2"), m.group("year2"))
        try:
            found = date(int(year), numbers[month.casefold().rstrip(".")], int(day))
        except ValueError:
            continue
        out.append((found, m.start(), m.end()))
    return out
