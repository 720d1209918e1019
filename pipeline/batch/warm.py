"""Build every per-process resource once: the country matcher, the date, time and cue patterns of
every language.

Importing spaCy and dateparser and building them costs far more than a page of a document does
(docs/SCALE.md has the measured figures). The worker pool's fork server imports this module, so the work is
done once per run and every worker, and every replacement of a worker that was killed, starts warm.
Importing the module is what warms: that is all a fork server can do.

The patterns are built where they are first used, so the surest way to build them all is to read a
record: one small made-up record per language, written from the language's own cue data (and its
month names in dateparser's data), goes through segment and parse.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from pipeline.language import LANGUAGES, MONTHS, cues

if TYPE_CHECKING:
    from pipeline.document import ExtractedDocument


def sample_date(lang: str) -> str:
    """A date in the language, with its month name from dateparser's data (which the date recogniser
    reads too), so that a new language file needs nothing written here."""
    from dateparser.languages.loader import LocaleDataLoader

    names = LocaleDataLoader().get_locale(lang).info.get(MONTHS[1]) or [MONTHS[1]]
    return f"15 {max(names, key=len)} 2024"


def sample_record(lang: str) -> list[str]:
    """The lines of a made-up summary in the language, from its cue data."""
    c = cues(lang)
    person = f"{c.honorifics[0]} Ana Silva, {c.delegate_roles[0]} {c.role_country_links[0]} Chile"
    return [
        f"{c.title_words[0]} CP/CAJP-3769/23",
        sample_date(lang),
        f"{c.chair_cues[0]} {person}.",
        f"{c.quorum_cues[0]} Argentina, Brasil, Canada.",
        f"10:00 - 10:15 {c.remarks_cues[0]} {person}",
        f"• {c.remarks_cues[0]} {person}",
        f"{c.delegation_single[0]} Mexico {c.speech_verbs[0]} AG/RES. 2976 (LI-O/21).",
    ]


def sample_document(lang: str) -> ExtractedDocument:
    """The made-up record as the extract stage would give it: one page, a paragraph per line."""
    from pipeline.document import ExtractedDocument, Line, Page

    lines = [
        Line(text, 1, 72.0, 100.0 + 40 * i, 500.0, 111.0 + 40 * i, 11.0, "Times-Roman")
        for i, text in enumerate(sample_record(lang))
    ]
    return ExtractedDocument("", [Page(1, 612.0, 792.0, lines)], 1, "warm")


def warm() -> float:
    """Build the resources of every language; the seconds it took. Never raises: a failure here only
    means the work is done later, by the first document that needs it."""
    from pipeline.parse import parse
    from pipeline.segment import segment

    start = time.monotonic()
    for lang in LANGUAGES:
        try:
            parse(segment(sample_document(lang), lang))
        except Exception:  # noqa: BLE001, S112 - see the docstring
            continue
    return time.monotonic() - start


SECONDS = warm()
