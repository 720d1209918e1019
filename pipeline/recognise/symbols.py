"""Document symbols: `CP/CAJP-3769/23`, `CP/doc.5890/23 corr. 1`, `CP/RES. 1219 (2435/23)`,
`AG/RES. 2976 (LI-O/21)`, `CP/ACTA 2345/23`, UN `A/63/PV.91` ...

The grammar is data (models/symbols.json), assembled here once. A match is split into parts (organ
path, kind, number, year, session, suffixes) and given one normalized spelling, so the same document
cited as `CP/doc. 5890/23` and `CP/DOC.5890/23` is one symbol.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from pipeline.cues import Words, load_rules, longest_first
from pipeline.document import Symbol
from pipeline.language import MODELS


@dataclass(frozen=True, eq=False)
class Grammar:
    """models/symbols.json, checked at load time like a language file (pipeline.cues.load_rules)."""

    about: str
    # OAS symbols: organ path, kind, number, session, suffixes
    organ: str
    kinds: Words
    number: str
    session: str
    suffixes: Words
    series_markers: Words  # OEA/Ser.G: a series, not a citation
    un_bodies: Mapping[str, str]  # first part of a UN record's own symbol -> the organ that met: A -> UNGA
    # UN symbols, and a meeting's own numbered documents ("IIIRCN. Doc. 1 REV.1")
    un: str
    meeting_docs: str
    abbreviations: Words
    # resolutions cited by number only (pipeline/recognise/resolutions.py)
    resolution_nouns: Mapping[str, Words]  # language -> the nouns that cite one
    resolution_numbers: Mapping[str, Words]  # number form -> the series that number so, the default first
    resolution_organs: Mapping[str, Mapping[str, Words]]  # series -> language -> its organ's names
    resolution_links: Mapping[str, Words]  # "resolución 64/299 de la Asamblea General"
    resolution_leads: Mapping[str, Words]  # "the General Assembly, in its resolution 41/11"
    resolution_joins: Mapping[str, Words]  # "resolutions 64/184 and 64/291"
    un_records: Mapping[str, str]  # own-symbol prefix of a UN record -> the series of its bare citations
    un_families: Words  # record families that are UN records whatever their own symbol


@cache
def grammar() -> Grammar:
    return load_rules(Grammar, MODELS / "symbols.json", "the grammar has every key")


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    g = grammar()
    kinds = "|".join(longest_first(g.kinds))  # pieces of the grammar, not escaped
    suffix = r"(?:,?\s?(?:" + "|".join(g.suffixes) + r")\.\s?\d{1,2})"
    oas = (
        rf"(?<![\w/.-])(?P<organ>{g.organ})"
        rf"(?:/(?P<kind>{kinds})(?:\.\s?|\s)(?P<n1>{g.number})|-(?P<n2>{g.number}))"
        rf"(?:\s?(?P<session>{g.session}))?"
        rf"(?P<suffix>{suffix}*)"
        r"(?![\w/])"
    )
    un = rf"(?<![\w/.-])(?P<un>{g.un})(?![\w/])"
    return re.compile(oas), re.compile(un), series_markers(), re.compile(g.meeting_docs)


@cache
def series_markers() -> frozenset[str]:
    """The series markers ("OEA/Ser.G"), upper case without spaces: a series, not a citation."""
    return frozenset(m.upper().replace(" ", "") for m in grammar().series_markers)


def normalize(raw: str) -> str:
    """One spelling per symbol, the OAS house style: single spaces, none after '/' or '-' (left there
    by line breaks), `RES. 1219` but `doc.5890`, suffixes as `rev. 1`."""
    text = re.sub(r"\s+", " ", raw).strip()
    text = re.sub(r"([/-]) ", r"\1", text)
    text = re.sub(r"/(RES|DEC)\.\s?(?=\d)", r"/\1. ", text)  # OAS style: "CP/RES. 1219", "AG/DEC. 12"
    text = re.sub(r"/(doc|DOC|INF|SA|OD)\.\s(?=\d)", r"/\1.", text)  # and "CP/doc.5890/23"
    text = re.sub(r"/PV\s(?=\d)", "/PV.", text)  # UN style, whose dot a scan may lose: "S/PV.492"
    text = re.sub(r"/(doc|INF|SA|OD)\s?(?=\d)", r"/\1.", text)  # a dot OCR lost: "CP/CAJP/INF.1053/23"
    text = re.sub(r"\(([IVXLC]{1,8})-0/", r"(\1-O/", text)  # OCR's zero for a session's O: "(LI-O/21)"
    text = re.sub(
        r"(?:,\s?|\s)(rev|corr|add)\.\s?(\d{1,2})",
        lambda m: f" {m.group(1).lower()}. {m.group(2)}",
        text,
        flags=re.I,
    )
    return re.sub(r"\s?\(", " (", text)


def key(symbol: str) -> str:
    """Comparison key: upper case, no white space (how citations are matched to documents)."""
    return re.sub(r"\s+", "", symbol).upper()


def find_symbols(text: str) -> list[Symbol]:
    """Every symbol cited in the text, in order, with its span."""
    if "/" not in text and "-" not in text and "Doc" not in text:
        return []  # every symbol has an organ path, a dash or "Doc." before its number; most paragraphs none
    out = _oas_symbols(text) + _meeting_docs(text)
    out += _un_symbols(text, [(s.start, s.end) for s in out])
    return sorted(out, key=lambda s: s.start)


def _oas_symbols(text: str) -> list[Symbol]:
    """OAS symbols: `CP/CAJP-3769/23`, `CP/doc.5890/23 corr. 1`, `AG/RES. 2976 (LI-O/21)`."""
    oas, _, markers, _ = _grammar()
    out: list[Symbol] = []
    for m in oas.finditer(text):
        raw = m.group(0).rstrip(",")
        if raw.upper().replace(" ", "") in markers:
            continue
        number = m.group("n1") or m.group("n2")
        if m.group("n2") and "/" not in m.group("organ") and "/" not in number:
            continue  # "WWER-1000", "AB-0928": a code, not a document
        num, _, year = number.partition("/")
        session = m.group("session")
        session_inner = session[1:-1] if session else None
        suffix = m.group("suffix").strip(" ,") or None
        out.append(
            Symbol(
                raw=raw,
                symbol=normalize(raw),
                organ=m.group("organ"),
                kind=m.group("kind"),
                number=num,
                year=year or (session_inner.rsplit("/", 1)[-1] if session_inner else None),
                session=session_inner,
                suffix=suffix,
                start=m.start(),
                end=m.start() + len(raw),
            )
        )
    return out


def _meeting_docs(text: str) -> list[Symbol]:
    """A meeting's own numbered documents, under its acronym: `IIIRCN. Doc. 1 REV.1` (CELAC)."""
    out: list[Symbol] = []
    for m in _grammar()[3].finditer(text):
        suffix = (m.group("suffix") or "").strip() or None
        symbol = re.sub(r"\s+", " ", m.group(0))
        kind, number = m.group("kind"), m.group("number")
        out.append(
            Symbol(m.group(0), symbol, m.group("organ"), kind, number, None, None, suffix, m.start(), m.end())
        )
    return out


def _un_symbols(text: str, taken: list[tuple[int, int]]) -> list[Symbol]:
    """UN symbols, `A/64/L.72`, `S/RES/2448 (2018)`, `A/65/456/Add.2 (Part I)`, where no other symbol is."""
    out: list[Symbol] = []
    for m in _grammar()[1].finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        raw = m.group(0)
        if not re.search(r"\d", raw) or raw.count("/") < 1 or re.fullmatch(r"[AS]/\d{1,2}", raw):
            continue
        parts = raw.split("/")
        out.append(
            Symbol(
                raw=raw,
                symbol=normalize(raw),
                organ=parts[0],
                kind=next((p.split(".")[0] for p in parts[1:] if p[:1].isalpha()), None),
                number=re.findall(r"\d+", raw.split(" (")[0])[-1],
                year=None,
                session=parts[1] if len(parts) > 2 and parts[1].isdigit() else None,
                suffix=None,
                start=m.start(),
                end=m.end(),
            )
        )
    return out
