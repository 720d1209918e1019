"""Document symbols: `CP/CAJP-3769/23`, `CP/doc.5890/23 corr. 1`, `CP/RES. 1219 (2435/23)`,
`AG/RES. 2976 (LI-O/21)`, `CP/ACTA 2345/23`, UN `A/63/PV.91` ...

The grammar is data (models/symbols.json), assembled here once. A match is split into parts (organ
path, kind, number, year, session, suffixes) and given one normalized spelling, so the same document
cited as `CP/doc. 5890/23` and `CP/DOC.5890/23` is one symbol.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.cues import longest_first
from pipeline.document import Symbol
from pipeline.language import read_model


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    g = read_model("symbols.json")
    kinds = "|".join(longest_first(g["kinds"]))  # pieces of the grammar, not escaped
    suffix = r"(?:,?\s?(?:" + "|".join(g["suffixes"]) + r")\.\s?\d{1,2})"
    oas = (
        rf"(?<![\w/.-])(?P<organ>{g['organ']})"
        rf"(?:/(?P<kind>{kinds})(?:\.\s?|\s)(?P<n1>{g['number']})|-(?P<n2>{g['number']}))"
        rf"(?:\s?(?P<session>{g['session']}))?"
        rf"(?P<suffix>{suffix}*)"
        r"(?![\w/])"
    )
    un = rf"(?<![\w/.-])(?P<un>{g['un']})(?![\w/])"
    markers = frozenset(m.upper().replace(" ", "") for m in g["series_markers"])
    return re.compile(oas), re.compile(un), markers


def normalize(raw: str) -> str:
    """One spelling per symbol, the OAS house style: single spaces, none after '/' or '-' (left there
    by line breaks), `RES. 1219` but `doc.5890`, suffixes as `rev. 1`."""
    text = re.sub(r"\s+", " ", raw).strip()
    text = re.sub(r"([/-]) ", r"\1", text)
    text = re.sub(r"/(RES|DEC)\.\s?(?=\d)", r"/\1. ", text)  # OAS style: "CP/RES. 1219", "AG/DEC. 12"
    text = re.sub(r"/(doc|DOC|INF|SA|OD)\.\s(?=\d)", r"/\1.", text)  # and "CP/doc.5890/23"
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


def find_symbols(text: str, include_un: bool = True) -> list[Symbol]:
    """Every symbol cited in the text, in order, with its span."""
    if "/" not in text and "-" not in text:
        return []  # every symbol has an organ path or a dash before its number; most paragraphs neither
    oas, un, markers = _grammar()
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
    if include_un:
        taken = [(s.start, s.end) for s in out]
        for m in un.finditer(text):
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
                    number=re.findall(r"\d+", raw)[-1],
                    year=None,
                    session=parts[1] if len(parts) > 2 and parts[1].isdigit() else None,
                    suffix=None,
                    start=m.start(),
                    end=m.end(),
                )
            )
        out.sort(key=lambda s: s.start)
    return out
