"""The people of the archive, made when its tables are assembled (pipeline.batch.store), in DuckDB.

A surname's person depends on every other document (is there exactly one full name of that state with
that surname?), so people are linked over the whole archive at each assembly, never per document:
a rerun with one new file may join a name of an older file to a person, and a full run and an
incremental one give the same ids. Only the clustering of distinct names runs in Python
(pipeline.link.people); the rows stay in DuckDB.
"""

from __future__ import annotations

from typing import Any

from pipeline.link.names import name_key, words
from pipeline.link.people import RULES, Node, link, person_ids

# every row that names a person: (doc_id, form as printed, its state)
NAMED = """
    SELECT doc_id, name AS form, country FROM speakers WHERE name IS NOT NULL
    UNION SELECT doc_id, person, country FROM interventions WHERE person IS NOT NULL
    UNION SELECT doc_id, chair, NULL FROM documents WHERE chair IS NOT NULL AND status <> 'failed'
"""


def link_people(con: Any) -> None:
    """Fill the people table and the person_id of speakers, interventions and documents (chair)."""
    forms = [form for (form,) in con.execute(f"SELECT DISTINCT form FROM ({NAMED})").fetchall()]
    keys = [name_key(form) for form in forms]
    _temp_table(
        con,
        "acta_name_keys",
        {"form": forms, "key": [" ".join(k) for k in keys], "single": [words(k) <= 1 for k in keys]},
        {"single": "BOOLEAN"},
    )
    con.execute(_OCCURRENCES)
    nodes = [
        Node(tuple(key.split(" ")), country, scope)
        for key, country, scope in con.execute(
            "SELECT DISTINCT key, country, scope FROM acta_named"
        ).fetchall()
    ]
    joins = link(nodes)
    ids = person_ids({j.root for j in joins.values()})
    _temp_table(
        con,
        "acta_node_person",
        {
            "key": [" ".join(n.key) for n in joins],
            "country": [n.country for n in joins],
            "scope": [n.scope for n in joins],
            "person_id": [ids[j.root] for j in joins.values()],
            "rule": [j.rule for j in joins.values()],
        },
    )
    con.execute(_PERSON_OF_ROWS)
    con.execute(_PEOPLE, [list(RULES)])


def _temp_table(
    con: Any, name: str, columns: dict[str, list[Any]], types: dict[str, str] | None = None
) -> None:
    """A temporary table from Python lists, one per column (VARCHAR unless `types` says otherwise),
    passed as parameters: registering Arrow tables would import pandas into the parent (docs/SCALE.md)."""
    kinds = {col: (types or {}).get(col, "VARCHAR") for col in columns}
    select = ", ".join(f"unnest(${i + 1}::{kinds[col]}[]) AS {col}" for i, col in enumerate(columns))
    con.execute(f"CREATE TEMP TABLE {name} AS SELECT {select}", list(columns.values()))


# each row naming someone, with its key, the state it is read with (its own, else the one its
# document gives the same name, or the one full name it is the surname of: rule `document`) and its
# scope (pipeline.link.people.Node)
_OCCURRENCES = f"""
CREATE TEMP TABLE acta_named AS
WITH keyed AS (
    SELECT r.doc_id, r.form, r.country, k.key, k.single
    FROM ({NAMED}) r JOIN acta_name_keys k USING (form) WHERE k.key <> ''
),
known AS (
    SELECT doc_id, key, min(country) AS country FROM keyed WHERE country IS NOT NULL
    GROUP BY doc_id, key HAVING count(DISTINCT country) = 1
),
surnamed AS (  -- a lone surname without a state, the surname of one name of its document with one
    SELECT s.doc_id, s.key, min(o.country) AS country
    FROM keyed s JOIN keyed o
        ON o.doc_id = s.doc_id AND o.country IS NOT NULL AND o.key <> s.key
        AND list_contains(string_split(o.key, ' ')[2:], s.key)
    WHERE s.country IS NULL AND s.single
    GROUP BY s.doc_id, s.key HAVING count(DISTINCT o.key || '|' || o.country) = 1
),
placed AS (
    SELECT k.*, coalesce(k.country, n.country, s.country) AS read_country
    FROM keyed k
    LEFT JOIN known n ON k.country IS NULL AND n.doc_id = k.doc_id AND n.key = k.key
    LEFT JOIN surnamed s ON k.country IS NULL AND s.doc_id = k.doc_id AND s.key = k.key
)
SELECT
    doc_id, form, country AS printed, key, read_country AS country,
    country IS NULL AND read_country IS NOT NULL AS by_document,
    CASE WHEN read_country IS NULL AND single THEN doc_id ELSE '' END AS scope
FROM placed
"""

_PERSON_OF_ROWS = """
CREATE TEMP TABLE acta_person_of AS
SELECT n.doc_id, n.form, n.printed, n.key, n.country, p.person_id,
    CASE WHEN p.rule = 'name' AND n.by_document THEN 'document' ELSE p.rule END AS rule
FROM acta_named n JOIN acta_node_person p
    ON p.key = n.key AND p.country IS NOT DISTINCT FROM n.country AND p.scope = n.scope;
UPDATE speakers s SET person_id = o.person_id FROM acta_person_of o
WHERE o.doc_id = s.doc_id AND o.form = s.name AND o.printed IS NOT DISTINCT FROM s.country;
UPDATE interventions i SET person_id = o.person_id FROM acta_person_of o
WHERE o.doc_id = i.doc_id AND o.form = i.person AND o.printed IS NOT DISTINCT FROM i.country;
UPDATE documents d SET chair_person_id = o.person_id FROM acta_person_of o
WHERE o.doc_id = d.doc_id AND o.form = d.chair AND o.printed IS NULL;
"""

# one row per person: the fullest form (most words, not in capitals, longest), every form with the
# strongest rule that joined it, the state, the dates and the count of the documents naming them
_PEOPLE = """
INSERT INTO people
WITH forms AS (
    SELECT person_id, form, arg_min(rule, list_position($1, rule)) AS rule
    FROM acta_person_of GROUP BY person_id, form
),
aliases AS (
    SELECT person_id, list(form ORDER BY form) AS names,
        list({'form': form, 'rule': rule} ORDER BY form) AS aliases
    FROM forms GROUP BY person_id
)
SELECT
    o.person_id,
    first(o.form ORDER BY
        len(string_split(o.key, ' ')) DESC, o.form = upper(o.form), length(o.form) DESC, o.form),
    any_value(a.names),
    any_value(a.aliases),
    max(o.country),
    min(coalesce(d.meeting_date, d.document_date)),
    max(coalesce(d.meeting_date, d.document_date)),
    count(DISTINCT o.doc_id)
FROM acta_person_of o
JOIN aliases a USING (person_id)
JOIN documents d USING (doc_id)
GROUP BY o.person_id
ORDER BY 2, 1
"""
