"""`acta show PERSON`: one person across the archive — the forms of their name, the meetings they
attended, their roles over time and their turns.

PERSON is a person_id (or its first 6+ characters) or a name in any printed form ("Embajador Sebastián
Kraljevich", "KRALJEVICH"): the name is read as pipeline.link reads it, so a surname finds the people
whose name ends with it. Everything comes from the people table and the rows carrying person_id.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.analyst.query import DEFAULT_DIR, connect
from pipeline.link.names import Key, name_key
from pipeline.link.people import fits

if TYPE_CHECKING:
    import duckdb

TURNS = 12  # turns printed in full; the rest are counted


class PersonNotFound(LookupError):
    """PERSON names no one in the people table, or several people."""


def find_person(con: duckdb.DuckDBPyConnection, who: str) -> dict[str, Any] | None:
    """The people row PERSON names; None when none does; PersonNotFound when several do."""
    from pipeline.analyst.show import records

    rows = records(
        con,
        "SELECT * FROM people WHERE person_id = $w OR (length($w) >= 6 AND starts_with(person_id, $w))",
        {"w": who},
    )
    if not rows:
        wanted = name_key(who)
        people = records(con, "SELECT * FROM people ORDER BY name, person_id")
        rows = [p for p in people if wanted and any(_names(wanted, name_key(f)) for f in p["names"])]
    if len(rows) > 1:
        listed = "\n".join(f"  {p['person_id']}  {p['name']} ({p['country'] or '?'})" for p in rows)
        raise PersonNotFound(f"{who!r} names {len(rows)} people; give one of their person_ids:\n{listed}")
    return rows[0] if rows else None


def _names(wanted: Key, form: Key) -> bool:
    """Whether a name asked for is this form, or a shorter form or surname of it, as pipeline.link
    reads them ("Marsha Coore-Lobban", "Coore-Lobban")."""
    return form == wanted or fits(wanted, form) in ("shorter", "surname")


def show_person(person: str, out_dir: str | Path = DEFAULT_DIR, *, db: str | Path | None = None) -> str:
    """One person's activity across the archive as text (`acta show PERSON`)."""
    con = connect(out_dir, db)
    try:
        found = find_person(con, person)
        if found is None:
            raise PersonNotFound(f"no person {person!r}: give a person_id or a name as printed")
        return person_text(con, found)
    finally:
        con.close()


def person_text(con: duckdb.DuckDBPyConnection, person: dict[str, Any]) -> str:
    """One person as text: who, forms and rules, then one line per document naming them, then turns."""
    from pipeline.analyst.show import records

    pid = [person["person_id"]]
    meetings = records(con, _MEETINGS, pid)
    turns = records(
        con,
        """SELECT d.meeting_date, d.symbol, d.source_path, i.page, i.text FROM interventions i
           JOIN documents d USING (doc_id) WHERE i.person_id = ?
           ORDER BY d.meeting_date, d.source_path, i."order"
        """,
        pid,
    )
    return "\n\n".join(p for p in (_who(person), _meetings(meetings), _turns(turns)) if p) + "\n"


_MEETINGS = """
WITH named AS (
    SELECT doc_id, 'chair' AS role, 0 AS turns FROM documents WHERE chair_person_id = $1
    UNION ALL SELECT doc_id, role, 0 FROM speakers WHERE person_id = $1
    UNION ALL SELECT doc_id, NULL, 1 FROM interventions WHERE person_id = $1
)
SELECT d.meeting_date, d.document_date, d.symbol, d.body, d.language, d.source_path, d.meeting_id,
    list(DISTINCT n.role ORDER BY n.role) FILTER (WHERE n.role IS NOT NULL) AS roles, sum(n.turns) AS turns
FROM named n JOIN documents d USING (doc_id)
GROUP BY ALL
ORDER BY d.meeting_date NULLS LAST, d.source_path
"""


def _who(p: dict[str, Any]) -> str:
    seen = f"{p['first_seen']} – {p['last_seen']}" if p["first_seen"] else ""
    lines = [
        f"{p['name']}" + (f" ({p['country']})" if p["country"] else ""),
        f"  person   {p['person_id']}",
        f"  seen     {p['documents']} document{'s' * (p['documents'] != 1)}" + (f", {seen}" if seen else ""),
    ]
    lines += [f"  form     {a['form']}  [{a['rule']}]" for a in p["aliases"]]
    return "\n".join(lines)


def _meetings(rows: list[dict[str, Any]]) -> str:
    """One line per document: when, which record, the roles held there and the turns taken."""
    if not rows:
        return ""
    out = [f"Meetings ({len({r['meeting_id'] for r in rows})}) and roles"]
    for r in rows:
        when = r["meeting_date"] or r["document_date"] or "?"
        record = " · ".join(str(x) for x in (r["symbol"] or r["source_path"], r["body"], r["language"]) if x)
        roles = "; ".join(r["roles"] or [])
        turns = f"  {r['turns']} turn{'s' * (r['turns'] != 1)}" if r["turns"] else ""
        out.append(f"  {when}  {record}" + (f"  — {roles}" if roles else "") + turns)
    return "\n".join(out)


def _turns(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    from pipeline.analyst.show import _cut

    out = [f"Turns ({len(rows)})"]
    for r in rows[:TURNS]:
        record = r["symbol"] or r["source_path"]
        out.append(f"  {r['meeting_date'] or '?'}  {record}  p. {r['page']}  {_cut(r['text'], 56)}")
    if len(rows) > TURNS:
        out.append(f"  … {len(rows) - TURNS} more")
    return "\n".join(out)
