"""Clear words for what went wrong with a file: a closed set of messages, each with its explanation.

Every error a documents row can carry is one of MESSAGES, filled in per file, so a user can look a
message up in docs/BAD_INPUT.md and a batch's errors can be counted by kind. Parser exceptions are
mapped onto the set here; nothing else puts words in the error column.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path


class ExtractError(Exception):
    """A file could not be read; the message is meant for the user."""


class ReferenceLoop(Exception):
    """An engine found an object that is a reference leading back to itself (see REFERENCE_LOOP)."""


@dataclass(frozen=True)
class Message:
    """One kind of error: a `str.format` template and one line on what it means and what to do."""

    template: str
    about: str

    def __call__(self, **fields: object) -> str:
        return self.template.format(**fields)

    def matches(self, error: str) -> bool:
        parts = re.split(r"\{\w+\}", self.template)
        return re.fullmatch(".+".join(re.escape(p) for p in parts), error, re.DOTALL) is not None


EMPTY = Message(
    "empty file: 0 bytes",
    "The file has no content at all, usually an interrupted download or copy.",
)
NOT_PDF = Message(
    "not a PDF: the file starts with {start}",
    "Something else saved under a `.pdf` name; `{start}` shows its first bytes: `<html>` or "
    "`<!DOCTYPE html>` is a web page (often a login or error page), `PK` a ZIP archive or "
    "Word/Excel file, `\\x89PNG` or `\\xff\\xd8` an image.",
)
ENCRYPTED = Message(
    "encrypted: a password is needed",
    "The PDF is encrypted with a password to open it; acta does not guess passwords.",
)
TRUNCATED = Message(
    "corrupt PDF: the file is truncated",
    "The end of the file is missing (an interrupted download) and nothing readable is left; "
    "download it again.",
)
TRUNCATED_READ = Message(
    "truncated: the end of the file is missing; {read} of {count} pages have text",
    "With status `partial`: what arrived of an interrupted download was read; the pages (or the "
    "ends of pages) that were cut off are missing.",
)
BROKEN_XREF = Message(
    "corrupt PDF: the cross-reference table is broken",
    "The index of the file's objects is missing or points to the wrong places, and the objects "
    "could not be found without it.",
)
TOO_DEEP = Message(
    "corrupt PDF: objects nest too deeply",
    "Objects inside objects beyond any sensible depth: a damaged or deliberately hostile file.",
)
REFERENCE_LOOP = Message(
    "corrupt PDF: an object refers to itself in a loop",
    "An object of the file is only a reference to another that leads back to it (`6 0 obj 6 0 R "
    "endobj`): a damaged or deliberately hostile file. Following it would never end, so the reading "
    "stops at once (the pdfium engine reads such an object as missing instead).",
)
CORRUPT = Message(
    "corrupt PDF: the parser could not read it ({error})",
    "Damage of another kind; `{error}` names the parser's exception (`PSSyntaxError`, `ValueError`, "
    "…), for a bug report.",
)
NO_PAGES = Message(
    "no pages: the PDF has no page",
    "The file is a valid PDF with an empty page tree.",
)
NO_TEXT = Message(
    "no text layer: the pages are images (OCR is not applied)",
    "A scan: the pages hold pictures of text, not text, and the run was told not to OCR them "
    "(`--ocr never`).",
)
BLANK = Message(
    "no text: the pages are blank or their content could not be decoded",
    "The pages hold neither text nor images that acta could read, often because their content "
    "streams are damaged.",
)
ONLY_HIDDEN = Message(
    "no visible text: all the text is hidden ({chars} characters no reader sees)",
    "Every glyph is invisible (and not over a picture), under 1 pt, outside the crop box or in the "
    "colour behind it: a reader sees blank pages, so nothing goes into the tables; `acta review` "
    "lists the hidden text.",
)
TOO_LARGE = Message(
    "too large: ran out of memory",
    "Reading the file needed more than the memory limit (`--memory-mb`, 1024 MB per worker by "
    "default); a decompression bomb ends here instead of taking the machine down.",
)
TIMED_OUT_OPENING = Message(
    "timed out after {seconds} s while opening the file",
    "The parser was still reading the file's structure at the time limit (`--timeout`, 120 s by "
    "default); for example a page tree that names hundreds of thousands of pages.",
)
TIMED_OUT = Message(
    "timed out after {seconds} s on page {page}",
    "That page took the parser past the time limit; the worker was killed and replaced, and nothing "
    "of the document is kept.",
)
TIMED_OUT_ANALYSING = Message(
    "timed out after {seconds} s while analysing the text",
    "Every page was read, but laying out and parsing the text ran past the time limit.",
)
TIMED_OUT_CLUSTER = Message(
    "timed out after {seconds} s on a cluster worker",
    "With `--scheduler`, the document had no result at the time limit and was given up; Dask cannot "
    "stop a running task, so the worker thread goes on until the parser returns (restart the worker "
    "to free it).",
)
CRASHED = Message(
    "parser crashed: the worker died ({how})",
    "The worker process died on this file (`SIGSEGV`: a crash in native code; `SIGKILL`: killed by "
    "the system); it was replaced and the batch went on.",
)
UNREADABLE = Message(
    "unreadable: {reason}",
    "The operating system would not hand over the file's bytes (`Permission denied`, `a broken link`).",
)
LINK_OUTSIDE = Message(
    "skipped: a link to a file outside the input folder (use --follow-links)",
    "A symbolic link that leads out of the input folder; it is not followed unless `--follow-links` "
    "is given.",
)
NOT_A_FILE = Message(
    "skipped: not a regular file (a pipe, socket or device)",
    "A name ending in `.pdf` that is not a file; reading it could block forever.",
)
INTERNAL = Message(
    "internal error: {error}",
    "A bug in acta, not a fault of the file; `{error}` names the exception and the line of acta it "
    "came from. Please report it with the file.",
)
PARTIAL = Message(
    "stopped at page {page} of {count}: {reason}",
    "Page `{page}` could not be read, for `{reason}` (one of the messages above). With status "
    "`partial`, the pages before it are in the tables and the rest are not; with `failed`, the "
    "pages before it held no text.",
)
OCR_EMPTY = Message(
    "no text: OCR found none on the page images",
    "The pages are pictures, OCR read them and found no text: blank scans, photographs or drawings.",
)
OCR_NEEDED = Message(
    "OCR needed: install tesseract-ocr to read page(s) {pages} ({reason})",
    "Those pages are pictures of text (or text without usable characters) and OCR could not run: "
    "install Tesseract with its English, Spanish, French and Portuguese data (Debian: `apt-get install "
    "tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-por`) and "
    "`pip install pytesseract`, then run again. `partial` when other pages were read, else `failed`.",
)

DAMAGED = Message(
    "damaged: the content of {pages} of {count} could not be fully decoded",
    "With status `partial`: the content streams of the pages named (`page 2`, `pages 2, 7`) are damaged "
    "(bad bytes in compressed data, a stream cut short); what could be decoded of them is in the "
    "tables, the rest of those pages is missing, and the other pages were read in full.",
)

MESSAGES = [
    EMPTY,
    NOT_PDF,
    ENCRYPTED,
    TRUNCATED,
    TRUNCATED_READ,
    BROKEN_XREF,
    TOO_DEEP,
    REFERENCE_LOOP,
    CORRUPT,
    NO_PAGES,
    NO_TEXT,
    BLANK,
    ONLY_HIDDEN,
    TOO_LARGE,
    TIMED_OUT_OPENING,
    TIMED_OUT,
    TIMED_OUT_ANALYSING,
    TIMED_OUT_CLUSTER,
    CRASHED,
    UNREADABLE,
    LINK_OUTSIDE,
    NOT_A_FILE,
    INTERNAL,
    PARTIAL,
    DAMAGED,
    OCR_NEEDED,
    OCR_EMPTY,
]

# What was lost or worked around in a document that was read: the `warnings` column of documents,
# a list of these, filled in per file (never a reason to fail the document)
LAYER_LOST = Message(
    "{layer} unreadable on page {page}",
    "The page's text was read, but some or all of its link annotations (`links`) or its footnotes "
    "(`footnotes`) could not be; what could not be read of them is not in the tables (footnotes that "
    "could not be set apart stay in the page's text).",
)
NO_EOF = Message(
    "no %%EOF at the end of the file; every page was read",
    "The file lacks its final end marker but nothing else: its trailer is whole and every page was "
    "read (a file cut short, with pages missing, is `partial` instead).",
)
FALLBACK = Message(
    "read with {engine}: {first} failed ({reason})",
    "The engine asked for could not read the file, for `{reason}` (one of the errors above); the other "
    "engine could, and produced the rows (`engine` names it).",
)

WARNINGS = [LAYER_LOST, NO_EOF, FALLBACK]


def warned(warning: str) -> bool:
    """Whether a warning is one of WARNINGS (for a fallback, its reason must be an error message)."""
    fallback = re.fullmatch(r"read with \w+: \w+ failed \((.+)\)", warning, re.DOTALL)
    if fallback:
        return documented(fallback.group(1))
    return any(m.matches(warning) for m in WARNINGS)


def documented(error: str) -> bool:
    """Whether an error is one of MESSAGES (for a partial, its reason must be one too)."""
    stopped = re.fullmatch(r"stopped at page \d+ of \d+: (.+)", error, re.DOTALL)
    reason = stopped.group(1) if stopped else error
    return any(m.matches(reason) for m in MESSAGES if m is not PARTIAL)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, then what it wraps (pdfplumber puts pdfminer's in args[0]) and what caused it,
    breadth first: the last is the innermost."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if e in seen:
            continue
        seen.append(e)
        todo += [x for x in (e.__cause__, e.__context__, *e.args) if isinstance(x, BaseException)]
    return seen


def ends_properly(path: str) -> bool:
    """A whole PDF ends with %%EOF (give or take trailing junk); a truncated one does not."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - 1024))
            return b"%%EOF" in fh.read()
    except OSError:
        return True


