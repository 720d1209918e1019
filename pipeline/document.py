"""The typed values that flow between the stages.

extract  -> ExtractedDocument  (pages of lines, footnotes, links; running headers set apart)
segment  -> SectionTree        (preamble, headings, agenda items, timed slots; paragraphs per section)
parse    -> ParsedDocument     (metadata and row records: refs, times, speakers, delegations, ...)
write    -> Parquet tables and one DuckDB file

Each stage reads only the type before it, so an engine or a rule set can be swapped without the
next stage noticing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, ClassVar

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left

# A table's columns are declared once, on the dataclass its rows come from (pipeline.write.table_row):
# each field is the column of its own name unless its metadata says otherwise, and tests check that
# every row dataclass gives exactly its table's columns (pipeline.tables).
NOT_A_COLUMN: dict[str, Any] = {"columns": ()}  # carried between stages, not written
FLATTENED: dict[str, Any] = {"flatten": True}  # a dataclass whose own columns are this row's


def columns(*names: str) -> dict[str, Any]:
    """Field metadata: the field is written as these columns (a box spread over four, a renamed one)."""
    return {"columns": names}


@dataclass(frozen=True)
class Line:
    """One printed line: its text in reading order and the typography that marks structure."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    marks: tuple[str, ...] = ()  # superscript footnote marks found on the line
    cells: tuple[tuple[float, str], ...] = ()  # (x0, text) of each table cell when the line crosses columns

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @cached_property
    def is_caps(self) -> bool:
        """Set in capitals: every letter upper case and at least one real word ("CP/INF.9885/22" is not)."""
        if not self.text.isupper():
            return False  # a lower-case letter (nearly every line): decided in C
        letters = list(filter(str.isalpha, self.text))  # segment asks for every line: kept off Python loops
        return (
            len(letters) >= 4
            and all(map(str.isupper, letters))
            and any(len(w) >= 3 and w.isalpha() for w in (w.strip(".,;:()") for w in self.text.split()))
        )


@dataclass(frozen=True)
class Link:
    """A URL: the target of a link annotation (label = text under it) or printed in the text."""

    url: str
    label: str | None
    page: int
    bbox: BBox | None = None


@dataclass(frozen=True)
class Footnote:
    """Small type at a page bottom, tied to its mark in the body; a row of `footnotes`."""

    mark: str
    text: str
    page: int
    bbox: BBox | None = field(default=None, metadata=NOT_A_COLUMN)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]  # body lines in reading order, without running headers, footers and footnotes
    header: list[Line] = field(default_factory=list)  # running header/footer lines set apart
    footnotes: list[Footnote] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    hidden: list[Line] = field(default_factory=list)  # text no reader sees, kept out (layout.hidden)


@dataclass
class PageSource:
    """Where a page's text came from; a row of `pages` (pipeline.extract.ocr_pages)."""

    page: int
    text_source: str  # layer | ocr
    quality: float  # the text layer's quality, 0-1 (pipeline.extract.quality): what decided OCR
    ocr_confidence: float | None  # Tesseract's mean word confidence, 0-100, on an OCRed page
    chars: int  # characters with ink in the text kept


@dataclass
class ExtractedDocument:
    """Output of the extract stage, whatever the engine."""

    path: str
    pages: list[Page]
    page_count: int
    engine: str
    error: str | None = None  # set when some pages failed (the document is then partial)
    warnings: list[str] = field(default_factory=list)  # what was lost or worked around (errors.WARNINGS)
    sources: list[PageSource] = field(default_factory=list)  # one per page read, in page order

    @property
    def ocr_pages(self) -> int:
        return sum(1 for s in self.sources if s.text_source == "ocr")

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    @property
    def hidden_chars(self) -> int:
        """Characters of text no reader sees that were kept out, white space not counted (engines
        place spaces differently)."""
        return sum(len("".join(ln.text.split())) for page in self.pages for ln in page.hidden)


# ---------------------------------------------------------------- segment


@dataclass
class Paragraph:
    """Consecutive body lines that read as one unit (a sentence run, a list item, a heading)."""

    lines: list[Line]
    text: str
    bullet: bool = False

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def bbox(self) -> BBox:
        return (
            min(ln.x0 for ln in self.lines),
            min(ln.top for ln in self.lines),
            max(ln.x1 for ln in self.lines),
            max(ln.bottom for ln in self.lines),
        )


@dataclass
class Section:
    section_id: int  # document order, 0 = preamble
    parent_id: int | None
    level: int
    kind: str  # preamble | heading | item | slot
    heading: str | None
    number: str | None = None  # "1", "IV", "a" ...
    start: str | None = field(default=None, metadata=columns("start_time"))  # HH:MM for timed slots
    end: str | None = field(default=None, metadata=columns("end_time"))
    heading_raw: str | None = field(default=None, metadata=NOT_A_COLUMN)
    heading_page: int | None = field(default=None, metadata=NOT_A_COLUMN)
    heading_bbox: BBox | None = field(default=None, metadata=columns("x0", "top", "x1", "bottom"))
    paragraphs: list[Paragraph] = field(default_factory=list, metadata=NOT_A_COLUMN)
    DERIVED: ClassVar[tuple[str, ...]] = ("text", "page_start", "page_end")  # columns from properties

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def page_start(self) -> int | None:
        pages = [p.page for p in self.paragraphs] + ([self.heading_page] if self.heading_page else [])
        return min(pages) if pages else None

    @property
    def page_end(self) -> int | None:
        pages = [ln.page for p in self.paragraphs for ln in p.lines]
        pages += [self.heading_page] if self.heading_page else []
        return max(pages) if pages else None


