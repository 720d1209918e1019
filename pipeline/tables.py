"""The output tables: every column with its type, meaning and an example.

This one definition gives the Parquet schemas (so an empty table still has its columns), the DuckDB
tables and the data dictionary in docs/TABLES.md (`python -m pipeline.tables > docs/TABLES.md`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    about: str
    example: str
    # filled when the archive's tables are assembled (pipeline.link), not by a document's parse
    assembled: bool = False


S, INT, D, B, F = pa.string(), pa.int32(), pa.date32(), pa.bool_(), pa.float32()
# a list of strings (warnings, a person's name forms): each stays whole (a message may hold ';'), and
# DuckDB counts and filters them without splitting text: len(warnings), unnest(names), list_contains
LIST = pa.list_(pa.string())
ALIASES = pa.list_(pa.struct([("form", pa.string()), ("rule", pa.string())]))

TABLES: dict[str, tuple[str, list[Column]]] = {
    "documents": (
        "one row per input file, whatever happened to it",
        [
            Column(
                "doc_id",
                S,
                "content hash (sha256, 16 hex digits): stable across runs and renames",
                "3f9a0c1e2b4d5a6f",
            ),
            Column(
                "source_path", S, "path relative to the input folder, '/'-separated", "2024/cajp_course.pdf"
            ),
            Column("status", S, "ok, partial (some pages failed) or failed", "ok"),
            Column("error", S, "what went wrong, in words; null when ok", "encrypted: a password is needed"),
            Column("pages", INT, "page count of the PDF", "3"),
            Column(
                "engine",
                S,
                "extraction engine that produced the rows (the other one when the engine asked for could "
                "not read the file)",
                "pdfplumber",
            ),
            Column("language", S, "ISO 639-1 language of the document", "en"),
            Column(
                "family",
                S,
                "record family read from the header block (models/families): oas_summary, oas_minutes, "
                "un_verbatim or generic",
                "oas_summary",
            ),
            Column(
                "symbol", S, "the document's own symbol (cover block / running header)", "CP/CAJP/SA.811/24"
            ),
            Column("symbol_key", S, "symbol upper-cased without spaces, for joins", "CP/CAJP/SA.811/24"),
            Column("body", S, "issuing organ or committee", "CAJP"),
            Column(
                "kind",
                S,
                "what the document is: summary, minutes, verbatim record, resolution, declaration, letter, "
                "note, report or other; only the first three record a meeting",
                "summary",
            ),
            Column(
                "document_date",
                D,
                "date printed in the header block (issued), not the meeting's",
                "2024-03-01",
            ),
            Column("meeting_type", S, "kind of meeting, lower case, English", "course"),
            Column(
                "meeting_date",
                D,
                "date of the meeting (not the issue date); null when none is recorded",
                "2024-02-15",
            ),
            Column("scheduled_start", S, "scheduled start, HH:MM 24-hour", "10:00"),
            Column("scheduled_end", S, "scheduled end, HH:MM", "13:00"),
            Column("start_time", S, "when the meeting was called to order, HH:MM", "10:03"),
            Column("end_time", S, "when it was adjourned, HH:MM", "13:01"),
            Column("chair", S, "person presiding, without honorifics", "Sebastián Kraljevich"),
            Column("venue", S, "room as printed; null for virtual meetings", "Rubén Darío Room"),
            Column(
                "title", S, "the title line", "Summary of the CAJP Course on Digital Diplomacy, held on …"
            ),
            Column("acta_version", S, "acta version and rules hash that produced the row", "0.1.0+1a2b3c4d"),
            Column(
                "warnings",
                LIST,
                "what was lost or worked around in a document that was read, one message each "
                "(docs/BAD_INPUT.md); empty when nothing was, null when failed",
                "['links unreadable on page 12']",
            ),
            Column(
                "hidden_chars",
                INT,
                "characters of text no reader sees, kept out of every table: invisible (not over a "
                "picture), under 1 pt, outside the crop box, or in the colour behind it; white space "
                "not counted",
                "0",
            ),
            Column(
                "ocr_pages",
                INT,
                "pages whose text was read by OCR (the pages table says which); null when failed",
                "0",
            ),
            Column(
                "meeting_id",
                S,
                "the meeting the document records, shared by its editions (languages, revisions): a hash of "
                "its symbol without rev./corr./add. (a document without one takes the one symbol of the "
                "documents of its body, meeting date and start time), else of body, meeting date and start "
                "time; a document that records no meeting is its own; null for failed files",
                "9c1d3e5f7a2b4c6d",
                assembled=True,
            ),
            Column("chair_person_id", S, "the chair in the people table", "5e8a1f0c2d4b6a9e", assembled=True),
        ],
    ),
    "sections": (
        "one row per section, agenda item or timed slot; section 0 is the preamble",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "position in document order (0 = preamble)", "3"),
            Column("parent_id", INT, "enclosing section; null for the preamble", "2"),
            Column("level", INT, "depth in the tree (preamble 0)", "2"),
            Column("kind", S, "preamble, heading, item (numbered) or slot (timed)", "slot"),
            Column("number", S, "printed number of an item", "IV"),
            Column("heading", S, "heading without its number or times", "Inauguration"),
            Column("start_time", S, "slot start, HH:MM", "10:00"),
            Column("end_time", S, "slot end, HH:MM", "10:15"),
            Column("page_start", INT, "first page", "2"),
            Column("page_end", INT, "last page", "3"),
            Column("text", S, "body text, paragraphs separated by newlines", "The Chair welcomed …"),
            Column("x0", F, "heading box: left (points from the page's left edge)", "72.0"),
            Column("top", F, "heading box: top (points from the page's top edge)", "140.5"),
            Column("x1", F, "heading box: right", "300.2"),
            Column("bottom", F, "heading box: bottom", "152.5"),
        ],
    ),
    "speakers": (
        "one row per person who spoke or presented, per section",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "section where the person is introduced", "4"),
            Column("name", S, "name without honorifics", "Nele Leosk"),
            Column("role", S, "post as printed", "Ambassador-at-Large for Digital Affairs"),
            Column(
                "organization",
                S,
                "organization as printed; null for state delegates",
                "Ministry of Foreign Affairs",
            ),
            Column("country", S, "ISO alpha-3 of the state the person represents", "EST"),
            Column("page", INT, "page", "2"),
            Column("person_id", S, "the person in the people table", "5e8a1f0c2d4b6a9e", assembled=True),
        ],
    ),
    "delegations": (
        "one row per state delegation that took the floor, per mention",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "section", "5"),
            Column("country", S, "ISO alpha-3", "MEX"),
            Column("page", INT, "page", "3"),
        ],
    ),
    "refs": (
        "one row per document symbol cited (body, headings, footnotes); the own symbol excluded",
        [
            Column("doc_id", S, "citing document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "section of the citation (footnotes: where their mark stands)", "1"),
            Column("symbol", S, "normalized spelling", "CP/CAJP-3767/23 rev. 1"),
            Column("symbol_key", S, "upper case, no spaces: the join key", "CP/CAJP-3767/23REV.1"),
            Column("base_key", S, "join key without rev./corr./add.", "CP/CAJP-3767/23"),
            Column("raw", S, "as printed", "CP/CAJP-\n3767/23, rev. 1"),
            Column("organ", S, "organ path", "CP/CAJP"),
            Column("kind", S, "document kind (doc, INF, RES, ACTA, SA …); null for 'ORGAN-N/YY'", "RES"),
            Column("number", S, "number", "1219"),
            Column("year", S, "two- or four-digit year", "23"),
            Column("session", S, "session in parentheses", "2435/23"),
            Column("suffix", S, "rev./corr./add.", "rev. 1"),
            Column("page", INT, "page", "1"),
            Column("in_footnote", B, "cited in a footnote", "false"),
        ],
    ),
    "times": (
        "one row per time expression",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "section", "0"),
            Column("raw", S, "as printed", "10:03 a.m."),
            Column("time", S, "HH:MM 24-hour", "10:03"),
            Column(
                "kind",
                S,
                "call_to_order, adjournment, scheduled_start, scheduled_end, slot_start, slot_end, other",
                "call_to_order",
            ),
            Column("page", INT, "page", "1"),
        ],
    ),
    "attendance": (
        "one row per state recorded present",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("country", S, "ISO alpha-3", "ARG"),
        ],
    ),
    "links": (
        "one row per URL (link annotation or printed URL)",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "section", "0"),
            Column("url", S, "target", "https://scm.oas.org/audios/2024/CP_CAJP-3769-02-15-2024.mp3"),
            Column(
                "label", S, "text under the annotation; null for a printed URL", "text of the presentation"
            ),
            Column("page", INT, "page", "1"),
        ],
    ),
    "footnotes": (
        "one row per footnote",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("page", INT, "page", "1"),
            Column("mark", S, "footnote mark", "1"),
            Column("text", S, "footnote text", "Summaries of CAJP meetings are available …"),
        ],
    ),
    "interventions": (
        "one row per speaker turn in near-verbatim minutes (actas, verbatim records)",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("section_id", INT, "section", "3"),
            Column("order", INT, "turn number in the document", "12"),
            Column("speaker_label", S, "the label as printed", "El REPRESENTANTE PERMANENTE DE MÉXICO"),
            Column("country", S, "ISO alpha-3 of the delegation, if any", "MEX"),
            Column("person", S, "the person, when the text names one", "Ivonne Baki"),
            Column("text", S, "what was said", "Gracias, señor Presidente …"),
            Column("page", INT, "page where the turn starts", "7"),
            Column(
                "person_id",
                S,
                "the person in the people table, when the turn names one",
                "5e8a1f0c2d4b6a9e",
                assembled=True,
            ),
        ],
    ),
    "people": (
        "one row per person named across the archive (speakers, turns, chairs), made at assembly",
        [
            Column(
                "person_id",
                S,
                "hash of the normalized full name (with the state, when two people share it): the same on "
                "every run and machine",
                "5e8a1f0c2d4b6a9e",
                assembled=True,
            ),
            Column("name", S, "the fullest form seen", "Sebastián Kraljevich", assembled=True),
            Column(
                "names", LIST, "every form seen", "['Sebastián Kraljevich', 'Kraljevich']", assembled=True
            ),
            Column(
                "aliases",
                ALIASES,
                "every form with the rule that joined it (view people_aliases)",
                "[{'form': 'Kraljevich', 'rule': 'surname'}]",
                assembled=True,
            ),
            Column(
                "country",
                S,
                "ISO alpha-3 of the state represented, when the records agree",
                "CHL",
                assembled=True,
            ),
            Column(
                "first_seen",
                D,
                "earliest meeting (or issue) date of a document naming them",
                "2023-02-15",
                assembled=True,
            ),
            Column("last_seen", D, "latest such date", "2024-03-01", assembled=True),
            Column("documents", INT, "documents naming them", "7", assembled=True),
        ],
    ),
    "pages": (
        "one row per page read: where its text came from",
        [
            Column("doc_id", S, "document", "3f9a0c1e2b4d5a6f"),
            Column("page", INT, "page", "2"),
            Column(
                "text_source",
                S,
                "layer (the PDF's own text) or ocr (Tesseract read the page image)",
                "layer",
            ),
            Column(
                "quality",
                F,
                "quality of the page's text layer, 0-1: clean characters times the share of real words; "
                "below 0.9 (or below 0.99 on a scanned page) the page is OCRed; 0 for a picture without "
                "text, 1 for a blank page",
                "0.998",
            ),
            Column("ocr_confidence", F, "Tesseract's mean word confidence, 0-100; null for layer", "91.3"),
            Column("chars", INT, "characters with ink in the text kept", "3455"),
        ],
    ),
}


def parsed_columns(table: str) -> list[str]:
    """The columns the parse stage fills, one document at a time (the rest are filled at assembly)."""
    return [c.name for c in TABLES[table][1] if not c.assembled]


def assembled_tables() -> list[str]:
    """Tables made whole at assembly, from the other tables' rows (no document writes a row of them)."""
    return [name for name in TABLES if not parsed_columns(name)]


def schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.type) for c in TABLES[table][1]])


SQL_TYPES = {
    S: "VARCHAR",
    INT: "INTEGER",
    D: "DATE",
    B: "BOOLEAN",
    F: "FLOAT",
    LIST: "VARCHAR[]",
    ALIASES: "STRUCT(form VARCHAR, rule VARCHAR)[]",
}


def sql_columns(table: str) -> dict[str, str]:
    """The table's columns with their DuckDB types, which hold exactly what the Arrow types hold."""
    return {c.name: SQL_TYPES[c.type] for c in TABLES[table][1]}


ASSEMBLY_NOTE = " (archive-wide: set at assembly)"


def dictionary_markdown() -> str:
    out = [
        "# Data dictionary",
        "",
        "Generated from `pipeline/tables.py`; times are `HH:MM` 24-hour strings,",
        "",
    ]
    out[-2] += " countries ISO 3166-1 alpha-3, dates Parquet dates."
    for name, (about, columns) in TABLES.items():
        out += [f"## {name}", "", f"One row {about.removeprefix('one row ')}.", ""]
        out += ["| column | type | meaning | example |", "|---|---|---|---|"]
        whole = name in assembled_tables()  # its note says so once
        notes = [ASSEMBLY_NOTE if c.assembled and not whole else "" for c in columns]
        out += [
            f"| {c.name} | {c.type} | {c.about}{note} | `{c.example}` |".replace("\n", "\\n")
            for c, note in zip(columns, notes, strict=True)
        ]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(dictionary_markdown())
