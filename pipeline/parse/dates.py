"""Dates written out in words: "February 15, 2024", "15 de febrero de 2024", "1er mars 2024",
"1º de março de 2024", "Lunes 29 de junio de 2009".

Candidates are found with the month names of dateparser's own language data, then read by dateparser
with the document's language fixed (never detected per call), so "10 de octubre" is never English.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

import dateparser
from dateparser.languages.loader import LocaleDataLoader

ORDINAL = re.compile(r"(\d)(?:º|°|o|er|ero|st|nd|rd|th)\b")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip


@cache
def _parser(lang: str) -> tuple[re.Pattern[str], dateparser.DateDataParser]:
    info = LocaleDataLoader().get_locale(lang).info
    names = sorted({n for m in MONTHS for n in info.get(m, []) if len(n) >= 3}, key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) + r"\.?" for n in names) + ")"
    day = r"(?:\d{1,2})(?:º|°|o|er|ero|st|nd|rd|th)?"
    link = r"(?:\s+(?:de|del|of)\s+|\s+|\s*\.\s*)"
    pattern = re.compile(
        rf"(?<![\w/])(?:{day}{link}{month}{link}(?:de\s+)?\d{{4}}|{month}\s+{day},?\s+\d{{4}})(?!\d)",
        re.IGNORECASE,
    )
    # the candidates are always a day, a month name and a year: dateparser's parsers of relative dates
    # ("2 days ago"), timestamps and undelimited digits cannot read them and took 40% of its time
    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time"],
    }
    return pattern, dateparser.DateDataParser(languages=[lang], settings=settings)  # type: ignore[arg-type]


@lru_cache(maxsize=1 << 12)
def _read(raw: str, lang: str) -> date | None:
    """One candidate read by dateparser; cached, since records repeat their dates (headers, issue dates)."""
    parsed = _parser(lang)[1].get_date_data(raw).date_obj
    return parsed.date() if parsed is not None else None


def find_dates(text: str, lang: str) -> list[tuple[date, int, int]]:
    """Every full date (day, month and year) in the text, with its span."""
    pattern, _ = _parser(lang)
    out = []
    for m in pattern.finditer(text):
        parsed = _read(ORDINAL.sub(r"\1", m.group(0)), lang)
        if parsed is not None:
            out.append((parsed, m.start(), m.end()))
    return out
