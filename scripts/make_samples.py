"""Render the sample meeting summaries acta ships in data/raw/.

Usage: python scripts/make_samples.py data/raw

cajp_course_digital_diplomacy_2024-02-15.pdf carries the text of the public OAS summary of the CAJP
Course on Digital Diplomacy held on February 15, 2024, re-typeset the way OAS prints its summaries.
The Spanish and French samples are made-up summaries in OAS style. Output is byte-for-byte
reproducible (reportlab's invariant mode), so regenerating only changes files when this script does.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

WIDTH, HEIGHT = LETTER
MARGIN = 72.0
TEXT_WIDTH = WIDTH - 2 * MARGIN
FOOTNOTE_BOTTOM = 54.0

BODY = ParagraphStyle(
    "body", fontName="Times-Roman", fontSize=11, leading=13, alignment=TA_JUSTIFY, spaceAfter=11
)
PLAIN = ParagraphStyle("plain", BODY, alignment=0, spaceAfter=0)
BOLD = ParagraphStyle("bold", PLAIN, fontName="Times-Bold", spaceAfter=11)
TITLE = ParagraphStyle("title", BOLD, alignment=TA_CENTER, spaceAfter=22)
# Bullets come from the Symbol font, as in Word: reportlab would print "•" in Times as code 127,
# which pdfminer cannot map back to a character.
BULLET = ParagraphStyle("bullet", BODY, leftIndent=36, bulletIndent=18, spaceAfter=6, bulletFontName="Symbol")
FOOTNOTE = ParagraphStyle("footnote", BODY, fontSize=8.5, leading=10, spaceAfter=0)
CELLS = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])

# In the seed, only the audio file and the summaries page have published addresses; every other link
# target was left out ("#"). These stand-ins just follow the shape of OAS document and video addresses.
SCM = "https://scm.oas.org/pdfs/2024"
VIDEO = "https://www.youtube.com/watch?v=cajpdepm024"


def a(text: str, url: str) -> str:
    """Paragraph markup for a link printed blue and underlined, as Word exports OAS hyperlinks."""
    return f'<a href="{escape(url)}" color="blue"><u>{escape(text)}</u></a>'


def p(markup: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A body paragraph unless told otherwise: most of a summary is justified Times 11."""
    return Paragraph(markup, style)


def bullets(items: list[str]) -> list[Flowable]:
    """Indented "•" items, one paragraph each, as Word's list style prints them."""
    return [Paragraph(item, BULLET, bulletText="•") for item in items]


def slot(time: str, text: str) -> Table:
    """A bold programme line: time range in its own column, so a long item wraps under itself."""
    return columns([(time, text)], BOLD, 96)


def presentation(slug: str) -> str:
    """A "(text of the presentation)" link; the target is a stand-in (see SCM)."""
    return a("text of the presentation", f"{SCM}/CP_CAJP-3769-24_{slug}.pdf")


def cover(left: list[str], right: list[str]) -> Table:
    """The first-page block: issuing body on the left, series, symbol, date and language on the right."""
    cells = [[Paragraph("<br/>".join(left), PLAIN), Paragraph("<br/>".join(right), PLAIN)]]
    table = Table(cells, colWidths=[TEXT_WIDTH - 144, 144], style=CELLS)
    table.spaceAfter = 33
    return table


def columns(
    rows: list[tuple[str, str]], style: ParagraphStyle, left_width: float, after: float = 11
) -> Table:
    """Two aligned columns, the way OAS sets tab-separated times or labels against their text."""
    cells = [[Paragraph(left, style), Paragraph(right, style)] for left, right in rows]
    table = Table(cells, colWidths=[left_width, TEXT_WIDTH - left_width], style=CELLS)
    table.setStyle([("BOTTOMPADDING", (0, 0), (-1, -1), after)])
    return table


def footnote_top(markup: str) -> float:
    """Height of the rule over a first-page footnote, which is where page 1's text has to stop."""
    return FOOTNOTE_BOTTOM + Paragraph(markup, FOOTNOTE).wrap(TEXT_WIDTH, HEIGHT)[1] + 4


def draw_footnote(canvas: Canvas, markup: str) -> None:
    """Print a first-page footnote under a short rule, as Word does."""
    note = Paragraph(markup, FOOTNOTE)
    note.wrap(TEXT_WIDTH, HEIGHT)
    note.drawOn(canvas, MARGIN, FOOTNOTE_BOTTOM)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, footnote_top(markup), MARGIN + 144, footnote_top(markup))


