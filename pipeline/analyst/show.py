"""`acta show DOC`: one document's extraction as a person reads it, to check a result by eye.

DOC is whatever the analyst has at hand: a doc_id (or its first 6+ characters), a file name or path,
or the document's own symbol in any spelling (`key()` normalizes it). Everything comes from the
tables and views, so what is shown is exactly what a query would see.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.analyst.query import DEFAULT_DIR, connect
from pipeline.recognise.symbols import key

if TYPE_CHECKING:
    import duckdb

WIDTH = 72  # headings and labels are cut to this many characters


class DocumentNotFound(LookupError):
    """DOC names no document of the archive, or several."""


def records(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[dict[str, Any]]:
    """Rows as dicts: the shape every renderer here wants."""
    cur = con.execute(sql, params)
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def find_document(con: duckdb.DuckDBPyConnection, doc: str) -> dict[str, Any]:
    """The documents row DOC names: doc_id or prefix, source path or file name, or own symbol."""
    name = Path(doc).name
    rows = records(
        con,
        """
        SELECT * FROM documents
        WHERE doc_id = $doc OR (length($doc) >= 6 AND starts_with(doc_id, $doc))
           OR source_path IN ($doc, $name) OR suffix(source_path, '/' || $name)
           OR symbol_key = $key
        ORDER BY source_path
        """,
        {"doc": doc, "name": name, "key": key(doc)},
    )
    ids = list(dict.fromkeys(r["doc_id"] for r in rows))
    if not rows:
        raise DocumentNotFound(
            f"no document {doc!r}: give a doc_id, a file name or the document's symbol "
            "(or a person's name or id)"
        )
    if len(ids) > 1:
        listed = "\n".join(f"  {r['doc_id']}  {r['source_path']}  ({r['language'] or '?'})" for r in rows)
        raise DocumentNotFound(f"{doc!r} names {len(ids)} documents; give one of their doc_ids:\n{listed}")
    return rows[0]


def show(doc: str, out_dir: str | Path = DEFAULT_DIR, *, db: str | Path | None = None) -> str:
    """One document's extraction as text: metadata, section tree with times, speakers, symbols, links;
    or, when DOC names no document but a person, that person's activity (pipeline.analyst.person)."""
    con = connect(out_dir, db)
    try:
        try:
            d = find_document(con, doc)
        except DocumentNotFound as missing:
            from pipeline.analyst.person import find_person, person_text

            person = find_person(con, doc) if str(missing).startswith("no document") else None
            if person is None:
                raise
            return person_text(con, person)
        doc_id = d["doc_id"]

        def rows(sql: str) -> list[dict[str, Any]]:
            return records(con, sql, [doc_id])

        parts = [_metadata(d, rows("SELECT duration_min FROM meetings WHERE doc_id = ?"))]
        parts[0] += _ocr_pages(con, doc_id)
        if d["status"] != "failed":
            parts += [
                _sections(rows("SELECT * FROM sections WHERE doc_id = ? ORDER BY section_id")),
                _speakers(rows("SELECT * FROM speakers WHERE doc_id = ? ORDER BY section_id, page")),
                _delegations(rows("SELECT * FROM delegations WHERE doc_id = ? ORDER BY section_id, page")),
                _attendance(rows("SELECT country FROM attendance WHERE doc_id = ?")),
                _times(rows("SELECT * FROM times WHERE doc_id = ? ORDER BY page, section_id")),
                _citations(rows("SELECT * FROM citations WHERE citing_doc_id = ? ORDER BY section_id, page")),
                _cited_by(
                    rows(
                        """SELECT c.*, d.source_path FROM citations c JOIN documents d
                           ON d.doc_id = c.citing_doc_id WHERE c.cited_doc_id = ? ORDER BY d.source_path"""
                    )
                ),
                _links(rows("SELECT * FROM links WHERE doc_id = ? ORDER BY page, section_id")),
            ]
    finally:
        con.close()
    return "\n\n".join(p for p in parts if p) + "\n"


