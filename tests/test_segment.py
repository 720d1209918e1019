"""Headings, agenda items and timed slots, read from typography and numbering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


IND: dict[str, Any] = {"x": 108, "gap_before": 10}  # a first line indented after a space
BOLD_GAP: dict[str, Any] = {"bold": True, "gap_before": 12}


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


# A programme table as a word processor sets it: columns close together (the gap rule of layout does
# not part them), the header row printed again on the next page, under a running header.
TABLE_COLUMNS = (72.0, 150.0, 290.0)
PROGRAMME_ROWS = {
    "en": (
        ("Time", "Session", "Speakers"),
        [
            ("9:30 – 9:45", "Opening remarks", "Ambassador Ana Ruiz Paredes, Chair of the CAJP"),
            ("", "", "Mark Delacroix Webb, Director of the"),
            ("", "", "Department of Legal Affairs"),
            ("9:45 – 11:00", "Panel 1: Access to", "Dr. Nadia Ferreira Costa, Professor,"),
            ("", "information in the", "University of Lisbon"),
        ],
        [
            ("", "Americas", "Paul Okonkwo Smith, Adviser, Ministry of"),
            ("", "", "Justice, Jamaica"),
            ("11:00 – 11:15", "Closing", "Ambassador Ana Ruiz Paredes, Chair"),
        ],
    ),
    "fr": (
        ("Heure", "Séance", "Intervenants"),
        [
            ("9 h 30 – 9 h 45", "Ouverture", "Mme Claire Dubois Martin, présidente"),
            ("9 h 45 – 11 h", "Séance 1 : Les", "M. Louis Girard Blanc, directeur,"),
            ("", "données ouvertes", "Institut national de la statistique"),
        ],
        [
            ("", "", "Mme Ana Vos Lind, analyste, Forum mondial"),
            ("11 h – 11 h 15", "Clôture", "Mme Claire Dubois Martin, présidente"),
        ],
    ),
}


def _table_pdf(path: Path, title: str, pages: list[list[tuple[str, ...]]], bold_first: bool = True) -> Path:
    """Pages of table rows at TABLE_COLUMNS, each under a running header, the first under a title;
    a row's first cell is in bold when `bold_first` (a header row), then body type."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=LETTER)
    for number, rows in enumerate(pages, start=1):
        canvas.setFont("Times-Roman", 9)
        canvas.drawString(480, 760, "CP/CAJP/SA.900/24")
        y = 720.0
        if number == 1:
            canvas.setFont("Times-Bold", 12)
            canvas.drawString(72, y, title)
            canvas.setFont("Times-Roman", 10)
            canvas.drawString(72, y - 25, "The programme, as distributed to delegations, was the following:")
            y -= 80
        for i, row in enumerate(rows):
            header = bold_first and (i == 0 or row == rows[0])
            canvas.setFont("Times-Bold" if header else "Times-Roman", 10)
            for x, text in zip(TABLE_COLUMNS, row, strict=False):
                canvas.drawString(x, y, text)
            y -= 13
        if number == len(pages):
            canvas.setFont("Times-Bold", 11)
            canvas.drawString(72, y - 30, "Proceedings")
            canvas.setFont("Times-Roman", 10)
            canvas.drawString(72, y - 50, "The Chair opened the meeting and thanked the panelists.")
        canvas.showPage()
    canvas.save()
    return path


def _programme_tree(tmp_path: Path, lang: str, engine: str = "pdfplumber"):
    header, first, second = PROGRAMME_ROWS[lang]
    path = _table_pdf(tmp_path / f"programme_{lang}.pdf", "Programme", [[header, *first], [header, *second]])
    return segment(extract(path, engine=engine), lang)


def test_a_programme_table_across_a_page_break_gives_its_slots(tmp_path: Path):
    """Time | Session | Speakers: each timed row is a slot headed by its Session cell, which goes on
    over the page break; the Speakers cell is the slot's programme lines, a person each; the header
    row, printed again on page 2, is no heading."""
    for engine in ("pdfplumber", "pdfium"):
        tree = _programme_tree(tmp_path, "en", engine)
        slots = [(s.start, s.end, s.heading) for s in tree.sections if s.kind == "slot"]
        assert slots == [
            ("09:30", "09:45", "Opening remarks"),
            ("09:45", "11:00", "Panel 1: Access to information in the Americas"),
            ("11:00", "11:15", "Closing"),
        ], engine
        assert _headings(tree) == ["Programme", *(s[2] for s in slots), "Proceedings"]
        panel = next(s for s in tree.sections if s.heading and s.heading.startswith("Panel 1"))
        assert [p.text for p in panel.paragraphs if p.bullet] == [
            "Dr. Nadia Ferreira Costa, Professor, University of Lisbon",
            "Paul Okonkwo Smith, Adviser, Ministry of Justice, Jamaica",
        ]
        opening = tree.sections[[s.heading for s in tree.sections].index("Opening remarks")]
        assert [p.text for p in opening.paragraphs] == [
            "Ambassador Ana Ruiz Paredes, Chair of the CAJP",
            "Mark Delacroix Webb, Director of the Department of Legal Affairs",
        ]


