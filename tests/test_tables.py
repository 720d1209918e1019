"""A table's columns are declared once: the row dataclasses, the writer and pipeline.tables agree, and
docs/TABLES.md is what pipeline.tables generates."""

from __future__ import annotations

import pytest
from conftest import ROOT

from pipeline.batch.task import Task
from pipeline.document import (
    DelegationRow,
    Footnote,
    Intervention,
    LinkRow,
    Metadata,
    PageSource,
    RefRow,
    Section,
    SectionTree,
    SpeakerRow,
    TimeRow,
)
from pipeline.link import FILLS
from pipeline.tables import TABLES, assembled_tables, dictionary_markdown, parsed_columns
from pipeline.write import table_columns

ROW_TYPES = {
    "sections": Section,
    "speakers": SpeakerRow,
    "delegations": DelegationRow,
    "refs": RefRow,
    "times": TimeRow,
    "links": LinkRow,
    "footnotes": Footnote,
    "interventions": Intervention,
    "pages": PageSource,
}
MADE_BY_THE_WRITER = {"refs": ["symbol_key", "base_key"]}  # keys of the symbol (pipeline.write)


def columns(table: str) -> list[str]:
    """The columns a document's rows give; the archive-wide ones are pipeline.link's (below)."""
    return parsed_columns(table)


@pytest.mark.parametrize("table", sorted(ROW_TYPES))
def test_a_row_dataclass_gives_exactly_its_tables_columns(table: str):
    given = ["doc_id", *table_columns(ROW_TYPES[table]), *MADE_BY_THE_WRITER.get(table, [])]
    assert sorted(given) == sorted(columns(table))
    assert len(given) == len(set(given))


def test_the_documents_row_is_the_file_facts_the_metadata_and_the_family():
    file_facts = [*Task("a.pdf", "a.pdf").header(None), "status", "error", "pages", "warnings", "ocr_pages"]
    given = [*file_facts, *table_columns(Metadata), *table_columns(SectionTree), "symbol_key"]
    assert sorted(given) == sorted(columns("documents"))


def test_every_table_is_written_by_someone():
    assert set(TABLES) == {"documents", "attendance", *ROW_TYPES, *assembled_tables()}
    assert assembled_tables() == ["people"]


def test_the_columns_set_at_assembly_are_exactly_the_ones_the_linker_fills():
    declared = {table: tuple(c.name for c in cols if c.assembled) for table, (_, cols) in TABLES.items()}
    assert {t: c for t, c in declared.items() if c} == FILLS


def test_the_data_dictionary_is_current():
    written = (ROOT / "docs" / "TABLES.md").read_text(encoding="utf-8")
    assert written.strip() == dictionary_markdown().strip(), "run: python -m pipeline.tables > docs/TABLES.md"
