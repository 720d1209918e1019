"""Interventions: the speaker turns of near-verbatim minutes. A turn starts at a paragraph that opens
with a speaker label ("El REPRESENTANTE PERMANENTE DE MÉXICO:", recognised in pipeline.recognise.turns)
and runs to the next label or the section's end. Each speaking state is also a delegation that took
the floor, and each person a turn names is a speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.document import DelegationRow, Intervention, Paragraph, Section, SectionTree, SpeakerRow
from pipeline.families import families
from pipeline.recognise.people import Person
from pipeline.recognise.turns import Label, find_label


@dataclass
class Turns:
    """The turns, and the delegations and speakers they add to the other rooms' rows."""

    interventions: list[Intervention] = field(default_factory=list)
    delegations: list[DelegationRow] = field(default_factory=list)
    speakers: list[SpeakerRow] = field(default_factory=list)
    spoken: set[tuple[int, str]] = field(default_factory=set)  # (section, person) already a speaker

    def start(
        self, section: Section, para: Paragraph, label: Label, person: str | None, chair: Person | None
    ) -> None:
        """A labelled paragraph: a new turn, its state a delegation, its person a speaker once per section."""
        text = para.text[label.end :]
        order = len(self.interventions)
        self.interventions.append(
            Intervention(section.section_id, order, label.label, label.country, person, text, para.page)
        )
        if label.country and not label.is_chair:
            self.delegations.append(DelegationRow(section.section_id, label.country, para.page))
        if person and (section.section_id, person) not in self.spoken:
            self.spoken.add((section.section_id, person))
            role = label.role.capitalize() if label.role else None
            country = label.country
            if label.is_chair and chair:  # the chair speaks in the chairing post, for their state
                role, country = chair.role, chair.country or country
            self.speakers.append(SpeakerRow(section.section_id, person, role, None, country, para.page))


def read_interventions(tree: SectionTree, roster: list[Person], chair: Person | None) -> Turns:
    """Every turn in document order; a paragraph without a label continues the turn before it.

    The person of a turn is the one its label names, else the chair for the chair's label, else the
    delegate the attendance list gives for the label's state."""
    turns = Turns()
    family = families()[tree.family]
    for section in tree.sections:
        in_turn = False
        for para in section.paragraphs:
            label = find_label(para.text, tree.language, family)
            if label is None:
                if in_turn:
                    turns.interventions[-1].text += "\n" + para.text
                continue
            person = label.person or (chair.name if label.is_chair and chair else _delegate(roster, label))
            turns.start(section, para, label, person, chair)
            in_turn = True
    for order, turn in enumerate(turns.interventions):
        turn.order = order
    return turns


def _delegate(roster: list[Person], label: Label) -> str | None:
    """The delegate of the label's state, by post when the state sent several."""
    same = [p for p in roster if p.country and p.country == label.country]
    if len(same) > 1 and label.role:
        by_post = [p for p in same if p.role and p.role.casefold() == label.role.casefold()]
        same = by_post or same[:0]
    return same[0].name if len(same) == 1 else None
