"""The warm-up record: one made-up summary per language, written from the language's cue data, that
the fork server reads so every pattern is built before the workers fork. If it stopped reaching the
parser's paths (a cue renamed, a rule changed), workers would silently build them per process again."""

from __future__ import annotations

import pytest

from pipeline.batch.warm import sample_document
from pipeline.language import LANGUAGES
from pipeline.parse import parse
from pipeline.segment import segment


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_warm_up_record_goes_through_every_part_of_the_parser(lang: str) -> None:
    parsed = parse(segment(sample_document(lang), lang))
    assert parsed.meta.meeting_date is not None and parsed.meta.chair == "Ana Silva"
    assert [s.kind for s in parsed.tree.sections] == ["preamble", "slot"]
    assert parsed.attendance == ["ARG", "BRA", "CAN", "CHL"]  # the chair's own state is present too
    assert [(s.name, s.country) for s in parsed.speakers] == [("Ana Silva", "CHL")]
    assert [d.country for d in parsed.delegations] == ["MEX"]
    assert {r.symbol.symbol for r in parsed.refs} == {"CP/CAJP-3769/23", "AG/RES. 2976 (LI-O/21)"}
    assert {t.kind for t in parsed.times} == {"slot_start", "slot_end"}
