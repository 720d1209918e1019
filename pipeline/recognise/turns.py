"""Speaker turns in near-verbatim records: "El REPRESENTANTE PERMANENTE DE MÉXICO:", "El PRESIDENTE:",
"Mr. Adom (Côte d'Ivoire) (spoke in French):", "The President:".

A turn starts at a paragraph that opens with a label and runs until the next label or the next
section. The label says the post and the state; the person comes from the label when it names one
(UN records) or from the attendance list, where each delegate is listed with post and state.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

from pipeline.language import read_model
from pipeline.recognise.countries import country_names, find_countries

TYPO_MIN = 8  # a name this long may carry one slip of the typist's and still be read
TYPO_SIMILARITY = 0.92


@dataclass(frozen=True)
class Label:
    label: str
    role: str | None  # the post in the label ("REPRESENTANTE INTERINO"); None for a named person
    country: str | None
    person: str | None
    is_chair: bool
    end: int  # where the speech starts in the paragraph


@cache
def _rules() -> tuple[list[re.Pattern[str]], frozenset[str], list[str]]:
    data = read_model("turns.json")
    return [re.compile(p) for p in data["labels"]], frozenset(data["chair_labels"]), data["place_links"]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


@cache
def _names_folded() -> dict[str, str]:
    """Every country name of every language, folded (case and accents), to its code."""
    out: dict[str, str] = {}
    for iso, by_lang in country_names().items():
        for names in by_lang.values():
            for name in names:
                out.setdefault(_fold(name), iso)
    return out


def country_in(place: str) -> str | None:
    """The state a label names, whatever its case: "DE LA REPÚBLICA DOMINICANA" -> DOM; a slip of the
    typist's in a longer name is still that name ("ANTIGUA Y BABUDA", "ESTADOS UNDOS")."""
    folded = _fold(place)
    names = _names_folded()
    words = folded.split()
    candidates = [" ".join(words[start:]) for start in range(len(words))]  # longest first, ending the place
    for candidate in candidates:
        if candidate in names:
            return names[candidate]
    for candidate in (c for c in candidates if len(c) >= TYPO_MIN):
        near = [n for n in names if n[0] == candidate[0] and abs(len(n) - len(candidate)) <= 1]
        close = get_close_matches(candidate, near, n=1, cutoff=TYPO_SIMILARITY)
        if close:
            return names[close[0]]
    return None


def find_label(text: str, lang: str) -> Label | None:
    patterns, chair_labels, links = _rules()
    for pattern in patterns:
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
        for link in links:
            i = upper.find(link)
            if i > 0:
                role, country = body[: i - 1].strip(), country_in(body[i - 1 + len(link) :])
                break
        is_chair = role in chair_labels or role.upper() in chair_labels
        if country is None and not is_chair and len(role.split()) > 6:
            continue  # a sentence in capitals, not a label
        return Label(label, role, country, None, is_chair, m.end())
    return None
