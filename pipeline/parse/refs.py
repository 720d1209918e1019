"""Refs and links: the document symbols a record cites (body, headings, footnotes; never its own) and
the URLs it holds (link annotations, and addresses printed in the text), each placed in its section.
"""

from __future__ import annotations

import re

from pipeline.document import LinkRow, RefRow, Section, SectionTree
from pipeline.recognise.resolutions import cited, record_series
from pipeline.recognise.symbols import key

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
NOT_LINKS = ("mailto:",)  # an e-mail address is a contact, not a link (GOLD.md)


def _same(url: str) -> str:
    """The form in which a printed address and an annotation's are the same link: no trailing slash, no
    hyphens (a line end may have added or taken one)."""
    return url.rstrip("/").replace("-", "")


def read_refs(tree: SectionTree, own_symbol: str | None) -> list[RefRow]:
    """Every symbol cited in the sections' headings and paragraphs and in the footnotes, resolutions cited
    by number only written as their full symbols (the record's own symbol and family say whose they are)."""
    own = key(own_symbol) if own_symbol else None
    record = record_series(own_symbol, tree.family)
    rows: list[RefRow] = []
    for section in tree.sections:
        texts: list[tuple[str, int]] = []
        if section.heading_raw:
            texts.append((section.heading_raw, section.heading_page or 0))
        texts += [(p.text, p.page) for p in section.paragraphs]
        for text, page in texts:
            for sym in cited(text, record):
                if key(sym.symbol) != own:
                    rows.append(RefRow(section.section_id, sym, _page_at(section, text, sym.start, page)))
    for fn in tree.footnotes:
        sid = _section_of_footnote(tree, fn.mark, fn.page)
        for sym in cited(fn.text, record):
            if key(sym.symbol) != own:
                rows.append(RefRow(sid, sym, fn.page, in_footnote=True))
    return rows


def read_links(tree: SectionTree) -> list[LinkRow]:
    """Link annotations, then printed addresses that no annotation on the same page already gave (an
    annotation is the truth of its address: a printed one that differs from it only by a hyphen at a line
    end is the same link). E-mail addresses (`mailto:`) are no links."""
    rows: list[LinkRow] = []
    seen: set[tuple[str, int]] = set()
    for link in tree.links:
        if link.url.lower().startswith(NOT_LINKS):
            continue
        sid = _section_of_box(tree, link.page, link.bbox)
        rows.append(LinkRow(sid, link.url, link.label, link.page))
        seen.add((_same(link.url), link.page))
    texts = [(s.section_id, p.text, p.page) for s, p in tree.walk()]
    texts += [(_section_on_page(tree, fn.page), fn.text, fn.page) for fn in tree.footnotes]
    for sid, text, page in texts:
        for m in URL.finditer(text):
            url = m.group(0).rstrip(".,;:)]»\"'")
            if url.lower().startswith("www."):
                url = "https://" + url
            if (_same(url), page) in seen:
                continue
            seen.add((_same(url), page))
            rows.append(LinkRow(sid, url, None, page))
    return rows


def _section_of_footnote(tree: SectionTree, mark: str, page: int) -> int:
    """The section whose text carries the footnote's mark, else the section the page is in."""
    for s in tree.sections:
        for p in s.paragraphs:
            if any(mark in ln.marks or mark.rstrip("/") in ln.marks for ln in p.lines if ln.page == page):
                return s.section_id
    return _section_on_page(tree, page)


def _section_on_page(tree: SectionTree, page: int) -> int:
    """The last section that starts on or before the page."""
    found = 0
    for s in tree.sections:
        if s.page_start is not None and s.page_start <= page:
            found = s.section_id
    return found


def _page_at(section: Section, text: str, offset: int, page: int) -> int:
    """The page a character of a paragraph's text was printed on (paragraphs may cross pages)."""
    for p in section.paragraphs:
        if p.text == text and len({ln.page for ln in p.lines}) > 1:
            seen = 0
            for ln in p.lines:
                seen += len(ln.text) + 1
                if seen > offset:
                    return ln.page
    return page


def _section_of_box(
    tree: SectionTree, page: int, bbox: tuple[float, float, float, float] | None
) -> int | None:
    """The section of the line a link annotation's box lies on, else the section the page is in."""
    if bbox is None:
        return _section_on_page(tree, page)
    mid = (bbox[1] + bbox[3]) / 2
    for s, p in tree.walk():
        for ln in p.lines:
            if ln.page == page and ln.top - 2 <= mid <= ln.bottom + 2:
                return s.section_id
    return _section_on_page(tree, page)
