"""Parse stage: SectionTree in, ParsedDocument out.

Each room reads one family of fields the way an analyst does: the document's facts from the cover
block and preamble (facts), the symbols it cites and its links (refs), its times and what they mark
(times), who presided and who spoke (speakers), the states that took the floor and those present
(states), and the turns of near-verbatim minutes (interventions). Each is a function of the tree and
the language's cues to its rows; the text-level recognisers they share are in pipeline.recognise.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.document import ParsedDocument, SectionTree
from pipeline.language import cues
from pipeline.parse.facts import read_facts, records_meeting
from pipeline.parse.interventions import read_interventions
from pipeline.parse.refs import read_links, read_refs
from pipeline.parse.speakers import read_chair, read_speakers
from pipeline.parse.states import read_attendance, read_delegations
from pipeline.parse.times import read_times


def parse(tree: SectionTree) -> ParsedDocument:
    """Every room's rows for one document. The chair is read before the speakers (they speak in the
    chairing post) and the attendance list before the turns (it names the delegates who speak). A
    document that records no meeting (a resolution, a letter: its kind) gets its facts, refs and links
    only: no chair, times, speakers, delegations or attendance are read into it."""
    c = cues(tree.language)
    facts = read_facts(tree, c)
    meta = facts
    refs, links = read_refs(tree, facts.symbol), read_links(tree)
    if not records_meeting(facts.kind):
        return ParsedDocument(meta=meta, tree=tree, refs=refs, links=links)
    clock = read_times(tree, c)
    chair = read_chair(tree, c)
    present = read_attendance(tree, c, chair)
    turns = read_interventions(tree, c, present.roster, chair)
    meta = replace(
        facts,
        chair=chair.name if chair else None,
        scheduled_start=facts.scheduled_start or clock.scheduled_start,
        scheduled_end=clock.scheduled_end,
        start_time=clock.start_time,
        end_time=clock.end_time,
    )
    return ParsedDocument(
        meta=meta,
        tree=tree,
        refs=refs,
        times=clock.rows,
        speakers=read_speakers(tree, c, chair) + turns.speakers,
        delegations=read_delegations(tree, c) + turns.delegations,
        attendance=present.states,
        links=links,
        interventions=turns.interventions,
    )
