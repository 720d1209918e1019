"""What several rooms of the parse stage share: patterns built from cue data, compiled once."""

from __future__ import annotations

import re
from functools import cache

from pipeline.cues import alternation

# A run of dot leaders ("President ........ Mr. X"): read as a pause, so a name does not run into it.
DOT_LEADER = re.compile(r"(?:\s?\.){4,}")


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """Patterns built from cue data are compiled once per process: there are more of them than
    Python's own regex cache holds, and they are used on every sentence."""
    return re.compile(pattern)


@cache
def any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the phrases, casefolded (match it against casefolded text)."""
    return re.compile(alternation(p.casefold() for p in phrases))
