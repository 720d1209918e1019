"""Reference .docx for pandoc (styles Direita, Centro, Titulo; footer with page number).
Used only for wp_pt_caap_resumo_pandoc_libreoffice (pandoc -> .docx -> LibreOffice)."""

import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx_helpers import _run, field

out = sys.argv[1] if len(sys.argv) > 1 else "reference_pt.docx"
doc = Document()
st = doc.styles
for name in ("Normal", "Body Text", "First Paragraph"):
    try:
        s = st[name]
    except KeyError:
        s = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    s.font.name = "DejaVu Sans"
    s.font.size = Pt(10)
    s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    s.paragraph_format.space_after = Pt(6)
    s.paragraph_format.first_line_indent = Cm(1.0) if name != "Normal" else None
for lvl in (1, 2):
    try:
        s = st[f"Heading {lvl}"]
    except KeyError:
        s = st.add_style(f"Heading {lvl}", WD_STYLE_TYPE.PARAGRAPH)
    s.font.name = "DejaVu Sans"
    s.font.size = Pt(10)
    s.font.bold = True
    s.font.italic = False
    s.font.color.rgb = None
    s.paragraph_format.space_before = Pt(10)
    s.paragraph_format.space_after = Pt(4)
for name, align, bold, left in (
    ("Direita", WD_ALIGN_PARAGRAPH.LEFT, False, 10.5),
    ("Centro", WD_ALIGN_PARAGRAPH.CENTER, False, 0),
    ("Titulo", WD_ALIGN_PARAGRAPH.CENTER, True, 0),
    ("Orgao", WD_ALIGN_PARAGRAPH.LEFT, True, 0),
):
    s = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    s.base_style = st["Normal"]
    s.font.name = "DejaVu Sans"
    s.font.size = Pt(9.5 if name in ("Direita", "Orgao") else 10.5)
    s.font.bold = bold
    s.paragraph_format.alignment = align
    s.paragraph_format.space_after = Pt(0 if name in ("Direita", "Orgao") else 4)
    s.paragraph_format.first_line_indent = Cm(0)
    if left:
        s.paragraph_format.left_indent = Cm(left)
sec = doc.sections[0]
sec.page_height = Cm(27.94)
sec.page_width = Cm(21.59)
sec.top_margin = Cm(2.2)
sec.bottom_margin = Cm(2.0)
sec.left_margin = Cm(2.5)
sec.right_margin = Cm(2.5)
fp = sec.footer.paragraphs[0]
fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
_run(fp, "Página ", False, False, False, 8.5, False)
field(fp, "PAGE", size=8.5)
doc.save(out)
print("wrote", out)
