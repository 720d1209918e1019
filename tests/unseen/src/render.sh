#!/bin/sh
# Re-render every PDF of the unseen set from the sources in this folder into ../pdfs/.
#
# Tools (Debian 12 packages unless noted):
#   LibreOffice 7.4   libreoffice-writer-nogui            (soffice --headless --convert-to pdf)
#   pandoc 2.17       pandoc                              (markdown -> LaTeX, markdown -> .docx)
#   pdfLaTeX/XeLaTeX  texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended
#                     texlive-xetex lmodern fonts-lmodern
#   Chromium 156      chromium                            (--headless --print-to-pdf)
#   WeasyPrint 57     weasyprint
#   fonts             fonts-liberation2 fonts-dejavu
#   Python venv with python-docx, odfpy, pdfplumber: PY=/tmp/unseen-venv/bin/python (not the project's .venv)
#
# Usage: sh render.sh        then: $PY check_gold.py
set -eu
cd "$(dirname "$0")"
PY=${PY:-/tmp/unseen-venv/bin/python}
OUT=../pdfs
TMP=$(mktemp -d)
mkdir -p "$OUT"

# 1. word-processor sources (.docx from python-docx, .odt from odfpy, .docx from pandoc) -> LibreOffice
"$PY" build_docx_en_caap.py wp_en_caap_summary_libreoffice.docx
"$PY" build_docx_pt_cidi_ata.py wp_pt_cidi_ata_libreoffice.docx
"$PY" build_docx_fr_csh_seminaire.py wp_fr_csh_seminaire_libreoffice.docx
"$PY" build_odt_es_cp_acta.py wp_es_cp_acta_libreoffice.odt
"$PY" build_reference_docx_pt.py reference_pt.docx
pandoc wp_pt_caap_resumo_pandoc_libreoffice.md --reference-doc=reference_pt.docx \
    -o wp_pt_caap_resumo_pandoc_libreoffice.docx
soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf --outdir "$OUT" \
    wp_en_caap_summary_libreoffice.docx wp_pt_cidi_ata_libreoffice.docx \
    wp_fr_csh_seminaire_libreoffice.docx wp_es_cp_acta_libreoffice.odt \
    wp_pt_caap_resumo_pandoc_libreoffice.docx

# 2. pandoc -> LaTeX (latex_macros off so that \renewcommand in header-includes reaches LaTeX)
pandoc -f markdown-latex_macros wp_en_ecosoc_summary_record_pandoc.md --pdf-engine=pdflatex \
    -o "$OUT/wp_en_ecosoc_summary_record_pandoc.pdf"
pandoc -f markdown-latex_macros wp_es_celac_declaracion_pandoc.md --pdf-engine=xelatex \
    -o "$OUT/wp_es_celac_declaracion_pandoc.pdf"
pandoc -f markdown-latex_macros wp_fr_cajp_compte_rendu_pandoc.md --pdf-engine=xelatex \
    -o "$OUT/wp_fr_cajp_compte_rendu_pandoc.pdf"

# 3. HTML -> headless Chromium (no browser header/footer; page numbers come from CSS @page boxes)
for n in wp_en_cidi_dialogue_chromium wp_es_cajp_resumen_chromium wp_fr_cp_note_chromium; do
    chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$TMP/chr" --no-pdf-header-footer \
        --print-to-pdf="$OUT/$n.pdf" "$n.html" 2>/dev/null
done

# 4. HTML -> WeasyPrint
for n in wp_en_csh_special_weasyprint wp_pt_cajp_curso_weasyprint; do
    weasyprint "$n.html" "$OUT/$n.pdf"
done

rm -rf "$TMP"
ls -l "$OUT"
