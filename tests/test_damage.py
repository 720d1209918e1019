"""Damage that must not cost a document, with either engine and the default one: a broken annotation
loses that link (said in `warnings`), a file one engine cannot read is read by the other (the row
names it), a page whose content is damaged is named and keeps what could be decoded, a file that
lacks only its final %%EOF is `ok` (said in `warnings`). Each case says exactly which text must
reach the tables and which must not."""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile import (
    BAD_STRING_LINK,
    BROKEN_BOX_LINK,
    GOOD_LINK,
    RECORD,
    bad_annotation_strings,
    flipped_stream,
    garbage_xref,
    owner_password_deflated,
    without_eof,
    zero_pages,
)

from pipeline.batch.process import process
from pipeline.batch.task import Task
from pipeline.extract import errors, extract
from pipeline.extract.damage import inflate

ENGINES = [None, "pdfplumber", "pdfium"]  # None: the default engine
EVERY_LINE = [line for page in RECORD for line in page]
FALLBACK = "read with pdfium: pdfplumber failed (no pages: the PDF has no page)"

# name: (file, status, error, {engine asked: (engine that read it, warnings)}, text in, text not in)
CASES: dict[str, tuple[Any, ...]] = {
    "bad_annotation_strings": (
        bad_annotation_strings,
        "ok",
        None,
        {e: (e or "pdfplumber", ["links unreadable on page 3"]) for e in ENGINES},
        EVERY_LINE,
        [],
    ),
    "garbage_xref": (
        garbage_xref,
        "ok",
        None,
        {None: ("pdfium", [FALLBACK]), "pdfplumber": ("pdfium", [FALLBACK]), "pdfium": ("pdfium", [])},
        EVERY_LINE,
        [],
    ),
    "flipped_stream": (
        flipped_stream,
        "partial",
        "damaged: the content of page 2 of 3 could not be fully decoded",
        {e: (e or "pdfplumber", []) for e in ENGINES},
        [*RECORD[0], RECORD[1][0], *RECORD[2]],
        RECORD[1][1:],
    ),
    "owner_password_deflated": (  # not damaged: its streams are checked once decrypted
        owner_password_deflated,
        "ok",
        None,
        {e: (e or "pdfplumber", []) for e in ENGINES},
        EVERY_LINE,
        [],
    ),
    "without_eof": (
        without_eof,
        "ok",
        None,
        {e: (e or "pdfplumber", ["no %%EOF at the end of the file; every page was read"]) for e in ENGINES},
        EVERY_LINE,
        [],
    ),
}


def read(tmp_path: Path, name: str, engine: str | None) -> dict[str, list[dict[str, Any]]]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(CASES[name][0]())
    task = Task(str(path), path.name) if engine is None else Task(str(path), path.name, engine)
    return process(task)


def text(rows: dict[str, list[dict[str, Any]]]) -> str:
    """Every piece of text the tables hold of the document, one space between words."""
    parts = [rows["documents"][0]["title"] or ""]
    parts += [f"{s['heading'] or ''} {s['text'] or ''}" for s in rows["sections"]]
    return re.sub(r"\s+", " ", " ".join(parts))


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: e or "default")
@pytest.mark.parametrize("name", sorted(CASES))
def test_damage_gives_its_status_named_pages_engine_and_text(tmp_path: Path, name: str, engine: str | None):
    _, status, error, engines, present, absent = CASES[name]
    rows = read(tmp_path, name, engine)
    [doc] = rows["documents"]
    assert (doc["status"], doc["error"]) == (status, error)
    assert (doc["engine"], doc["warnings"]) == engines[engine]
    assert all(errors.warned(w) for w in doc["warnings"])
    got = text(rows)
    assert [line for line in present if line not in got] == []
    assert [line for line in absent if line in got] == []


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: e or "default")
def test_a_broken_annotation_costs_only_its_own_link(tmp_path: Path, engine: str | None):
    """Page 2's second link has strings in no encoding (its URI is fine, so it is read); page 3's
    second has a box of three numbers, so it is left out, and page 3's first link is kept."""
    rows = read(tmp_path, "bad_annotation_strings", engine)
    links = sorted((row["page"], row["url"]) for row in rows["links"])
    assert links == [(2, BAD_STRING_LINK), (2, GOOD_LINK), (3, GOOD_LINK)]
    assert BROKEN_BOX_LINK not in str(rows)


