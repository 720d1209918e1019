"""A catalogue of document symbols as OAS and UN documents print them."""

from __future__ import annotations

import pytest

from pipeline.recognise.symbols import find_symbols, key

CITED = [
    # printed, normalized, organ, kind, number, year, session, suffix
    ("CP/CAJP-3769/23", "CP/CAJP-3769/23", "CP/CAJP", None, "3769", "23", None, None),
    ("CP/CAJP-3767/23 rev. 1", "CP/CAJP-3767/23 rev. 1", "CP/CAJP", None, "3767", "23", None, "rev. 1"),
    ("CP/CAJP/INF.1096/24", "CP/CAJP/INF.1096/24", "CP/CAJP", "INF", "1096", "24", None, None),
    ("CP/doc.5890/23 corr. 1", "CP/doc.5890/23 corr. 1", "CP", "doc", "5890", "23", None, "corr. 1"),
    ("CP/doc. 5890/23", "CP/doc.5890/23", "CP", "doc", "5890", "23", None, None),
    ("AG/RES.1 (XLI-E/11)", "AG/RES. 1 (XLI-E/11)", "AG", "RES", "1", "11", "XLI-E/11", None),
    ("CP/RES. 1219 (2435/23)", "CP/RES. 1219 (2435/23)", "CP", "RES", "1219", "23", "2435/23", None),
    ("AG/RES. 2976 (LI-O/21)", "AG/RES. 2976 (LI-O/21)", "AG", "RES", "2976", "21", "LI-O/21", None),
    ("AG/RES. 1 (XXXVII-E/09)", "AG/RES. 1 (XXXVII-E/09)", "AG", "RES", "1", "09", "XXXVII-E/09", None),
    ("CP/RES. 953 (1700/09)", "CP/RES. 953 (1700/09)", "CP", "RES", "953", "09", "1700/09", None),
    ("CP/ACTA 2345/23", "CP/ACTA 2345/23", "CP", "ACTA", "2345", "23", None, None),
    ("CP/CSH-2211/24 add. 1", "CP/CSH-2211/24 add. 1", "CP/CSH", None, "2211", "24", None, "add. 1"),
    ("CIDI/doc.345/24", "CIDI/doc.345/24", "CIDI", "doc", "345", "24", None, None),
    ("CP/CAJP/SA.811/24", "CP/CAJP/SA.811/24", "CP/CAJP", "SA", "811", "24", None, None),
    ("CP/CAJP/GT/DDD-5/06", "CP/CAJP/GT/DDD-5/06", "CP/CAJP/GT/DDD", None, "5", "06", None, None),
    ("AG/CP/Sub.AAP/SA.205/03", "AG/CP/Sub.AAP/SA.205/03", "AG/CP/Sub.AAP", "SA", "205", "03", None, None),
]


@pytest.mark.parametrize(("printed", "symbol", "organ", "kind", "number", "year", "session", "suffix"), CITED)
def test_a_cited_symbol_is_split_into_its_parts(printed, symbol, organ, kind, number, year, session, suffix):
    (found,) = find_symbols(f"distributed as document {printed}, and approved.")
    assert (found.symbol, found.organ, found.kind, found.number, found.year, found.session, found.suffix) == (
        symbol,
        organ,
        kind,
        number,
        year,
        session,
        suffix,
    )
    assert found.raw == printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OEA/Ser.G CP/CAJP/SA.367/18", ["CP/CAJP/SA.367/18"]),  # a series marker is not a citation
        ("OEA/Ser.W", []),
        ("a 2/3 majority on 10/12", []),
        (
            "resolution CP/RES. 1160 (2350/20) and document CP/CISC-3426/19.",
            ["CP/RES. 1160 (2350/20)", "CP/CISC-3426/19"],
        ),
        ("(document CP/CSH/INF.1073/23).", ["CP/CSH/INF.1073/23"]),
        ("CP/CAJP-3767/23, rev. 1", ["CP/CAJP-3767/23 rev. 1"]),
        ("UN records: A/63/PV.91 and A/64/L.72", ["A/63/PV.91", "A/64/L.72"]),
        ("draft resolution A/76/L.87/Rev.1", ["A/76/L.87/Rev.1"]),
        ("the WWER-1000 reactor, report AB-0928", []),
    ],
)
def test_symbols_in_running_text(text, expected):
    assert [s.symbol for s in find_symbols(text)] == expected


def test_spans_point_at_the_printed_text():
    text = "Approved as CP/doc. 5890/23 corr. 1; see AG/RES. 2976 (LI-O/21)."
    for s in find_symbols(text):
        assert text[s.start : s.end] == s.raw


def test_the_join_key_ignores_spacing_and_case():
    assert key("CP/doc. 5890/23") == key("CP/DOC.5890/23") == "CP/DOC.5890/23"
