"""Interventions: the speaker turns of near-verbatim minutes. A turn starts at a paragraph that opens
with a speaker label ("El REPRESENTANTE PERMANENTE DE MÉXICO:", recognised in pipeline.recognise.turns)
and runs to the next label or the section's end. Each speaking state is also a delegation that took
the floor, and each person a turn names is a speaker: named by the label, or for a label that prints a
post, the one person the attendance list gives in that post for that state, the one the presence
sentences give in that post, or the one the chair just gave the floor to (pipeline.parse.posts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pipeline.cues import Cues
from pipeline.document import DelegationRow, Intervention, Paragraph, Section, SectionTree, SpeakerRow
from pipeline.families import families
from pipeline.parse.posts import by_post, floor_given, read_holders
from pipeline.recognise.people import Person
from pipeline.recognise.turns import Label, find_label, fold

POST_WORD = 0.8  # folded similarity at which two words of a post are one ("Alterno"/"Alterna", a typo)


@dataclass
class Turns:
    """The turns, and the delegations and speakers they add to the other rooms' rows."""

    interventions: list[Intervention] = field(default_factory=list)
    delegations: list[DelegationRow] = field(default_factory=list)
    speakers: list[SpeakerRow] = field(default_factory=list)
    spoken: set[tuple[int, str]] = field(default_factory=set)  # (section, person) already a speaker

    def start(
        self,
        section: Section,
        para: Paragraph,
        label: Label,
        person: str | Person | None,
        chair: Person | None,
    ) -> None:
        """A labelled paragraph: a new turn, its state a delegation, its person a speaker once per section
        (a person found through their post speaks in it, with its organization)."""
        held = person if isinstance(person, Person) else None
        name = person.name if isinstance(person, Person) else person
        text = para.text[label.end :]
        order = len(self.interventions)
        self.interventions.append(
            Intervention(section.section_id, order, label.label, label.country, name, text, para.page)
        )
        if label.country and not label.is_chair:
            self.delegations.append(DelegationRow(section.section_id, label.country, para.page))
        if name and (section.section_id, name) not in self.spoken:
            self.spoken.add((section.section_id, name))
            role = label.role.capitalize() if label.role else None
            country, organization = label.country, None
            if label.is_chair and chair:  # the chair speaks in the chairing post, for their state
                role, country = chair.role, chair.country or country
            if held:
                role, organization, country = held.role, held.organization, held.country or country
            row = SpeakerRow(section.section_id, name, role, organization, country, para.page)
            self.speakers.append(row)


def read_interventions(tree: SectionTree, c: Cues, roster: list[Person], chair: Person | None) -> Turns:
    """Every turn in document order; a paragraph without a label continues the turn before it.

    The person of a turn is the one its label names, else the chair for the chair's label, else the
    delegate the attendance list gives for the label's state and post, else the one person found
    through the post alone."""
    turns = Turns()
    family = families()[tree.family]
    holders = read_holders(tree, c)
    opening = " ".join(p.text for s in tree.sections[:2] for p in s.paragraphs)
    previous = ""
    for section in tree.sections:
        in_turn = False
        for para in section.paragraphs:
            label = find_label(para.text, tree.language, family)
            if label is None:
                if in_turn:
                    turns.interventions[-1].text += "\n" + para.text
                previous = para.text
                continue
            person: str | Person | None = label.person or (
                chair.name if label.is_chair and chair else _delegate(roster, label)
            )
            if person is None and not label.is_chair and label.role:
                person = by_post(holders, label, opening, tree.language) or floor_given(
                    previous, label, c, tree.language
                )
            turns.start(section, para, label, person, chair)
            in_turn, previous = True, para.text
    return turns


def _delegate(roster: list[Person], label: Label) -> str | None:
    """The delegate of the label's state, by post when the state sent several; one whose post the
    label's does not fit is not them ("El DIRECTOR GENERAL DE … DE LA ARGENTINA" is not the
    Representante Interino of Argentina)."""
    same = [p for p in roster if p.country and p.country == label.country]
    if len(same) > 1 and label.role:
        exact = [p for p in same if p.role and p.role.casefold() == label.role.casefold()]
        same = exact or same[:0]
    elif same and label.role and not (same[0].role and _fits(label.role, same[0].role)):
        return None
    return same[0].name if len(same) == 1 else None


def _fits(label_post: str, post: str) -> bool:
    """Whether a label's post may be the listed one: word by word from the start, the label's words
    no more than the list's ("REPRESENTANTE" fits "Representante Permanente")."""
    said, listed = fold(label_post).split(), fold(post).split()
    return len(said) <= len(listed) and all(_same_word(a, b) for a, b in zip(said, listed, strict=False))


def _same_word(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= POST_WORD
