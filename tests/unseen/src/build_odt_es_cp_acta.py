"""wp_es_cp_acta_libreoffice: Permanent Council minutes (acta), Spanish. odfpy -> .odt -> LibreOffice PDF.

Run with /tmp/unseen-venv (odfpy).
"""

import sys

from odf.opendocument import OpenDocumentText
from odf.style import (
    FontFace,
    Footer,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TabStop,
    TabStops,
    TextProperties,
)
from odf.text import Note, NoteBody, NoteCitation, NotesConfiguration, P, PageNumber, Span

out = sys.argv[1] if len(sys.argv) > 1 else "wp_es_cp_acta_libreoffice.odt"
doc = OpenDocumentText()

FONT = "Liberation Serif"
doc.fontfacedecls.addElement(
    FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="roman", fontpitch="variable")
)

# page layout: Letter, footer with centred page number "- n -"
pl = PageLayout(name="pm1")
pl.addElement(
    PageLayoutProperties(
        pagewidth="21.59cm",
        pageheight="27.94cm",
        margintop="2.2cm",
        marginbottom="1.6cm",
        marginleft="2.6cm",
        marginright="2.4cm",
    )
)
doc.automaticstyles.addElement(pl)
footstyle = Style(name="Footer", family="paragraph")
footstyle.addElement(ParagraphProperties(textalign="center"))
footstyle.addElement(TextProperties(fontname=FONT, fontsize="9.5pt"))
doc.styles.addElement(footstyle)
mp = MasterPage(name="Standard", pagelayoutname=pl)
ft = Footer()
fp = P(stylename=footstyle)
fp.addText("- ")
fp.addElement(PageNumber(selectpage="current"))
fp.addText(" -")
ft.addElement(fp)
mp.addElement(ft)
doc.masterstyles.addElement(mp)

nc = NotesConfiguration(
    noteclass="footnote",
    numformat="1",
    numsuffix="/",
    startvalue="0",
    footnotesposition="page",
    startnumberingat="document",
)
doc.styles.addElement(nc)

std = Style(name="Standard", family="paragraph")
std.addElement(TextProperties(fontname=FONT, fontsize="11pt", language="es", country="ES"))
std.addElement(ParagraphProperties(marginbottom="0.25cm", lineheight="118%"))
doc.styles.addElement(std)


def pstyle(
    name,
    align="justify",
    bold=False,
    size=None,
    indent=None,
    left=None,
    before=None,
    after=None,
    pagebreak=False,
    keep=False,
    italic=False,
    tabs=None,
):
    s = Style(name=name, family="paragraph", parentstylename="Standard")
    kw = dict(textalign=align)
    if indent is not None:
        kw["textindent"] = indent
    if left is not None:
        kw["marginleft"] = left
    if before is not None:
        kw["margintop"] = before
    if after is not None:
        kw["marginbottom"] = after
    if pagebreak:
        kw["breakbefore"] = "page"
    if keep:
        kw["keepwithnext"] = "always"
    pp = ParagraphProperties(**kw)
    if tabs:
        ts = TabStops()
        for pos, leader in tabs:
            t = TabStop(position=pos, type="right")
            if leader:
                t.setAttribute("leaderstyle", "dotted")
                t.setAttribute("leadertext", ".")
            ts.addElement(t)
        pp.addElement(ts)
    s.addElement(pp)
    tp = {}
    if bold:
        tp["fontweight"] = "bold"
    if italic:
        tp["fontstyle"] = "italic"
    if size:
        tp["fontsize"] = size
    if tp:
        s.addElement(TextProperties(**tp))
    doc.automaticstyles.addElement(s)
    return s


BODY = pstyle("Body", indent="1.25cm")
NOIND = pstyle("NoInd")
LIST = pstyle("List", align="left", left="1.25cm", indent="-0.0cm", after="0.05cm")
ITEMS = pstyle("Items", left="2.5cm", indent="-1.25cm", after="0.12cm")
HEAD = pstyle("Head", align="center", bold=True, before="0.5cm", after="0.4cm", keep=True)
TITLE = pstyle("Title", align="center", bold=True, after="0.1cm")
CENTER = pstyle("Center", align="center")
RIGHT = pstyle("Right", align="left", left="10.5cm", after="0cm")
COVER_BIG = pstyle("CoverBig", align="center", bold=True, size="14pt", after="0.3cm")
PB_LEFT = pstyle("PBLeft", align="left", bold=True, pagebreak=True)
PB_CENTER = pstyle("PBCenter", align="center", bold=True, pagebreak=True, after="0.1cm")
TOC = pstyle("Toc", align="left", tabs=[("16.5cm", True)], after="0.3cm")
TOCH = pstyle("TocH", align="left", tabs=[("16.5cm", False)], after="0.3cm", size="10pt")
ANEXO = pstyle("Anexo", align="right", bold=True, pagebreak=True, after="0.6cm")

