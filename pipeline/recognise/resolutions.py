"""Resolutions cited by number only, written as their full symbols: "resolution 64/299" -> `A/RES/64/299`,
"Security Council resolution 2448 (2018)" -> `S/RES/2448 (2018)`, "résolution 48/218 B" -> `A/RES/48/218 B`.

Find, resolve, annotate (as eyecite does): a citation is found by a resolution noun and one or more number
forms ("resolutions 64/184 and 64/291"); its series is resolved from the organ named beside it ("General
Assembly resolution", "resolución … del Consejo de Seguridad"), else, in a UN record only, from the
number's form and the record's own series (a bare "resolution 15/1" in an A/HRC record is the Council's);
each number becomes a Symbol spanning the printed number. A bare number in an OAS or CELAC record is left
alone: "resolución 26/12" there is MERCOSUR's, "resolución 1080" the OAS's. Decisions ("decision 64/555")
are not documents and have no noun in the data. Every phrase is data (models/symbols.json).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from pipeline.cues import Words, alternation, longest_first
from pipeline.document import Symbol
from pipeline.recognise.symbols import Grammar, find_symbols, grammar

NO_RECORD = None  # the series of a record that is no UN record: bare citations stay unresolved


@dataclass(frozen=True)
class _Patterns:
    citation: re.Pattern[str]  # noun, then the numbers
    number: re.Pattern[str]  # one number of the list
    before: re.Pattern[str]  # an organ named right before the noun (matched at the end of the text before)
    after: re.Pattern[str]  # an organ named right after the numbers
    organs: dict[str, str]  # an organ's name, case folded -> its series
    forms: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]  # number form -> its series


def _every(table: Mapping[str, Words]) -> list[str]:
    """The phrases of every language: a record quotes resolutions in the languages it quotes speakers in."""
    return [w for words in table.values() for w in words]


@cache
def _patterns() -> _Patterns:
    g: Grammar = grammar()
    numbers = "|".join(f"(?:{p})" for p in g.resolution_numbers)
    number = rf"(?:{numbers})(?![\d/])"
    joins = alternation(_every(g.resolution_joins))
    sep = rf"(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)"
    citation = (
        rf"(?<!\w)(?i:{alternation(_every(g.resolution_nouns))})\s*(?P<list>{number}(?:{sep}{number})*)"
    )
    organs = {
        name.casefold(): series for series, names in g.resolution_organs.items() for name in _every(names)
    }
    names = "|".join(re.escape(n) for n in longest_first(organs))
    leads = alternation(_every(g.resolution_leads))
    links = alternation(_every(g.resolution_links))
    return _Patterns(
        citation=re.compile(citation),
        number=re.compile(number),
        before=re.compile(rf"(?i:(?P<name>{names}))(?:,?\s*(?:{leads}))?\s*$"),
        after=re.compile(rf"^,?\s+(?i:{links})\s*(?i:(?P<name>{names}))"),
        organs=organs,
        forms=tuple((re.compile(form), tuple(series)) for form, series in g.resolution_numbers.items()),
    )


def record_series(own_symbol: str | None, family: str) -> str | None:
    """The series a bare citation in this record belongs to (`A/RES` in a General Assembly record, `A/HRC/RES`
    in a Human Rights Council one), "" for a UN record of no listed series, None for no UN record."""
    g = grammar()
    if own_symbol:
        for prefix in longest_first(g.un_records):
            if own_symbol.upper().startswith(prefix.upper()):
                return g.un_records[prefix]
    return "" if family in g.un_families else NO_RECORD


def find_resolutions(text: str, record: str | None) -> list[Symbol]:
    """Every resolution the text cites by number only, as its full symbol, in order."""
    if not any(c.isdigit() for c in text):
        return []
    p = _patterns()
    out: list[Symbol] = []
    for m in p.citation.finditer(text):
        named = _named_organ(text, m.start(), m.end(), p)
        for n in p.number.finditer(m.group("list")):
            series = _series(n.group(0), named, record, p)
            if series:
                start = m.start("list") + n.start()
                out.append(_symbol(series, n.group(0), start))
    return out


def cited(text: str, record: str | None) -> list[Symbol]:
    """Every symbol the text cites: printed ones, and resolutions cited by number (which win where the
    two overlap: "resolution ES-10/24" is `A/RES/ES-10/24`, not a symbol `ES-10/24`)."""
    resolutions = find_resolutions(text, record)
    spans = [(r.start, r.end) for r in resolutions]
    printed = [s for s in find_symbols(text) if not any(a < s.end and s.start < b for a, b in spans)]
    return sorted(printed + resolutions, key=lambda s: s.start)


def _named_organ(text: str, start: int, end: int, p: _Patterns) -> str | None:
    """The series of the organ named right before the noun or right after the numbers, if one is."""
    before = p.before.search(text[max(0, start - 80) : start])
    after = p.after.match(text[end : end + 80])
    found = before or after
    return p.organs.get(found.group("name").casefold()) if found else None


def _series(number: str, named: str | None, record: str | None, p: _Patterns) -> str | None:
    """The series of one number: the named organ's when it numbers so; else, in a UN record, the record's
    own series when it numbers so, else the form's first; outside a UN record, none."""
    forms = next((series for form, series in p.forms if form.fullmatch(number)), ())
    if named in forms:
        return named
    if record is NO_RECORD or not forms:
        return None
    return record if record in forms else forms[0]


def _symbol(series: str, number: str, start: int) -> Symbol:
    """The full symbol of a resolution, split as the grammar splits a printed one."""
    printed = re.sub(r"\s+", " ", number)
    year = re.search(r"\((\d{4})\)", printed)
    if year:  # "2448 (2018)": a Security Council resolution and its year
        num = printed.split("(")[0].strip()
        full, session, suffix = f"{series}/{num} ({year.group(1)})", None, None
    else:  # "64/299", "ES-10/24", "48/218 B", "2023/11"
        head, _, suffix_part = printed.partition(" ")
        session, num = head.split("/")
        full, suffix = f"{series}/{printed}", suffix_part or None
    organ = series.rsplit("/RES", 1)[0]
    return Symbol(
        raw=number,
        symbol=full,
        organ=organ,
        kind="RES",
        number=num,
        year=year.group(1) if year else (session if session and len(session) == 4 else None),
        session=session,
        suffix=suffix,
        start=start,
        end=start + len(number),
    )