def render(path: Path, title: str, story: list[Flowable], footnote: str | None, header: str | None) -> None:
    """Lay out a summary: footnote on page 1, page numbers "- n -" and a running header from page 2."""

    def first(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if footnote is not None:
            draw_footnote(canvas, footnote)

    def later(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        n = canvas.getPageNumber()
        canvas.setFont("Times-Roman", 11)
        canvas.drawCentredString(WIDTH / 2, 40, f"- {n} -")
        if header is not None:
            canvas.setFont("Times-Roman", 10)
            canvas.drawRightString(WIDTH - MARGIN, HEIGHT - 40, header)

    bottom = MARGIN if footnote is None else max(MARGIN, footnote_top(footnote) + 14)
    doc = BaseDocTemplate(
        str(path), pagesize=LETTER, title=title, invariant=1, creator="acta make_samples.py"
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame(bottom)], onPage=first),
            PageTemplate("later", [frame(MARGIN)], onPage=later),
        ]
    )
    doc.build([NextPageTemplate("later"), *story])


def frame(bottom: float) -> Frame:
    """The text block, from `bottom` up to the top margin, without the frame's own padding."""
    return Frame(MARGIN, bottom, TEXT_WIDTH, HEIGHT - MARGIN - bottom, 0, 0, 0, 0)


