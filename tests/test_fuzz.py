"""Fuzzing: the parse stage over arbitrary Unicode, and the whole of `process` over damaged samples.

Text is arbitrary Unicode salted with the shapes the finders look for (times, symbols, dates,
country names), so the finders' patterns fire on hostile neighbours instead of never matching.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hostile import samples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.batch.process import process
from pipeline.batch.task import Task
from pipeline.extract.errors import documented, warned
from pipeline.language import LANGUAGES
from pipeline.recognise.countries import find_countries
from pipeline.recognise.dates import find_dates
from pipeline.recognise.symbols import find_symbols
from pipeline.recognise.times import find_ranges, find_times

LANGS = list(LANGUAGES)  # every language file, a new one too
SHAPES = [
    "10:03 a.m.", "1:01 p.m.", "10.03 a.m.", "15:30 hrs", "10 h 03", "14h30", "12.00 horas", "10 h ", "9 ",
    " – ", " - ", " to ", " a ", " à ", " às ", "CP/CAJP-3769/23", "CP/doc.5890/23 corr. 1",
    "CP/RES. 1219 (2435/23)", "AG/RES. 2976 (LI-O/21)", "CP/ACTA 2345/23", "A/63/PV.91", "rev. 2",
    "February 15, 2024", "15 de febrero de 2024", "1er mars 2024", "1º de março de 2024",
    "Lunes 29 de junio de 2009", "Chile", "México", "República Dominicana", "Estados Unidos",
    "Saint Kitts and Nevis", "d'Haïti", "l'Argentine",
    "\n", "\u00a0", "\u200b", "\u2028", "\ufeff", "ﬁ", "İ", "ß", "\U0001f600", "\x00", "/", "(", ")",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(SHAPES)), max_size=24).map("".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _within(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


@FAST
@given(TEXT, st.sampled_from(LANGS))
def test_time_spans(text: str, lang: str) -> None:
    for t in find_times(text, lang):
        assert _within(text, t.start, t.end)


@FAST
@given(TEXT, st.sampled_from(LANGS))
@example("0H ", "en")
def test_time_raw_is_its_span(text: str, lang: str) -> None:
    for t in find_times(text, lang):
        assert text[t.start : t.end] == t.raw


@FAST
@given(TEXT, st.sampled_from(LANGS))
def test_ranges(text: str, lang: str) -> None:
    for r in find_ranges(text, lang):
        assert _within(text, r.begin, r.finish)
        assert text[r.begin : r.finish] == r.raw
        assert r.begin <= r.start.start <= r.end.end <= r.finish


@FAST
@given(TEXT)
def test_symbols(text: str) -> None:
    for s in find_symbols(text):
        assert _within(text, s.start, s.end)
        assert text[s.start : s.end] == s.raw


@FAST
@given(TEXT, st.sampled_from(LANGS))
def test_dates(text: str, lang: str) -> None:
    for _, start, end in find_dates(text, lang):
        assert _within(text, start, end)


@FAST
@given(TEXT, st.sampled_from(LANGS))
def test_countries(text: str, lang: str) -> None:
    for c in find_countries(text, lang):
        assert _within(text, c.start, c.end)
        assert text[c.start : c.end] == c.text


# ---------------------------------------------------------------- damaged PDFs, in process


class _Hung(BaseException):
    """Raised by the alarm; a BaseException, so no `except Exception` in a parser swallows it."""


@contextmanager
def _limit(seconds: int) -> Iterator[None]:
    """In a worker the pool kills a hang; here an alarm ends it, and the pool's row is assumed."""

    def ring(_signum: int, _frame: object) -> None:
        raise _Hung

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


EDIT = st.tuples(
    st.floats(0, 1), st.sampled_from(["set", "insert", "delete", "cut"]), st.binary(min_size=1, max_size=48)
)


def _apply(data: bytes, edits: list[tuple[float, str, bytes]]) -> bytes:
    for where, kind, chunk in edits:
        at = int(where * len(data))
        if kind == "set":
            data = data[:at] + chunk + data[at + len(chunk) :]
        elif kind == "insert":
            data = data[:at] + chunk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + len(chunk) :]
        else:
            data = data[:at]
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(samples()), st.lists(EDIT, min_size=1, max_size=6))
def test_damaged_samples(tmp_path_factory: pytest.TempPathFactory, sample: bytes, edits: list) -> None:
    """Any damage to a real sample gives one documents row, a valid status and a documented error."""
    path = Path(tmp_path_factory.mktemp("fuzz")) / "damaged.pdf"
    path.write_bytes(_apply(sample, edits))
    try:
        with _limit(30):
            rows = process(Task(str(path), "damaged.pdf"))
    except _Hung:
        return
    [doc] = rows["documents"]
    assert doc["status"] in ("ok", "partial", "failed")
    assert (doc["error"] is None) == (doc["status"] == "ok")
    assert doc["error"] is None or documented(doc["error"]), doc["error"]
    assert all(warned(w) for w in doc.get("warnings") or []), doc["warnings"]
    if doc["status"] == "failed":
        assert all(not table for name, table in rows.items() if name != "documents")
