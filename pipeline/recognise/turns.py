"""Speaker turns in near-verbatim records: "El REPRESENTANTE PERMANENTE DE MÉXICO:", "El PRESIDENTE:",
"Mr. Adom (Côte d'Ivoire) (spoke in French):", "The President:".

A turn starts at a paragraph that opens with a label and runs until the next label or the next
section. The label says the post and the state; the person comes from the label when it names one
(UN records) or from the attendance list, where each delegate is listed with post and state. How a
family prints its labels is family data (models/families: turn_labels, turn_chair_posts,
turn_place_links), compiled once per family.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.families import Family
from pipeline.recognise.countries import country_names, find_countries

# Letters a state's name in a label needs before a misspelling of it is read as the state.
MIN_TYPO_LENGTH = 8


@dataclass(frozen=True)
class Label:
    label: str
    role: str | None  # the post in the label ("REPRESENTANTE INTERINO"); None for a named person
    country: str | None
    person: str | None
    is_chair: bool
    end: int  # where the speech starts in the paragraph


@dataclass(frozen=True)
class _Rules:
    """A family's turn labels as patterns: built once per family, since labels are looked for in
    every paragraph."""

    patterns: tuple[re.Pattern[str], ...]
    chair_posts: frozenset[str]
    place_links: tuple[str, ...]


@cache
def _rules(family: Family) -> _Rules:
    return _Rules(
        tuple(re.compile(p) for p in family.turn_labels),
        frozenset(family.turn_chair_posts),
        family.turn_place_links,
    )


def fold(text: str) -> str:
    """Case, accents and spacing folded away."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


@cache
def _names_folded() -> dict[str, str]:
    """Every country name of every language, folded (case and accents), to its code."""
    out: dict[str, str] = {}
    for iso, by_lang in country_names().items():
        for names in by_lang.values():
            for name in names:
                out.setdefault(fold(name), iso)
    return out


def country_in(place: str) -> str | None:
    """The state a label names, whatever its case: "DE LA REPÚBLICA DOMINICANA" -> DOM; a name
    misspelt in the label ("ANTIGUA Y BABUDA") is read as the one state within a typo of it."""
    folded = fold(place)
    names = _names_folded()
    words = folded.split()
    candidates = [" ".join(words[start:]) for start in range(len(words))]  # longest first, ending the place
    for candidate in candidates:
        if candidate in names:
            return names[candidate]
    for start in range(len(words)):
        state = _misspelt(" ".join(words[start:]))
        if state:
            return state
    return None


def _typos(length: int) -> int:
    """Edits a name of this length may carry and still be read as one state: none in a short name
    ("Perú" is not "Peru" misspelt but another spelling, and "Chad" is one letter from "Chao"), one
    from eight letters, two from sixteen."""
    return 0 if length < MIN_TYPO_LENGTH else 1 if length < 2 * MIN_TYPO_LENGTH else 2


@lru_cache(maxsize=1 << 10)
def _misspelt(candidate: str) -> str | None:
    """The state whose folded name is within a few edits of the candidate, when exactly one is."""
    allowed = _typos(len(candidate))
    if not allowed:
        return None
    states = {
        iso
        for name, iso in _names_folded().items()
        if abs(len(name) - len(candidate)) <= allowed and _distance(name, candidate, allowed) <= allowed
    }
    return states.pop() if len(states) == 1 else None


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of a and b, cut short once every path exceeds the limit."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=1 << 12)
def find_label(text: str, lang: str, family: Family) -> Label | None:
    """The speaker label that opens the paragraph, by the first of the family's labels that fits.

    Cached: attendance (which reads only paragraphs outside turns) and the turns ask of each paragraph."""
    rules = _rules(family)
    for pattern in rules.patterns:
        m = pattern.match(text)
        if m is None:
            continue
        label = m.group("label").strip()
        groups = m.groupdict()
        if groups.get("person"):
            place = groups.get("place") or ""
            found = find_countries(place, lang)
            country = found[0].iso if found else country_in(place)
            return Label(label, None, country, groups["person"].strip(), False, m.end())
        body = label.split(None, 1)[1] if " " in label else label
        body = re.sub(r"\s*\([^)]*\)$", "", body)
        role, country = body, None
        upper = f" {body.upper()} "
        for link in rules.place_links:
            i = upper.find(link)
            if i > 0:
                role, country = body[: i - 1].strip(), country_in(body[i - 1 + len(link) :])
                break
        is_chair = role in rules.chair_posts or role.upper() in rules.chair_posts
        if country is None and not is_chair and len(role.split()) > 6:
            continue  # a sentence in capitals, not a label
        return Label(label, role, country, None, is_chair, m.end())
    return None
