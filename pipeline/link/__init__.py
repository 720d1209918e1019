"""Archive-wide links, made when the tables are assembled: one id per person across every document
(people table, person_id) and one id per meeting across its editions (documents.meeting_id).

They belong to assembly, not to the parse stage: whose surname "Kraljevich" is, or which documents
are the editions of one meeting, depends on the whole archive, which no single document sees.
"""

from __future__ import annotations

from typing import Any

from pipeline.link.archive import link_people
from pipeline.link.editions import link_editions

# the columns and tables pipeline.link fills (tests hold them against pipeline.tables' `assembled`)
FILLS = {
    "documents": ("meeting_id", "chair_person_id"),
    "speakers": ("person_id",),
    "interventions": ("person_id",),
    "people": ("person_id", "name", "names", "aliases", "country", "first_seen", "last_seen", "documents"),
}


def link_archive(con: Any) -> None:
    """Fill the assembled columns and tables of a DuckDB file whose per-document rows are in."""
    link_editions(con)
    link_people(con)