bold_span = Style(name="B", family="text")
bold_span.addElement(TextProperties(fontweight="bold"))
doc.automaticstyles.addElement(bold_span)
sup_style = Style(name="Sup", family="text")
sup_style.addElement(TextProperties(textposition="super 58%"))
doc.automaticstyles.addElement(sup_style)


def p(text, style=BODY, label=None):
    el = P(stylename=style)
    if label:
        el.addElement(Span(stylename=bold_span, text=label))
        el.addText(" ")
    el.addText(text)
    doc.text.addElement(el)
    return el


def footnote(par, text, cite="1"):
    n = Note(noteclass="footnote", id="ftn" + cite)
    n.addElement(NoteCitation(text=cite))
    nb = NoteBody()
    nb.addElement(P(stylename=NOIND, text=text))
    n.addElement(nb)
    par.addElement(n)


# ---------------------------------------------------------------- header block and title
p("CONSEJO PERMANENTE", style=pstyle("CovL", align="left", bold=True, after="0.3cm"))
for line in ("OEA/Ser.G", "CP/ACTA 2481/24", "12 junio 2024"):
    p(line, style=RIGHT)
p("", style=CENTER)
p("ACTA DE LA SESIÓN ORDINARIA", style=COVER_BIG)
p("celebrada el miércoles 12 de junio de 2024", style=CENTER)
p(
    "Aprobada en la sesión del 10 de julio de 2024",
    style=pstyle("Aprob", align="center", italic=True, size="10pt", before="0.2cm", after="0.8cm"),
)

p(
    "En la ciudad de Washington, a las diez y veinte de la mañana del miércoles 12 de junio de 2024, "
    "celebró sesión ordinaria el Consejo Permanente de la Organización de los Estados Americanos. La sesión "
    "fue presidida por el Embajador Rodrigo Alcázar Benavente, Representante Permanente de Guatemala y "
    "Presidente del Consejo Permanente. Asistieron los siguientes miembros:"
)
for line in (
    "Embajadora Jacqueline Mowatt-Reid, Representante Permanente de Jamaica y "
    "Vicepresidenta del Consejo Permanente",
    "Embajador Tomás Urrutia Berríos, Representante Permanente de Chile",
    "Embajador Alonso Prieto Valdivieso, Representante Permanente de México",
    "Embajadora Inés Carvallo Ruiz, Representante Permanente del Uruguay",
    "Embajador Patrice Lamarre, Representante Permanente de Haití",
    "Embajador Felipe Sáenz Morales, Representante Permanente de Colombia",
    "Embajadora Marie-Claude Tremblay, Representante Permanente del Canadá",
    "Embajador Hernán Quesada Solano, Representante Permanente de Costa Rica",
    "Embajador Víctor Hugo Paredes Insfrán, Representante Permanente del Paraguay",
    "Embajadora Carmen Zúñiga Ortega, Representante Permanente del Perú",
    "Ministro Consejero Gustavo Lacerda Pimentel, Representante Interino del Brasil",
    "Consejera Daniela Ocampo Ruiz, Representante Interina de la Argentina",
    "Ministra Cecilia Arévalo Mena, Representante Interina del Ecuador",
    "Primer Secretario Ricardo Ayala Peña, Representante Alterno de El Salvador",
    "Consejero Jonathan Whitaker, Representante Alterno de los Estados Unidos",
    "Scott R. Millbrook, Representante Alterno de los Estados Unidos",
    "Consejera Sherry-Ann Baptiste, Representante Alterna de Trinidad y Tobago",
    "Primera Secretaria Lorna Fitzgerald-Hope, Representante Alterna de Barbados",
    "Segunda Secretaria Ana Lucía Figueroa Paz, Representante Alterna del Perú",
):
    p(line, style=LIST)
p("", style=NOIND)
p(
    "También estuvo presente el Secretario General Adjunto, Embajador Ferdinand Castellanos-Roy, "
    "Secretario del Consejo Permanente."
)

