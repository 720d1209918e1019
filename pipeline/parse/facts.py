"""Document facts, read from the cover block and the preamble: the own symbol (running header and
cover, else the title), the title, the issuing body, what the document is (its kind, from its family
or its title's opening words) and the date it bears, the meeting type, the meeting date (from the
title), the venue (pipeline.parse.venue) and a masthead's scheduled start.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from pipeline.cues import Cues, alternation
from pipeline.document import Metadata, SectionTree, Symbol
from pipeline.families import families
from pipeline.language import read_model
from pipeline.parse.common import compiled
from pipeline.parse.venue import read_venue
from pipeline.recognise.dates import find_dates
from pipeline.recognise.symbols import find_symbols, grammar, series_markers
from pipeline.recognise.times import find_times

# The kinds of document that record a meeting; any other (a resolution, a letter, …) records none.
MEETING_KINDS = frozenset({"summary", "minutes", "verbatim record", "other"})
HEAD_UNITS = 12  # the header block, headings and paragraphs of the first page that say what it is
DATE_ONLY_REST = 12  # a line that is a date holds little else: "Lunes, 3 de marzo de 2024"
OWN_LINE_WORDS = 5  # a line that holds the own symbol holds little else: "( 24 p.)  S/PV.492"
MASTHEAD_UNITS = 4  # the masthead's date-and-time line is among the title block's first paragraphs


def records_meeting(kind: str | None) -> bool:
    return kind is None or kind in MEETING_KINDS


def read_facts(tree: SectionTree, c: Cues) -> Metadata:
    """The documents row's facts; the chair and the times are the other rooms' to add. A document that
    records no meeting (a resolution, a letter) has no meeting date, venue or scheduled start."""
    lang = tree.language
    family = families()[tree.family]
    preamble = tree.sections[0]
    title_text = preamble.paragraphs[0].text if preamble.paragraphs else ""
    head = head_units(tree)
    own = find_symbols(tree.header_text) or _own_in_title(title_text) or _own_at_cover_foot(tree)
    kind = family.kind or _kind(head, c)
    meeting = records_meeting(kind)
    dates = find_dates(title_text, lang) or find_dates(preamble.text, lang)
    return Metadata(
        language=lang,
        symbol=own[0].symbol if own else None,
        title=title_text or None,
        body=_body(own[0].organ if own else None, "\n".join([title_text, preamble.text, *head]), lang),
        kind=kind,
        document_date=_document_date(tree.header_text, head, lang),
        meeting_type=_meeting_type(title_text + " " + preamble.text[:400], c),
        meeting_date=dates[0][0] if dates and meeting else None,
        venue=read_venue(tree, c, family) if meeting else None,
        scheduled_start=_masthead_time(tree, lang) if meeting and family.masthead_time else None,
    )


def _own_in_title(title: str) -> list[Symbol]:
    """The symbols of a first line that is an OAS header block read as the title ("CONSEIL PERMANENT
    DE OEA/Ser.G … CP/INF. 10245/24"): its series marker is printed only there, beside the own symbol."""
    squeezed = title.upper().replace(" ", "")
    return find_symbols(title) if any(m in squeezed for m in series_markers()) else []


def _own_at_cover_foot(tree: SectionTree) -> list[Symbol]:
    """A symbol of the family's own form (`own_symbols`) on a short line of its own on the first page
    when the header block has none: old UN records print it at the foot of the cover ("( 24 p.)
    S/PV.492"); a symbol inside a sentence there is a citation."""
    patterns = [re.compile(p) for p in families()[tree.family].own_symbols]
    if not patterns:
        return []
    first = [p.text for _, p in tree.walk() if p.page == 1 and len(p.text.split()) <= OWN_LINE_WORDS]
    return [s for text in first for s in find_symbols(text) if any(p.search(s.symbol) for p in patterns)][:1]


def head_units(tree: SectionTree) -> list[str]:
    """The header block's lines, then the headings and paragraphs of the first page, in order."""
    units = tree.header_text.splitlines()
    first = next((p.page for _, p in tree.walk()), 1)
    for section in tree.sections:
        if section.heading_raw and section.heading_page == first:
            units.append(section.heading_raw)
        units += [p.text for p in section.paragraphs if p.page == first]
        if len(units) >= HEAD_UNITS:
            break
    return [u for u in units if u.strip()][:HEAD_UNITS]


@cache
def _kind_phrases(c: Cues) -> tuple[dict[str, str], re.Pattern[str]]:
    """Each casefolded phrase that opens a document of a kind, and one pattern of them all."""
    phrases = {p.casefold(): kind for kind, words in c.kind_words.items() for p in words}
    return phrases, re.compile(rf"(?:{alternation(phrases)})(?!\w)")


def _kind(head: list[str], c: Cues) -> str:
    """What the document says it is, at the start of its first line that says: "Carta de fecha …"
    (letter), "DECLARACIÓN ESPECIAL …" (declaration), "Minuta …" (minutes); else other."""
    phrases, opening = _kind_phrases(c)
    for unit in head:
        m = opening.match(unit.strip().casefold())
        if m:
            return phrases[m.group(0)]
    return "other"


def _document_date(header: str, head: list[str], lang: str) -> date | None:
    """The date printed in the header block, else on a line of its own among the first lines."""
    dates = find_dates(header, lang)
    if dates:
        return dates[0][0]
    for unit in head:
        dates = find_dates(unit, lang)
        if dates and len(unit.strip()) - (dates[0][2] - dates[0][1]) <= DATE_ONLY_REST:
            return dates[0][0]
    return None


def _masthead_time(tree: SectionTree, lang: str) -> str | None:
    """The time on the masthead's date line ("Thursday, 13 December 2018, 3 p.m."): the scheduled start.
    The masthead is the title block's first paragraphs, or the cover lines above the title."""
    masthead = [p.text for p in tree.sections[0].paragraphs[:MASTHEAD_UNITS]] + tree.header_text.splitlines()
    for unit in masthead:
        dates = find_dates(unit, lang)
        times = [t for t in find_times(unit, lang) if dates and t.start >= dates[0][2]]
        if times:
            return times[0].time
    return None


@cache
def _bodies() -> dict[str, dict[str, list[str]]]:
    return read_model("bodies.json")


@cache
def _un_bodies() -> dict[str, str]:
    return dict(grammar().un_bodies)


def _body(organ: str | None, text: str, lang: str) -> str | None:
    """The issuing organ: the most specific known body in the own symbol, else the first one named."""
    bodies = _bodies()
    if organ in _un_bodies():
        return _un_bodies()[organ]  # a UN record's own symbol says its organ: A/… UNGA, S/… UNSC
    if organ:
        for part in reversed(organ.split("/")):
            if part in bodies:
                return part
    best: tuple[int, str] | None = None
    for code, names in bodies.items():
        for name in [code] + names.get(lang, []) + names.get("en", []):
            m = compiled(rf"(?<![\w/]){re.escape(name)}(?![\w])").search(text)
            if m and (
                best is None or m.start() < best[0] or (m.start() == best[0] and len(code) > len(best[1]))
            ):
                best = (m.start(), code)
    return best[1] if best else None


def _meeting_type(text: str, c: Cues) -> str | None:
    """The meeting type whose phrase comes first in the title and the preamble's opening."""
    low = text.casefold()
    hits = []
    for kind, phrases in c.meeting_types.items():
        for p in phrases:
            i = low.find(p.casefold())
            if i >= 0:
                hits.append((i, kind))
    return min(hits)[1] if hits else None
