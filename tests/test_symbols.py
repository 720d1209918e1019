"""A catalogue of document symbols as OAS and UN documents print them."""

from __future__ import annotations

import pytest

from pipeline.document import Line, Link, Paragraph, Section, SectionTree, join_lines
from pipeline.parse.refs import read_links
from pipeline.recognise.resolutions import cited, record_series
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


# ---------------------------------------------------------------- symbol families of real records

PRINTED = [
    # UN: committees, councils, parts and emergency sessions
    ("in document A/65/456/Add.2 (Part II), the", ["A/65/456/Add.2 (Part II)"]),
    ("by the Third Committee (A/65/456/Add.2 (Part I)).", ["A/65/456/Add.2 (Part I)"]),
    ("el informe A/65/456/Add.2 (Parte I) de la", ["A/65/456/Add.2 (Parte I)"]),
    ("violence” (A/HRC/15/21, para. 264).", ["A/HRC/15/21"]),
    ("as document A/C.3/65/INF/1. This note", ["A/C.3/65/INF/1"]),
    ("statement S/PRST/2010/9 of the", ["S/PRST/2010/9"]),
    ("resolution A/RES/ES-10/24 and record A/ES-10/PV.21", ["A/RES/ES-10/24", "A/ES-10/PV.21"]),
    # a meeting's own numbered documents under its acronym (CELAC)
    ("(IIIRCN. Doc. 1 REV.1, se adjunta como anexo 1)", ["IIIRCN. Doc. 1 REV.1"]),
    ("de la CELAC (IIIRCN. Doc. 4) dando inicio", ["IIIRCN. Doc. 4"]),
    ("el documento IVRCN. Doc. 12 Corr.1 y", ["IVRCN. Doc. 12 Corr.1"]),
    # print-job codes and ISBNs are not symbols
    ("18-43649 (E) *1843649*", []),
    ("ISBN 978-92-1-101403-1", []),
    ("10-53066 (E) Sales No. E.10.I.2", []),
]


@pytest.mark.parametrize(("text", "expected"), PRINTED)
def test_printed_symbols_of_real_records(text, expected):
    assert [s.symbol for s in find_symbols(text)] == expected


# ---------------------------------------------------------------- resolutions cited by number only

GA, SC, ECOSOC, HRC = (
    record_series(s, "un_verbatim") for s in ("A/64/PV.121", "S/PV.8422", "E/2024/SR.31", "A/HRC/15/PV.3")
)
OAS = record_series("CP/ACTA 1865/12", "oas_minutes")
CELAC = record_series(None, "generic")

SHORT_FORMS = [
    # in a General Assembly record: a bare session/number is the Assembly's
    (GA, "Draft resolution A/64/L.72 was adopted (resolution 64/299).", ["A/64/L.72", "A/RES/64/299"]),
    (GA, "Venezuela joined the consensus on resolution 64/299, but", ["A/RES/64/299"]),
    (GA, "pursuant to General Assembly resolution 60/265 of 30 June 2006", ["A/RES/60/265"]),
    (GA, "the Assembly adopted resolution 64/184 and decision 64/555 on", ["A/RES/64/184"]),
    (GA, "resolutions 64/184 and 64/291", ["A/RES/64/184", "A/RES/64/291"]),
    (
        GA,
        "resolutions 48/218 B, 54/244 and 59/272”; item",
        ["A/RES/48/218 B", "A/RES/54/244", "A/RES/59/272"],
    ),
    (GA, "establishment of a Youth Office (resolution76/306).", ["A/RES/76/306"]),
    (GA, "also welcomes resolution ES-10/24, on the advisory opinion", ["A/RES/ES-10/24"]),
    (GA, "its disregard of resolutions ES-11/1 and ES-11/2, adopted", ["A/RES/ES-11/1", "A/RES/ES-11/2"]),
    (GA, "It was so decided (decision 76/579).", []),
    (GA, "General Assembly decisions 62/557 of 15 September 2008 and 63/565", []),
    # the Security Council's number and year, in any UN record
    (SC, "The draft resolution has been adopted as resolution 2448 (2018).", ["S/RES/2448 (2018)"]),
    (SC, "the Committee established pursuant to resolution 2127 (2013) of", ["S/RES/2127 (2013)"]),
    (
        GA,
        "Security Council resolutions 687 (1991) and 715 (1991), and",
        ["S/RES/687 (1991)", "S/RES/715 (1991)"],
    ),
    (
        GA,
        "Security Council resolution 47 (1948), 91 (1951) and 122 (1957)",
        ["S/RES/47 (1948)", "S/RES/91 (1951)", "S/RES/122 (1957)"],
    ),
    # an organ named beside the number, in a record of another organ
    (SC, "we also voted in favour of General Assembly resolution 51/223 on 13 March", ["A/RES/51/223"]),
    (GA, "in particular on Human Rights Council resolution 15/1 on the follow-up", ["A/HRC/RES/15/1"]),
    (GA, "Economic and Social Council resolution 2023/11 on", ["E/RES/2023/11"]),
    (
        HRC,
        "recalling its resolution 15/1 and General Assembly resolution 60/251",
        ["A/HRC/RES/15/1", "A/RES/60/251"],
    ),
    (
        ECOSOC,
        "recalling resolution 2023/11 and General Assembly resolution 75/233,",
        ["E/RES/2023/11", "A/RES/75/233"],
    ),
    (ECOSOC, "the Council, in its resolution 2022/9 on", ["E/RES/2022/9"]),
    # Spanish, French, Portuguese
    (GA, "La resolución 64/299 fue aprobada.", ["A/RES/64/299"]),
    (GA, "las resoluciones 64/184 y 64/291 de la Asamblea General", ["A/RES/64/184", "A/RES/64/291"]),
    (CELAC, "la resolución 69/283 de la Asamblea General de las Naciones Unidas", ["A/RES/69/283"]),
    (CELAC, "la resolución 2448 (2018) del Consejo de Seguridad", ["S/RES/2448 (2018)"]),
    (GA, "la résolution 64/299 et la décision 64/555", ["A/RES/64/299"]),
    (CELAC, "la résolution 48/218 B de l’Assemblée générale", ["A/RES/48/218 B"]),
    (
        CELAC,
        "les résolutions 2448 (2018) et 2127 (2013) du Conseil de sécurité",
        ["S/RES/2448 (2018)", "S/RES/2127 (2013)"],
    ),
    (GA, "a resolução 64/299 foi adotada", ["A/RES/64/299"]),
    (
        CELAC,
        "as resoluções 64/184 e 64/291 da Assembleia Geral das Nações Unidas",
        ["A/RES/64/184", "A/RES/64/291"],
    ),
    (CELAC, "a resolução 2023/11 do Conselho Econômico e Social", ["E/RES/2023/11"]),
    # outside a UN record a bare number is not the UN's: MERCOSUR, the OAS, a national act
    (OAS, "MERCOSUR y UNASUR, ya se han manifestado según la resolución 26/12 en el sentido", []),
    (OAS, "la resolución 1080 sobre democracia representativa", []),
    (CELAC, "conforme a la resolución 2448 (2018) del Ministerio", []),
    (
        OAS,
        "la resolución CP/RES. 953 (1700/09) y la resolución 64/299 de la Asamblea General",
        ["CP/RES. 953 (1700/09)", "A/RES/64/299"],
    ),
]


