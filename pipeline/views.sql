-- Views for the questions analysts ask most, created in acta.duckdb by pipeline.analyst.query.create_views.
-- They are plain SQL over the tables of pipeline/tables.py, so `duckdb acta.duckdb` users get them too.
-- Each view is one `CREATE VIEW name AS` statement (pipeline.analyst.query also creates them as temporary
-- views over a file written before the views existed).

-- One row per meeting recorded (failed files say nothing about a meeting): its editions (documents
-- with one meeting_id: the languages and revisions of one record) are one row, described by its first
-- edition (an 'ok' one, then by source path); languages and doc_ids list every edition.
-- duration_min is adjourned minus called to order; a negative difference means a misread time
-- (OAS meetings do not run past midnight), so it is left null rather than counted.
CREATE VIEW meetings AS
WITH editions AS (
    SELECT
        meeting_id,
        count(*) AS editions,
        list(DISTINCT language ORDER BY language) FILTER (WHERE language IS NOT NULL) AS languages,
        list(doc_id ORDER BY status = 'ok' DESC, source_path) AS doc_ids
    FROM documents
    WHERE status <> 'failed'
    GROUP BY meeting_id
)
SELECT
    d.doc_id,
    d.symbol,
    d.body,
    d.meeting_type,
    d.meeting_date,
    year(d.meeting_date) AS year,
    d.start_time,
    d.end_time,
    CASE
        WHEN date_diff('minute', try_cast(d.start_time AS TIME), try_cast(d.end_time AS TIME)) >= 0
        THEN date_diff('minute', try_cast(d.start_time AS TIME), try_cast(d.end_time AS TIME))
    END AS duration_min,
    d.chair,
    d.venue,
    d.language,
    (SELECT count(DISTINCT s.name) FROM speakers s WHERE s.doc_id = d.doc_id) AS speakers,
    (SELECT count(DISTINCT g.country) FROM delegations g WHERE g.doc_id = d.doc_id) AS delegations,
    (SELECT count(DISTINCT r.symbol_key) FROM refs r WHERE r.doc_id = d.doc_id) AS documents_cited,
    d.title,
    d.source_path,
    d.meeting_id,
    e.editions,
    e.languages,
    e.doc_ids,
    d.chair_person_id
FROM documents d
JOIN editions e ON e.meeting_id = d.meeting_id AND e.doc_ids[1] = d.doc_id;

-- One row per refs row: the citing document, the symbol cited and, when the archive holds it, the
-- cited document. match is 'exact' (same symbol key), 'base' (a rev./corr./add. of a document whose
-- base symbol is in the archive) or null (unresolved). When several documents carry the symbol (the
-- language versions of one summary), the one in the citing document's language is taken, so a
-- citation is never counted twice. cited_meeting_id is the meeting the cited document records, the
-- same whatever the language of the citing document (documents.meeting_id).
CREATE VIEW citations AS
SELECT
    r.doc_id AS citing_doc_id,
    c.symbol AS citing_symbol,
    r.section_id,
    r.page,
    r.in_footnote,
    r.symbol,
    r.symbol_key,
    r.base_key,
    m.doc_id AS cited_doc_id,
    m.symbol AS cited_symbol,
    m.match,
    m.doc_id IS NOT NULL AS resolved,
    m.meeting_id AS cited_meeting_id
FROM refs r
LEFT JOIN documents c ON c.doc_id = r.doc_id
LEFT JOIN LATERAL (
    SELECT
        d.doc_id,
        d.symbol,
        CASE WHEN d.symbol_key = r.symbol_key THEN 'exact' ELSE 'base' END AS match,
        d.meeting_id
    FROM documents d
    WHERE d.doc_id IS NOT NULL AND d.symbol_key IN (r.symbol_key, r.base_key)
    ORDER BY
        d.symbol_key = r.symbol_key DESC,
        d.language IS NOT DISTINCT FROM c.language DESC,
        d.status = 'ok' DESC,
        d.doc_id
    LIMIT 1
) m ON true;

-- One row per speaker per section: delegations (by country) and people (by name) who took the floor,
-- with how many times the tables record them there (rows of delegations, speakers and interventions).
-- item_* is the top-level agenda item or heading the section belongs to, so "who spoke on item 3"
-- counts its sub-sections and timed slots too.
CREATE VIEW speaker_activity AS
WITH RECURSIVE chain AS (
    SELECT doc_id, section_id, section_id AS ancestor_id, parent_id, level FROM sections
    UNION ALL
    SELECT c.doc_id, c.section_id, p.section_id, p.parent_id, p.level
    FROM chain c
    JOIN sections p ON p.doc_id = c.doc_id AND p.section_id = c.parent_id
    WHERE c.level > 1
),
items AS (
    SELECT doc_id, section_id, ancestor_id AS item_id FROM chain WHERE level <= 1
),
turns AS (
    SELECT doc_id, section_id, 'delegation' AS speaker_type, country AS speaker, country,
        NULL AS role, NULL AS organization
    FROM delegations
    UNION ALL
    SELECT doc_id, section_id, 'person', name, country, role, organization
    FROM speakers
    UNION ALL
    SELECT doc_id, section_id,
        CASE WHEN country IS NOT NULL THEN 'delegation' ELSE 'person' END,
        coalesce(country, person, speaker_label), country, NULL, NULL
    FROM interventions
)
SELECT
    t.doc_id,
    d.symbol,
    d.body,
    d.meeting_date,
    t.section_id,
    s.heading AS section_heading,
    i.item_id,
    it.number AS item_number,
    it.heading AS item_heading,
    t.speaker_type,
    t.speaker,
    max(t.country) AS country,
    max(t.role) AS role,
    max(t.organization) AS organization,
    count(*) AS mentions
FROM turns t
LEFT JOIN documents d ON d.doc_id = t.doc_id
LEFT JOIN sections s ON s.doc_id = t.doc_id AND s.section_id = t.section_id
LEFT JOIN items i ON i.doc_id = t.doc_id AND i.section_id = t.section_id
LEFT JOIN sections it ON it.doc_id = t.doc_id AND it.section_id = i.item_id
GROUP BY ALL;


-- One row per form a person's name is printed in, and the rule that made it theirs (pipeline.link.people):
-- name (the same name, honorifics, accents and case aside), document (a name printed without a state
-- in a document that gives it one), country (a name printed nowhere with a state, joined to the one
-- person of that name with a state), shorter, surname (a partial form of exactly one full name of the
-- same state) and spelling (one letter apart from a name of the same state).
CREATE VIEW people_aliases AS
SELECT a.form, p.person_id, a.rule, p.name, p.country
FROM people p, unnest(p.aliases) AS t(a);