def _bad_block_after(text: bytes, rest: bytes) -> bytes:
    """`text` deflated whole, then a block with the reserved type 3 in its header, then `rest`."""
    deflate = zlib.compressobj()
    first = deflate.compress(text) + deflate.flush(zlib.Z_FULL_FLUSH)
    after = deflate.compress(rest) + deflate.flush()
    return first + bytes([after[0] | 0b110]) + after[1:]


FOO = zlib.compress(b"foo")
NOISE = random.Random(1).randbytes(40_000)  # deflates to about as much: more than one CHUNK


@pytest.mark.parametrize(
    ("data", "whole", "decoded"),
    [
        (FOO, True, b"foo"),
        (zlib.compress(b""), True, b""),
        (FOO[:-4], True, b"foo"),  # no checksum: some writers leave it out
        (FOO[:-1] + bytes([FOO[-1] ^ 1]), False, b"foo"),  # the checksum of other data
        (FOO[:-5], False, b"foo"),  # cut short before the end of the deflate data
        (_bad_block_after(b"foo", b"bar"), False, b"foo"),  # what precedes a bad block is kept
        (_bad_block_after(NOISE, b"bar"), False, NOISE),  # the bad block past the first chunk fed
        (b"not zlib", False, b""),
    ],
)
def test_inflate_says_whether_the_data_was_whole(data: bytes, whole: bool, decoded: bytes):
    assert inflate(data) == (decoded, whole)


@pytest.mark.parametrize("layer", ["footnotes", "links"])
def test_a_layer_that_fails_on_one_page_costs_only_that_layer_of_that_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str
):
    """Layout's footnote and link reading made to fail on page 2 (as a bug or a page nobody foresaw
    would): the document is ok, page 2's text is kept, and the warning names the layer and the page."""
    from pipeline.extract.layout import pages

    name = {"footnotes": "split_footnotes", "links": "page_links"}[layer]
    real: Callable[..., Any] = getattr(pages, name)

    def failing(*args: Any) -> Any:
        number = args[0].number if layer == "links" else args[0][0].page
        if number == 2:
            raise ValueError("a page nobody foresaw")
        return real(*args)

    monkeypatch.setattr(pages, name, failing)
    rows = read(tmp_path, "bad_annotation_strings", None)
    [doc] = rows["documents"]
    assert (doc["status"], doc["error"]) == ("ok", None)
    lost = {"footnotes": [], "links": [(2, BAD_STRING_LINK), (2, GOOD_LINK)]}[layer]
    assert doc["warnings"] == [f"{layer} unreadable on page 2", "links unreadable on page 3"]
    assert [line for line in EVERY_LINE if line not in text(rows)] == []
    assert not set(lost) & {(row["page"], row["url"]) for row in rows["links"]}


@pytest.mark.parametrize(
    ("end", "complete"),
    [
        (b"startxref\n1234\n%%EOF\n", True),
        (b"startxref\n1234\n", True),  # the marker lost
        (b"startxref\r\n1234\r\n%%EO", True),  # cut inside the marker
        (b"startxref\n12", True),  # cut inside the offset: the pages are all there, and so is the table
        (b"endobj\n5 0 obj\n<< /Length 99 >>\nstream\nBT", False),  # cut inside an object
        (b"0000000009 00000 n \ntrailer\n<< /Size 3", False),  # cut inside the trailer
    ],
)
def test_a_file_that_ends_with_its_trailer_is_complete(tmp_path: Path, end: bytes, complete: bool):
    path = tmp_path / "end.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"1 0 obj\n<< >>\nendobj\n" * 20 + end)
    assert errors.complete_but_eof(str(path)) is complete


def open_files(path: Path) -> int:
    """How many of this process's file descriptors are open on `path` (Linux /proc)."""
    count = 0
    for fd in Path("/proc/self/fd").iterdir():
        try:
            count += Path(fd.readlink()) == path
        except OSError:  # the descriptor of the listing itself, closed by now
            continue
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs Linux /proc to see open files")
@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_a_file_no_engine_can_read_is_not_left_open(tmp_path: Path, engine: str):
    """Given a path, pypdfium2 left the file of a document it failed to load open, and pdfplumber's of
    a document of no page stayed open until a garbage collection; with the fallback every such file
    meets both engines, and a worker that met many would run out of file descriptors."""
    pdf = tmp_path / "no_pages.pdf"
    pdf.write_bytes(zero_pages())  # PDFium loads it, then pypdfium2 refuses a document of no page
    with pytest.raises(errors.ExtractError):
        extract(pdf, engine)
    assert open_files(pdf) == 0
