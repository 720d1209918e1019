"""Country names in the four OAS languages -> ISO 3166-1 alpha-3, with a spaCy PhraseMatcher.

The names are data (models/countries.json: short and long forms, with and without articles and
accents). Every language's names are matched in every document, because records quote speeches in
other languages; where one spelling names two states in two languages, the document's language
decides.

One tokenizer serves all languages: it cuts at every character that is neither a letter, a digit
nor a space, so a name matches exactly where its words stand whole in the text ("l'Argentine",
"Trinidad-et-Tobago", "Chile's"). spaCy's own French tokenizer would also do, but compiling its
exception patterns takes six seconds per process, against milliseconds for this one.

spaCy is imported only where the matcher is built, the first time a text is searched: the modules
that import this one for its names or types (segment, show, write) never pay for loading it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pipeline.language import LANGUAGES, read_model

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer

# A run of letters; a country name can only match where its letter runs stand whole in the text.
LETTER_RUN = re.compile(r"[^\W\d_]+")
MARK = r"[^\w\s]"  # a punctuation mark or symbol: always a token of its own


@dataclass(frozen=True)
class CountryMention:
    iso: str
    text: str
    start: int
    end: int


@cache
def country_names() -> dict[str, dict[str, list[str]]]:
    return read_model("countries.json")


@dataclass(frozen=True)
class _Matcher:
    tokenizer: Tokenizer
    matcher: PhraseMatcher
    states: dict[int, dict[str, str]]  # match key -> {language: state}, for every spelling
    anchors: frozenset[str] | None  # see _matcher


@cache
def _matcher() -> _Matcher:
    """The tokenizer and the matcher of every spelling, built once per process.

    anchors: every spelling's longest letter run. The tokenizer never splits a run of letters, so a
    text holding none of them names no state and need not be tokenized at all (most texts).
    """
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    vocab = Vocab()
    tokenizer = Tokenizer(
        vocab,
        prefix_search=re.compile("^" + MARK).search,
        suffix_search=re.compile(MARK + "$").search,
        infix_finditer=re.compile(MARK).finditer,
    )
    matcher = PhraseMatcher(vocab)
    states: dict[int, dict[str, str]] = {}
    anchors: set[str] | None = set()
    for iso, by_language in country_names().items():
        for language, names in by_language.items():
            for name in names:
                key = vocab.strings.add(name)
                if key not in states:
                    states[key] = {}
                    matcher.add(name, [tokenizer(name)])
                    runs = LETTER_RUN.findall(name)
                    anchors = anchors.union([max(runs, key=len)]) if runs and anchors is not None else None
                states[key].setdefault(language, iso)
    return _Matcher(tokenizer, matcher, states, frozenset(anchors) if anchors is not None else None)


def _state(spelling: dict[str, str], lang: str) -> str:
    """The state a spelling names in the document's language, else in the first language that has it."""
    for language in (lang, *LANGUAGES):
        if language in spelling:
            return spelling[language]
    return next(iter(spelling.values()))


@lru_cache(maxsize=1 << 14)
def _find(text: str, lang: str) -> tuple[CountryMention, ...]:
    """Cached by text: the same short strings (organizations, boilerplate) come back in every record."""
    m = _matcher()
    if m.anchors is not None and m.anchors.isdisjoint(LETTER_RUN.findall(text)):
        return ()
    doc = m.tokenizer(text)
    found: list[CountryMention] = []
    taken: set[int] = set()
    for key, first, last in sorted(m.matcher(doc), key=lambda x: (x[1] - x[2], x[1])):
        if taken.isdisjoint(range(first, last)):  # the longest name wins, then the first
            taken.update(range(first, last))
            start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
            found.append(CountryMention(_state(m.states[key], lang), text[start:end], start, end))
    return tuple(sorted(found, key=lambda c: c.start))


def find_countries(text: str, lang: str) -> list[CountryMention]:
    """Every state named in the text, longest name first where names overlap."""
    return list(_find(text, lang))


def pipe_countries(texts: list[str], lang: str) -> list[list[CountryMention]]:
    """find_countries over many texts."""
    return [find_countries(text, lang) for text in texts]
