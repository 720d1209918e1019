"""Sentences of a paragraph, with their offsets: the unit in which parse reads a cue and what it
governs (a time and "called to order", a state and "took the floor")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.language import every_language
from pipeline.recognise.symbols import grammar

SENTENCE_END = re.compile(r"[.!?;](?=\s+(\S))")


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose full stop ends no sentence: every language's ("Mr.", "núm.") and the symbols' ("doc.")."""
    return every_language("abbreviations") | frozenset(grammar().abbreviations)


@lru_cache(maxsize=1 << 12)
def sentences(text: str) -> tuple[tuple[str, int], ...]:
    """Sentences with their offsets; abbreviations such as "Mr." and "No." do not end one, nor does a
    full stop before a word in lower case: it closed an abbreviation ("from 9:30 a.m. to 1:00 p.m.").

    Cached: each paragraph is read for times, chair, speakers, delegations and attendance in turn."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        word = text[max(start, m.start() - 6) : m.start()].rsplit(" ", 1)[-1].casefold()
        if m.group(0) == "." and (
            word in _abbreviations() or (len(word) == 1 and word.isalpha()) or m.group(1).islower()
        ):
            continue
        out.append((text[start : m.end()], start))
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        out.append((text[start:], start))
    return tuple(out)
