"""Turns labelled only by a post ("El SECRETARIO GENERAL:", "A SECRETÁRIA EXECUTIVA PARA O
DESENVOLVIMENTO INTEGRAL:") named through the document's own words (GOLD.md, People):

- a presence sentence that gives exactly one person in that post ("También estuvieron presentes el
  Secretario General de la Organización, doctor José Miguel Insulza, y el Secretario General Adjunto,
  Embajador Albert R. Ramdin, Secretario del Consejo Permanente"): the person, with the post divided
  into role and organization, a bare "la Organización" read as the institution the document names in
  full ("Organización de los Estados Americanos");
- for a post without a state, the one person the chair gave the floor to in the paragraph just
  before the turn, where that paragraph names the post ("Ofrezco la palabra al Secretario de Asuntos
  Políticos … Embajador Víctor Rico, tiene la palabra").

Where several people fit, or none, the turn names no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from pipeline.cues import Cues, alternation, longest_first
from pipeline.document import SectionTree
from pipeline.parse.common import any_of
from pipeline.recognise.people import UPPER, Person, divide_post, is_post, name_re
from pipeline.recognise.sentences import sentences
from pipeline.recognise.turns import Label, fold

SAME_POST = 0.92  # folded similarity at which two printings are one post ("SECRETARIA"/"Secretario")
OPENING_SECTIONS = 4  # presence sentences are in the opening: the preamble and the first sections


@dataclass(frozen=True)
class Holder:
    """A person the document names as present, with the posts printed before and after the name."""

    name: str
    posts: tuple[str, ...]


def same_post(a: str, b: str) -> bool:
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= SAME_POST


@cache
def _words(c: Cues) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A leading "and"/article, an honorific-led name ending a chunk, and one anywhere in a sentence."""
    lead = re.compile(
        rf"^(?:(?:{alternation(c.and_words)})\s+)?(?:(?:{alternation(c.country_articles)})\s*)?"
    )
    hon = alternation(longest_first([*c.honorifics, *(h.lower() for h in c.honorifics)]))
    ending = re.compile(rf"(?:(?:(?<=\s)|^)(?P<hon>{hon})\s+|^)(?P<name>{name_re().pattern})$")
    inside = re.compile(rf"(?:(?<=\s)|^)(?:{hon})\s+(?P<name>{name_re().pattern})")
    return lead, ending, inside


def read_holders(tree: SectionTree, c: Cues) -> list[Holder]:
    """Everyone the opening's presence sentences name, with their posts."""
    cue = any_of(c.presence_cues)
    holders: list[Holder] = []
    for section in tree.sections[:OPENING_SECTIONS]:
        for para in section.paragraphs:
            for sentence, _ in sentences(para.text):
                m = cue.search(sentence.casefold())
                if m is not None:
                    holders += _holders_in(sentence[m.end() :], c, tree.language)
    return holders


def _holders_in(text: str, c: Cues, lang: str) -> list[Holder]:
    """The people of a presence sentence's tail, chunk by comma: a post with an article before a name
    is that name's ("el Secretario General, doctor X"), one without after a name is it too ("…, Embajador
    Y, Secretario del Consejo"); an "and" starts the next person."""
    lead, ending, _ = _words(c)
    found: list[tuple[str, list[str]]] = []
    before: str | None = None
    for chunk in (ch.strip(" .") for ch in re.split(r"[,;]", text)):
        opening = lead.match(chunk)
        rest = chunk[opening.end() :] if opening else chunk
        m = ending.search(chunk)
        if m and (m.group("hon") or before) and _a_name(m.group("name"), lang):
            found.append((_bare(m.group("name")), [before] if before else []))
            before = None
        elif rest and (not opening or not opening.group(0)) and found and before is None:
            found[-1][1].append(rest)
        elif rest:
            before = rest
    return [Holder(name, tuple(posts)) for name, posts in found if posts]


def _bare(name: str) -> str:
    """A name without the sentence's full stop (an initial keeps its own: "Albert R.")."""
    return re.sub(r"(?<=\w\w)\.$", "", name)


def _a_name(words: str, lang: str) -> bool:
    return len(words.split()) >= 2 and not is_post(words, lang)


def _label_post(label: Label) -> str:
    """The label's post as printed, without its article and bracketed notes."""
    body = label.label.split(None, 1)[1] if " " in label.label else label.label
    return re.sub(r"\s*\([^)]*\)$", "", body).strip()


def by_post(holders: list[Holder], label: Label, document: str, lang: str) -> Person | None:
    """The one present person whose post the label prints, with the post divided (GOLD.md)."""
    post = _label_post(label)
    fits: dict[str, str] = {}
    for holder in holders:
        for printed in holder.posts:
            role = divide_post(printed, lang)[0]
            if same_post(post, printed) or (role and same_post(post, role)):
                fits.setdefault(holder.name, printed)
    if len(fits) != 1:
        return None
    name, printed = next(iter(fits.items()))
    role, organization, country = divide_post(printed, lang)
    return Person(name, role, _in_full(organization, document), country or label.country, 0, 0)


def _in_full(organization: str | None, document: str) -> str | None:
    """A bare institution ("Organización") as the document names it in full the first time
    ("Organización de los Estados Americanos")."""
    if not organization or " " in organization:
        return organization
    word = rf"[{UPPER}][\w'’-]*"
    full = re.search(
        rf"\b{re.escape(organization)}\s+(?:[a-zà-ÿ]+['’]?\s*){{1,3}}{word}(?:\s+{word})*", document
    )
    return full.group(0) if full else organization


def floor_given(previous: str, label: Label, c: Cues, lang: str) -> Person | None:
    """The one person the chair gave the floor to in the paragraph before a turn labelled by a post
    without a state, where that paragraph names the post."""
    post = _label_post(label)
    if label.country or label.is_chair or fold(post) not in fold(previous):
        return None
    cue, inside = any_of(c.floor_cues), _words(c)[2]
    names = {
        _bare(m.group("name"))
        for sentence, _ in sentences(previous)
        if cue.search(sentence.casefold())
        for m in inside.finditer(sentence)
        if _a_name(m.group("name"), lang) and fold(m.group("name")).split()[0] not in fold(post).split()
    }
    if len(names) != 1:
        return None
    return Person(names.pop(), _printed(post, previous), None, None, 0, 0)


def _printed(post: str, text: str) -> str:
    """The post as the text prints it ("Secretario de Asuntos Políticos" for "SECRETARIO DE ASUNTOS
    POLITICOS"), else in sentence case."""
    chars = [(" " if ch.isspace() else fold(ch), i) for i, ch in enumerate(text)]
    starts = [i for f, i in chars for _ in f]  # each folded character's place in the text
    words = fold(post).split()
    m = re.search(r"\s+".join(map(re.escape, words)), "".join(f for f, _ in chars))
    if m is None:
        return post[:1] + post[1:].lower()
    return " ".join(text[starts[m.start()] : starts[m.end() - 1] + 1].split())
