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
def _name_re() -> re.Pattern[str]:
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
    lead_cue = re.compile(rf"^(?:{alternation(c.remarks_cues)})\s+", re.IGNORECASE)
    mission = re.compile(rf"\s(?:{alternation(c.mission_suffixes)})\b.*$")
    and_the = r"\s(?:and|y|et|e)\s(?:(?:the|el|la|le|o|a)\s)?"  # "… and the Chair", "… y Presidente"
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
    m = _name_re().match(rest, skip)
    if m is None or rest[m.end() : m.end() + 1] != ",":
        return None  # no apposition follows
    name = strip_honorifics(data["lead_cue"].sub("", m.group(0)), lang)
    name = data["honorific_inside"].sub("", name)  # "Palabras del Embajador João Reeve" -> "João Reeve"
    if len(name.split()) < 2 or (lead is None and name.split()[0].casefold() in data["not_name_start"]):
        return None  # after a title ("Embajadora La Celia A. Prince") any capitalized word may start a name
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
        if not stripped[:1].isupper():
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


def _post(parts: list[str], lang: str) -> tuple[str | None, str | None, str | None]:
    """Split "Post of Org", "Org", "State" into role, organization and country."""
    data = _lang(lang)
    role_text = data["chair_tail"].sub("", parts[0]).strip()
    role_text = data["mission"].sub("", role_text).strip()
    organization = None
    country = None
    m = _split_point(role_text, data, lang, several=len(parts) > 1)
    if m:
        role, rest = role_text[: m.start()].strip(), role_text[m.end() :].strip()
        rest_country = _country_only(rest, lang)
        if rest_country:
            country = rest_country
        else:
            organization = rest
    else:
        role = role_text
    if not role or len(role.split()) > 8 or not role[:1].isupper():
        return None, None, None
    institutions = []
    for extra in parts[1:]:
        extra = data["mission"].sub("", data["chair_tail"].sub("", extra)).strip()
        if not extra:
            continue
        c = _country_only(extra, lang)
        if c:
            country = country or c
        else:
            institutions.append(extra)
    if institutions:  # the outermost institution is the last one: the ones before it are the post's
        role = ", ".join([role if organization is None else role_text, *institutions[:-1]])
        organization = institutions[-1]
    if organization:
        organization, tail_country = _split_country_tail(organization, lang)
        country = country or tail_country
    return role, organization, country


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
    m = re.search(r"\s(?:of|of the|de|de la|del|du|de l'|des|da|do|das|dos)$", head)
    if m and m.start() > 3:
        return head[: m.start()].strip(" ,"), found[-1].iso
    return org, None
