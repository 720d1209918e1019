"""PDFium's text page: a run's text, where its characters start in the page's text, and where each
character starts and ends on the page.

A run's text is read in one call per run; characters are measured one by one only at a run's last
character and where a link annotation starts or ends inside a run.
"""

from __future__ import annotations

import codecs
import ctypes
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as c

from pipeline.extract.pdfium.fonts import Font, address
from pipeline.extract.pdfium.geometry import Box

TEXT_BUFFER = 4096  # UTF-16 units read per run in one call; longer runs take a second call
# PDFium marks a hyphen that ends a line with U+0002; pdfplumber reads the hyphen itself. A code
# with no Unicode comes out as a C1 control, where pdfplumber writes "(cid:N)", which layout reads as •
PDFIUM_CHARS = str.maketrans({"\x02": "-", **{chr(code): "•" for code in range(0x80, 0xA0)}})
SPECIAL = re.compile("[\x02\x80-\x9f]")


def plain(text: str) -> str:
    """Text with PDFium's marks replaced (PDFIUM_CHARS); most text has none."""
    return text.translate(PDFIUM_CHARS) if SPECIAL.search(text) else text


@dataclass(slots=True)
class Run:
    """A run found in the text page, upright: its characters can be measured one by one."""

    text: str
    box: Box  # user space: left, bottom, right, top (the em box: baseline, font descent, size)
    font: Font
    size: float  # what pdfplumber calls size: the font size as printed, scaled by the text matrix
    font_size: float  # the font size in text space, before the text matrix
    x_scale: float  # text space -> user space along the baseline
    index: range  # each character's index in the text page


@dataclass
class TextPage:
    """One page's text page and the whole of its text; runs are looked up in it in page order."""

    handle: Any
    full: str = ""
    cursor: int = 0
    buffer: Any = field(default_factory=lambda: (ctypes.c_ushort * TEXT_BUFFER)())
    view: memoryview = field(init=False)  # the buffer's bytes, decoded without copying them first
    # out-parameters, made once per page rather than once per call
    rect: Any = field(default_factory=c.FS_RECTF)
    width: Any = field(default_factory=ctypes.c_float)
    x: Any = field(default_factory=ctypes.c_double)
    y: Any = field(default_factory=ctypes.c_double)

    def __post_init__(self) -> None:
        self.view = memoryview(self.buffer).cast("B")

    @classmethod
    def load(cls, page: Any) -> TextPage:
        """The page's text page, with all its text read in one call (to find each run in it)."""
        found = cls(c.FPDFText_LoadPage(page))
        count = c.FPDFText_CountChars(found.handle)
        if count > 0:
            buffer = (ctypes.c_ushort * (count + 1))()
            c.FPDFText_GetText(found.handle, 0, count, buffer)
            found.full = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "replace")
        return found

    def close(self) -> None:
        if self.handle:
            c.FPDFText_ClosePage(self.handle)

    def text(self, obj: Any) -> str:
        size = c.FPDFTextObj_GetText(obj, self.handle, self.buffer, len(self.view))
        if size > len(self.view):
            self.buffer = (ctypes.c_ushort * (size // 2))()
            self.view = memoryview(self.buffer).cast("B")
            size = c.FPDFTextObj_GetText(obj, self.handle, self.buffer, size)
        if size <= 2:
            return ""
        return codecs.utf_16_le_decode(self.view[: size - 2], "replace", True)[0]

    def locate(self, obj: Any, text: str) -> int:
        """Where the run's characters start in the text page (runs come in page order), or -1."""
        want = address(obj)
        at = self.full.find(text, self.cursor)
        for _ in range(4):  # a run that starts with a space may first match a space PDFium added
            if at < 0:
                return -1
            if address(c.FPDFText_GetTextObject(self.handle, at)) == want:
                self.cursor = at + len(text)
                return at
            at = self.full.find(text, at + 1)
        return -1

    def generated(self, index: int) -> bool:
        """A character PDFium made up (a space between runs), not one the PDF shows."""
        return bool(c.FPDFText_IsGenerated(self.handle, index))

    def left(self, index: int) -> float:
        """Where a character starts: its origin (its loose box reaches further for a 'j')."""
        c.FPDFText_GetCharOrigin(self.handle, index, self.x, self.y)
        return self.x.value

    def right(self, run: Run, k: int) -> float:
        """Where the run's k-th character ends: the end of its advance, as pdfplumber's box does.

        PDFium's loose box spans the advance, except in a font without ascent and descent, where it
        is the ink: an overhanging 'f' would then close the gap to the next word."""
        if not run.font.measured and c.FPDFFont_GetGlyphWidth(
            run.font.handle, ord(run.text[k]), run.font_size, self.width
        ):
            return self.left(run.index[k]) + self.width.value * run.x_scale
        c.FPDFText_GetLooseCharBox(self.handle, run.index[k], self.rect)
        return self.rect.right
