"""One document's task, and the facts that name what produced its rows.

Its own module, imported by the run, the read-ahead and the cluster alike, so that none of them has
to import another for the type of the thing they pass around.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pipeline import __version__
from pipeline.language import rules_version


@dataclass(frozen=True)
class Task:
    """A file to take through the stages, with the run's settings; sent to a worker as it is."""

    path: str
    source_path: str
    engine: str = "pdfplumber"
    language: str | None = None
    refused: str | None = None  # why the file is not to be read at all (pipeline.batch.plan.refusal)
    version: str = ""  # the run's version(), computed once by the parent (hashing models/ takes time)
    extracted: str | None = None  # a pickle of the document, extracted ahead (pipeline.batch.ahead)
    ocr: str = "auto"  # which pages are OCRed: auto, always, never (pipeline.extract.ocr_pages)

    def header(self, doc_id: str | None) -> dict[str, Any]:
        """The documents-row facts about the file and the run, before anything is read from it: the
        one place this part of a documents row is built, for a read file and a failed one alike."""
        return {
            "doc_id": doc_id,
            "source_path": self.source_path,
            "engine": self.engine,
            "acta_version": self.version or version(),
        }


def version() -> str:
    """acta's version and the rules' hash: a rerun reads again every file read with other rules."""
    return f"{__version__}+{rules_version()[:8]}"


def file_id(path: str) -> str:
    """The doc_id: a hash of the file's content, stable across runs, renames and machines."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]
