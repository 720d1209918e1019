"""Headings, agenda items and timed slots, read from typography and numbering."""

from __future__ import annotations

from pathlib import Path

from pdfs import Text, build_pdf

from pipeline.extract import extract
from pipeline.segment import segment


def tree_of(tmp_path: Path, lines: list[Text], lang: str = "en"):
    return segment(extract(build_pdf(tmp_path / "doc.pdf", [lines])), lang)


def test_numbered_agenda_items_become_sections(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text("Summary of the regular meeting held on May 6, 2024", bold=True, size=12),
            Text("The meeting was called to order at 10:05 a.m.", gap_before=10),
            Text("1. Approval of the order of business", bold=True, gap_before=10),
            Text("The order of business was approved.", gap_before=6),
            Text("2. Other business", bold=True, gap_before=10),
            Text("No delegation requested the floor.", gap_before=6),
        ],
    )
    assert [(s.kind, s.number, s.heading) for s in tree.sections] == [
        ("preamble", None, None),
        ("item", "1", "Approval of the order of business"),
        ("item", "2", "Other business"),
    ]
    assert tree.sections[0].paragraphs[0].text.startswith("Summary of the regular meeting")


def test_timed_slots_nest_by_their_times_and_read_on_past_noon(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text(
                "Summary of the CAJP Course on Digital Diplomacy, held on February 15, 2024",
                bold=True,
                size=12,
            ),
            Text("Course proceedings", bold=True, gap_before=10),
            Text("10:00 – 10:15 Inauguration", bold=True, gap_before=6),
            Text("10:15 – 11:45 Introduction to Digital Diplomacy", bold=True, gap_before=6),
            Text("10:15 – 10:55 Terms, concepts, and tools", bold=True, gap_before=6),
            Text("12:45 - 1:00 Conclusions", bold=True, gap_before=6),
        ],
    )
    slots = [(s.start, s.end, s.heading, s.parent_id) for s in tree.sections if s.kind == "slot"]
    assert slots == [
        ("10:00", "10:15", "Inauguration", 1),
        ("10:15", "11:45", "Introduction to Digital Diplomacy", 1),
        ("10:15", "10:55", "Terms, concepts, and tools", 3),
        ("12:45", "13:00", "Conclusions", 1),
    ]


def test_a_programme_title_and_labels_are_not_headings(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text(
                "Summary of the CSH Course on Trafficking in Persons, held on November 18, 2024",
                bold=True,
                size=12,
            ),
            Text("PROCEEDINGS OF THE COURSE", gap_before=10),
            Text("COURSE ON TRAFFICKING IN PERSONS", bold=True, gap_before=10),
            Text("Date: November 18, 2024", gap_before=6),
            Text("Time: 3:00 p.m. – 4:00 p.m."),
            Text("3:00 – 3:30 Opening remarks", bold=True, gap_before=6),
            Text("Question and answer session", italic=True),
            Text("Questions for discussion:"),
        ],
    )
    assert [s.heading for s in tree.sections[1:]] == ["PROCEEDINGS OF THE COURSE", "Opening remarks"]
    assert (tree.sections[2].start, tree.sections[2].end) == ("15:00", "15:30")


def test_the_cover_block_above_the_title_goes_to_the_header(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text("OEA/Ser.G", x=400),
            Text("CP/CAJP/SA.811/24", x=400),
            Text("March 1, 2024", x=400),
            Text("Summary of the meeting held on February 15, 2024", bold=True, size=12, gap_before=20),
            Text("The meeting began at 10:00 a.m.", gap_before=10),
        ],
    )
    assert "CP/CAJP/SA.811/24" in tree.header_text
    assert "March 1, 2024" not in tree.sections[0].text


IND = {"x": 108, "gap_before": 10}  # a first line indented after a space
BOLD_GAP = {"bold": True, "gap_before": 12}


def _headings(tree) -> list[str]:
    return [s.heading for s in tree.sections[1:]]