@dataclass
class SectionTree:
    """Output of the segment stage: sections in document order plus what extract set apart, and the
    record family read from the header block; `family` is a column of the document's row."""

    sections: list[Section] = field(metadata=NOT_A_COLUMN)
    header_text: str = field(metadata=NOT_A_COLUMN)  # running headers and page-1 cover, for the own symbol
    footnotes: list[Footnote] = field(metadata=NOT_A_COLUMN)
    links: list[Link] = field(metadata=NOT_A_COLUMN)
    language: str = field(metadata=NOT_A_COLUMN)  # the documents row takes it from Metadata
    family: str  # models/families/<family>.json: oas_summary, oas_minutes, un_verbatim, generic
    hidden_chars: int = 0  # ExtractedDocument.hidden_chars: text no reader sees, kept out

    def walk(self) -> list[tuple[Section, Paragraph]]:
        return [(s, p) for s in self.sections for p in s.paragraphs]


# ---------------------------------------------------------------- parse


@dataclass(frozen=True)
class Symbol:
    raw: str
    symbol: str  # normalized spacing
    organ: str  # "CP/CAJP"
    kind: str | None  # doc, INF, RES, ACTA, SA, ...
    number: str | None
    year: str | None
    session: str | None  # "(2435/23)" -> "2435/23", "(LI-O/21)" -> "LI-O/21"
    suffix: str | None  # "rev. 1", "corr. 1", "add. 1"
    start: int = field(default=0, metadata=NOT_A_COLUMN)
    end: int = field(default=0, metadata=NOT_A_COLUMN)


@dataclass(frozen=True)
class TimeMention:
    raw: str
    time: str  # HH:MM 24-hour
    start: int
    end: int


@dataclass
class RefRow:
    section_id: int
    symbol: Symbol = field(metadata=FLATTENED)
    page: int
    in_footnote: bool = False


@dataclass
class TimeRow:
    section_id: int
    raw: str
    time: str
    kind: str
    page: int


@dataclass
class SpeakerRow:
    section_id: int
    name: str
    role: str | None
    organization: str | None
    country: str | None
    page: int


@dataclass
class DelegationRow:
    section_id: int
    country: str
    page: int


@dataclass
class LinkRow:
    section_id: int | None
    url: str
    label: str | None
    page: int


@dataclass
class Intervention:
    section_id: int
    order: int
    speaker_label: str
    country: str | None
    person: str | None
    text: str
    page: int


@dataclass
class Metadata:
    language: str
    symbol: str | None = None
    body: str | None = None
    kind: str | None = None  # summary, minutes, verbatim record, resolution, declaration, letter, note, ...
    document_date: date | None = None  # printed in the header block; not the meeting's date
    meeting_type: str | None = None
    meeting_date: date | None = None
    scheduled_start: str | None = None
    scheduled_end: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    chair: str | None = None
    venue: str | None = None
    title: str | None = None


@dataclass
class ParsedDocument:
    meta: Metadata
    tree: SectionTree
    refs: list[RefRow] = field(default_factory=list)
    times: list[TimeRow] = field(default_factory=list)
    speakers: list[SpeakerRow] = field(default_factory=list)
    delegations: list[DelegationRow] = field(default_factory=list)
    attendance: list[str] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)


_SOFT_HYPHEN_WORD = re.compile(r"[a-záéíóúàâêôãõçñüëïœ]{2,}-$")


def join_lines(texts: list[str]) -> str:
    """Join printed lines into running text, undoing end-of-line hyphenation.

    "demo-" + "cracy" -> "democracy" (a lower-case word broken by the typesetter);
    "CP/CAJP-" + "3769/23" -> "CP/CAJP-3769/23" (a symbol's own hyphen is kept);
    "https://x.org/a/" + "b.mp3" -> one URL.
    """
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
            continue
        last = out.rsplit(" ", 1)[-1]
        if last.endswith("-") and _SOFT_HYPHEN_WORD.search(last) and text[:1].islower() and not _in_url(last):
            out = out[:-1] + text
        elif last.endswith("-") and len(last) > 1 and (text[:1].isdigit() or "/" in last):
            out = out + text
        elif last.endswith("/") and re.search(r"[A-Z]", last) and text[:1].isalnum():
            out = out + text  # a symbol broken after a slash: "CP/CSH/" + "SA.690/22"
        elif (last.startswith(("http", "www.")) and last.endswith(("/", "_", "-", "="))) or (
            last.startswith(("http", "www.")) and "/" in last and text[:1].isalnum() and _url_tail(text)
        ):
            out = out + text
        else:
            out = out + " " + text
    return out


def _in_url(word: str) -> bool:
    """The word is an address: a hyphen that ends its line is the address's own (word processors do not
    hyphenate addresses), "seminaire-" + "infrastructures" stays one hyphenated path."""
    return re.search(r"https?://|www\.", word, re.IGNORECASE) is not None


def _url_tail(text: str) -> bool:
    """The next line continues a URL when its first word is a path fragment (no spaces, has a dot/slash)."""
    first = text.split(" ", 1)[0]
    return bool(re.fullmatch(r"[\w\-./%?=&#~]+\.(?:mp3|mp4|pdf|htm|html|asp|aspx|php|docx?)[.,;)]*", first))