# ---------------------------------------------------------------- item 1
p("APROBACIÓN DEL ORDEN DEL DÍA", style=HEAD)
p(
    "Buenos días. Declaro abierta la sesión ordinaria del Consejo Permanente, convocada para considerar "
    "los asuntos incluidos en el proyecto de orden del día, documento CP/OD.2481/24.",
    label="El PRESIDENTE:",
)
p("[El proyecto de orden del día contiene los siguientes puntos:")
p("1.\tAprobación del orden del día (CP/OD.2481/24).", style=ITEMS)
p(
    "2.\tProyecto de resolución “Cooperación hemisférica ante la temporada de huracanes 2024” "
    "(CP/doc.5981/24).",
    style=ITEMS,
)
p("3.\tOtros asuntos.]", style=ITEMS)
p("Si no hay objeciones, daré por aprobado el orden del día. Aprobado.")

# ---------------------------------------------------------------- item 2
p("COOPERACIÓN HEMISFÉRICA ANTE LA TEMPORADA DE HURACANES 2024 (PROYECTO DE RESOLUCIÓN)", style=HEAD)
p(
    "Pasamos al segundo punto del orden del día. La Delegación de Barbados ha presentado, en nombre de "
    "los Estados miembros de la Comunidad del Caribe, el proyecto de resolución que figura en el documento "
    "CP/doc.5981/24. Ofrezco la palabra a la distinguida Representante de Barbados.",
    label="El PRESIDENTE:",
)
p(
    "Thank you, Mr. Chair. The National Oceanic and Atmospheric Administration forecasts an "
    "above-normal Atlantic hurricane season, with between eight and thirteen hurricanes. Last year, "
    "several of our small island States lost in a single afternoon the equivalent of a third of their "
    "gross domestic product. This draft resolution, which builds on the mandates of the Inter-American "
    "Committee on Natural Disaster Reduction and on resolution CP/RES. 1225 (2433/23), asks the General "
    "Secretariat to have its emergency assistance mechanisms ready before the peak of the season and to "
    "coordinate with the Caribbean Disaster Emergency Management Agency. We hope it can be adopted by "
    "consensus. I thank you.",
    label="La REPRESENTANTE ALTERNA DE BARBADOS:",
)
p(
    "Agradezco a la distinguida Representante de Barbados. Tiene la palabra el Embajador de México.",
    label="El PRESIDENTE:",
)
p(
    "Gracias, señor Presidente. México acompaña con convicción esta iniciativa. Quisiéramos proponer "
    "únicamente que en el párrafo resolutivo 3 se haga referencia expresa al Fondo Interamericano de "
    "Asistencia para Situaciones de Emergencia (FONDEM), cuyo reglamento fue actualizado mediante la "
    "resolución AG/RES. 2976 (LI-O/21), para que quede claro de dónde provendrán los recursos. Hemos "
    "circulado el texto de la enmienda a todas las delegaciones. Muchas gracias.",
    label="El REPRESENTANTE PERMANENTE DE MÉXICO:",
)
p("Gracias, Embajador. Argentina.", label="El PRESIDENTE:")
p(
    "Gracias, Presidente. La Argentina apoya el proyecto y la enmienda propuesta por México. Quisiera "
    "destacar la experiencia de los Cascos Blancos, que están a disposición de los países del Caribe "
    "para las tareas de respuesta humanitaria. Gracias.",
    label="La REPRESENTANTE INTERINA DE LA ARGENTINA:",
)
p("Tiene la palabra la Delegación de los Estados Unidos.", label="El PRESIDENTE:")
p(
    "Thank you, Mr. Chair. The United States is pleased to join consensus on this draft resolution, "
    "including the amendment proposed by Mexico. We would like to note that our support is without "
    "prejudice to the decisions that the Committee on Administrative and Budgetary Affairs may take "
    "on the resources of the Regular Fund. Thank you.",
    label="El REPRESENTANTE ALTERNO DE LOS ESTADOS UNIDOS:",
)
p(
    "Gracias, señor Presidente. El Perú se suma al consenso y agradece a Barbados por la "
    "iniciativa. Nuestro país, que sufre cada año los efectos del fenómeno de El Niño, comprende bien la "
    "importancia de la preparación y la alerta temprana. Gracias.",
    label="La REPRESENTANTE ALTERNA DEL PERÚ:",
)
p(
    "Merci, Monsieur le Président. Haïti appuie fermement ce projet de résolution. Nous remercions "
    "la délégation de la Barbade et tous les pays de la CARICOM pour leur solidarité constante. Merci.",
    label="El REPRESENTANTE PERMANENTE DE HAITÍ:",
)
p(
    "Gracias, señor Presidente. España, como Observador Permanente, desea expresar su disposición "
    "a seguir colaborando con los sistemas de protección civil de la región a través de la Agencia "
    "Española de Cooperación Internacional para el Desarrollo. Muchas gracias.",
    label="El OBSERVADOR PERMANENTE DE ESPAÑA:",
)
par = p(
    "Muchas gracias. No habiendo más solicitudes de palabra, si no hay objeciones, daré por aprobado "
    "el proyecto de resolución con la enmienda propuesta por la Delegación de México. Aprobado.",
    label="El PRESIDENTE:",
)
footnote(par, "Resolución CP/RES. 1251 (2481/24), anexa.")

