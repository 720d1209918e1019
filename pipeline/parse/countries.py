"""Country names in the four OAS languages -> ISO 3166-1 alpha-3, with a spaCy EntityRuler.

The names are data (models/countries.json: short and long forms, with and without articles and
accents). One blank spaCy pipeline per language is built once per process; it knows every
language's names, because records quote speeches in other languages, but where one spelling names
two states in two languages the document's language decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

from pipeline.language import LANGUAGES, MODELS


@dataclass(frozen=True)
class CountryMention:
    iso: str
    text: str
    start: int
    end: int


@cache
def country_names() -> dict[str, dict[str, list[str]]]:
    return json.loads((MODELS / "countries.json").read_text(encoding="utf-8"))


@cache
def _nlp(lang: str) -> Language:
    nlp = spacy.blank(lang if lang in LANGUAGES else "en")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
    chosen: dict[str, str] = {}
    order = [lang] + [x for x in LANGUAGES if x != lang]
    for language in reversed(order):  # the document's own language is written last and wins
        for iso, names in country_names().items():
            for name in names.get(language, []):
                chosen[name] = iso
    ruler.add_patterns([{"label": "GPE", "pattern": name, "id": iso} for name, iso in chosen.items()])  # type: ignore[attr-defined]
    return nlp


def find_countries(text: str, lang: str) -> list[CountryMention]:
    """Every state named in the text, longest name first where names overlap."""
    doc = _nlp(lang)(text)
    return [
        CountryMention(e.ent_id_, e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "GPE"
    ]


def country_of(text: str, lang: str) -> str | None:
    """The state a short phrase names ("of Chile", "de la República Dominicana"), if it names one."""
    found = find_countries(text, lang)
    return found[-1].iso if found else None


def pipe_countries(texts: list[str], lang: str) -> list[list[CountryMention]]:
    """find_countries over many texts in one spaCy pass."""
    return [
        [CountryMention(e.ent_id_, e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "GPE"]
        for doc in _nlp(lang).pipe(texts)
    ]
