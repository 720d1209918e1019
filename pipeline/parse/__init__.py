"""Parse stage: SectionTree in, ParsedDocument out.

Each finder reads the text the way an analyst does: the own symbol from the cover block and
running header, the meeting date from the title, the chair from the sentence that says who
presided, the call to order and adjournment from the words around a time, delegations from the
sentences that say who took the floor, attendance from the quorum sentence or list.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from pipeline.cues import Cues, Words, alternation, longest_first
from pipeline.document import (
    DelegationRow,
    Intervention,
    LinkRow,
    Metadata,
    Paragraph,
    ParsedDocument,
    RefRow,
    Section,
    SectionTree,
    SpeakerRow,
    TimeRow,
)
from pipeline.language import cues, every_language, read_model
from pipeline.parse.countries import find_countries
from pipeline.parse.dates import find_dates
from pipeline.parse.people import UPPER, Person, chairing_post, person_at, strip_honorifics
from pipeline.parse.symbols import find_symbols, key
from pipeline.parse.times import find_ranges, find_times
from pipeline.parse.turns import Label, find_label

DOT_LEADER = re.compile(r"(?:\s?\.){4,}")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?;](?=\s+\S)")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Patterns built from cue data are compiled once per process: there are more of them than
    Python's own regex cache holds, and they are used on every sentence."""
    return re.compile(pattern)


@cache
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the phrases, casefolded (match it against casefolded text)."""
    return re.compile(alternation(p.casefold() for p in phrases))


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose full stop ends no sentence: every language's ("Mr.", "núm.") and the symbols' ("doc.")."""
    return every_language("abbreviations") | frozenset(read_model("symbols.json")["abbreviations"])


def parse(tree: SectionTree) -> ParsedDocument:
    lang = tree.language
    c = cues(lang)
    meta = Metadata(language=lang)
    out = ParsedDocument(meta=meta, tree=tree)
    preamble = tree.sections[0]
    title_text = preamble.paragraphs[0].text if preamble.paragraphs else ""

    own = find_symbols(tree.header_text)
    meta.symbol = own[0].symbol if own else None
    meta.title = title_text or None
    meta.body = _body(own[0].organ if own else None, title_text + "\n" + preamble.text, lang)
    meta.meeting_type = _meeting_type(title_text + " " + preamble.text[:400], lang)
    dates = find_dates(title_text, lang) or find_dates(preamble.text, lang)
    meta.meeting_date = dates[0][0] if dates else None

    _refs(tree, out)
    _links(tree, out)
    _times(tree, out, c)
    chair = _chair_and_venue(tree, meta, c, lang)
    _speakers(tree, out, c, lang, chair)
    _delegations(tree, out, c, lang)
    out.attendance, roster = _attendance(tree, c, lang)
    _interventions(tree, out, lang, roster, chair)
    return out


# ---------------------------------------------------------------- document metadata


@cache
def _bodies() -> dict[str, dict[str, list[str]]]:
    return read_model("bodies.json")


def _body(organ: str | None, text: str, lang: str) -> str | None:
    """The issuing organ: the most specific known body in the own symbol, else the first one named."""
    bodies = _bodies()
    if organ:
        for part in reversed(organ.split("/")):
            if part in bodies:
                return part
    best: tuple[int, str] | None = None
    for code, names in bodies.items():
        for name in [code] + names.get(lang, []) + names.get("en", []):
            m = _compiled(rf"(?<![\w/]){re.escape(name)}(?![\w])").search(text)
            if m and (
                best is None or m.start() < best[0] or (m.start() == best[0] and len(code) > len(best[1]))
            ):
                best = (m.start(), code)
    return best[1] if best else None


def _meeting_type(text: str, lang: str) -> str | None:
    low = text.casefold()
    hits = []
    for kind, phrases in cues(lang).meeting_types.items():
        for p in phrases:
            i = low.find(p.casefold())
            if i >= 0:
                hits.append((i, kind))
    return min(hits)[1] if hits else None


