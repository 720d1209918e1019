"""The rules in models/ (cue data per language, country names, symbol grammar) and per-document
language detection.

The rules ship inside the package: `pipeline/models` is a link to the top-level `models/` folder people
edit, and the wheel holds a copy of it, so the same path serves a checkout and an installed acta.
The cues are data, like dateparser's language files: adding a language means adding a file.
Detection counts each language's own stop words in the document's first pages; no network model.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.cues import Cues, load_cues

MODELS = Path(__file__).resolve().parent / "models"
LANGUAGES = tuple(sorted(path.stem for path in (MODELS / "lang").glob("*.json")))
# the keys of the month names in dateparser's language data
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")  # fmt: skip


@cache
def cues(lang: str) -> Cues:
    """The cue data of one language; unknown languages fall back to English."""
    return load_cues(MODELS / "lang" / f"{lang}.json") if lang in LANGUAGES else cues("en")


@cache
def every_language(key: str) -> frozenset[str]:
    """A cue list of all languages together, for text read before (or without) knowing its language:
    records quote speeches in other languages."""
    return frozenset(word for lang in LANGUAGES for word in getattr(cues(lang), key))


@cache
def read_model(name: str) -> Any:
    """A data file of models/ other than the language files (bodies, countries, symbols)."""
    return json.loads((MODELS / name).read_text(encoding="utf-8"))


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    words = {lang: set(cues(lang).stopwords) for lang in LANGUAGES}
    # a word shared by two languages tells nothing about which one a text is in
    shared = {w for a in LANGUAGES for b in LANGUAGES if a < b for w in words[a] & words[b]}
    return {lang: frozenset(words[lang] - shared) for lang in LANGUAGES}


WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


@cache
def _month_names() -> dict[str, frozenset[str]]:
    """Month names from dateparser's language data: a cover block's date says its language."""
    from dateparser.languages.loader import LocaleDataLoader

    names = {}
    for lang in LANGUAGES:
        info = LocaleDataLoader().get_locale(lang).info
        names[lang] = {n.lower() for m in MONTHS for n in info.get(m, []) if len(n) >= 4}
    shared = {w for a in LANGUAGES for b in LANGUAGES if a < b for w in names[a] & names[b]}
    return {lang: frozenset(names[lang] - shared) for lang in LANGUAGES}


@cache
def _votes_per_word() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each telling word and the votes it gives: one per own stop word, five per own month name."""
    stops, months = _stopwords(), _month_names()
    table: dict[str, list[tuple[str, int]]] = {}
    for lang in LANGUAGES:
        for word in stops[lang]:
            table.setdefault(word, []).append((lang, 1))
        for word in months[lang] - stops[lang]:
            table.setdefault(word, []).append((lang, 5))
    return {word: tuple(votes) for word, votes in table.items()}


def _votes(text: str) -> Counter[str]:
    table = _votes_per_word()
    counts: Counter[str] = Counter()
    for word in WORD.findall(text.lower()):
        for lang, n in table.get(word, ()):
            counts[lang] += n
    return counts


def detect_language(head: str, body: str = "") -> str:
    """The language whose own stop words and month names are most frequent. The cover block and
    title (`head`) decide when they are clear; otherwise they weigh three times the body, where
    records quote speeches in other languages."""
    head_votes = _votes(head)
    first = head_votes.most_common(2)
    if first and first[0][1] >= 10 and (len(first) == 1 or first[0][1] >= 2 * first[1][1]):
        return first[0][0]  # the cover block and title speak clearly
    counts = head_votes + head_votes + head_votes + _votes(body)
    return counts.most_common(1)[0][0] if counts else "en"


def rules_version() -> str:
    """A hash of everything in models/: a change of rules means a rerun redoes every document."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(MODELS.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(MODELS).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
