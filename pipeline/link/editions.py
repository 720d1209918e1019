"""Which documents record the same meeting: its editions (languages, revisions, corrigenda).

The English, Spanish, French and Portuguese summaries of one meeting carry one symbol (OAS and UN
symbols do not change with the language); a revision or corrigendum adds a suffix (models/symbols.json:
suffixes, "rev. 1", "Corr.1", "/Add.1") and records the same meeting. So documents with the same
symbol up to those suffixes are one meeting. A document without a symbol joins the documents of the
same body, meeting date and start time: the one symbol among them when they have exactly one (an
edition whose symbol was not read), else the others without a symbol. Any other document is a
meeting (or a document) of its own.
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
    con.execute(_MEETING_IDS, [suffix_pattern()])


_MEETING_IDS = """
UPDATE documents d SET meeting_id = m.meeting_id
FROM (
    WITH read AS (
        SELECT doc_id, regexp_replace(symbol_key, $1, '') AS base,
            CASE WHEN body IS NOT NULL AND meeting_date IS NOT NULL
                THEN body || '|' || meeting_date || '|' || coalesce(start_time, scheduled_start, '')
            END AS held
        FROM documents WHERE status <> 'failed'
    ),
    symbols_held AS (  -- the symbols of the documents of one body, date and start time
        SELECT held, min(base) AS base FROM read WHERE base IS NOT NULL AND held IS NOT NULL
        GROUP BY held HAVING count(DISTINCT base) = 1
    )
    SELECT r.doc_id, substr(sha256(CASE
        WHEN r.base IS NOT NULL THEN 'symbol:' || r.base
        WHEN s.base IS NOT NULL THEN 'symbol:' || s.base
        WHEN r.held IS NOT NULL THEN 'meeting:' || r.held
        ELSE 'document:' || r.doc_id
    END), 1, 16) AS meeting_id
    FROM read r LEFT JOIN symbols_held s ON r.base IS NULL AND s.held = r.held
) m
WHERE m.doc_id = d.doc_id
"""