# ---------------------------------------------------------------- symbols and links


def _section_of_footnote(tree: SectionTree, mark: str, page: int) -> int:
    for s in tree.sections:
        for p in s.paragraphs:
            if any(mark in ln.marks or mark.rstrip("/") in ln.marks for ln in p.lines if ln.page == page):
                return s.section_id
    return _section_on_page(tree, page)


def _section_on_page(tree: SectionTree, page: int) -> int:
    found = 0
    for s in tree.sections:
        if s.page_start is not None and s.page_start <= page:
            found = s.section_id
    return found


def _refs(tree: SectionTree, out: ParsedDocument) -> None:
    own = key(out.meta.symbol) if out.meta.symbol else None
    for section in tree.sections:
        texts: list[tuple[str, int]] = []
        if section.heading_raw:
            texts.append((section.heading_raw, section.heading_page or 0))
        texts += [(p.text, p.page) for p in section.paragraphs]
        for text, page in texts:
            for sym in find_symbols(text):
                if key(sym.symbol) != own:
                    out.refs.append(RefRow(section.section_id, sym, _page_at(section, text, sym.start, page)))
    for fn in tree.footnotes:
        sid = _section_of_footnote(tree, fn.mark, fn.page)
        for sym in find_symbols(fn.text):
            if key(sym.symbol) != own:
                out.refs.append(RefRow(sid, sym, fn.page, in_footnote=True))


def _page_at(section: Section, text: str, offset: int, page: int) -> int:
    """The page a character of a paragraph's text was printed on (paragraphs may cross pages)."""
    for p in section.paragraphs:
        if p.text == text and len({ln.page for ln in p.lines}) > 1:
            seen = 0
            for ln in p.lines:
                seen += len(ln.text) + 1
                if seen > offset:
                    return ln.page
    return page


def _links(tree: SectionTree, out: ParsedDocument) -> None:
    seen: set[tuple[str, int]] = set()
    for link in tree.links:
        sid = _section_of_box(tree, link.page, link.bbox)
        out.links.append(LinkRow(sid, link.url, link.label, link.page))
        seen.add((link.url.rstrip("/"), link.page))
    texts = [(s.section_id, p.text, p.page) for s, p in tree.walk()]
    texts += [(_section_on_page(tree, fn.page), fn.text, fn.page) for fn in tree.footnotes]
    for sid, text, page in texts:
        for m in URL.finditer(text):
            url = m.group(0).rstrip(".,;:)]»\"'")
            if url.lower().startswith("www."):
                url = "https://" + url
            if (url.rstrip("/"), page) in seen:
                continue
            seen.add((url.rstrip("/"), page))
            out.links.append(LinkRow(sid, url, None, page))


def _section_of_box(
    tree: SectionTree, page: int, bbox: tuple[float, float, float, float] | None
) -> int | None:
    if bbox is None:
        return _section_on_page(tree, page)
    mid = (bbox[1] + bbox[3]) / 2
    for s, p in tree.walk():
        for ln in p.lines:
            if ln.page == page and ln.top - 2 <= mid <= ln.bottom + 2:
                return s.section_id
    return _section_on_page(tree, page)


# ---------------------------------------------------------------- times