@pytest.mark.parametrize(("record", "text", "expected"), SHORT_FORMS)
def test_resolutions_cited_by_number_are_written_as_full_symbols(record, text, expected):
    assert [s.symbol for s in cited(text, record)] == expected


def test_a_resolution_spans_its_printed_number_and_is_split():
    text = "adopted as resolution 2448 (2018); and resolution 48/218 B."
    sc, ga = cited(text, GA)
    assert (text[sc.start : sc.end], sc.organ, sc.kind, sc.number, sc.year) == (
        "2448 (2018)",
        "S",
        "RES",
        "2448",
        "2018",
    )
    assert (text[ga.start : ga.end], ga.organ, ga.number, ga.session, ga.suffix) == (
        "48/218 B",
        "A",
        "218",
        "48",
        "B",
    )


def test_the_series_of_a_record():
    assert (GA, SC, ECOSOC, HRC, OAS, CELAC) == ("A/RES", "S/RES", "E/RES", "A/HRC/RES", None, None)
    assert record_series(None, "un_verbatim") == ""  # a UN record whose own symbol was not read


# ---------------------------------------------------------------- links


def _tree(links: list[Link], lines: list[str]) -> SectionTree:
    rows = [
        Line(text, 1, 72.0, 100.0 + 14 * i, 500.0, 112.0 + 14 * i, 11.0, "Times")
        for i, text in enumerate(lines)
    ]
    section = Section(0, None, 0, "preamble", None, paragraphs=[Paragraph(rows, join_lines(lines))])
    return SectionTree([section], "", [], links, "fr", "generic")


def test_mailto_links_are_left_out():
    links = [
        Link("mailto:verbatimrecords%40un.org?subject=", "verbatimrecords@un.org", 1),
        Link("http://documents.un.org", None, 1),
    ]
    assert [r.url for r in read_links(_tree(links, ["Corrections to verbatimrecords@un.org."]))] == [
        "http://documents.un.org"
    ]


def test_a_printed_address_broken_at_its_own_hyphen_is_one_link():
    lines = ["le programme (https://www.oas.org/fr/ssm/cicte/seminaire-", "infrastructures-2024.asp)."]
    assert [r.url for r in read_links(_tree([], lines))] == [
        "https://www.oas.org/fr/ssm/cicte/seminaire-infrastructures-2024.asp"
    ]


def test_the_annotation_is_the_truth_of_a_printed_address():
    annotation = Link("https://www.oas.org/es/informeanual.asp", "informe", 1)
    lines = ["en https://www.oas.org/es/informe-", "anual.asp y"]  # a typesetter's hyphen in the address
    assert [r.url for r in read_links(_tree([annotation], lines))] == [annotation.url]
