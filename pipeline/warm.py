"""Build every per-process resource once: the country matcher, and the date patterns per language.

Importing spaCy and dateparser and building them costs about two seconds, against milliseconds per
page for the documents themselves. The worker pool's fork server imports this module, so the work is
done once per run and every worker, and every replacement of a worker that was killed, starts warm.
Importing the module is what warms: that is all a fork server can do.
"""

from __future__ import annotations

import time

from pipeline.language import LANGUAGES

SAMPLE_DATES = {  # one date per language, so its month names are loaded and its pattern compiled
    "en": "February 15, 2024",
    "es": "15 de febrero de 2024",
    "fr": "15 février 2024",
    "pt": "15 de fevereiro de 2024",
}


def warm() -> float:
    """Build the resources of every language; the seconds it took. Never raises: a failure here only
    means the work is done later, by the first document that needs it."""
    import pipeline.extract.pdfium
    import pipeline.extract.plumber
    import pipeline.parse
    import pipeline.segment  # noqa: F401 - imported for the workers that fork from here
    from pipeline.parse.countries import find_countries
    from pipeline.parse.dates import find_dates

    start = time.monotonic()
    for lang in LANGUAGES:
        try:
            find_countries("Chile", lang)
            find_dates(SAMPLE_DATES.get(lang, SAMPLE_DATES["en"]), lang)
        except Exception:  # noqa: BLE001, S112 - see the docstring
            continue
    return time.monotonic() - start


SECONDS = warm()
