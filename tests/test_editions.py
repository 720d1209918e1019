"""Which documents are editions of one meeting (pipeline.link.editions), as a table of documents rows:
each row's symbol, body, meeting date and start, and the meeting it records."""

from __future__ import annotations

from itertools import combinations

import duckdb

from pipeline.link import link_archive
from pipeline.tables import TABLES, sql_columns

# doc_id, status, language, symbol_key, body, meeting_date, start_time, scheduled_start, meeting
DOCUMENTS = [
    ("en950", "ok", "en", "CP/CAJP/SA.950/25", "CAJP", "2025-03-13", "10:12", "10:00", "sa950"),
    ("es950", "ok", "es", "CP/CAJP/SA.950/25", "CAJP", "2025-03-13", "10:12", "10:00", "sa950"),
    ("fr950", "partial", "fr", "CP/CAJP/SA.950/25CORR.1", "CAJP", "2025-03-13", None, "10:00", "sa950"),
    ("pt950", "ok", "pt", None, "CAJP", "2025-03-13", "10:12", None, "sa950"),  # its symbol not read
    ("en951", "ok", "en", "CP/CAJP/SA.951/25", "CAJP", "2025-03-13", "15:05", "15:00", "sa951"),
    ("un91", "ok", "es", "A/63/PV.91", "UNGA", "2009-06-29", "12:10", None, "pv91"),
    ("un91en", "ok", "en", "A/63/PV.91", "UNGA", "2009-06-29", "12:10", None, "pv91"),
    ("un92", "ok", "es", "A/63/PV.92", "UNGA", "2009-06-29", "15:10", None, "pv92"),
    ("cp-en", "ok", "en", None, "CP", "2023-03-08", "10:30", None, "cp"),
    ("cp-es", "ok", "es", None, "CP", "2023-03-08", "10:30", None, "cp"),
    ("cp-pm", "ok", "es", None, "CP", "2023-03-08", "15:00", None, "cp afternoon"),
    ("letter", "ok", "es", None, None, None, None, None, "letter"),
    ("note", "ok", "fr", None, None, None, None, None, "note"),
]


def meeting_ids() -> dict[str, str | None]:
    con = duckdb.connect()
    for table in TABLES:
        typed = ", ".join(f'"{c}" {t}' for c, t in sql_columns(table).items())
        con.execute(f'CREATE TABLE "{table}" ({typed})')
    for doc_id, status, lang, key, body, date, start, scheduled, _ in DOCUMENTS:
        con.execute(
            "INSERT INTO documents (doc_id, source_path, status, language, symbol_key, body, meeting_date, "
            "start_time, scheduled_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc_id, f"{doc_id}.pdf", status, lang, key, body, date, start, scheduled],
        )
    con.execute("INSERT INTO documents (doc_id, source_path, status) VALUES ('bad', 'bad.pdf', 'failed')")
    link_archive(con)
    return dict(con.execute("SELECT doc_id, meeting_id FROM documents").fetchall())


def test_documents_share_a_meeting_id_exactly_when_they_record_one_meeting():
    ids = meeting_ids()
    for a, b in combinations(DOCUMENTS, 2):
        if a[-1] == b[-1]:
            assert ids[a[0]] == ids[b[0]], f"{a[0]} and {b[0]} record one meeting"
        else:
            assert ids[a[0]] != ids[b[0]], f"{a[0]} and {b[0]} record two"


def test_a_failed_file_records_no_meeting():
    assert meeting_ids()["bad"] is None
