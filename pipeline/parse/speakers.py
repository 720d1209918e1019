"""People and chair: who presided (from the sentence that says so, or a record's masthead), and every
person who spoke or presented, with the post, organization and state of their apposition.

A person counts as a speaker where the record says they spoke: the subject of a speech verb, a name
after a remarks cue ("presentation by"), a programme line or a slot heading. The chair speaks in the
chairing post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from pipeline.cues import Cues, Words, alternation, longest_first
from pipeline.document import Section, SectionTree, SpeakerRow
from pipeline.families import Family, families
from pipeline.parse.common import DOT_LEADER, any_of, compiled
from pipeline.recognise.countries import find_countries
from pipeline.recognise.people import (
    UPPER,
    Person,
    bracketed_speaker,
    chairing_post,
    person_at,
    strip_honorifics,
)
from pipeline.recognise.sentences import sentences

OPENING_PHRASE = re.compile(r"^[^,]{0,40},\s+")
# Paragraphs read for the chair in each of the sections after the preamble, and how many sections.
CHAIR_PARAGRAPHS = 8
CHAIR_SECTIONS = 3


@dataclass(frozen=True)
class _Patterns:
    """A language's speaker cues, and a family's chair lines, as patterns, built once."""

    cue_words: Words  # remarks cues, longest first
    by_cue: re.Pattern[str]  # a remarks cue, the name after it
    any_cue: re.Pattern[str]  # whether a (casefolded) sentence holds a remarks cue at all
    chair_cue: re.Pattern[str]  # a sentence that says who presided, or a masthead's chair line


@cache
def _patterns(c: Cues, family: Family) -> _Patterns:
    cue_words = longest_first(c.remarks_cues)
    by_cue = re.compile(rf"\b(?:{alternation(cue_words)})\s+(?=\S)", re.IGNORECASE)
    return _Patterns(cue_words, by_cue, any_of(cue_words), any_of(c.chair_cues + family.chair_lines))


def read_chair(tree: SectionTree, c: Cues) -> Person | None:
    """The chair, with the chairing post as role, from the first sentence that says who presided.

    Summaries say who presided in the preamble; minutes may say it after a title block that reads as
    a heading ("Presidió la sesión el Embajador …"), so the first paragraphs of the first sections
    are read too."""
    opening = list(tree.sections[0].paragraphs)
    for section in tree.sections[1 : 1 + CHAIR_SECTIONS]:
        opening += section.paragraphs[:CHAIR_PARAGRAPHS]
    family = families()[tree.family]
    chair_cue = _patterns(c, family).chair_cue
    for para in opening:
        for sentence, _ in sentences(DOT_LEADER.sub(" … ", para.text)):
            if chair_cue.search(sentence.casefold()):
                chair = _chair_in(sentence, c, tree.language) or _chair_line(sentence, family, tree.language)
                if chair is not None:
                    return chair
    return _masthead_chair(tree.header_text, family, tree.language) or _chair_closing(tree, c)


def _masthead_chair(header: str, family: Family, lang: str) -> Person | None:
    """The chair line of a masthead the layout set apart as the header block, its state on the next line
    when printed there (a 1990s General Assembly masthead: "President: Mr. INSANALLY" over "(Guyana)")."""
    lines = [line.strip() for line in header.splitlines()]
    for line, after in pairwise([*lines, ""]):
        if line.startswith(family.chair_lines):
            state = f" {after}" if "(" not in line and after.startswith("(") and after.endswith(")") else ""
            chair = _chair_line(line + state, family, lang)
            if chair is not None:
                return chair
    return None


def _chair_closing(tree: SectionTree, c: Cues) -> Person | None:
    """A chair named only where the meeting is opened or closed, by the chairing post ("Não havendo
    outros assuntos a tratar, o Presidente da CAAP, Embaixador X, …, encerrou a reunião")."""
    opened_closed = any_of(c.chair_acts)
    for _, para in tree.walk():
        for sentence, _ in sentences(para.text):
            if not opened_closed.search(sentence.casefold()):
                continue
            for m in re.finditer(rf"(?:(?<=^)|(?<=[\s(']))(?=[{UPPER}])", sentence):
                p = person_at(sentence, m.start(), tree.language)
                if p is None:
                    continue
                before, _ = _post_before(sentence, p.start, c, tree.language)
                apposition = sentence[p.start : p.end].split(",", 1)[-1]
                post = before or chairing_post(apposition, tree.language)
                if post:
                    return replace(p, role=post)
                break
    return None


def _post_before(sentence: str, start: int, c: Cues, lang: str) -> tuple[str | None, str | None]:
    """The chairing post and the state printed before a name, up to the comma before it: "bajo la
    presidencia de la Representante Permanente de Costa Rica, Embajadora X" -> (None, CRI); "o
    Presidente da CAAP, Embaixador X" -> ("Presidente da CAAP", None)."""
    before = sentence[:start].rstrip()
    if not before.endswith(","):
        return None, None
    chunk = before[:-1].rsplit(",", 1)[-1]
    post = compiled(rf"(?<![\w-])(?:{alternation(c.chair_words)})\b[^,;()]*").search(chunk)
    vice = post is not None and chunk[: post.start()].rstrip().casefold().endswith("vice")
    found = find_countries(chunk, lang)
    country = found[-1].iso if found and found[-1].end >= len(chunk.rstrip()) - 1 else None
    return (post.group(0).strip() if post and not vice else None), country


def _chair_in(sentence: str, c: Cues, lang: str) -> Person | None:
    """The first person named where presiding is said (a vice chair comes after), in the chairing post."""
    for m in re.finditer(rf"(?:(?<=^)|(?<=[\s(']))(?=[{UPPER}])", sentence):
        p = person_at(sentence, m.start(), lang)
        if p is None:
            continue
        apposition = sentence[p.start : p.end].split(",", 1)[-1]
        post, state = _post_before(sentence, p.start, c, lang)
        role = chairing_post(apposition, lang) or post or c.chair_words[0]
        return replace(p, role=role, country=p.country or state)
    return None


def _chair_line(sentence: str, family: Family, lang: str) -> Person | None:
    """The chair a record's masthead names after the family's chair line, in that post: "President:
    Mr. Ali Abdussalam Treki …… (Libya)" -> Ali Abdussalam Treki, President, LBY."""
    for cue in family.chair_lines:
        if sentence.startswith(cue):
            rest = sentence[len(cue) :].strip()
            name = strip_honorifics(rest, lang)
            run = re.match(r"[^(…]+", name)  # the name runs to the dot leaders or the bracketed state
            if run and run.group(0).strip() and name != rest:
                place = re.search(r"\(([^)]+)\)", name[run.end() :])
                found = find_countries(place.group(1), lang) if place else []
                post = cue.rstrip(": ")
                return Person(run.group(0).strip(), post, None, found[0].iso if found else None, 0, 0)
    return None


def read_speakers(tree: SectionTree, c: Cues, chair: Person | None) -> list[SpeakerRow]:
    """Everyone the record says spoke, section by section; the chair too, if only "the Chair" is
    said to have spoken."""
    family = families()[tree.family]
    rows = [
        _row(section, person, page, chair)
        for section in tree.sections
        for person, page in _speakers_in(section, c, family, tree.language)
    ]
    if chair is not None and chair.name not in {r.name for r in rows} and _chair_spoke(tree, c):
        section = next((s for s in tree.sections if s.section_id > 0), tree.sections[0])
        rows.append(_row(section, chair, section.page_start or 1, chair))
    return rows


def _row(section: Section, person: Person, page: int, chair: Person | None) -> SpeakerRow:
    """A speaker's row; the chair speaks in the chairing post."""
    if chair is not None and person.name == chair.name:
        person = replace(person, role=chair.role, country=chair.country or person.country)
    return SpeakerRow(section.section_id, person.name, person.role, person.organization, person.country, page)


def _speakers_in(section: Section, c: Cues, family: Family, lang: str) -> list[tuple[Person, int]]:
    """The speakers a section names, with their page: in a slot heading, on programme lines (bullets)
    and in prose. The preamble's first paragraph is the title."""
    found: list[tuple[Person, int]] = []
    if section.kind == "slot" and section.heading:
        p = person_at(section.heading, 0, lang)
        if p is not None:
            found.append((p, section.heading_page or 0))
    listing = section.kind == "slot" or _is_list_cue(section.heading or "", c)
    for para in section.paragraphs:
        if section.kind == "preamble" and para is section.paragraphs[0]:
            continue
        if para.bullet:
            p = _programme_person(para.text, _patterns(c, family).cue_words, lang)
            found += [(p, para.page)] if p is not None else []
            continue
        lines = [line.text for line in para.lines] or [para.text]
        opens = _is_list_cue(lines[0], c)
        listed, whole = (
            _listed(lines[1:] if opens else lines, c, family, lang) if listing or opens else ([], False)
        )
        found += [(p, para.page) for p in listed]
        listing = whole or (opens and len(lines) == 1)  # the list runs on into the next paragraph
        if not listed:
            found += [(p, para.page) for p in _speakers_in_prose(para.text, c, family, lang)]
    return found


def _is_list_cue(line: str, c: Cues) -> bool:
    """A heading over a list of those who spoke or presented: "Panelists:", "Intervenants :"."""
    said = line.strip().rstrip(":： ").strip().casefold()
    return bool(said) and said in {cue.casefold() for cue in c.speaker_list_cues}


def _listed(lines: list[str], c: Cues, family: Family, lang: str) -> tuple[list[Person], bool]:
    """A list's people, one per line (an apposition that runs on to the next line continues there),
    up to the first line that is no person; and whether every line was one."""
    items: list[str] = []
    for line in (line.strip() for line in lines):
        body = re.sub(r"^[•▪◦·\-–—*]\s*", "", line)
        if not body:
            continue
        if items and not _opens_person(body, lang) and ":" not in body and not items[-1].endswith("."):
            items[-1] += " " + body
        else:
            items.append(body)
    people: list[Person] = []
    for item in items:
        p = _line_person(item, c, family, lang)
        if p is None:
            return people, False  # the list has ended
        people.append(p)
    return people, bool(people)


def _line_person(item: str, c: Cues, family: Family, lang: str) -> Person | None:
    """The person a list line opens with, after an honorific or a remarks cue ("Remarks by …")."""
    p = person_at(item, 0, lang)
    if p is None and _patterns(c, family).by_cue.match(item):
        p = _programme_person(item, _patterns(c, family).cue_words, lang)
    return p


def _opens_person(line: str, lang: str) -> bool:
    """Whether a line starts with a person's name and the comma of their apposition."""
    return (
        person_at(line, 0, lang) is not None or person_at(strip_honorifics(line, lang), 0, lang) is not None
    )


def _speakers_in_prose(text: str, c: Cues, family: Family, lang: str) -> list[Person]:
    """Per sentence: the subject of a speech verb, and the names after remarks cues ("received a
    presentation by Dr. X, Post, Org"). Who presided is not who spoke."""
    patterns = _patterns(c, family)
    found: list[Person] = []
    for sentence, _ in sentences(text):
        low = sentence.casefold()
        if patterns.chair_cue.search(low):
            continue
        subject = _speaking_subject(sentence, lang)
        if subject is not None:
            found.append(subject)
        if not patterns.any_cue.search(low):
            continue
        for m in patterns.by_cue.finditer(sentence):
            p = person_at(sentence, m.end(), lang)
            if p is not None:
                found.append(p)
    return found


def _speaking_subject(sentence: str, lang: str) -> Person | None:
    """A person followed by a speech verb at the sentence start, or after an opening phrase and comma."""
    bracketed = bracketed_speaker(sentence, lang)
    if bracketed is not None:
        return bracketed
    starts = [0]
    m = OPENING_PHRASE.match(sentence)
    if m:
        starts.append(m.end())
    for start in starts:
        p = person_at(sentence, start, lang, need_verb=True)
        if p is not None:
            return p
    return None


def _programme_person(text: str, cue_words: Words, lang: str) -> Person | None:
    """A programme line: "• Remarks by Ambassador X, Post", "• X, Post, Org (link)"."""
    body = re.sub(r"^\S+\s+", "", text, count=1) if not text[:1].isupper() else text
    candidates = []
    for cue in (cue for cue in cue_words if cue in body):
        for m in compiled(rf"(?:^|\s|,\s){re.escape(cue)}\s+").finditer(body):
            candidates.append(m.end())
    candidates.append(0)
    for m in re.finditer(r",\s+", body):
        candidates.append(m.end())
    for m in re.finditer(r"\s(?=[a-zà-ÿ]+\s+[" + UPPER + "])", body[:40]):
        candidates.append(m.end())
    for start in dict.fromkeys(candidates):
        rest = body[start:]
        rest_stripped = strip_honorifics(rest, lang)
        offset = start + (len(rest) - len(rest_stripped))
        for pos in (start, offset):
            p = person_at(body, pos, lang)
            if p is not None:
                return p
        lower_hon = re.match(r"[a-zà-ÿ]+\s+", body[start:])
        if lower_hon:
            p = person_at(body, start + lower_hon.end(), lang)
            if p is not None:
                return p
    return None


def _chair_spoke(tree: SectionTree, c: Cues) -> bool:
    """Whether "the Chair" is the subject of a speech verb, or is on a programme line."""
    subjects = c.chair_subject
    verbs = {v.casefold() for v in c.speech_verbs}
    for section, para in tree.walk():
        if section.section_id == 0 and para is section.paragraphs[0]:
            continue
        for subject in (s for s in subjects if s in para.text):
            for m in compiled(rf"\b{re.escape(subject)}\s+(\w+(?:\s\w+)?)").finditer(para.text):
                words = m.group(1).casefold().split()
                if words[0] in verbs or " ".join(words) in verbs:
                    return True
    for section in tree.sections:
        for para in section.paragraphs:
            if para.bullet and any(s.casefold() in para.text.casefold() for s in subjects):
                return True
    return False
