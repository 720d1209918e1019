"""People named with their post: "Ambassador Sebastián Kraljevich, Permanent Representative of Chile",
"María Fernanda Trigo, Director of the Department for Effective Public Management",
"Hélène Thériault, Viceministra, Ministerio de Relaciones Exteriores de Honduras".

Summaries introduce a person once with an apposition: name, then post, then organization or
state, separated by commas. This module reads that apposition; deciding whether the person spoke
is the caller's business (a programme line, a speech verb, a slot heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.cues import alternation, longest_first
from pipeline.language import cues, every_language
from pipeline.recognise.countries import find_countries

UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽŠŒ"
NAME_WORD = rf"(?:[{UPPER}][\w'’\-]*\.?|[{UPPER}]\.)"


@cache
def name_re() -> re.Pattern[str]:
    """A person's name: two to six capitalized words, with the particles of every language between
    them ("María de los Ángeles", "Ludwig van Beethoven")."""
    particle = rf"(?:{alternation(every_language('name_particles'))})"
    return re.compile(rf"{NAME_WORD}(?:\s+(?:{particle}\s+)*{NAME_WORD}){{1,5}}")


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    organization: str | None
    country: str | None
    start: int
    end: int  # end of the whole apposition


@cache
def _lang(lang: str) -> dict:
    c = cues(lang)
    hon = longest_first([*c.honorifics, *(h.lower() for h in c.honorifics)])
    articles_re = alternation(a for a in c.country_articles if not a.endswith("'"))
    honorific = re.compile(
        rf"^(?:(?:{articles_re})\s+(?=[a-zà-ÿ]))?(?:(?:{alternation(hon)})(?:\s+|(?<=\.)))+", re.IGNORECASE
    )
    link = re.compile(
        rf"\s(?:{alternation(c.role_country_links + c.org_links)})(?:(?<=['’])|\s)(?=[{UPPER}])"
    )
    posts = [*c.delegate_roles, *c.chair_words, *c.vice_chair_words, *c.venue_words]  # a room is no one
    lead_cue = re.compile(rf"^(?:{alternation(c.remarks_cues)})\s+", re.IGNORECASE)
    mission = re.compile(rf"\s(?:{alternation(c.mission_suffixes)})\b.*$")
    articles = alternation(a for a in c.country_articles if a[-1:].isalpha())
    and_the = (
        rf"\s(?:{alternation(c.and_words)})\s(?:(?:{articles})\s)?"  # "… and the Chair", "… y Presidente"
    )
    chair_tail = re.compile(rf"{and_the}(?:{alternation(c.chair_words + c.vice_chair_words)})\b.*$")
    chair_post = re.compile(rf"(?:^|{and_the})((?:{alternation(c.chair_words)})\b[^,;.()]*)")
    return {
        "chair_post": chair_post,
        "honorific": honorific,
        "link": link,
        "mission": mission,
        "chair_tail": chair_tail,
        "articles": longest_first(c.country_articles),
        "verbs": {v.casefold() for v in c.speech_verbs},
        "head_re": re.compile(rf"(?:{alternation(c.org_heads)})\b"),
        "lead_cue": lead_cue,
        "honorific_inside": re.compile(
            rf"^.*\b(?:{alternation(h for h in hon if len(h) > 3)})\s+(?=[{UPPER}])"
        ),
        "not_name_start": every_language("not_name_start"),
        "post": re.compile(rf"(?:{alternation(posts)})(?:\s|$)", re.IGNORECASE),
        "tail_link": re.compile(rf"\s(?:{alternation(c.role_country_links + c.org_links)})$"),
    }


def strip_honorifics(name: str, lang: str) -> str:
    return _lang(lang)["honorific"].sub("", name).strip()


PUNCTUATION = re.compile(r"[()\[\],;]")


def _chunks(text: str) -> list[tuple[str, int]]:
    """Comma-separated chunks outside parentheses, with their offsets."""
    out, depth, start = [], 0, 0
    for m in PUNCTUATION.finditer(text):
        ch, i = m.group(), m.start()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((text[start:i], start))
            start = i + 1
    out.append((text[start:], start))
    return out


def chairing_post(apposition: str, lang: str) -> str | None:
    """The chairing post in a chair's apposition: "…, Alternate Representative of Argentina and Chair
    of the CAJP" -> "Chair of the CAJP" (GOLD.md: the chair's role is the chairing post, not the
    post they hold in their delegation)."""
    for chunk, _ in _chunks(apposition):
        m = _lang(lang)["chair_post"].search(chunk.strip())
        if m:
            return m.group(1).strip()
    return None


def starts_with_verb(chunk: str, lang: str) -> bool:
    words = chunk.strip().casefold().split()
    verbs = _lang(lang)["verbs"]
    return bool(words) and (words[0] in verbs or " ".join(words[:2]) in verbs or " ".join(words[:3]) in verbs)


def person_at(text: str, pos: int, lang: str, need_verb: bool = False) -> Person | None:
    """The person whose apposition starts at text[pos:] ("[Honorific] Name, Post[, Org][, State]")."""
    data = _lang(lang)
    rest = text[pos:]
    lead = data["honorific"].match(rest)
    skip = lead.end() if lead else 0
    m = name_re().match(rest, skip)
    if m is None or rest[m.end() : m.end() + 1] != ",":
        return None  # no apposition follows
    name = strip_honorifics(data["lead_cue"].sub("", m.group(0)), lang)
    name = data["honorific_inside"].sub("", name)  # "Palabras del Embajador João Reeve" -> "João Reeve"
    if len(name.split()) < 2 or (lead is None and name.split()[0].casefold() in data["not_name_start"]):
        return None  # after a title ("Embajadora La Celia A. Prince") any capitalized word may start a name
    if lead is None and _is_post(name, data, lang):
        return None  # "la Representante Permanente de Costa Rica, Embajadora X": the post, then the name
    states = find_countries(name, lang)
    if states and states[0].start == 0 and states[-1].end >= len(name) - 1:
        return None  # "Costa Rica, Chile …" is a list of states, not a person
    after = rest[m.end() :]
    chunks = _chunks(after[1:])
    parts: list[str] = []
    end = m.end() + 1
    verb_found = False
    for chunk, offset in chunks:
        stripped = chunk.strip()
        if not stripped:
            break
        if parts and starts_with_verb(stripped, lang):
            verb_found = True
            break
        if not stripped[:1].isupper() and not (not parts and _lower_post(stripped, chunks, data, lang)):
            if not parts:
                return None
            break  # "…, presiding", "…, and began at": the apposition has ended
        tail = re.sub(r"\s*\([^)]*\)\s*\.?$", "", stripped)  # "(link)", "(video of the presentation)"
        if stripped.endswith(".") and not need_verb and tail == stripped:
            parts.append(stripped.rstrip("."))
            end = m.end() + 1 + offset + len(chunk)
            break
        parts.append(tail.rstrip("."))
        end = m.end() + 1 + offset + len(chunk)
        if (tail != stripped and not need_verb) or len(parts) >= 4:
            break
    if need_verb and not verb_found:
        return None
    if not parts:
        return None
    role, organization, country = _post(parts, lang)
    if role is None:
        return None
    return Person(name=name, role=role, organization=organization, country=country, start=pos, end=pos + end)


def _is_post(name: str, data: dict, lang: str) -> bool:
    """Whether capitalized words are a post, not a name: they open with a post ("Representante
    Permanente …", "Presidente da CAAP") or end in "of <State>" ("Permanente de Costa Rica")."""
    if data["post"].match(name):
        return True
    found = find_countries(name, lang)
    return (
        bool(found)
        and found[-1].end >= len(name) - 1
        and bool(data["tail_link"].search(name[: found[-1].start].rstrip()))
    )


def _lower_post(chunk: str, chunks: list[tuple[str, int]], data: dict, lang: str) -> bool:
    """Whether a lower-case first chunk is a post, in a language that writes posts in lower case
    ("directrice exécutive, Réseau …", "chef de la Section …"): no verb, and an institution follows,
    in the chunk after a link word or as the next chunk."""
    c = cues(lang)
    if not c.lower_case_posts or starts_with_verb(chunk, lang):
        return False
    if any(cue.casefold() in chunk.casefold() for cue in c.chair_cues):
        return False  # "Salón Libertador, bajo la presidencia de …": who presided, not a post
    after = [c.strip() for c, _ in chunks[1:2]]
    return bool(data["link"].search(chunk)) or bool(after and after[0][:1].isupper())


def _post(parts: list[str], lang: str) -> tuple[str | None, str | None, str | None]:
    """An apposition's chunks as role, organization and country (GOLD.md): the organization is the
    outermost institution, the last chunk (a state, or an acronym repeating the chunk before, aside),
    and the role runs from its first word up to it; a lone "Post of Institution" divides at the
    institution, and "Post of State" at the state."""
    data = _lang(lang)
    body: list[str] = []
    country = None
    for part in parts:
        part = data["mission"].sub("", data["chair_tail"].sub("", part)).strip()
        state = _country_only(part, lang) if body and part else None
        if state:
            country = country or state
        elif part and not (body and _repeats(part, body[-1])):
            body.append(part)
    if not body:
        return None, None, None
    outer = len(body) > 1 and not data["post"].match(body[-1])
    role, organization, first_country = _divide(body[0], data, lang, several=len(body) > 1)
    if not role or len(role.split()) > 8 or not (role[:1].isupper() or cues(lang).lower_case_posts):
        return None, None, None
    if outer:
        whole = role if first_country or organization is None else body[0]
        role, organization = ", ".join([whole, *body[1:-1]]), body[-1]
    if organization:
        organization, tail_country = _split_country_tail(organization, lang)
        first_country = first_country or tail_country
    return role, organization, first_country or country


def divide_post(post: str, lang: str) -> tuple[str | None, str | None, str | None]:
    """One printed post as (role, organization, state), by the apposition's rule (GOLD.md)."""
    return _post([post], lang)


def is_post(words: str, lang: str) -> bool:
    """Whether capitalized words are a post, not a person's name."""
    return _is_post(words, _lang(lang), lang)


def _divide(text: str, data: dict, lang: str, several: bool) -> tuple[str, str | None, str | None]:
    """A post's first chunk as (role, organization, state): "Director of the Department of X" ->
    ("Director", "Department of X", None), "Representante Permanente de Chile" -> (…, None, "CHL")."""
    m = _split_point(text, data, lang, several=several)
    if m is None:
        return text, None, None
    role, rest = text[: m.start()].strip(), text[m.end() :].strip()
    state = _country_only(rest, lang)
    return (role, None, state) if state else (role, rest, None)


def _repeats(acronym: str, name: str) -> bool:
    """Whether a chunk is the acronym of the chunk before ("International Development Research
    Centre, IDRC"): an acronym is not another institution."""
    initials = "".join(w[0] for w in re.findall(r"[\w'’-]+", name) if w[0].isupper())
    return acronym.isupper() and " " not in acronym and acronym.replace(".", "") == initials


def _split_point(role_text: str, data: dict, lang: str, several: bool) -> re.Match[str] | None:
    """Where "Post of Org" divides: before an organization word or a state; else, with no other
    chunk to hold the organization, at the last link ("Oficial Principal de Programas do IDEA")."""
    links = list(data["link"].finditer(role_text))
    for m in links:
        rest = role_text[m.end() :]
        if data["head_re"].match(rest) or _country_only(data["mission"].sub("", rest), lang):
            return m
    if several or not links:
        return None
    return links[-1]


def _country_only(text: str, lang: str) -> str | None:
    """The state code when the text is nothing but a state's name (with an article)."""
    text = text.strip(" .")
    for a in _lang(lang)["articles"]:
        if text.casefold().startswith(a.casefold() + " "):
            text = text[len(a) + 1 :]
            break
    found = find_countries(text, lang)
    if found and found[0].start <= 3 and len(text) - found[-1].end <= 1:
        return found[0].iso
    return None


def _split_country_tail(org: str, lang: str) -> tuple[str, str | None]:
    """A state named at the end of an organization is the person's state:
    "Ministerio de Relaciones Exteriores de Honduras" -> ("Ministerio de Relaciones Exteriores", "HND")."""
    found = find_countries(org, lang)
    if not found or len(org.rstrip(" .")) - found[-1].end > 1:
        return org, None
    head = org[: found[-1].start].rstrip()
    m = _lang(lang)["tail_link"].search(head)
    if m and m.start() > 3:
        return head[: m.start()].strip(" ,"), found[-1].iso
    return org, None


@cache
def _bracketed_re(lang: str) -> re.Pattern[str]:
    """A UN summary record's turn: "[11.] Mr. Adeyemi (Nigeria)[, speaking on behalf of …,] said",
    the surname as printed after an honorific, the state or the post in brackets, then a speech verb."""
    c = cues(lang)
    particle = rf"(?:{alternation(every_language('name_particles'))})"
    surname = rf"{NAME_WORD}(?:\s+(?:{particle}\s+)*{NAME_WORD}){{0,4}}"
    verbs = alternation(c.speech_verbs)
    return re.compile(
        rf"^(?:\d+\.\s+)?(?:{alternation(c.honorifics)})\s*(?P<name>{surname})\s*\((?P<what>[^()]{{2,160}})\)"
        rf"(?:,\s+[^\W\d]*[a-zà-ÿ][^()]*?,)?\s+(?:{verbs})\b(?!\s+(?:{alternation(c.seated_words)})\b)"
    )


def bracketed_speaker(sentence: str, lang: str) -> Person | None:
    """The speaker of a summary record's sentence, "Mr. Adeyemi (Nigeria) said …" -> Adeyemi, NGA;
    "Ms. Okwuosa (Director, Coordination Division, UN-Women), introducing …, said" -> the post split
    as an apposition."""
    m = _bracketed_re(lang).match(sentence)
    if m is None:
        return None
    what = m.group("what").strip()
    country = _country_only(what, lang)
    role = organization = None
    if country is None:
        parts = [p.strip() for p in what.split(",") if p.strip()]
        role, organization, country = _post(parts, lang)
        if role is None:
            return None
    return Person(m.group("name"), role, organization, country, 0, m.end())
