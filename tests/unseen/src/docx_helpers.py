"""Small helpers for the python-docx sources (hyperlinks, page fields, header blocks).

Used by build_docx.py; run with the separate venv (/tmp/unseen-venv: python-docx).
"""

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def new_document(font="Liberation Serif", size=11.5, margins_cm=(2.2, 2.5, 2.2, 2.5)):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for att in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(att), font)
    st.paragraph_format.space_after = Pt(6)
    sec = doc.sections[0]
    sec.page_height = Cm(27.94)
    sec.page_width = Cm(21.59)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (Cm(x) for x in margins_cm)
    return doc


def para(
    doc_or_cell,
    text="",
    bold=False,
    italic=False,
    underline=False,
    align=None,
    size=None,
    indent_first=None,
    space_after=None,
    keep_with_next=False,
    left_indent=None,
    caps=False,
):
    p = doc_or_cell.add_paragraph()
    if text:
        add_runs(p, text, bold=bold, italic=italic, underline=underline, size=size, caps=caps)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf = p.paragraph_format
    if indent_first is not None:
        pf.first_line_indent = Cm(indent_first)
    if left_indent is not None:
        pf.left_indent = Cm(left_indent)
    if space_after is not None:
        pf.space_after = Pt(space_after)
    if keep_with_next:
        pf.keep_with_next = True
    return p


def add_runs(p, text, bold=False, italic=False, underline=False, size=None, caps=False):
    """text may contain [[url]] or [[label|url]] link markers and ^^sup^^ markers."""
    import re

    pos = 0
    for m in re.finditer(r"\[\[(.+?)\]\]|\^\^(.+?)\^\^", text):
        if m.start() > pos:
            _run(p, text[pos : m.start()], bold, italic, underline, size, caps)
        if m.group(1):
            inner = m.group(1)
            if "|" in inner:
                label, url = inner.split("|", 1)
            else:
                label = url = inner
            hyperlink(p, label, url, bold=bold, size=size)
        else:
            r = _run(p, m.group(2), bold, italic, underline, size, caps)
            r.font.superscript = True
        pos = m.end()
    if pos < len(text):
        _run(p, text[pos:], bold, italic, underline, size, caps)


def _run(p, text, bold, italic, underline, size, caps):
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    r.underline = underline or None
    if caps:
        r.font.all_caps = True
    if size:
        r.font.size = Pt(size)
    return r


def hyperlink(p, label, url, bold=False, size=None):
    part = p.part
    r_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    h = OxmlElement("w:hyperlink")
    h.set(qn("r:id"), r_id)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    c = OxmlElement("w:color")
    c.set(qn("w:val"), "1F3F99")
    rpr.append(c)
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.append(u)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if size:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = label
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    h.append(r)
    p._p.append(h)


def field(p, instr, size=None):
    """Insert a simple field (PAGE, NUMPAGES) into paragraph p."""
    r = p.add_run()
    if size:
        r.font.size = Pt(size)
    f1 = OxmlElement("w:fldChar")
    f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = instr
    f2 = OxmlElement("w:fldChar")
    f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t")
    t.text = "1"
    f3 = OxmlElement("w:fldChar")
    f3.set(qn("w:fldCharType"), "end")
    for el in (f1, it, f2, t, f3):
        r._r.append(el)


def no_borders(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        b.append(e)
    tblPr.append(b)


def all_borders(table, sz=4):
    tblPr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), str(sz))
        e.set(qn("w:color"), "000000")
        b.append(e)
    tblPr.append(b)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trPr.append(h)


def shade(cell, fill="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    s = OxmlElement("w:shd")
    s.set(qn("w:val"), "clear")
    s.set(qn("w:color"), "auto")
    s.set(qn("w:fill"), fill)
    tcPr.append(s)


def header_block(doc, left_lines, right_lines, size=10.5, left_bold=True):
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    lc, rc = t.rows[0].cells
    lc.width = Cm(10.5)
    rc.width = Cm(6)
    lc.paragraphs[0].text = ""
    first = True
    for line in left_lines:
        p = lc.paragraphs[0] if first else lc.add_paragraph()
        first = False
        if line:
            _run(p, line, left_bold, False, False, size, False)
        p.paragraph_format.space_after = Pt(0)
    first = True
    for line in right_lines:
        p = rc.paragraphs[0] if first else rc.add_paragraph()
        first = False
        _run(p, line, False, False, False, size, False)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.left_indent = Cm(1.5)
    return t


def running_header(doc, text, page_style="- {PAGE} -", size=9.5):
    """Running header with own symbol from page 2; page number in the footer from page 2."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(hp, text, False, False, False, size, False)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, after = page_style.split("{PAGE}")
    if before:
        _run(fp, before, False, False, False, size, False)
    field(fp, "PAGE", size=size)
    if after:
        _run(fp, after, False, False, False, size, False)
