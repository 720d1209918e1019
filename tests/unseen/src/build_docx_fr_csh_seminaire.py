"""wp_fr_csh_seminaire_libreoffice: CSH seminar summary with a timed programme table (French).
python-docx -> .docx -> LibreOffice PDF. The programme table is meant to cross the page 1/2 break."""

import sys

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt
from docx_helpers import (
    _run,
    all_borders,
    header_block,
    new_document,
    para,
    repeat_header,
    running_header,
    shade,
)

out = sys.argv[1] if len(sys.argv) > 1 else "wp_fr_csh_seminaire_libreoffice.docx"
doc = new_document(font="DejaVu Serif", size=10.5, margins_cm=(2.3, 2.4, 2.2, 2.4))
running_header(doc, "CP/CSH/SA.431/24", page_style="{PAGE}", size=9)

hb = header_block(
    doc,
    [
        "CONSEIL PERMANENT DE",
        "L’ORGANISATION DES ÉTATS AMÉRICAINS",
        "",
        "COMMISSION SUR LA SÉCURITÉ CONTINENTALE",
    ],
    ["OEA/Ser.G", "CP/CSH/SA.431/24", "18 octobre 2024", "Original : espagnol"],
    size=9.5,
)
hb.autofit = False
for col, w in zip(hb.columns, (Cm(11.0), Cm(5.7)), strict=False):
    col.width = w
    for c in col.cells:
        c.width = w
para(doc, "", space_after=12)
para(doc, "COMPTE RENDU DU SÉMINAIRE SUR LA CYBERSÉCURITÉ", bold=True, align="center", space_after=0)
para(doc, "ET LA PROTECTION DES INFRASTRUCTURES CRITIQUES", bold=True, align="center", space_after=3)
para(doc, "Tenu le mercredi 9 octobre 2024", align="center", space_after=16)

J = dict(align="justify", indent_first=1.0, space_after=6)
H = dict(bold=True, keep_with_next=True, space_after=6)

para(
    doc,
    "Le séminaire, présidé par l’Ambassadrice Mariela Cordero Quintanilla, Représentante permanente "
    "du Panama et Présidente de la Commission sur la sécurité continentale (CSH), s’est tenu dans la "
    "salle Guerrero, de 9 h 30 à 13 heures, selon le programme reproduit ci-dessous. La Présidente a "
    "ouvert les travaux à 9 h 38.",
    **J,
)
para(
    doc,
    "Ont participé au séminaire les délégations des États membres suivants : Argentine, Bahamas, "
    "Barbade, Brésil, Canada, Chili, Colombie, Costa Rica, El Salvador, États-Unis, Guatemala, "
    "Jamaïque, Mexique, Paraguay, Pérou, République dominicaine, Trinité-et-Tobago et Uruguay.",
    **J,
)
para(
    doc,
    "Le séminaire a été organisé en application de la résolution CICTE/RES. 1/24 du Comité "
    "interaméricain contre le terrorisme et du plan de travail de la Commission pour 2024-2025 "
    "(CP/CSH-2258/24). La note conceptuelle et la liste des participants ont été distribuées sous la "
    "cote CP/CSH/INF. 530/24. Le programme, approuvé par la Commission lors de sa réunion du "
    "19 septembre 2024, visait à faire le point sur les menaces qui pèsent sur les infrastructures "
    "critiques de la région et sur les capacités nationales de réponse aux incidents.",
    **J,
)

para(doc, "Programme", **H)