def _cut(text: Any, width: int = WIDTH) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _pages(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    return f"p. {first}" if last in (None, first) else f"p. {first}–{last}"


def _metadata(d: dict[str, Any], meeting: list[dict[str, Any]]) -> str:
    duration = meeting[0]["duration_min"] if meeting else None
    times = [
        f"called to order {d['start_time']}" if d["start_time"] else None,
        f"adjourned {d['end_time']}" if d["end_time"] else None,
        f"{duration} min" if duration is not None else None,
    ]
    if d["scheduled_start"]:
        times.append(f"scheduled {d['scheduled_start']}–{d['scheduled_end'] or '?'}")
    pages = "1 page" if d["pages"] == 1 else f"{d['pages'] or '?'} pages"
    fields = [
        ("doc_id", d["doc_id"]),
        ("file", f"{d['source_path']} ({pages}, {d['status']})"),
        ("error", d["error"]),
        ("warnings", "; ".join(d.get("warnings") or [])),
        ("symbol", d["symbol"]),
        ("body", " · ".join(str(x) for x in (d["body"], d["meeting_type"], d["language"]) if x)),
        ("kind", " · ".join(str(x) for x in (d.get("kind"), d.get("family")) if x)),
        ("date", d["meeting_date"]),
        ("dated", d.get("document_date") if d.get("document_date") != d["meeting_date"] else None),
        ("times", " · ".join(t for t in times if t)),
        ("chair", d["chair"]),
        ("venue", d["venue"]),
        ("made by", f"acta {d['acta_version']}"),
        (
            "hidden",
            f"{d['hidden_chars']} characters no reader sees, kept out" if d.get("hidden_chars") else None,
        ),
    ]
    head = d["title"] or d["source_path"]
    return "\n".join([_cut(head, 100)] + [f"  {k:<8} {v}" for k, v in fields if v not in (None, "")])


def _ocr_pages(con: duckdb.DuckDBPyConnection, doc_id: str) -> str:
    """The metadata's line on the pages read by OCR ("ocr      pages 1-3, 5 (Tesseract, mean
    confidence 91)"); nothing for a document read from its text layer, or tables without `pages`."""
    import duckdb

    try:
        found = records(
            con, "SELECT page, ocr_confidence FROM pages WHERE doc_id = ? AND text_source = 'ocr'", [doc_id]
        )
    except duckdb.Error:  # tables written before the pages table existed
        return ""
    if not found:
        return ""
    confidences = [r["ocr_confidence"] for r in found if r["ocr_confidence"] is not None]
    mean = f", mean confidence {sum(confidences) / len(confidences):.0f}" if confidences else ""
    return f"\n  {'ocr':<8} pages {page_list([r['page'] for r in found])} (Tesseract{mean})"


def page_list(pages: list[int]) -> str:
    """Page numbers with runs joined: [1, 2, 3, 5] -> "1-3, 5"."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _sections(rows: list[dict[str, Any]]) -> str:
    out = [f"Sections ({len(rows)})"]
    for s in rows:
        label = s["heading"] or s["kind"]
        if s["number"]:
            label = f"{s['number']}. {label}"
        if s["start_time"]:
            label = f"{s['start_time']}–{s['end_time'] or '?'}  {label}"
        indent = "  " * (s["level"] or 0)
        line = f"  {indent}§{s['section_id']:<3} {_cut(label, WIDTH - len(indent))}"
        out.append(f"{line:<86} {_pages(s['page_start'], s['page_end'])}")
    return "\n".join(out)


def _speakers(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    out = [f"Speakers ({len(rows)})"]
    for sp in rows:
        post = ", ".join(x for x in (sp["role"], sp["organization"]) if x)
        who = sp["name"] + (f" — {post}" if post else "") + (f" ({sp['country']})" if sp["country"] else "")
        out.append(f"  §{sp['section_id']:<3} {_cut(who, 90)}  p. {sp['page']}")
    return "\n".join(out)


def _delegations(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    by_section: dict[int, Counter[str]] = {}
    for r in rows:
        by_section.setdefault(r["section_id"], Counter())[r["country"]] += 1
    out = [f"Delegations that took the floor ({len(rows)} mentions)"]
    for sid, counts in by_section.items():
        named = ", ".join(c if n == 1 else f"{c} ×{n}" for c, n in counts.items())
        out.append(f"  §{sid:<3} {named}")
    return "\n".join(out)


def _attendance(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    return f"Attendance ({len(rows)})\n  " + " ".join(r["country"] for r in rows)


def _times(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    out = [f"Times ({len(rows)})"]
    for t in rows:
        out.append(f"  §{t['section_id']:<3} {t['time']}  {t['kind']:<15} {t['raw']!r}  p. {t['page']}")
    return "\n".join(out)


def _citations(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    resolved = sum(1 for r in rows if r["resolved"])
    out = [f"Symbols cited ({len(rows)}, {resolved} in the archive)"]
    for r in rows:
        target = f"→ {r['cited_doc_id']} ({r['match']})" if r["resolved"] else "  unresolved"
        note = "  [footnote]" if r["in_footnote"] else ""
        out.append(f"  §{r['section_id']:<3} {r['symbol']:<32} {target}{note}")
    return "\n".join(out)


def _cited_by(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    out = [f"Cited by ({len(rows)})"]
    out += [
        f"  ← {r['citing_doc_id']}  {r['citing_symbol'] or r['source_path']}  as {r['symbol']} ({r['match']})"
        for r in rows
    ]
    return "\n".join(out)


def _links(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    out = [f"Links ({len(rows)})"]
    for lk in rows:
        label = f"  “{_cut(lk['label'], 40)}”" if lk["label"] and lk["label"] != lk["url"] else ""
        out.append(f"  §{lk['section_id'] if lk['section_id'] is not None else '-':<3} {lk['url']}{label}")
    return "\n".join(out)