def cajp_course(path: Path) -> None:
    """The CAJP course summary, word for word (its typos included) from the published text."""
    qa = "<i>Question and answer session</i>"
    discussion = "Questions for discussion:"
    story: list[Flowable] = [
        cover([], ["OEA/Ser.G", "March 1, 2024", "Original: English"]),
        p(
            "Summary of the CAJP Course on Digital Diplomacy,<br/>held on February 15, 2024<super>1/</super>",
            TITLE,
        ),
        p(
            "This CAJP course was held in the Rubén Darío Room, with Ambassador Sebastián Kraljevich, "
            "Permanent Representative of Chile and Chair of the CAJP, presiding along with Counselor Mabel "
            "García, Alternate Representative of the Dominican Republic and Vice Chair of the CAJP. The "
            "Course commenced at 10:03 a.m."
        ),
        p(
            "The statutory quorum was established with the presence of representatives of Argentina, "
            "Bahamas, Bolivia, Brazil, Chile, Colombia, Costa Rica, Dominican Republic, Ecuador, El "
            "Salvador, Guyana, Haiti, Mexico, Panama, Paraguay, Peru, and Saint Vincent and the Grenadines."
        ),
        p(
            "The audio recording of the course is available at the following link:<br/>"
            + a(
                "https://scm.oas.org/audios/2024/CP_CAJP-3769-02-15-2024.mp3",
                "https://scm.oas.org/audios/2024/CP_CAJP-3769-02-15-2024.mp3",
            )
            + "."
        ),
        p(
            "The event was webcast live, and the video recording is available from the following link:<br/>"
            + a("2024 FEB 15 Course CAJP-DEPM on Digital Diplomacy (youtube.com)", VIDEO)
            + "."
        ),
        p("Background", BOLD),
        p(
            "In preparation for this Course, at the request of this Chair the Department for Effective "
            "Public Management prepared a concept paper with an accompanying draft agenda, distributed as "
            "document "
            + a("CP/CAJP-3767/23", "https://scm.oas.org/pdfs/2023/CP_CAJP-3767-23.pdf")
            + ", and delivered to this Committee at its regular meeting on December 7, 2023."
        ),
        p(
            "The Agenda was approved later on by the CAJP at its regular meeting held on January 25, 2024 "
            "and distributed as document "
            + a("CP/CAJP-3769/23", "https://scm.oas.org/pdfs/2023/CP_CAJP-3769-23.pdf")
            + "."
        ),
        p("The following background documents were also distributed in preparation for the Course:"),
        p(a("CP/CAJP/INF.1096/24", f"{SCM}/CP_CAJP_INF-1096-24.pdf") + ": <b>Information Bulletin</b>"),
        p(a("CP/CAJP/INF.1097/24", f"{SCM}/CP_CAJP_INF-1097-24.pdf") + ": <b>Glossary and Resources</b>"),
        PageBreak(),
        p("Course proceedings", BOLD),
        p(
            "COURSE ON DIGITAL DIPLOMACY: THE ROLE OF EMERGING TECHNOLOGIES IN STRENGTHENING DEMOCRACY.",
            ParagraphStyle("programme", TITLE, spaceAfter=11),
        ),
        columns(
            [
                ("Date:", "February 15, 2024"),
                ("Time:", "10:00 a.m. – 1:00 p.m."),
                ("Place:", "Rubén Darío Room, OAS General Secretariat Building<br/>1889 F St. NW"),
            ],
            PLAIN,
            48,
        ),
        slot("10:00 – 10:15", "Inauguration"),
        *bullets(
            [
                "Remarks by the Chair of the Committee on Juridical and Political Affairs, Ambassador "
                "Sebastián Kraljevich, Permanent Representative of Chile to the OAS ("
                + a("link", f"{SCM}/CP_CAJP-3769-24_remarks-chair.pdf")
                + ")",
                "Remarks by María Fernanda Trigo, Director of the Department for Effective Public "
                "Management, OAS Secretariat for Hemispheric Affairs ("
                + a("link", f"{SCM}/CP_CAJP-3769-24_remarks-depm.pdf")
                + ")",
            ]
        ),
        slot("10:15 – 11:45", "Introduction to Digital Diplomacy"),
        slot(
            "10:15 – 10:55",
            "Manuel Muñiz, International Provost and Dean, School of Political Science, Economics and Global "
            "Affairs, <i>Universidad IE</i>. (" + a("Video of the presentation", f"{VIDEO}&t=1150s") + ")",
        ),
        *bullets(["Terms, concepts, and tools", "Impact of emerging technologies on Diplomacy"]),
        p(qa),
        p(discussion),
        *bullets(
            [
                "Do foreign ministries have a policy on the use of technology?",
                "Do foreign ministries have foreign service training guidelines or manuals on multilateral "
                "or bilateral negotiations for the governance and digital transformation agenda or emerging "
                "technologies?",
            ]
        ),
        slot(
            "10:55 - 11:35",
            "Nele Leosk, Ambassador-at-Large for Digital Affairs, Ministry of Foreign Affairs, Estonia ("
            + presentation("leosk")
            + ")",
        ),
        p(qa),
        p(discussion),
        *bullets(
            [
                "Can other countries make use of technology that Estonia uses for eGovernment?",
                "What enabling conditions have allowed for successful digital transformation?",
            ]
        ),
        slot("11:35 – 11:45", "Mentimeter"),
        p("List the technologies most commonly used by your country's foreign ministry."),
        *bullets(
            [
                "What challenges do foreign ministries face in their use of emerging technologies?",
                "What foreign ministry procedures and services should be digitally accessible to citizens?",
                "What challenges does the advancement of eGovernment face in your country?",
            ]
        ),
        slot("11:45 – 12:45", "How do emerging technologies impact democracy?"),
        *bullets(
            [
                "Alexandra Reeve Givens, President and CEO, Center for Democracy &amp; Technology "
                "(text of the presentation)",
                "Sidney Leclercq, Senior Program Officer, Democratic and Inclusive Governance, International "
                "Development Research Centre, IDRC (" + presentation("leclercq") + ")",
                "Elaine Ford, Founding Director, Digital Democracy (text of the presentation)",
                "Alberto Fernández Gibaja, Program Leader, Democracy and Digitization, International IDEA ("
                + presentation("fernandez-gibaja")
                + ")",
            ]
        ),
        p(qa),
        p(discussion),
        *bullets(
            [
                "How do emerging technologies threaten democracy in your country?",
                "What areas of digital transformation warrant further development in your country?",
                "How do you see the role of girls and women in promoting technology for strengthening "
                "democratic values?",
            ]
        ),
        slot("12:45 - 1:00 p.m.", "Conclusions"),
        *bullets(
            [
                "Presentation of mentimeter results and input, by Mike Mora, Specialist of the Department "
                "for "
                "Effective Public Management (" + presentation("mora") + ")",
                "Closing thoughts, by María Fernanda Trigo, Director of the Department for Effective Public "
                "Management (" + presentation("trigo") + ").",
            ]
        ),
        Spacer(0, 5),
        p(
            "At the end of the Course, the CAJP took note of the presentations given by the presenters, as "
            "well as of the questions raised by permanent mission delegates, ministries of foreign affairs, "
            "and public servants in general, as well as by other Course participants."
        ),
        p("There being no further matters to consider, the Course was adjourned the 1:01 p.m."),
    ]
    footnote = (
        "1/ Summaries of CAJP meetings are available in the four languages and are classified by year, on "
        "the following website: "
        + a("OAS>>>Summaries of Meetings", "https://www.oas.org/en/council/CAJP/summaries.asp")
    )
    render(
        path,
        "Summary of the CAJP Course on Digital Diplomacy, held on February 15, 2024",
        story,
        footnote,
        None,
    )