def complete_but_eof(path: str) -> bool:
    """A file whose trailer ends it (`startxref` and an offset, then white space or part of the
    marker) lacks just its final %%EOF; a download cut short ends anywhere else."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - 64))
            return re.search(rb"startxref\s+\d+\s*(?:%(?:%(?:E(?:OF?)?)?)?)?\s*\Z", fh.read()) is not None
    except OSError:
        return False


def describe(exc: BaseException, path: str) -> str:
    """The message for a parser exception raised while reading the file at `path`.

    Types decide first; then words in the exceptions' names and the start of their messages (the
    rest of a message may quote the file's own bytes); then whether the file ends as a PDF must."""
    chain = _chain(exc)
    if any(isinstance(e, MemoryError) for e in chain):
        return TOO_LARGE()
    if any(isinstance(e, RecursionError) for e in chain):
        return TOO_DEEP()
    if any(isinstance(e, ReferenceLoop) for e in chain):
        return REFERENCE_LOOP()
    words = " ".join(f"{type(e).__name__} {str(e)[:60]}" for e in chain).lower()
    if "password" in words or "encrypt" in words:
        return ENCRYPTED()
    if not ends_properly(path) and not complete_but_eof(path):
        return TRUNCATED()
    if "no /root" in words or "trailer" in words or "xref" in words:
        return BROKEN_XREF()
    if "eof" in words or "truncat" in words or "unexpected end" in words:
        return TRUNCATED()
    inner = type(chain[-1])
    return CORRUPT(
        error=f"{inner.__module__}.{inner.__name__}" if inner.__name__.islower() else inner.__name__
    )


def not_pdf(head: bytes) -> str:
    """NOT_PDF, showing the file's first characters: a tag whole (`<html>`), else up to 12 bytes,
    unprintable ones escaped."""
    first = head.lstrip().split(b"\n", 1)[0]
    first = first[: first.index(b">") + 1] if first.startswith(b"<") and b">" in first else first[:12]
    return NOT_PDF(start="".join(chr(b) if 32 <= b < 127 else f"\\x{b:02x}" for b in first))


def internal(exc: BaseException) -> str:
    """INTERNAL, naming the exception and the innermost line of acta's own code it passed through."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/pipeline/" in f.filename]
    if not frames:
        return INTERNAL(error=type(exc).__name__)
    where = Path(frames[-1].filename)
    rel = where.as_posix()[where.as_posix().rindex("/pipeline/") + 1 :]
    return INTERNAL(error=f"{type(exc).__name__} at {rel}:{frames[-1].lineno}")
