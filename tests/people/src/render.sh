#!/bin/sh
# Render the people set's documents (WeasyPrint 57, the system's `weasyprint`) into ../pdfs/.
set -e
cd "$(dirname "$0")"
for f in people_*.html; do
    weasyprint "$f" "../pdfs/${f%.html}.pdf"
done