def cp_sesion_ordinaria(path: Path) -> None:
    """A made-up Spanish summary of a regular Permanent Council meeting, long enough to reach page 2."""
    story: list[Flowable] = [
        cover(
            ["ORGANIZACIÓN DE LOS ESTADOS AMERICANOS", "CONSEJO PERMANENTE"],
            ["OEA/Ser.G", "CP/SA.2401/23", "20 marzo 2023", "Original: español"],
        ),
        p(
            "Resumen de la sesión ordinaria del Consejo Permanente<br/>celebrada el 8 de marzo de 2023"
            "<super>1/</super>",
            TITLE,
        ),
        p(
            "La sesión se celebró en el Salón Simón Bolívar, bajo la presidencia del Embajador Andrés "
            "Valdivieso Rojas, Representante Permanente de Chile y Presidente del Consejo Permanente. El "
            "Presidente declaró abierta la sesión a las 10:15 horas."
        ),
        p(
            "Se estableció el quórum reglamentario con la presencia de los representantes de Argentina, "
            "Bahamas, Barbados, Brasil, Canadá, Chile, Colombia, Costa Rica, Ecuador, El Salvador, Estados "
            "Unidos, Guatemala, Jamaica, México, Panamá y Perú."
        ),
        p(
            "La grabación en audio de la sesión está disponible en el siguiente enlace:<br/>"
            + a(
                "https://scm.oas.org/audios/2023/CP-2435-03-08-2023.mp3",
                "https://scm.oas.org/audios/2023/CP-2435-03-08-2023.mp3",
            )
            + "."
        ),
        p("1. Aprobación del orden del día", BOLD),
        p(
            "El Consejo Permanente aprobó sin modificaciones el proyecto de orden del día, distribuido como "
            "documento CP/OD-2345/23."
        ),
        p(
            "2. Informe de la Comisión de Asuntos Jurídicos y Políticos sobre el Programa Interamericano "
            "para el Desarrollo del Derecho Internacional",
            BOLD,
        ),
        p(
            "La Presidenta de la Comisión de Asuntos Jurídicos y Políticos (CAJP), Representante Alterna "
            "Lucía Méndez Aguirre, presentó el informe de la Comisión (CP/doc.5890/23 corr. 1), que da "
            "cumplimiento al mandato contenido en la resolución AG/RES. 2976 "
            "(LI-O/21). Señaló que el informe recoge las actividades realizadas por la Comisión durante el "
            "período 2021-2022, así como las recomendaciones formuladas por los Estados Miembros en las "
            "sesiones de trabajo celebradas con ese fin."
        ),
        p(
            "Indicó asimismo que la Comisión celebró tres sesiones extraordinarias dedicadas al tema, en las "
            "que participaron representantes del Comité Jurídico Interamericano y del Departamento de "
            "Derecho Internacional de la Secretaría de Asuntos Jurídicos, y que el proyecto de resolución "
            "que acompaña el informe fue acordado por consenso en la sesión del 23 de febrero de 2023."
        ),
        p("Hicieron uso de la palabra las delegaciones de México, Canadá y Brasil."),
        p(
            "Las delegaciones agradecieron a la Presidencia de la Comisión por la conducción de los "
            "trabajos, destacaron la utilidad de los cursos de derecho internacional que la Secretaría "
            "ofrece a funcionarios de los Estados Miembros y subrayaron la importancia de asegurar recursos "
            "suficientes para la continuidad del Programa. La delegación de Canadá propuso que la Secretaría "
            "presente un informe de avance antes del próximo período ordinario de sesiones de la Asamblea "
            "General."
        ),
        p(
            "El Consejo Permanente tomó nota del informe y aprobó el proyecto de resolución que lo acompaña, "
            "el cual se publicará como resolución CP/RES. 1219 (2435/23)."
        ),
        p("3. Presentación del informe trimestral sobre la gestión de recursos de la Organización", BOLD),
        p(
            "El Secretario de Administración y Finanzas presentó el informe trimestral sobre la gestión de "
            "recursos correspondiente al período comprendido entre el 1 de octubre y el 31 de diciembre de "
            "2022. Se refirió a la ejecución del programa-presupuesto, al estado de las cuotas de los "
            "Estados Miembros y a las medidas adoptadas para reducir los gastos de funcionamiento de la "
            "sede."
        ),
        p(
            "El Consejo Permanente tomó nota del informe y lo remitió a la Comisión de Asuntos "
            "Administrativos y Presupuestarios para su consideración."
        ),
        p("4. Otros asuntos", BOLD),
        p(
            "La delegación de Panamá informó sobre la celebración, el 15 de marzo de 2023, de una sesión "
            "informativa sobre la gestión integral del riesgo de desastres, e invitó a las delegaciones a "
            "participar en ella."
        ),
        p("Habiéndose agotado el orden del día, se levantó la sesión a las 12:40 horas."),
    ]
    footnote = (
        "1/ El acta de esta sesión se publicará como documento CP/ACTA 2435/23 en los cuatro idiomas "
        "oficiales de la Organización."
    )
    render(path, "Resumen de la sesión ordinaria del Consejo Permanente", story, footnote, "CP/SA.2401/23")