def test_a_french_programme_table_gives_its_slots(tmp_path: Path):
    tree = _programme_tree(tmp_path, "fr")
    slots = [(s.start, s.end, s.heading) for s in tree.sections if s.kind == "slot"]
    assert slots == [
        ("09:30", "09:45", "Ouverture"),
        ("09:45", "11:00", "Séance 1 : Les données ouvertes"),
        ("11:00", "11:15", "Clôture"),
    ]
    assert "Heure Séance Intervenants" not in _headings(tree)
    seance = next(s for s in tree.sections if s.heading and s.heading.startswith("Séance 1"))
    assert [p.text for p in seance.paragraphs] == [
        "M. Louis Girard Blanc, directeur, Institut national de la statistique",
        "Mme Ana Vos Lind, analyste, Forum mondial",
    ]


def test_the_rows_of_an_annex_table_are_no_headings(tmp_path: Path):
    """A table that is no programme (an annex's list of contributions): its bold header row and its
    rows are table lines, not headings; the annex's own heading is."""
    rows = [
        ("State", "Contribution", "Date"),
        ("Argentina", "US$ 25,000", "12 March 2024"),
        ("Brazil", "US$ 40,000", "2 April 2024"),
        ("Canada", "US$ 55,000", "30 April 2024"),
    ]
    wide = tuple((x, x + 150, x + 300) for x in (72.0,))[0]
    path = tmp_path / "annex.pdf"
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=LETTER)
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(72, 720, "VOLUNTARY CONTRIBUTIONS RECEIVED")
    canvas.setFont("Times-Roman", 11)
    canvas.drawString(72, 695, "The Secretariat received the following contributions in 2024.")
    for i, row in enumerate(rows):
        canvas.setFont("Times-Bold" if i == 0 else "Times-Roman", 11)
        for x, text in zip(wide, row, strict=True):
            canvas.drawString(x, 665 - 15 * i, text)
    canvas.showPage()
    canvas.save()
    tree = segment(extract(path), "en")
    assert _headings(tree) == ["VOLUNTARY CONTRIBUTIONS RECEIVED"]


def test_list_numbers_are_left_out_but_un_agenda_items_stay_whole(tmp_path: Path):
    """ "Punto N°1." is a list number; "a." a lettered item; "Agenda item 18: …" in a UN record is the
    agenda's own numbering, kept whole, and its "(continued)" in italics leaves it in bold."""
    tree = tree_of(
        tmp_path,
        [
            Text("Punto N°1. Aprobación del proyecto de agenda.", bold=True, gap_before=10),
            Text("Se aprobó el proyecto de agenda sin modificaciones."),
            Text("a. Islas Malvinas", bold=True, gap_before=10),
            Text("La Presidencia informó sobre las gestiones realizadas."),
        ],
        lang="es",
    )
    assert _headings(tree) == ["Aprobación del proyecto de agenda", "Islas Malvinas"]
    tree = tree_of(
        tmp_path,
        [
            Text(
                "Agenda item 18: Economic and environmental questions (continued)", gap_before=10, bold=True
            ),
            Text("The Council resumed its consideration of the item.", gap_before=10),
        ],
    )
    assert _headings(tree) == ["Agenda item 18: Economic and environmental questions (continued)"]


def test_a_programme_table_goes_on_under_the_next_pages_running_header(tmp_path: Path):
    """Page 2 does not print the header row again: its rows are still the table's, the running header
    above them (which fits the columns, being short) passed over, not taken for the table's last row."""
    header, first, second = PROGRAMME_ROWS["en"]
    path = _table_pdf(tmp_path / "programme.pdf", "Programme", [[header, *first], list(second)])
    for engine in ("pdfplumber", "pdfium"):
        tree = segment(extract(path, engine=engine), "en")
        slots = [(s.start, s.end, s.heading) for s in tree.sections if s.kind == "slot"]
        assert slots == [
            ("09:30", "09:45", "Opening remarks"),
            ("09:45", "11:00", "Panel 1: Access to information in the Americas"),
            ("11:00", "11:15", "Closing"),
        ], engine


def test_text_in_a_programme_tables_time_column_that_is_no_time_stays_out_of_the_slot_heading(tmp_path: Path):
    """Only a wrapped piece of a time cell goes on with the slot's time; "Coffee break" set in the time
    column is text of the slot, not part of its heading."""
    header, first, second = PROGRAMME_ROWS["en"]
    path = _table_pdf(tmp_path / "break.pdf", "Programme", [[header, *first, ("Coffee break", "", "")]])
    tree = segment(extract(path), "en")
    slots = [(s.start, s.end, s.heading) for s in tree.sections if s.kind == "slot"]
    assert slots == [
        ("09:30", "09:45", "Opening remarks"),
        ("09:45", "11:00", "Panel 1: Access to information in the"),
    ]
    panel = tree.sections[[s.heading for s in tree.sections].index(slots[1][2])]
    assert "Coffee break" in [p.text for p in panel.paragraphs]
