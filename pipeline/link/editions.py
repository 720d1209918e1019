"""Which documents record the same meeting: its editions (languages, revisions, corrigenda).

The English, Spanish, French and Portuguese summaries of one meeting carry one symbol (OAS and UN
symbols do not change with the language); a revision or corrigendum adds a suffix (models/symbols.json:
suffixes, "rev. 1", "Corr.1", "/Add.1") and records the same meeting. So documents with the same
symbol up to those suffixes are one meeting; a document without a symbol joins the others of the same
body, meeting date and start time. Any other document is a meeting (or a document) of its own.
"""

from __future__ import annotations

from typing import Any

from pipeline.recognise.symbols import grammar


def suffix_pattern() -> str:
    """A symbol key's trailing suffixes ("REV.1", "/CORR.2", "ADD.1"), as a DuckDB regular expression."""
    names = "|".join(sorted({s.upper() for s in grammar().suffixes}))
    return rf"(?:[/,]?(?:{names})\.?\d{{1,2}})+$"


def link_editions(con: Any) -> None:
    """Set documents.meeting_id: a hash of what the editions of one meeting share."""
    con.execute(
        """
        UPDATE documents d SET meeting_id = m.meeting_id
        FROM (
            SELECT doc_id, substr(sha256(CASE
                WHEN symbol_key IS NOT NULL THEN 'symbol:' || regexp_replace(symbol_key, $1, '')
                WHEN body IS NOT NULL AND meeting_date IS NOT NULL
                    THEN 'meeting:' || body || '|' || meeting_date || '|'
                        || coalesce(start_time, scheduled_start, '')
                ELSE 'document:' || doc_id
            END), 1, 16) AS meeting_id
            FROM documents WHERE status <> 'failed'
        ) m
        WHERE m.doc_id = d.doc_id
        """,
        [suffix_pattern()],
    )