def cisc_seminar(path: Path) -> None:
    """A made-up one-page French summary of a CISC seminar, with its programme set in two columns."""
    speaker = '<br/><font name="Symbol">•</font> '
    programme = [
        (
            "14 h 30 – 14 h 45",
            "<b>Mots de bienvenue</b>" + speaker + "Ambassadeur Jean-Marc Lavoie, Président de la CISC",
        ),
        (
            "14 h 45 – 15 h 30",
            "<b>Panel 1 : Les mécanismes de participation de la société civile</b>"
            + speaker
            + "Mme Claire Dubois, Directrice, Secrétariat aux Sommets des Amériques, OEA"
            + speaker
            + "M. Alain Rivard, Coordonnateur, Réseau interaméricain des organisations citoyennes",
        ),
        ("15 h 30 – 15 h 45", "<b>Pause</b>"),
        (
            "15 h 45 – 16 h 30",
            "<b>Panel 2 : Le suivi des engagements des Sommets</b>"
            + speaker
            + "Mme Sofía Paredes, Chercheuse, Institut d’études démocratiques de Lima"
            + speaker
            + "M. Thomas Beaulieu, Conseiller principal, Centre de recherche en gouvernance démocratique",
        ),
        ("16 h 30 – 17 h 00", "<b>Dialogue avec les délégations</b>"),
        (
            "17 h 00 – 17 h 05",
            "<b>Mots de clôture</b>" + speaker + "Ambassadeur Jean-Marc Lavoie, Président de la CISC",
        ),
    ]
    story: list[Flowable] = [
        cover(
            [
                "ORGANISATION DES ÉTATS AMÉRICAINS",
                "CONSEIL PERMANENT",
                "COMMISSION SUR LA GESTION DES SOMMETS INTERAMÉRICAINS ET LA PARTICIPATION DE LA SOCIÉTÉ "
                "CIVILE AUX ACTIVITÉS DE L’OEA",
            ],
            ["OEA/Ser.G", "CP/CISC/SA.118/22", "24 mai 2022", "Original : espagnol"],
        ),
        p(
            "Résumé du séminaire « La participation de la société civile<br/>au processus des Sommets des "
            "Amériques », tenu le 10 mai 2022",
            TITLE,
        ),
        p(
            "Le séminaire s’est tenu dans la salle Rubén Darío et en mode virtuel, sous la présidence de "
            "l’Ambassadeur Jean-Marc Lavoie, Représentant permanent du Canada auprès de l’OEA et Président "
            "de la CISC. La séance est ouverte à 14 h 35."
        ),
        p("Programme", ParagraphStyle("programme", TITLE, spaceAfter=11)),
        columns(programme, PLAIN, 108, after=8),
        Spacer(0, 6),
        p(
            "Les intervenants ont présenté les mécanismes dont disposent les organisations de la société "
            "civile pour participer au processus des Sommets des Amériques et ont souligné l’importance d’un "
            "suivi régulier des engagements pris par les chefs d’État et de gouvernement."
        ),
        p("Les délégations du Mexique, du Canada et du Pérou ont pris la parole."),
        p(
            "La Commission prend note des exposés présentés et des observations formulées par les "
            "délégations."
        ),
        p("La séance est levée à 17 h 05."),
    ]
    render(path, "Résumé du séminaire de la CISC, 10 mai 2022", story, None, None)


SAMPLES: dict[str, Callable[[Path], None]] = {
    "cajp_course_digital_diplomacy_2024-02-15.pdf": cajp_course,
    "cp_sesion_ordinaria_2023-03-08_es.pdf": cp_sesion_ordinaria,
    "cisc_seminar_2022-05-10_fr.pdf": cisc_seminar,
}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/make_samples.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in SAMPLES.items():
        make(out / name)
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
