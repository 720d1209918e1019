"""acta: meeting-summary PDFs in, normalized queryable tables out.

Stages, in data order: pipeline.extract -> pipeline.segment -> pipeline.parse -> pipeline.write;
pipeline.batch runs them over an archive, pipeline.analyst reads the tables back.

The library mirrors the `acta` command, keyword for option, and importing it stays cheap (no pandas,
DuckDB or spaCy until a function is used):

    import pipeline as acta
    acta.run(Path("data/raw"), Path("data/processed"))       # acta run data/raw --out-dir data/processed
    tables = acta.load("data/processed")                    # every table and view as a DataFrame
    acta.query("SELECT * FROM meetings", "data/processed")   # acta query "SELECT …"
    print(acta.show("CP/SA.2401/23", "data/processed"))      # acta show CP/SA.2401/23
    print(acta.show("Kraljevich", "data/processed"))         # acta show Kraljevich (a person)
    acta.review("CP/SA.2401/23", "review.html", in_dir="data/raw", out_dir="data/processed")
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("acta")
except PackageNotFoundError:  # a checkout put on the path without being installed
    __version__ = "0+unknown"

FUNCTIONS = {
    "run": "pipeline.batch.run",
    "query": "pipeline.analyst.query",
    "load": "pipeline.analyst.query",
    "connect": "pipeline.analyst.query",
    "show": "pipeline.analyst.show",
    "show_person": "pipeline.analyst.person",
    "review": "pipeline.analyst.review",
}
__all__ = [*FUNCTIONS, "__version__"]


def __getattr__(name: str) -> Any:
    """The library's functions, imported when first used: `import pipeline` itself loads nothing heavy."""
    if name not in FUNCTIONS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    function = getattr(importlib.import_module(FUNCTIONS[name]), name)
    globals()[name] = function
    return function


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
