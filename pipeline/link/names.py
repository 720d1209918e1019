"""A person's name as a key: the words that stay the same however a record prints the name.

"Embajador Sebastián Kraljevich", "SEBASTIÁN KRALJEVICH" and "Sebastián Kraljevich" are one key,
("sebastian", "kraljevich"): the honorifics and ranks of every language off (models/lang: honorifics),
accents and case folded, hyphens and dots read as the word breaks they are ("Coore-Lobban" is
"Coore Lobban", "C." is "c"), curly apostrophes straight ("d’Escoto" is "d'escoto"). The particles of
every language (models/lang: name_particles) stay in the key, since "Vielmann de León" prints them, but
do not count as words of the name: "de León" is one surname, not a two-word name.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.cues import alternation
from pipeline.language import every_language
from pipeline.recognise.turns import fold as fold_label

Key = tuple[str, ...]


@cache
def _honorifics() -> re.Pattern[str]:
    """Leading honorifics and ranks of every language, as many as are printed ("H.E. Ambassador")."""
    words = alternation(every_language("honorifics"))
    return re.compile(rf"^(?:(?:{words})(?:\s+|(?<=\.)|$))+", re.IGNORECASE)


@cache
def _particles() -> frozenset[str]:
    return frozenset(fold(p) for p in every_language("name_particles"))


def fold(text: str) -> str:
    """Accents, case and spacing folded as a turn label's are, curly apostrophes straight: the
    spelling names are compared in."""
    return fold_label(text).replace("’", "'").replace("‘", "'")


def name_key(form: str) -> Key:
    """The key of a printed name; empty when nothing but honorifics is left."""
    bare = _honorifics().sub("", " ".join(form.split()))
    return tuple(w for w in re.split(r"[\s\-‐‑.]+", fold(bare)) if w.strip("'"))


def words(key: Key) -> int:
    """How many words of the key are names, its particles aside."""
    return sum(1 for w in key if w not in _particles())


def is_particle(word: str) -> bool:
    return word in _particles()
