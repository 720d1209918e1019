"""Record families (models/families/*.json) and the pick of a document's family from its own evidence.

A family is a kind of record: OAS committee summaries, OAS Permanent Council minutes, UN verbatim
records. What sets one apart is data, one file each, read through the same schema-checked loader as
the language files (pipeline.cues.load_rules): the evidence that a document is one (its own symbol, its
masthead, its title words), how its title block is laid out, the line of its masthead that names the
chair and the labels of its speaker turns. Adding a family means adding a file. The turn labels and
chair lines every record shares are the generic family's: a family that lists none uses them.

The family is picked in the segment stage, where the header block is read: each family's evidence
found in the running headers and the first lines of page 1 is weighed, and the heaviest wins; a
document with no evidence of any family is `generic`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.cues import Words, load_rules
from pipeline.language import MODELS

FAMILIES = MODELS / "families"
GENERIC = "generic"  # the family of a document with no evidence of another
# The keys where an empty list means the generic family's list: the rules every record shares.
SHARED = ("turn_labels", "turn_chair_posts", "turn_place_links", "chair_lines")
# What each kind of evidence weighs: the title says what the document is, so it outweighs a symbol
# (an OAS summary may carry an ACTA symbol); a masthead phrase only tips a balance.
TITLE_WEIGHT = 3
SYMBOL_WEIGHT = 2
MASTHEAD_WEIGHT = 1


@dataclass(frozen=True, eq=False)
class Family:
    """How one family of records is written, and what tells a document is one."""

    name: str = field(metadata={"from": "the file's name"})
    about: str  # what the family is, in words
    # states
    members_labels: Words  # the label that opens a members table: "Members:" (then "State …… Mr. X")
    delegations_by_turns: bool  # only a turn label says a state spoke: a state named inside a speech did not
    kind: str  # what its records are (documents.kind): "verbatim record"; "" to read it from the title
    # speaker turns (pipeline.recognise.turns); an empty list: the generic family's (SHARED)
    turn_labels: Words  # regular expressions of a label opening a paragraph, named groups label, person
    #   and place (the state in brackets): "^(?P<label>(?:El|La|The)\s+…)\s*:\s+"; tried in order
    turn_chair_posts: Words  # a label's post that is the chair's: "PRESIDENTE", "Acting President"
    turn_place_links: Words  # what joins a label's post to its state: " DEL " ("REPRESENTANTE DEL BRASIL")
    # evidence, looked for in the header block
    own_symbols: Words  # regular expressions of its own symbol: "A/\d+/PV\."
    mastheads: Words  # phrases of its masthead: "Official Records"
    masthead_cities: Words  # a city its masthead prints, the venue where no room is named: "New York"
    masthead_time: bool  # the masthead's time ("Thursday, 13 December 2018, 3 p.m.") is the scheduled start
    title_words: Words  # phrases its title opens with: "ACTA DE LA SESIÓN", "Summary of the"
    # the title block
    title_lines: Words  # regular expressions of a masthead line that is the title: "121st plenary meeting"
    title_repeated: bool  # the title block is printed again above the body, and is no heading there
    masthead_labels: Words  # lines of the first page's masthead that are no heading: "Agenda", "Provisional"
    # the chair line of its masthead, the cue before the name: "President:" ("Mr. X …… (State)");
    # an empty list: the generic family's (SHARED)
    chair_lines: Words

    @property
    def title_line(self) -> re.Pattern[str] | None:
        """One pattern of the masthead lines that are a title (case aside), or None."""
        return _title_line(self.title_lines)


@cache
def _title_line(patterns: Words) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@cache
def families() -> dict[str, Family]:
    """Every family file of models/families, by name, each with the generic family's shared rules
    where it has none of its own."""
    loaded = {
        path.stem: load_rules(Family, path, "every family has every key", name=path.stem)
        for path in sorted(FAMILIES.glob("*.json"))
    }
    return {name: with_shared(family, loaded[GENERIC]) for name, family in loaded.items()}


def with_shared(family: Family, generic: Family) -> Family:
    """The family with the generic family's list for each SHARED key it leaves empty: a kind of
    record that labels its turns like every other one needs no copy of the labels."""
    return replace(family, **{key: getattr(generic, key) for key in SHARED if not getattr(family, key)})


@cache
def _evidence(family: Family) -> tuple[tuple[re.Pattern[str], int], ...]:
    """The family's evidence as patterns over the header block, each with its weight."""
    phrases = [(TITLE_WEIGHT, w) for w in family.title_words]
    phrases += [(MASTHEAD_WEIGHT, w) for w in family.mastheads]
    found = [(re.compile(p), SYMBOL_WEIGHT) for p in family.own_symbols]
    found += [(re.compile(_phrase(w), re.IGNORECASE), weight) for weight, w in phrases]
    return tuple(found)


def _phrase(words: str) -> str:
    """A phrase as a pattern that stands on word boundaries and lets a line break or a wide gap
    come between its words ("ACTA" / "DE LA SESIÓN" on two lines)."""
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words.split()) + r"(?!\w)"


def weigh(family: Family, header: str) -> int:
    """How much of the family's evidence the header block holds: each pattern counts once."""
    return sum(weight for pattern, weight in _evidence(family) if pattern.search(header))


def pick_family(header: str) -> Family:
    """The family whose evidence weighs most in the header block (running headers and the first lines
    of page 1, one line each); `generic` when none has any. Ties go to the first family by name."""
    scored = [(weigh(f, header), f) for f in families().values() if f.name != GENERIC]
    best = max(scored, key=lambda sf: sf[0], default=(0, None))
    return best[1] if best[0] > 0 and best[1] is not None else families()[GENERIC]
