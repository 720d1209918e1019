"""What a run tells its user: the counts of the summary line, and the progress bar on a terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Summary:
    """Counts of one run: `documents` and `pages` are what this run read (new or changed files)."""

    documents: int = 0
    pages: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    unchanged: int = 0  # files whose rows were kept from an earlier run
    removed: int = 0  # files gone since the last run, whose rows were dropped
    seconds: float = 0.0
    errors: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        rate = f" ({self.pages / self.seconds:.0f} pages/s)" if self.pages and self.seconds else ""
        kept = (
            f"; {self.unchanged} unchanged, {self.removed} removed" if self.unchanged or self.removed else ""
        )
        return (
            f"{self.documents} documents, {self.pages} pages: {self.ok} ok, {self.partial} partial, "
            f"{self.failed} failed in {self.seconds:.1f} s{rate}{kept}"
        )

    def count(self, doc: dict[str, Any]) -> None:
        """One more document read, from its documents row."""
        self.documents += 1
        self.pages += doc.get("pages") or 0
        status = doc["status"]
        setattr(self, status, getattr(self, status) + 1)
        if doc.get("error"):
            self.errors[doc["source_path"]] = doc["error"]


class Progress:
    """A tqdm bar of documents; documents/s and ETA are tqdm's (smoothed), pages/s follows from them."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, desc="starting workers")

    def advance(self, summary: Summary) -> None:
        if summary.documents == 1:
            self.bar.set_description_str("")  # the workers are up
        self.bar.update(1)
        rate = self.bar.format_dict.get("rate")
        if rate:
            self.bar.set_postfix_str(f"{rate * summary.pages / summary.documents:.0f} pages/s", refresh=False)

    def close(self) -> None:
        self.bar.close()
