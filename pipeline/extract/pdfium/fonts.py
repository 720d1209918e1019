"""A text run's font: its name (which says bold or italic) and its descent, read once per document
(PDFium shares a font between the pages that use it)."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as c

MAX_DESCENT = -0.22  # of the size, below the baseline: Times 0.217, Arial 0.212 (layout's rules sit there)


@dataclass(frozen=True)
class Font:
    name: str  # the base font name, which says bold or italic
    descent: float  # below the baseline, per point of size (negative)
    handle: Any
    measured: bool  # PDFium has the font's ascent and descent, so its loose boxes span advances


def address(handle: Any) -> int:
    """A PDFium handle's address, to compare handles (0 for a null one); cheaper than ctypes.cast."""
    return ctypes.addressof(handle.contents) if handle else 0


def font_of(obj: Any, fonts: dict[int, Font]) -> Font:
    """The text object's font, from the document's cache `fonts` (keyed by the font's handle)."""
    handle = c.FPDFTextObj_GetFont(obj)
    key = address(handle)
    return fonts.get(key) or _new_font(handle, key, fonts)


def _new_font(handle: Any, key: int, fonts: dict[int, Font]) -> Font:
    """A font seen for the first time in the document: its name and descent, cached under `key`."""
    name = ctypes.create_string_buffer(256)
    c.FPDFFont_GetBaseFontName(handle, name, 256)
    ascent, descent = ctypes.c_float(), ctypes.c_float()
    measured = bool(
        c.FPDFFont_GetAscent(handle, 1000.0, ascent)
        and c.FPDFFont_GetDescent(handle, 1000.0, descent)
        and ascent.value != descent.value
    )
    # where a font descriptor gives no descent (LibreOffice writes 0), pdfminer puts the box on
    # the baseline and PDFium takes the bottom of the font's bounding box, below any letter;
    # capped at a text font's deepest descent, boxes and underlines come out alike
    depth = max(descent.value / 1000, MAX_DESCENT)
    found = Font(name.value.decode("utf-8", "replace"), depth, handle, measured)
    fonts[key] = found
    return found
