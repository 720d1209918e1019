"""Text a reader cannot see stays out of every table, with either engine: invisible text (unless it is
a scan's OCR layer over a picture), specks under 1 pt, text outside the crop box or off the page, and
text in the colour of what lies behind it. Each case of tests/hostile.py prints the same sentence
(HIDDEN) one way; every string column of every table is searched for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hostile import HIDDEN, LINES, RUNS_OFF, all_hidden, hidden_cases

from pipeline.extract import ENGINES, ExtractError, errors, extract
from pipeline.parse import parse
from pipeline.segment import segment
from pipeline.write import document_rows

CASES = {name: (data, seen) for name, data, seen in hidden_cases()}
MARKS = ("Mallory", "Hiddenland", "9999")  # words of HIDDEN that nothing else prints


def tables(path: Path, engine: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one file, made as a worker makes them (pipeline.batch.process)."""
    extracted = extract(path, engine)
    facts = {
        "doc_id": "0",
        "source_path": path.name,
        "engine": engine,
        "status": "partial" if extracted.error else "ok",
        "error": extracted.error,
        "pages": extracted.page_count,
    }
    return document_rows(parse(segment(extracted)), facts)


def strings(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    return [v for table in rows.values() for row in table for v in row.values() if isinstance(v, str)]


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("name", sorted(CASES))
def test_hidden_text_reaches_no_table_and_seen_text_does(tmp_path: Path, name: str, engine: str) -> None:
    data, seen = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    rows = tables(path, engine)
    document = rows["documents"][0]
    found = [s for s in strings(rows) if any(mark in s for mark in MARKS)]
    body = "\n".join(row["text"] for row in rows["sections"])
    assert document["status"] == "ok"
    assert LINES[2] in body  # the visible text is read as before
    if seen:
        assert HIDDEN in body
        assert document["hidden_chars"] == 0
    else:
        assert found == []
        assert document["hidden_chars"] == len("".join(HIDDEN.split()))


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_line_that_runs_off_the_page_keeps_its_part_on_the_page(tmp_path: Path, engine: str) -> None:
    """PDFium reads the line as one run: it is cut into characters where it crosses the page's edge."""
    path = tmp_path / "hidden_runs_off_the_page.pdf"
    path.write_bytes(CASES[path.name][0])
    pages = extract(path, engine).pages
    assert RUNS_OFF in [ln.text for ln in pages[0].lines]
    assert [ln.text for ln in pages[0].hidden] == [HIDDEN]


def test_the_hidden_text_is_kept_for_a_review(tmp_path: Path) -> None:
    path = tmp_path / "hidden_white.pdf"
    path.write_bytes(CASES[path.name][0])
    for engine in sorted(ENGINES):
        pages = extract(path, engine).pages
        assert [(ln.page, ln.text) for p in pages for ln in p.hidden] == [(1, HIDDEN)], engine


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_file_whose_text_is_all_hidden_fails_and_says_so(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "hidden_all.pdf"
    path.write_bytes(all_hidden())
    with pytest.raises(ExtractError) as caught:
        extract(path, engine)
    assert str(caught.value) == "no visible text: all the text is hidden (226 characters no reader sees)"
    assert errors.documented(str(caught.value))


def test_acta_show_says_how_much_was_kept_out(tmp_path: Path) -> None:
    from pipeline.analyst.show import show
    from pipeline.batch.run import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hidden_white.pdf").write_bytes(CASES["hidden_white.pdf"][0])
    run(tmp_path / "in", tmp_path / "out", workers=1)
    assert "  hidden   68 characters no reader sees, kept out" in show("hidden_white.pdf", tmp_path / "out")