@lru_cache(maxsize=1 << 12)
def sentences(text: str) -> tuple[tuple[str, int], ...]:
    """Sentences with their offsets; abbreviations such as "Mr." and "No." do not end one.

    Cached: each paragraph is read for times, chair, speakers, delegations and attendance in turn."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        word = text[max(start, m.start() - 6) : m.start()].rsplit(" ", 1)[-1].casefold()
        if m.group(0) == "." and (word in _abbreviations() or (len(word) == 1 and word.isalpha())):
            continue
        out.append((text[start : m.end()], start))
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        out.append((text[start:], start))
    return tuple(out)


def _times(tree: SectionTree, out: ParsedDocument, c: Cues) -> None:
    lang = tree.language
    meta = out.meta
    time_labels = tuple(w.casefold() for w in c.programme_labels["time"])
    cue_list = [(kind, phrase.casefold()) for kind, phrases in c.time_cues.items() for phrase in phrases]
    slot_spans: set[tuple[int, str]] = set()
    for s in tree.sections:
        if s.kind == "slot" and s.heading_raw:
            for r in find_ranges(s.heading_raw, lang)[:1]:
                out.times.append(
                    TimeRow(
                        s.section_id, r.start.raw, s.start or r.start.time, "slot_start", s.heading_page or 0
                    )
                )
                out.times.append(
                    TimeRow(s.section_id, r.end.raw, s.end or r.end.time, "slot_end", s.heading_page or 0)
                )
            slot_spans.add((s.section_id, s.heading_raw))
    for section, para in tree.walk():
        text = para.text
        head = text.split(":", 1)[0].strip().casefold()
        if ":" in text[:20] and head in time_labels:
            ranges = find_ranges(text, lang)
            if ranges:
                meta.scheduled_start = meta.scheduled_start or ranges[0].start.time
                meta.scheduled_end = meta.scheduled_end or ranges[0].end.time
                out.times.append(
                    TimeRow(
                        section.section_id,
                        ranges[0].start.raw,
                        ranges[0].start.time,
                        "scheduled_start",
                        para.page,
                    )
                )
                out.times.append(
                    TimeRow(
                        section.section_id, ranges[0].end.raw, ranges[0].end.time, "scheduled_end", para.page
                    )
                )
                continue
        for sentence, _ in sentences(text):
            low = sentence.casefold()
            for t in find_times(sentence, lang):
                kind = _time_kind(low, t.start, t.end, cue_list)
                out.times.append(TimeRow(section.section_id, t.raw, t.time, kind, para.page))
                if kind == "call_to_order" and meta.start_time is None:
                    meta.start_time = t.time
                elif kind == "adjournment":
                    meta.end_time = t.time
                elif kind == "scheduled_start" and meta.scheduled_start is None:
                    meta.scheduled_start = t.time


def _time_kind(low: str, start: int, end: int, cue_list: list[tuple[str, str]]) -> str:
    """The cue nearest the time in its sentence decides; a cue before the time weighs more."""
    others = tuple(phrase for kind, phrase in cue_list if kind == "other")
    if others and _compiled(rf"\b(?:{alternation(others)})\b").search(low):
        return "other"
    best: tuple[float, str] | None = None
    for kind, phrase in cue_list:
        at = low.find(phrase)
        while at >= 0 and phrase:
            if at + len(phrase) <= start:
                distance: float = start - at - len(phrase)
            elif at >= end:
                distance = (at - end) + 25
            else:
                distance = -1
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, kind)
            at = low.find(phrase, at + len(phrase))
    return best[1] if best and best[0] < 120 else "other"


# ---------------------------------------------------------------- chair, venue, speakers


def _chair_and_venue(tree: SectionTree, meta: Metadata, c: Cues, lang: str) -> Person | None:
    """Sets chair and venue from the opening paragraphs; returns the chair's apposition (post, state).

    Summaries say who presided in the preamble; minutes may say it after a title block that reads as
    a heading ("Presidió la sesión el Embajador …"), so the first paragraphs of the first sections
    are read too."""
    opening = list(tree.sections[0].paragraphs)
    for section in tree.sections[1:4]:
        opening += section.paragraphs[:8]
    chair = None
    chair_cue = _any_of(c.chair_cues)
    for para in opening:
        for sentence, _ in sentences(DOT_LEADER.sub(" … ", para.text)):
            low = sentence.casefold()
            if chair is None and chair_cue.search(low):
                chair = _chair_in(sentence, c, lang)
                meta.chair = chair.name if chair else None
            if meta.venue is None and para in tree.sections[0].paragraphs:
                meta.venue = _venue(sentence, c)
    return chair


def _chair_in(sentence: str, c: Cues, lang: str) -> Person | None:
    for m in re.finditer(rf"(?:(?<=^)|(?<=[\s(']))(?=[{UPPER}])", sentence):
        p = person_at(sentence, m.start(), lang)
        if p is None:
            continue
        # the first person named where presiding is said (a vice chair comes after), in the chairing post
        apposition = sentence[p.start : p.end].split(",", 1)[-1]
        return replace(p, role=chairing_post(apposition, lang) or c.chair_words[0])
    for cue in c.chair_cues:  # a record's masthead: "President: Mr. Ali Abdussalam Treki …… (Libya)"
        if cue.endswith(":") and sentence.startswith(cue):
            rest = sentence[len(cue) :].strip()
            name = strip_honorifics(rest, lang)
            run = re.match(r"[^(…]+", name)  # the name runs to the dot leaders or the bracketed state
            if run and run.group(0).strip() and name != rest:
                place = re.search(r"\(([^)]+)\)", name[run.end() :])
                found = find_countries(place.group(1), lang) if place else []
                post = cue.rstrip(": ")
                return Person(run.group(0).strip(), post, None, found[0].iso if found else None, 0, 0)
    return None


def _venue(sentence: str, c: Cues) -> str | None:
    words = alternation(c.venue_words)
    link = r"(?:of the|of|de las|de los|de la|del|de|des|du|da|das|do|dos|y|e|and)"
    name = rf"[{UPPER}][\w'’.-]+(?:\s+(?:{link}\s+)?[{UPPER}][\w'’.-]+){{0,4}}"
    before = _compiled(rf"\b(?:{words})\s+(?:{link}\s+|l')?{name}").search(sentence)
    after = _compiled(rf"{name}\s+(?:{words})\b").search(sentence)
    for m in (before, after):
        if m:
            venue = m.group(0).strip()
            venue = re.sub(r"^(?:The|the)\s+", "", venue)
            return venue
    return None


def _speakers(tree: SectionTree, out: ParsedDocument, c: Cues, lang: str, chair: Person | None) -> None:
    cue_words = longest_first(c.remarks_cues)
    by_cue = _by_cue(cue_words)
    any_cue = _any_of(cue_words)
    chair_cue = _any_of(c.chair_cues)
    seen: set[str] = set()

    def add(section: Section, person: Person, page: int) -> None:
        if chair is not None and person.name == chair.name:  # the chair speaks in the chairing post
            person = replace(person, role=chair.role, country=chair.country or person.country)
        out.speakers.append(
            SpeakerRow(
                section.section_id, person.name, person.role, person.organization, person.country, page
            )
        )
        seen.add(person.name)

    for section in tree.sections:
        if section.kind == "slot" and section.heading:
            p = person_at(section.heading, 0, lang)
            if p is not None:
                add(section, p, section.heading_page or 0)
        for para in section.paragraphs:
            if section.kind == "preamble" and para is section.paragraphs[0]:
                continue
            if para.bullet:
                p = _programme_person(para.text, cue_words, lang)
                if p is not None:
                    add(section, p, para.page)
                continue
            for sentence, _ in sentences(para.text):
                low = sentence.casefold()
                if chair_cue.search(low):
                    continue  # who presided is not who spoke
                for start in _sentence_starts(sentence):
                    p = person_at(sentence, start, lang, need_verb=True)
                    if p is not None:
                        add(section, p, para.page)
                        break
                if not any_cue.search(low):
                    continue
                for m in by_cue.finditer(sentence):  # "received a presentation by Dr. X, Post, Org"
                    p = person_at(sentence, m.end(), lang)
                    if p is not None:
                        add(section, p, para.page)
    if chair is not None and chair.name not in seen and _chair_spoke(tree, c):
        section = next((s for s in tree.sections if s.section_id > 0), tree.sections[0])
        add(section, chair, section.page_start or 1)


@cache
def _by_cue(cue_words: Words) -> re.Pattern[str]:
    """A cue that introduces a speaker ("presentation by", "palabras de"), the name after it."""
    return re.compile(rf"\b(?:{alternation(cue_words)})\s+(?=\S)", re.IGNORECASE)


OPENING_PHRASE = re.compile(r"^[^,]{0,40},\s+")


def _sentence_starts(sentence: str) -> list[int]:
    """Where a speaking subject may stand: the sentence start, or after an opening phrase and comma."""
    starts = [0]
    m = OPENING_PHRASE.match(sentence)
    if m:
        starts.append(m.end())
    return starts


def _programme_person(text: str, cue_words: Words, lang: str) -> Person | None:
    """A programme line: "• Remarks by Ambassador X, Post", "• X, Post, Org (link)"."""
    body = re.sub(r"^\S+\s+", "", text, count=1) if not text[:1].isupper() else text
    candidates = []
    for cue in (cue for cue in cue_words if cue in body):
        for m in _compiled(rf"(?:^|\s|,\s){re.escape(cue)}\s+").finditer(body):
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
    subjects = c.chair_subject
    verbs = {v.casefold() for v in c.speech_verbs}
    for section, para in tree.walk():
        if section.section_id == 0 and para is section.paragraphs[0]:
            continue
        for subject in (s for s in subjects if s in para.text):
            for m in _compiled(rf"\b{re.escape(subject)}\s+(\w+(?:\s\w+)?)").finditer(para.text):
                words = m.group(1).casefold().split()
                if words[0] in verbs or " ".join(words) in verbs:
                    return True
    for section in tree.sections:
        for para in section.paragraphs:
            if para.bullet and any(s.casefold() in para.text.casefold() for s in subjects):
                return True
    return False


# ---------------------------------------------------------------- delegations and attendance


def _delegations(tree: SectionTree, out: ParsedDocument, c: Cues, lang: str) -> None:
    """States whose delegation spoke: every state in a "took the floor" sentence about delegations,
    and a state right after "the delegation of" / "the representative of" anywhere."""
    nouns = [x.casefold() for x in c.delegation_nouns]
    list_verbs = [x.casefold() for x in c.delegation_list_verbs]
    single = tuple(x.casefold() + " " for x in c.delegation_single)
    quorum = _any_of(c.quorum_cues)
    not_after = tuple(x.casefold() + " " for x in c.not_delegation_after if len(x) > 3)
    articles = alternation(c.country_articles)
    for section, para in tree.walk():
        mentions = find_countries(para.text, lang)  # once per paragraph, then shared out by sentence
        if not mentions:
            continue
        for sentence, at in sentences(para.text):
            found = [cm for cm in mentions if at <= cm.start and cm.end <= at + len(sentence)]
            low = sentence.casefold()
            if not found or quorum.search(low):
                continue
            is_list = any(v in low for v in list_verbs) and any(n in low for n in nouns)
            for cm in found:
                before = low[max(0, cm.start - at - 60) : cm.start - at]
                before = _compiled(rf"(?:\b(?:{articles})\s*|l')$").sub("", before.rstrip()).rstrip() + " "
                listed = is_list and not before.endswith(not_after)
                if listed or before.endswith(single):
                    out.delegations.append(DelegationRow(section.section_id, cm.iso, para.page))


def _attendance(tree: SectionTree, c: Cues, lang: str) -> tuple[list[str], list[Person]]:
    """States recorded present, and the delegates listed with their post and state.

    The quorum sentence names states; a list after its cue names them one or more per line
    ("Argentina  Bahamas") or one delegate per entry ("Embajador Diego Pary, Representante Permanente
    de Bolivia y / Vicepresidente del Consejo Permanente."), an entry running over lines."""
    quorum = _any_of(c.quorum_cues)
    chair = _any_of(c.chair_cues)
    found: list[str] = []
    roster: list[Person] = []
    paragraphs: list[Paragraph] = [p for _, p in tree.walk()]
    for i, para in enumerate(paragraphs):
        if not quorum.search(para.text.casefold()):
            continue
        for sentence, _ in sentences(para.text):
            low = sentence.casefold()
            if quorum.search(low) and not chair.search(low):
                found += [cm.iso for cm in find_countries(sentence, lang)]
        cue_lines = [j for j, ln in enumerate(para.lines) if quorum.search(ln.text.casefold())]
        cue_line = cue_lines[-1] if cue_lines else len(para.lines) - 1
        lines = [ln.text for ln in para.lines[cue_line + 1 :]] + [
            ln.text for p in paragraphs[i + 1 :] for ln in p.lines
        ]
        countries, delegates = _listed(lines, lang)
        found += countries
        roster += delegates
    return list(dict.fromkeys(found)), roster


def _listed(lines: list[str], lang: str) -> tuple[list[str], list[Person]]:
    """Read a list of states or of delegates until a line that is neither."""
    countries: list[str] = []
    delegates: list[Person] = []
    entry = ""
    counted = False  # whether the entry being read already gave a delegate
    misses = 0  # entries in a row that named no state: a garbled line is passed over, two end the list
    for line in lines:
        mentions = find_countries(line, lang)
        covered = sum(m.end - m.start for m in mentions)
        if mentions and covered >= 0.6 * len(line.replace(" ", "")):
            countries += [m.iso for m in mentions]
            entry, counted = "", False
            continue
        if entry and (_runs_on(entry) or line[:1].islower()):
            entry = f"{entry} {line}"  # the entry runs over to this line: read it again whole
            if counted:
                delegates.pop()
        else:
            entry = line
        counted = False
        person = person_at(entry, 0, lang)
        if person is None or person.country is None:
            if entry != line or _runs_on(entry):
                continue
            misses += 1
            if misses == 2:
                break
            continue
        misses = 0
        delegates.append(person)
        counted = True
    countries += [p.country for p in delegates if p.country]
    return countries, delegates


def _runs_on(entry: str) -> bool:
    return entry.rstrip().endswith((",", " y", " e", " et", " and", "-"))


def _interventions(
    tree: SectionTree, out: ParsedDocument, lang: str, roster: list[Person], chair: Person | None
) -> None:
    """Turns of near-verbatim minutes; each speaking state is also a delegation that took the floor,
    and each person the record names is a speaker."""
    spoken: set[tuple[int, str]] = set()
    for section in tree.sections:
        current: Intervention | None = None
        for para in section.paragraphs:
            label = find_label(para.text, lang)
            if label is None:
                if current is not None:
                    current.text += "\n" + para.text
                continue
            if current is not None:
                out.interventions.append(current)
            person = label.person or (chair.name if label.is_chair and chair else _delegate(roster, label))
            current = Intervention(
                section.section_id, len(out.interventions), label.label, label.country, person,
                para.text[label.end :], para.page,
            )  # fmt: skip
            if label.country and not label.is_chair:
                out.delegations.append(DelegationRow(section.section_id, label.country, para.page))
            if person and (section.section_id, person) not in spoken:
                spoken.add((section.section_id, person))
                role = label.role.capitalize() if label.role else None
                if label.is_chair and chair:
                    role = chair.role
                out.speakers.append(
                    SpeakerRow(section.section_id, person, role, None, label.country, para.page)
                )
        if current is not None:
            out.interventions.append(current)
    for order, turn in enumerate(out.interventions):
        turn.order = order


def _delegate(roster: list[Person], label: Label) -> str | None:
    """The delegate of the label's state, by post when the state sent several."""
    same = [p for p in roster if p.country and p.country == label.country]
    if len(same) > 1 and label.role:
        by_post = [p for p in same if p.role and p.role.casefold() == label.role.casefold()]
        same = by_post or same[:0]
    return same[0].name if len(same) == 1 else None
