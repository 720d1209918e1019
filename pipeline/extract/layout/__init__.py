"""Engine-neutral layout: glyphs -> lines -> body, running headers, footnotes.

An engine (pdfplumber, PDFium) only has to say where each glyph or glyph run sits and in which
font, and how it is painted (`glyphs`: Glyph, RawPage); everything that rests on how documents are
typeset lives in this package, once: text no reader sees is kept out first (`hidden`); lines are
glyphs that share a baseline, and a superscript is smaller and raised
(`lines`); a two-column page is read column by column (`columns`); a running header is text that
comes back at the same place on other pages (`pages`); a footnote is small type at the bottom of a
page that starts with a mark (`footnotes`); a link's label is the text inside its box (`links`).
"""

from pipeline.extract.layout.glyphs import Glyph, RawPage, clean_text
from pipeline.extract.layout.pages import assemble, page_lines

__all__ = ["Glyph", "RawPage", "assemble", "clean_text", "page_lines"]
