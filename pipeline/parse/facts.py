"""Document facts, read from the cover block and the preamble: the own symbol (running header and
cover), the title, the issuing body, the meeting type, the meeting date (from the title) and the venue.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.cues import Cues, alternation
from pipeline.document import Metadata, Section, SectionTree
from pipeline.language import read_model
from pipeline.parse.common import DOT_LEADER, compiled
from pipeline.recognise.dates import find_dates
from pipeline.recognise.people import UPPER
from pipeline.recognise.sentences import sentences
from pipeline.recognise.symbols import find_symbols

# Words that join the words of a place's name ("Hall of the Americas", "Salón de las Américas").
PLACE_LINK = r"(?:of the|of|de las|de los|de la|del|de|des|du|da|das|do|dos|y|e|and)"


def read_facts(tree: SectionTree, c: Cues) -> Metadata:
    """The documents row's facts; the chair and the times are the other rooms' to add."""
    lang = tree.language
    preamble = tree.sections[0]
    title_text = preamble.paragraphs[0].text if preamble.paragraphs else ""
    own = find_symbols(tree.header_text)
    dates = find_dates(title_text, lang) or find_dates(preamble.text, lang)
    return Metadata(
        language=lang,
        symbol=own[0].symbol if own else None,
        title=title_text or None,
        body=_body(own[0].organ if own else None, title_text + "\n" + preamble.text, lang),
        meeting_type=_meeting_type(title_text + " " + preamble.text[:400], c),
        meeting_date=dates[0][0] if dates else None,
        venue=_venue_in(preamble, c),
    )


@cache
def _bodies() -> dict[str, dict[str, list[str]]]:
    return read_model("bodies.json")


def _body(organ: str | None, text: str, lang: str) -> str | None:
    """The issuing organ: the most specific known body in the own symbol, else the first one named."""
    bodies = _bodies()
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


def _venue_in(preamble: Section, c: Cues) -> str | None:
    """The first place the preamble names; the venue is said there, never further on."""
    for para in preamble.paragraphs:
        for sentence, _ in sentences(DOT_LEADER.sub(" … ", para.text)):
            venue = _venue(sentence, c)
            if venue is not None:
                return venue
    return None


def _venue(sentence: str, c: Cues) -> str | None:
    """A capitalized name before or after a venue word: "in the Simón Bolívar Room", "Salón Rubén Darío"."""
    words = alternation(c.venue_words)
    name = rf"[{UPPER}][\w'’.-]+(?:\s+(?:{PLACE_LINK}\s+)?[{UPPER}][\w'’.-]+){{0,4}}"
    before = compiled(rf"\b(?:{words})\s+(?:{PLACE_LINK}\s+|l')?{name}").search(sentence)
    after = compiled(rf"{name}\s+(?:{words})\b").search(sentence)
    for m in (before, after):
        if m:
            venue = m.group(0).strip()
            venue = re.sub(r"^(?:The|the)\s+", "", venue)
            return venue
    return None