rows = [
    (
        "9 h 30 – 9 h 45",
        "Ouverture",
        [
            "Ambassadrice Mariela Cordero Quintanilla, Présidente de la Commission sur la sécurité "
            "continentale",
            "Mme Élodie Marchand-Bélanger, secrétaire du Comité interaméricain contre le terrorisme",
        ],
    ),
    (
        "9 h 45 – 10 h 45",
        "Séance 1 : Le panorama des menaces dans les Amériques",
        [
            "M. Rafael Quiñones Ledesma, directeur, Centre national de réponse aux incidents informatiques, "
            "Costa Rica",
            "Mme Anneke Vos, analyste principale, Forum mondial sur la cyberexpertise",
        ],
    ),
    ("10 h 45 – 11 h", "Pause-café", []),
    (
        "11 h – 12 h 15",
        "Séance 2 : Protéger les réseaux électriques et les systèmes financiers",
        [
            "M. Thierry Gauvin-Lemaire, conseiller principal en cybersécurité, Centre de la sécurité des "
            "télécommunications, Canada",
            "Mme Luz Adriana Peñaloza, vice-présidente chargée de la gestion des risques, "
            "Banco de la República, Colombie",
            "Commandant Jorge Ibáñez Roldán, chef de l’Unité de cyberdéfense, "
            "ministère de la Défense nationale, Guatemala",
        ],
    ),
    ("12 h 15 – 12 h 50", "Séance 3 : Dialogue avec les délégations", ["Délégations des États membres"]),
    (
        "12 h 50 – 13 h",
        "Clôture",
        [
            "Mme Élodie Marchand-Bélanger, secrétaire du Comité interaméricain contre le terrorisme",
            "Présidente de la CSH",
        ],
    ),
]
t = doc.add_table(rows=1, cols=3)
all_borders(t)
t.alignment = WD_TABLE_ALIGNMENT.CENTER
t.autofit = False
widths = (Cm(3.7), Cm(4.4), Cm(8.6))
hdr = t.rows[0].cells
for c, txt, w in zip(hdr, ("Heure", "Séance", "Intervenants"), widths, strict=False):
    c.width = w
    c.paragraphs[0].text = ""
    _run(c.paragraphs[0], txt, True, False, False, 10, False)
    shade(c)
repeat_header(t.rows[0])
for col, w in zip(t.columns, widths, strict=False):
    col.width = w
for time, sess, spk in rows:
    r = t.add_row().cells
    for c, w in zip(r, widths, strict=False):
        c.width = w
    _run(r[0].paragraphs[0], time.replace(" h", "\u00a0h"), False, False, False, 10, False)
    _run(r[1].paragraphs[0], sess, True, False, False, 10, False)
    first = True
    for s in spk:
        p = r[2].paragraphs[0] if first else r[2].add_paragraph()
        first = False
        _run(p, s, False, False, False, 10, False)
        p.paragraph_format.space_after = Pt(3)
    for c in r[:2]:
        c.paragraphs[0].paragraph_format.space_after = Pt(3)

para(doc, "", space_after=4)
para(doc, "Déroulement des travaux", **H)
para(
    doc,
    "Dans son allocution d’ouverture, la Présidente a souligné que plusieurs États membres avaient "
    "subi en 2024 des attaques par rançongiciel contre des services publics essentiels. La secrétaire "
    "du CICTE, Mme Marchand-Bélanger, a présenté les activités de renforcement des capacités menées "
    "par le Secrétariat auprès de vingt-deux équipes nationales de réponse aux incidents.",
    **J,
)
para(
    doc,
    "Au cours de la première séance, M. Quiñones Ledesma a décrit la réponse du Costa Rica à "
    "l’attaque qui avait paralysé les services fiscaux et douaniers du pays, et Mme Vos a présenté une "
    "analyse comparée des stratégies nationales de cybersécurité adoptées dans la région. Lors de la "
    "deuxième séance, M. Gauvin-Lemaire a expliqué le modèle canadien de partage d’informations entre "
    "le secteur public et les opérateurs d’infrastructures critiques ; Mme Peñaloza a présenté les "
    "exercices de simulation de crise menés avec les banques commerciales ; et le Commandant Ibáñez "
    "Roldán a décrit la coordination entre les autorités civiles et militaires en cas d’incident majeur.",
    **J,
)
para(
    doc,
    "Lors du dialogue, les délégations de la République dominicaine, du Chili, des États-Unis, du "
    "Mexique et de Trinité-et-Tobago ont pris la parole. L’Observateur permanent de la République de "
    "Corée a également pris la parole pour présenter les programmes de formation offerts par son pays.",
    **J,
)
para(doc, "Conclusions", **H)
para(
    doc,
    "La Présidente a remercié les intervenants et a annoncé que les exposés seraient publiés sur la "
    "page Web du CICTE ([[https://www.oas.org/fr/ssm/cicte/seminaire-infrastructures-2024.asp]]). Elle "
    "a rappelé que la prochaine réunion ordinaire de la Commission se tiendrait le jeudi 17 octobre à "
    "10 heures. La Présidente a clos le séminaire à 13 h 05.",
    **J,
)
para(
    doc,
    "L’enregistrement vidéo du séminaire peut être visionné sur la chaîne de l’OEA : "
    "[[https://www.youtube.com/watch?v=CSHcyber0924]].",
    **J,
)

doc.save(out)
print("wrote", out)
