"""Table columns: a programme table's header row ("Time | Session | Speakers", "Heure | Séance |
Intervenants") says where each column starts, and the rows under it are cut into cells there.

The gap rule of layout (a gap of several font sizes parts two cells) misses cells set close together,
as word processors set a table's columns; the header row, whose labels are short, shows its gaps
plainly. Every row under it that leaves white space where each column starts is a row of the table,
on the next pages too (a running header or page number between them is passed over; white space of
more than a row's height ends the table), and gets one
cell per column it has text in: even a row with text in one column only has cells, which is what
tells the segment stage it is part of the table. The labels are the `programme_columns` of every
language: layout runs before the language is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.document import BBox, Line
    from pipeline.extract.layout import Glyph

    MakeLine = Callable[[list[Glyph], int, list[BBox]], Line | None]

COLUMN_SLACK = 3.0  # points a cell may start left of its column's header label
ROW_PITCH = 2.8  # font sizes from one row's top to the next: further down, the table has ended
WORD_GAP = 0.18  # font sizes: a narrower gap between two glyphs is inside a word


@cache
def column_roles() -> dict[str, str]:
    """Each casefolded label of a programme table's header, in every language, with the part of the
    column it heads (time, session, speakers); the segment stage reads the same table."""
    from pipeline.language import LANGUAGES, cues

    return {
        w.casefold(): role
        for lang in LANGUAGES
        for role, words in cues(lang).programme_columns.items()
        for w in words
    }


def is_header_row(line: Line) -> bool:
    """A row of two labels or more, each a programme table's column label."""
    labels = column_roles()
    return len(line.cells) >= 2 and all(text.casefold() in labels for _, text in line.cells)


@dataclass
class Columns:
    """The open table's column starts, carried from page to page while its rows go on."""

    starts: tuple[float, ...] = ()
    last: tuple[int, float | None] = (0, None)  # page and top of the table's last row (None: unmeasured)

    def cut(self, line: Line, row: list[Glyph], make: MakeLine, in_band: bool) -> Line:
        """The line as a row of the open table, with its cells by column; a header row opens a
        table, a row that does not fit closes it (unless it stands at a page edge)."""
        if is_header_row(line):
            self.starts = tuple(x for x, _ in line.cells)
            self.last = (line.page, line.top)
            return line
        if not self.starts:
            return line
        page, top = self.last
        apart = line.page == page and top is not None and line.top - top > ROW_PITCH * line.size
        if apart or not _fits(row, self.starts):
            if not in_band:
                self.starts = ()
            return line
        # the first row in the top band of a new page may be its running header: rows are not measured from it
        self.last = (line.page, None if in_band and line.page != page else line.top)
        groups: list[list[Glyph]] = [[] for _ in self.starts]
        for g in row:
            groups[self.column(g.x0)].append(g)
        cells = []
        for group in groups:
            cell = make(group, line.page, []) if group else None
            if cell is not None:
                cells.append((cell.x0, cell.text))
        return replace(line, cells=tuple(cells))

    def column(self, x: float) -> int:
        """The column a glyph starting at `x` stands in: the last whose start is left of it."""
        i = 0
        for k, start in enumerate(self.starts):
            if x >= start - COLUMN_SLACK:
                i = k
        return i


def _fits(row: list[Glyph], starts: tuple[float, ...]) -> bool:
    """Whether the row leaves white space where each column starts: no glyph, and no word, runs
    across a column's edge, and nothing stands left of the first column."""
    ink = sorted((g for g in row if g.text.strip()), key=lambda g: g.x0)
    if not ink or ink[0].x0 < starts[0] - COLUMN_SLACK:
        return False
    for edge in (s - COLUMN_SLACK for s in starts[1:]):
        for prev, g in zip(ink, ink[1:], strict=False):
            if g.x0 < edge < g.x1 or (prev.x1 <= edge <= g.x0 and g.x0 - prev.x1 < WORD_GAP * g.size):
                return False
        if ink[0].x0 < edge < ink[0].x1:
            return False
    return True
