"""The schema of a language file (models/lang/*.json) and the loader of every rules file.

Like dateparser's language data, a file is checked before it is used: a key the schema does not know
(a typo, a list nothing reads) or a key it lacks is refused with the file and the key named, so a new
language fails at load time, not as a silently missing cue in the tables. Cue lists become tuples and
the loaded object is frozen: every module reads the same data and none can change it.

The regular expressions built from cue lists share one idiom, `alternation`: longest phrase first
(so "quorum was present" wins over "present"), each escaped, joined with "|".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, get_type_hints

Words = tuple[str, ...]
Rules = TypeVar("Rules")


class CuesError(ValueError):
    """A language file that does not fit the schema."""


@dataclass(frozen=True, eq=False)
class Cues:
    """Every cue phrase of one language. Lists are tried longest first where they build a pattern."""

    # language detection
    stopwords: Words
    # title, cover block and programme
    title_words: Words  # a title starts with one: "Summary", "Resumen", "Acta"
    date_line_words: Words  # a line of the title block that says when: "Held on", "Celebrada el"
    index_words: Words  # a contents page starts with one
    annex_words: Words  # an annex's heading, a line of its own: "ANEXO", "ANNEX"
    document_list_words: Words  # the title of a list of documents, no heading: "Documentos considerados"
    item_words: Words  # "Item 1: …", "Punto 2. …": a list number, left out of the heading
    agenda_item_words: Words  # "Agenda item 18: …": a UN agenda item, its number kept in the heading
    continued_words: Words  # "(continued)" after an agenda item taken up again, often in italics
    programme_labels: Mapping[str, Words]  # date, time and place labels of a programme block
    programme_columns: Mapping[str, Words]  # header labels of a programme table: time, session, speakers
    meeting_types: Mapping[str, Words]  # the meeting type and the phrases that say it
    kind_words: Mapping[str, Words]  # what a document is and the title openings that say it: "Carta de fecha"
    # times
    am: Words
    pm: Words
    noon: Words
    hour_words: Words  # "hrs", "horas", "h"
    range_words: Words  # "to", "a", "à"
    time_cues: Mapping[str, Words]  # a time's role and the phrases near it that say it
    number_words: Mapping[str, int]  # times in words: "tres" -> 3
    number_and: Words  # "tres y veinte"
    hour_lead: Words  # "a las tres"
    day_parts: Mapping[str, str]  # "de la tarde" -> "pm"
    date_links: Words  # "15 de febrero de 2024", "15th of February"
    # chair, venue, speakers
    chair_cues: Words  # who presided, in a sentence: "under the chairmanship of" (a masthead's chair line,
    #   "President:", is the record family's: models/families, chair_lines)
    chair_acts: Words  # what the chair does, where a closing sentence names them: "adjourned the meeting"
    chair_words: Words
    vice_chair_words: Words
    chair_subject: Words  # "The Chair" as the subject of a speech verb
    venue_words: Words
    city_cues: Words  # a city, the venue where no room is named: "En la ciudad de Washington"
    remarks_cues: Words  # "presentation by", "palabras de"
    speaker_list_cues: Words  # a heading over a list of those who spoke or presented: "Panelists:"
    floor_cues: Words  # the chair gives the next speaker the floor: "tiene la palabra", "I give the floor to"
    speech_verbs: Words
    seated_words: Words  # after a speech verb, a seat taken, not the floor: "took a seat at the table"
    honorifics: Words
    delegate_roles: Words
    role_country_links: Words  # "Representative of Chile"
    org_links: Words  # "Director of the Department"
    lower_case_posts: bool  # posts may be written in lower case: "directrice exécutive du Réseau …"
    org_heads: Words  # the first word of an organization's name
    mission_suffixes: Words  # "to the OAS"
    name_particles: Words  # "de", "van": lower-case words inside a person's name
    and_words: Words  # "and" joining two posts: "Representative of Chile and Chair of the CAJP"
    not_name_start: Words  # capitalized words that never start a person's name
    abbreviations: Words  # words whose full stop does not end a sentence ("Mr.", "núm.")
    # delegations and attendance
    country_articles: Words
    delegation_nouns: Words
    delegation_list_verbs: Words
    delegation_single: Words  # "the delegation of" right before a state
    summary_verbs: Words  # "Mr. Adeyemi (Nigeria) said that …": a summary record's speaker says, asks
    not_delegation_after: Words  # "the Government of" before a state is no delegation
    quorum_cues: Words  # a phrase of a sentence that says who was present: "were represented"
    attendance_labels: Words  # a label that opens a list of those present: "Attendance:", "Presentes"
    attendance_lists: Words  # "the following Member States": with a presence word, opens a list
    presence_words: Words  # whole words that say present: "represented", "asistieron", "participé"
    presence_cues: (
        Words  # people present besides the delegates: "También estuvieron presentes el Secretario …"
    )
    observer_cues: Words  # "Permanent Observers of …": states there are observers, not present as members
    # OCR
    ocr_languages: Words  # Tesseract's traineddata to read this language with, its own first: English
    #   records are read with Spanish too, for the names ("Ibáñez", not "Ibáfiez"); a language's own
    #   accents read worse beside another (Portuguese "começou às" became "comecou ás" with Spanish)


def alternation(words: Iterable[str]) -> str:
    """The words as one regular-expression alternation: escaped, longest first, each once."""
    return "|".join(re.escape(w) for w in longest_first(words))


def longest_first(words: Iterable[str]) -> Words:
    """The words, each once, longest first (ties keep their order): the order a pattern must try them."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _schema(cls: type) -> dict[str, Any]:
    """Each key of a rules file of this kind and the type its value must have (read once per file:
    the loaded rules are cached by their callers)."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def load_cues(path: Path) -> Cues:
    """A language file read and checked against the schema; CuesError names what is wrong."""
    return load_rules(Cues, path, "every language has every key")


def load_rules(cls: type[Rules], path: Path, why_every_key: str, **given: Any) -> Rules:
    """A rules file (a language, a record family) read into its frozen dataclass `cls`: each key the
    dataclass declares, checked for its type, none missing and none more. `given` fills the fields the
    file does not hold (a family's name is its file's name)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise CuesError(f"{path.name}: not valid JSON ({e})") from e
    if not isinstance(data, dict):
        raise CuesError(f"{path.name}: the file must hold one object of rules")
    schema = {key: kind for key, kind in _schema(cls).items() if key not in given}
    unknown, missing = sorted(set(data) - set(schema)), sorted(set(schema) - set(data))
    if unknown:
        raise CuesError(
            f"{path.name}: unknown key(s) {', '.join(unknown)} (not in the schema, {cls.__module__})"
        )
    if missing:
        raise CuesError(f"{path.name}: missing key(s) {', '.join(missing)} ({why_every_key})")
    return cls(**given, **{key: _checked(path.name, key, data[key], kind) for key, kind in schema.items()})


def _checked(file: str, key: str, value: Any, kind: Any) -> Any:
    """The value frozen (tuples, read-only mappings), after checking it has the schema's type."""
    if kind == Words:
        if isinstance(value, list) and all(isinstance(w, str) for w in value):
            return tuple(value)
        raise CuesError(f"{file}: {key} must be a list of strings")
    if kind in (str, bool):
        if isinstance(value, kind):
            return value
        raise CuesError(f"{file}: {key} must be a {kind.__name__}")
    item = kind.__args__[1]  # Mapping[str, X]
    if not isinstance(value, dict):
        raise CuesError(f"{file}: {key} must be an object")
    out = {}
    for name, v in value.items():
        if hasattr(item, "__args__"):  # Words, or a mapping of mappings (models/symbols.json)
            out[name] = _checked(file, f"{key}.{name}", v, item)
        elif isinstance(v, item) and not isinstance(v, bool):
            out[name] = v
        else:
            raise CuesError(f"{file}: {key}.{name} must be a {item.__name__}")
    return MappingProxyType(out)
