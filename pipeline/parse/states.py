"""States: delegations that took the floor (from the sentences that say so) and states recorded
present (from the quorum sentence and the list after it, with the delegates it names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.cues import Cues, alternation
from pipeline.document import DelegationRow, Paragraph, SectionTree
from pipeline.families import families
from pipeline.language import every_language
from pipeline.parse.common import DOT_LEADER, any_of, compiled
from pipeline.recognise.countries import find_countries
from pipeline.recognise.people import Person, person_at
from pipeline.recognise.sentences import sentences
from pipeline.recognise.turns import find_label

# Characters before a state read for "the delegation of" and the like.
LOOK_BEHIND = 60
# A line is a list of states when their names cover this share of its letters.
STATES_LINE_SHARE = 0.6
# Entries in a row that name no state before a list is over (one garbled line is passed over).
LIST_END_MISSES = 2
# A members table's leaders: two dots or more ("Northern Ireland . . Ms. Pierce"), where a state's name
# holds one at most ("St. Lucia").
MEMBER_LEADER = re.compile(r"\s*(?:\.\s?){2,}")


@dataclass(frozen=True)
class Attendance:
    """States recorded present, and the delegates listed with their post and state (the roster that
    names the speakers of near-verbatim minutes)."""

    states: list[str]
    roster: list[Person]


def read_delegations(tree: SectionTree, c: Cues) -> list[DelegationRow]:
    """States whose delegation spoke: every state in a "took the floor" sentence about delegations,
    and a state right after "the delegation of" / "the representative of" anywhere.

    In a family whose turns are labelled with their state (a UN verbatim record), the labels alone
    say who spoke (pipeline.parse.interventions): a state named inside a speech ("the statement
    delivered by the representative of Uganda", "we thank the delegation of the Netherlands") did not."""
    if families()[tree.family].delegations_by_turns:
        return []
    lang = tree.language
    nouns = [x.casefold() for x in c.delegation_nouns]
    list_verbs = [x.casefold() for x in c.delegation_list_verbs]
    single = tuple(x.casefold() + " " for x in c.delegation_single)
    quorum = any_of(c.quorum_cues)
    not_after = tuple(x.casefold() + " " for x in c.not_delegation_after if len(x) > 3)
    article = compiled(rf"(?:\b(?:{alternation(c.country_articles)})\s*|l')$")
    rows: list[DelegationRow] = []
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
            speaker = _summary_speaker(sentence, c, lang)
            if speaker:
                rows.append(DelegationRow(section.section_id, speaker, para.page))
            for cm in found:
                before = low[max(0, cm.start - at - LOOK_BEHIND) : cm.start - at]
                before = article.sub("", before.rstrip()).rstrip() + " "
                listed = is_list and not before.endswith(not_after)
                if listed or before.endswith(single):
                    rows.append(DelegationRow(section.section_id, cm.iso, para.page))
    return rows


def _summary_speaker(sentence: str, c: Cues, lang: str) -> str | None:
    """The state of a summary record's speaker: a sentence that opens with the delegate and their
    state in brackets, then what they did ("Mr. Adeyemi (Nigeria) said that …", "El Sr. Adeyemi
    (Nigeria) dice que …", "Mme Tremblay (Canada), parlant au nom de …, déclare que …")."""
    m = _summary_speaker_pattern(c).match(sentence)
    if m is None:
        return None
    found = find_countries(m.group("state"), lang)
    return found[0].iso if found else None


@cache
def _summary_speaker_pattern(c: Cues) -> re.Pattern[str]:
    """Built once per language: it is tried on every sentence that names a state."""
    return re.compile(
        rf"^(?i:(?:{alternation(c.country_articles)})\s+)?(?:{alternation(c.honorifics)})\s+"
        r"[^()\n]{1,60}?\((?P<state>[^()]+)\)(?:\s*\([^()]*\))?(?:,[^,]{1,160},)?\s+"
        rf"(?:{alternation(c.summary_verbs)})\b"
    )


def read_attendance(tree: SectionTree, c: Cues, chair: Person | None = None) -> Attendance:
    """States recorded present, and the delegates listed with their post and state.

    The quorum sentence names states; a list after its cue names them one or more per line
    ("Argentina  Bahamas") or one delegate per entry ("Embajador Diego Pary, Representante Permanente
    de Bolivia y / Vicepresidente del Consejo Permanente."), an entry running over lines; a members
    table ("Members: China …… Mr. Ma Zhaoxu") names them one per line. The chair's own state is
    present too where the record says who was (a bare count of states names none)."""
    found, roster = _quorum_lists(tree, c)
    found += _members(tree)
    if found and chair is not None and chair.country:
        found.append(chair.country)
    return Attendance(list(dict.fromkeys(found)), roster)


@dataclass(frozen=True)
class _AttendanceCues:
    """What says a passage records who was present: a quorum phrase ("were represented"), a label
    opening a line ("Attendance:", "Presentes"), or a list phrase with a word of presence in the same
    sentence ("the following Member States" … "participated", "siguientes Estados Miembros" …
    "asistieron"), however the sentence is ordered."""

    quorum: re.Pattern[str]  # matched against casefolded text
    label: re.Pattern[str]
    lists: re.Pattern[str]  # casefolded
    presence: re.Pattern[str]  # casefolded, whole words
    not_present: re.Pattern[str]  # casefolded: a chair or a floor-taking sentence is not attendance

    @staticmethod
    def of(c: Cues, chair_lines: tuple[str, ...]) -> _AttendanceCues:
        return _AttendanceCues(
            any_of(c.quorum_cues),
            compiled(rf"(?i)^(?:{alternation(c.attendance_labels)})\s*(?::|$)"),
            any_of(c.attendance_lists),
            compiled(rf"\b(?:{alternation(w.casefold() for w in c.presence_words)})\b"),
            any_of(c.chair_cues + chair_lines + c.delegation_list_verbs),
        )

    def says_present(self, text: str) -> bool:
        """Whether a sentence (or a paragraph) says who was present."""
        low = text.casefold()
        if self.label.match(text.strip()):
            return True
        return bool(self.quorum.search(low) or (self.lists.search(low) and self.presence.search(low)))

    def opens_list(self, line: str) -> bool:
        """Whether a printed line holds the cue a list of those present follows."""
        low = line.casefold()
        return bool(self.label.match(line.strip()) or self.quorum.search(low) or self.lists.search(low))


def _quorum_lists(tree: SectionTree, c: Cues) -> tuple[list[str], list[Person]]:
    """The states of the quorum sentences and of the lists after them, and the delegates listed.

    Only paragraphs outside speaker turns are read for the cue: inside a speech "la Asistencia
    Recíproca" or "los riesgos presentes" say nothing of who attended."""
    lang = tree.language
    cue = _AttendanceCues.of(c, families()[tree.family].chair_lines)
    observer = compiled(f"(?i:{alternation(c.observer_cues)})")
    found: list[str] = []
    roster: list[Person] = []
    paragraphs: list[Paragraph] = [p for _, p in tree.walk()]
    outside = {id(p) for p in _outside_turns(tree)}
    for i, para in enumerate(paragraphs):
        if id(para) not in outside or not cue.says_present(para.text):
            continue
        for sentence, _ in sentences(para.text):
            if cue.says_present(sentence) and not cue.not_present.search(sentence.casefold()):
                members = observer.split(sentence, 1)[0]  # the observers named after them are not
                found += [cm.iso for cm in find_countries(members, lang)]
        cue_lines = [j for j, ln in enumerate(para.lines) if cue.opens_list(ln.text)]
        cue_line = cue_lines[-1] if cue_lines else len(para.lines) - 1
        lines = [ln.text for ln in para.lines[cue_line + 1 :]] + [
            ln.text for p in paragraphs[i + 1 :] for ln in p.lines
        ]
        countries, delegates = _listed(lines, lang, observer)
        found += countries
        roster += delegates
    return found, roster


def _outside_turns(tree: SectionTree) -> list[Paragraph]:
    """The paragraphs before the first speaker turn of their section (a turn runs to the section's end)."""
    out: list[Paragraph] = []
    family = families()[tree.family]
    for section in tree.sections:
        for para in section.paragraphs:
            if find_label(para.text, tree.language, family) is not None:
                break
            out.append(para)
    return out


def _members(tree: SectionTree) -> list[str]:
    """The states of a members table: after the family's label ("Members:"), one state per line,
    each before its dot leaders and representative, until a line that is not a state."""
    labels = tuple(x.casefold() for x in families()[tree.family].members_labels)
    if not labels:
        return []
    lines = [ln.text for _, p in tree.walk() for ln in p.lines]
    start = next((i for i, ln in enumerate(lines) if ln.casefold().startswith(labels)), None)
    if start is None:
        return []
    first = lines[start].split(":", 1)[1]
    found: list[str] = []
    for line in [first, *lines[start + 1 :]]:
        head = MEMBER_LEADER.split(line, 1)[0].strip(" .")
        mentions = find_countries(head, tree.language)
        if not mentions or mentions[0].start > 0 or mentions[-1].end < len(head):
            break  # the line is not a state standing alone: the table is over
        found += [m.iso for m in mentions]
    return found


def _all_states(text: str, lang: str) -> list[str]:
    """The states a line names when state names are most of its letters (a list line), else none."""
    mentions = find_countries(text, lang)
    covered = sum(m.end - m.start for m in mentions)
    if mentions and covered >= STATES_LINE_SHARE * len(text.replace(" ", "")):
        return [m.iso for m in mentions]
    return []


def _listed(lines: list[str], lang: str, observer: re.Pattern[str]) -> tuple[list[str], list[Person]]:
    """Read a list of states or of delegates until a line that is neither, or that opens the
    observers ("Permanent Observers:", "Observadores Permanentes"): they are not present as members."""
    countries: list[str] = []
    delegates: list[Person] = []
    entry = ""
    counted = False  # whether the entry being read already gave a delegate
    misses = 0  # entries in a row that named no state: a garbled line is passed over, two end the list
    for line in lines:
        if observer.match(line.strip()):
            break
        listed = _all_states(DOT_LEADER.sub(" ", line), lang)
        if listed:
            countries += listed
            entry, counted, misses = "", False, 0  # a line passed over inside the list does not add up
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
            if misses == LIST_END_MISSES:
                break
            continue
        misses = 0
        delegates.append(person)
        counted = True
    countries += [p.country for p in delegates if p.country]
    return countries, delegates


def _runs_on(entry: str) -> bool:
    """Whether a list entry goes on to the next line (it ends in a comma, a conjunction or a hyphen)."""
    return entry.rstrip().endswith((",", "-", *(" " + word for word in every_language("and_words"))))
