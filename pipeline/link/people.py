"""Which printed names are one person, across the archive, and why.

A *node* is a name key with the state its records give it (pipeline.link.names). Nodes are joined
into people by rules, each kept with the join so that every merge can be explained (view
people_aliases):

- `name`: the same key and state ("Embajador Sebastián Kraljevich", "SEBASTIÁN KRALJEVICH");
- `document`: a name printed without a state took the state its own document gives the same name
  (a chair line "Stephen C. Vasciannie" and the speaker "Stephen C. Vasciannie (Jamaica)");
- `country`: a name printed nowhere with a state joins the one person of the archive with that name
  and a state;
- `shorter`: a shorter form of a full name of the same state, its first word and the others in order
  ("Carlos Sosa", "Stephen Vasciannie" for "Carlos Sosa Coello", "Stephen C. Vasciannie");
- `surname`: the surname (or surnames) alone, as UN records print speakers ("Kraljevich",
  "Dias da Costa", "Chaderton" of "Roy Chaderton Matos"), of a full name of the same state;
- `spelling`: a name of three words or more differing from one of the same state by one letter in
  one word ("Marcha Monique Coore Lobban", "Marsha Monique Coore-Lobban").

A partial form joins only when exactly one person of its state fits: "García" joins no one when two
Garcías represent that state, and two people sharing a surname in different states are never joined.
A lone surname with no state names someone only within its document (scope).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.link.names import Key, words

RULES = ("name", "document", "country", "shorter", "surname", "spelling")  # strongest first


@dataclass(frozen=True, order=True)
class Node:
    key: Key
    country: str | None
    # a one-word name that no record gives a state names someone only in its own document: its doc_id
    scope: str = ""


@dataclass(frozen=True)
class Join:
    root: Node  # the node that names the person most fully
    rule: str


def link(nodes: Iterable[Node]) -> dict[Node, Join]:
    """Each node's person (its root node) and the rule that joined it, longest names first so that
    a partial form finds the full names already placed."""
    order = sorted(set(nodes), key=lambda n: (-words(n.key), -len(n.key), n.key, n.country or "", n.scope))
    joins: dict[Node, Join] = {}
    placed: dict[str | None, _Index] = defaultdict(_Index)
    for node in order:
        if node.scope or node.country is None:
            continue
        joins[node] = _partial(node, placed[node.country], joins) or Join(node, "name")
        placed[node.country].add(node)
    by_key: dict[Key, list[Node]] = defaultdict(list)
    for node in joins:
        by_key[node.key].append(node)
    for node in order:
        if node.scope or node.country is not None:
            joins.setdefault(node, Join(node, "name"))
            continue
        known = {joins[n].root for n in by_key.get(node.key, [])}
        joins[node] = Join(known.pop(), "country") if len(known) == 1 else Join(node, "name")
    return joins


class _Index:
    """The nodes of one state placed so far, by their first, last and next-to-last words: a partial
    form's first word is its full name's first (shorter), or its last word is the full name's last or
    next-to-last (surname), or one of them is (spelling)."""

    def __init__(self) -> None:
        self.by_word: dict[str, list[Node]] = defaultdict(list)

    def add(self, node: Node) -> None:
        for word in {node.key[0], *node.key[-2:]}:
            self.by_word[word].append(node)

    def near(self, key: Key) -> list[Node]:
        seen = {n: None for w in {key[0], key[-1]} for n in self.by_word.get(w, [])}
        return list(seen)


def _partial(node: Node, index: _Index, joins: dict[Node, Join]) -> Join | None:
    """The one person of the node's state the node is a partial form of, by the strongest rule that
    fits; None when no one fits, or several people do."""
    found: dict[Node, str] = {}
    for other in index.near(node.key):
        rule = fits(node.key, other.key)
        if rule is None:
            continue
        root = joins[other].root
        if root not in found or RULES.index(rule) < RULES.index(found[root]):
            found[root] = rule
    if len(found) != 1:
        return None
    root, rule = found.popitem()
    return Join(root, rule)


def fits(short: Key, full: Key) -> str | None:
    """The rule by which `short` is a form of the name `full`, if any."""
    if len(short) < len(full):
        if words(short) >= 2 and short[0] == full[0] and _subsequence(short, full):
            return "shorter"
        if _surname(short, full):
            return "surname"
    if len(short) == len(full) and words(short) >= 3 and _one_letter_apart(short, full):
        return "spelling"
    return None


def _subsequence(short: Key, full: Key) -> bool:
    rest = iter(full)
    return all(word in rest for word in short)


def _surname(short: Key, full: Key) -> bool:
    """Whether `short` is the surname of `full`: its words stand together after the first name and run
    to the last word ("Kraljevich", "Dias da Costa", "Hernández García"), or to the one before, the
    first of two surnames ("Chaderton" of "Roy Chaderton Matos"); initials are no surname."""
    n = len(short)
    if any(len(word) == 1 for word in short):
        return False
    return any(full[i : i + n] == short for i in range(max(1, len(full) - n - 1), len(full) - n + 1))


def _one_letter_apart(a: Key, b: Key) -> bool:
    """The keys differ in one word only, by one letter changed, added or dropped, in a word of four
    letters or more ("marcha"/"marsha")."""
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(pairs) != 1:
        return False
    x, y = pairs[0]
    if min(len(x), len(y)) < 4 or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def person_ids(roots: Iterable[Node]) -> dict[Node, str]:
    """A stable id per person: the hash of the normalized full name, with the state (and, for a lone
    surname, its document) added only when several people of the archive share the name."""
    roots = set(roots)
    shared: dict[Key, int] = defaultdict(int)
    for root in roots:
        shared[root.key] += 1
    ids = {}
    for root in roots:
        text = " ".join(root.key)
        if shared[root.key] > 1 or root.scope:
            text += f"|{root.country or ''}|{root.scope}"
        ids[root] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return ids