def test_an_annexed_resolution_gives_its_own_headings_but_not_its_paragraphs(tmp_path: Path):
    """ "ANEXO" over "RESOLUCIÓN APROBADA" are two headings and the resolution's title a third; its
    enacting formula, preamble and numbered operative paragraphs (first line indented, the rest at
    the margin) are text."""
    tree = tree_of(
        tmp_path,
        [
            Text("ACTA DE LA SESIÓN ORDINARIA", bold=True, size=12),
            Text("El PRESIDENTE: Se abre la sesión.", gap_before=10),
            Text("ANEXO", x=400, gap_before=14),
            Text("RESOLUCIÓN APROBADA", x=220, gap_before=12),
            Text("CP/RES. 953 (1700/09)", x=240, gap_before=12),
            Text("SITUACIÓN EN LA REGIÓN", x=225, gap_before=14),
            Text("(Aprobada en sesión celebrada el 28 de junio de 2009)", x=180, gap_before=8),
            Text("EL CONSEJO PERMANENTE DE LA ORGANIZACIÓN DE LOS", x=108, gap_before=14),
            Text("ESTADOS AMERICANOS,", x=72),
            Text("CONSIDERANDO la grave situación que vive la región;", x=108, gap_before=10),
            Text("RESUELVE:", gap_before=10),
            Text("1. Condenar enérgicamente el golpe de Estado llevado a cabo en la mañana", **IND),
            Text("de hoy en contra del Gobierno constitucional del país y la detención", x=72),
            Text("arbitraria de sus autoridades.", x=72),
            Text("2. Exigir el inmediato, seguro e incondicional retorno del Presidente José", **IND),
            Text("Manuel Zelaya Rosales a sus funciones constitucionales.", x=72),
        ],
        lang="es",
    )
    assert _headings(tree) == ["ANEXO", "RESOLUCIÓN APROBADA", "SITUACIÓN EN LA REGIÓN"]


def test_a_list_of_documents_and_an_editors_note_give_no_headings(tmp_path: Path):
    tree = tree_of(
        tmp_path,
        [
            Text("ACTA DE LA SESIÓN ORDINARIA", bold=True, size=12),
            Text("DOCUMENTOS CONSIDERADOS EN LA SESIÓN", gap_before=14),
            Text("CP/INF.5862/09, Nota de la Misión Permanente de Honduras.", gap_before=10),
            Text("APROBACIÓN DEL PROYECTO DE ORDEN DEL DÍA", gap_before=14),
            Text("El PRESIDENTE: Tienen ante sí el proyecto de orden del día.", gap_before=10),
            Text("[El proyecto de orden del día contiene los siguientes puntos:", gap_before=10),
            Text("1. Aprobación del orden del día (CP/OD.1699/09)", x=90, gap_before=10),
            Text("2. Presentación de la Misión Permanente de Honduras.]", x=90, gap_before=10),
            Text("Aprobado.", gap_before=10),
        ],
        lang="es",
    )
    assert _headings(tree) == ["APROBACIÓN DEL PROYECTO DE ORDEN DEL DÍA"]


def test_a_un_record_keeps_its_agenda_items_but_not_its_masthead_labels(tmp_path: Path):
    """The masthead's "Agenda" and "Provisional" are labels; a General Assembly agenda item's long
    bold title and its "(b)" sub-item are headings; an italic note that runs on is not."""
    tree = tree_of(
        tmp_path,
        [
            Text("United Nations", size=14),
            Text("General Assembly", bold=True, size=18),
            Text("121st plenary meeting", gap_before=6),
            Text("Provisional", italic=True, x=450, gap_before=10),
            Text("Agenda", bold=True, size=12, gap_before=10),
            Text("The meeting was called to order at 3 p.m.", gap_before=14),
            Text("Agenda item 53 (continued)", bold=True, gap_before=10),
            Text("Sustainable development", **BOLD_GAP),
            Text("(b) Follow-up to and implementation of the Mauritius Strategy for the", **BOLD_GAP),
            Text("Further Implementation of the Programme of Action for the Sustainable", bold=True, x=90),
            Text("Development of Small Island Developing States and of the outcome of the", bold=True, x=90),
            Text("Conference on the World Financial and Economic Crisis", bold=True, x=90),
            Text("The President: The Assembly will now take a decision on the draft", gap_before=10),
            Text("resolution recommended by the Second Committee in paragraph 12 of its report."),
            Text("The Committee adopted it without a vote. May I take it that the Assembly"),
            Text("wishes to do likewise and to adopt the draft resolution without a vote?"),
            Text("The draft resolution A/64/L.68 was adopted", italic=True, gap_before=10),
            Text("(resolution 64/300).", x=90),
        ],
    )
    assert tree.family == "un_verbatim"
    assert _headings(tree)[:2] == ["Agenda item 53 (continued)", "Sustainable development"]
    assert _headings(tree)[2].startswith("(b) Follow-up to and implementation")
    assert len(_headings(tree)) == 3
