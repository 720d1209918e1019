"""Country names in the four OAS languages -> ISO 3166-1 alpha-3, with a spaCy EntityRuler.

The names are data (models/countries.json: short and long forms, with and without articles and
accents). One blank spaCy pipeline per language is built once per process; it knows every
language's names, because records quote speeches in other languages, but where one spelling names
two states in two languages the document's language decides.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import spacy
from spacy.language import Language

from pipeline.language import LANGUAGES, MODELS

# A run of letters; a country name can only match where its letter runs stand whole in the text.
LETTER_RUN = re.compile(r"[^\W\d_]+")


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


@cache
def _anchors(lang: str) -> frozenset[str] | None:
    """For every pattern, its longest letter run: a text holding none of them names no country.

    The ruler matches token texts exactly (ORTH), so a matched pattern's characters stand verbatim
    in the text, and spaCy's tokenizers never split a word between two letters (their affixes and
    infixes are punctuation, digits or apostrophes): every letter run of a pattern token is then a
    whole letter run of the text. None when a pattern has no letter at all (never skip then).
    """
    ruler = _nlp(lang).get_pipe("entity_ruler")
    anchors = set()
    for docs in ruler.phrase_patterns.values():  # type: ignore[attr-defined]
        for doc in docs:
            runs = [run for token in doc for run in LETTER_RUN.findall(token.text)]
            if not runs:
                return None
            anchors.add(max(runs, key=len))
    return frozenset(anchors)


@lru_cache(maxsize=1 << 14)
def _find(text: str, lang: str) -> tuple[CountryMention, ...]:
    """Cached by text: the same short strings (organizations, boilerplate) come back in every record."""
    anchors = _anchors(lang)
    if anchors is not None and anchors.isdisjoint(LETTER_RUN.findall(text)):
        return ()  # spaCy would find nothing; skipping it is most of the parse stage's time saved
    doc = _nlp(lang)(text)
    return tuple(
        CountryMention(e.ent_id_, e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "GPE"
    )


def find_countries(text: str, lang: str) -> list[CountryMention]:
    """Every state named in the text, longest name first where names overlap."""
    return list(_find(text, lang))


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