# ---------------------------------------------------------------- item 3
p("OTROS ASUNTOS", style=HEAD)
p(
    "Pasamos al punto “Otros asuntos”. ¿Alguna delegación desea hacer uso de la palabra? Canadá.",
    label="El PRESIDENTE:",
)
p(
    "Merci, Monsieur le Président. I would simply like to invite all delegations to the "
    "presentation of the report of the Inter-American Network on Disaster Risk Reduction, which will take "
    "place on Thursday, June 20, at 3:00 p.m. in the Padilha Vidal Room. Thank you.",
    label="La REPRESENTANTE PERMANENTE DEL CANADÁ:",
)
p(
    "Muchas gracias, Embajadora. Les recuerdo que la próxima sesión ordinaria del Consejo se "
    "celebrará el miércoles 19 de junio a las diez de la mañana. No habiendo otros asuntos que tratar, se "
    "levanta la sesión.",
    label="El PRESIDENTE:",
)

# ---------------------------------------------------------------- annex
p("ANEXO", style=ANEXO)
p("RESOLUCIÓN APROBADA", style=pstyle("ResAp", align="center", bold=True, after="0.8cm"))
for line in ("OEA/Ser.G", "CP/RES. 1251 (2481/24)", "12 junio 2024", "Original: inglés"):
    p(line, style=RIGHT)
p("", style=CENTER)
p("CP/RES. 1251 (2481/24)", style=CENTER)
p("", style=CENTER)
p("COOPERACIÓN HEMISFÉRICA ANTE LA TEMPORADA DE HURACANES 2024", style=TITLE)
p("", style=CENTER)
p(
    "(Aprobada en la sesión celebrada el 12 de junio de 2024)",
    style=pstyle("ResDate", align="center", after="0.6cm"),
)
p("EL CONSEJO PERMANENTE DE LA ORGANIZACIÓN DE LOS ESTADOS AMERICANOS,", style=NOIND)
p(
    "CONSIDERANDO que los pequeños Estados insulares en desarrollo y los países de baja altitud del "
    "Hemisferio son particularmente vulnerables a los efectos de los huracanes y tormentas tropicales;"
)
p("RECORDANDO la resolución AG/RES. 2976 (LI-O/21) y la resolución CP/RES. 1225 (2433/23);")
p(
    "TENIENDO PRESENTE que la temporada de huracanes del Atlántico se extiende del 1 de junio al "
    "30 de noviembre,"
)
p("RESUELVE:", style=NOIND)
p(
    "1.\tExpresar su solidaridad con los Estados Miembros afectados por desastres naturales y reiterar "
    "el compromiso de la Organización con la reducción del riesgo de desastres.",
    style=ITEMS,
)
p(
    "2.\tInstar a los Estados Miembros a fortalecer sus sistemas nacionales de alerta temprana y a "
    "compartir información en tiempo real con los organismos subregionales competentes.",
    style=ITEMS,
)
p(
    "3.\tEncomendar a la Secretaría General que, por conducto del Fondo Interamericano de Asistencia "
    "para Situaciones de Emergencia (FONDEM), mantenga disponibles los recursos necesarios para responder "
    "a solicitudes de asistencia durante la temporada de huracanes 2024.",
    style=ITEMS,
)
p(
    "4.\tSolicitar a la Secretaría General que presente al Consejo Permanente, antes del 31 de diciembre "
    "de 2024, un informe sobre la ejecución de la presente resolución.",
    style=ITEMS,
)
p("", style=NOIND)
p("CP49512S01", style=pstyle("Job", align="left", size="8pt"))

doc.save(out)
print("wrote", out)
