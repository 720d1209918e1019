"""The venue: the room where the record names one, else the city it was held in.

Where a meeting was held is said at the opening, in one of three ways, tried in this order (a room
wins over a city): a room named with a venue word before or after its name ("in the Simón Bolívar
Room", "dans la salle Gabriela Mistral", "en sala 5 del Edificio …"); a city after a city phrase ("En la
ciudad de Washington", "In the city of …", "Na cidade de …"); or, in a family whose masthead prints
its city (a UN record's "New York"), that city. A virtual meeting names none of them and has none.
"""

from __future__ import annotations

import re

from pipeline.cues import Cues, alternation
from pipeline.document import SectionTree
from pipeline.families import Family
from pipeline.parse.common import DOT_LEADER, compiled
from pipeline.recognise.people import UPPER
from pipeline.recognise.sentences import sentences

# A place's name: capitalized words (the first a word, not a code such as "AB-0928"), joined by links.
# Words that join the words of a place's name ("Hall of the Americas", "Salón de las Américas").
PLACE_LINK = r"(?:of the|of|de las|de los|de la|del|de|des|du|da|das|do|dos|y|e|and)"
NAME = rf"[{UPPER}][^\W\d_]*[a-zß-ÿ][\w'’.-]*(?:\s+(?:{PLACE_LINK}\s+)?[{UPPER}][\w'’.-]+){{0,4}}"
CITY = rf"[{UPPER}][\w'’.-]+(?:\s+(?:{PLACE_LINK}\s+)?[{UPPER}][\w'’.-]+){{0,2}}"
OPENING_PARAGRAPHS = 8  # the venue is said in the opening paragraphs, never further on
MASTHEAD_PARAGRAPHS = 4  # a masthead's lines are the first paragraphs


def read_venue(tree: SectionTree, c: Cues, family: Family) -> str | None:
    """The room the opening names, else its city, else the city of the family's masthead."""
    opening = [
        sentence
        for _, para in tree.walk()[:OPENING_PARAGRAPHS]
        for sentence, _ in sentences(DOT_LEADER.sub(" … ", para.text))
    ]
    for find in (room, city):
        for sentence in opening:
            found = find(sentence, c)
            if found is not None:
                return found
    return masthead_city(tree, family)


def room(sentence: str, c: Cues) -> str | None:
    """A capitalized name after a venue word, whatever its case ("in the Simón Bolívar Room"'s other
    order too: the name before the word), or a number and a name ("sala 5 del Edificio …")."""
    words = alternation(c.venue_words)
    number = rf"(?:\d+[A-Z]?\s+(?:{PLACE_LINK}\s+)?)?"
    before = compiled(rf"(?<!\w)(?i:{words})\s+(?:{PLACE_LINK}\s+|l')?{number}{NAME}").search(sentence)
    after = compiled(rf"{NAME}\s+(?:{words})\b").search(sentence)
    for m in (before, after):
        if m:
            return re.sub(r"^(?:The|the)\s+", "", m.group(0).strip()).rstrip(".,;:")
    return None


def city(sentence: str, c: Cues) -> str | None:
    """The city after a city phrase: "En la ciudad de Washington, a las …" -> Washington."""
    if not c.city_cues:
        return None
    m = compiled(rf"(?<!\w)(?i:{alternation(c.city_cues)})\s+(?P<city>{CITY})").search(sentence)
    return m.group("city").strip().rstrip(".,;:") if m else None


def masthead_city(tree: SectionTree, family: Family) -> str | None:
    """The city a family's masthead prints ("New York", "Nueva York"), as printed."""
    if not family.masthead_cities:
        return None
    masthead = (
        tree.header_text + "\n" + "\n".join(p.text for p in tree.sections[0].paragraphs[:MASTHEAD_PARAGRAPHS])
    )
    pattern = compiled(rf"(?<!\w)(?:{alternation(family.masthead_cities)})(?!\w)")
    m = pattern.search(masthead)
    return m.group(0) if m else None
