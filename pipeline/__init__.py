"""acta: meeting-summary PDFs in, normalized queryable tables out.

Stages, in data order: pipeline.extract -> pipeline.segment -> pipeline.parse -> pipeline.write.

The library mirrors the `acta` command, and importing it stays cheap (no pandas, DuckDB or spaCy
until a function is used):

    import pipeline as acta
    acta.run(Path("data/raw"), Path("data/processed"))  # acta run data/raw --out data/processed
    tables = acta.load("data/processed")              # every table and view as a DataFrame
    acta.query("SELECT * FROM meetings", "data/processed")   # acta query "SELECT …"
    print(acta.show("CP/SA.2401/23", "data/processed"))      # acta show CP/SA.2401/23
    acta.review("CP/SA.2401/23", "review.html", in_dir="data/raw", out_dir="data/processed")

`run`, `query`, `show` and `review` are both submodules and their main function. Python's import
system rebinds `pipeline.NAME` to the submodule whenever it is imported, so instead of fighting that,
such submodules are made callable: `acta.run(...)` calls `pipeline.run.run(...)`, while
`pipeline.run.discover` and `mock.patch("pipeline.run.process")` keep working.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import inspect

__version__ = "0.1.0"

COMMANDS = ("run", "query", "show", "review")
FUNCTIONS = {"load": "pipeline.query", "connect": "pipeline.query"}
__all__ = [*COMMANDS, *FUNCTIONS, "__version__"]


class _Command(types.ModuleType):
    """A submodule that calls its same-named function when called."""

    @property
    def _main(self) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._main(*args, **kwargs)

    @property
    def __signature__(self) -> inspect.Signature:
        import inspect  # here: `acta run` starts faster without it

        return inspect.signature(self._main)


class _Package(types.ModuleType):
    """The `pipeline` package: makes a command submodule callable as the import system binds it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in COMMANDS and type(value) is types.ModuleType:
            value.__class__ = _Command
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    if name in COMMANDS:
        importlib.import_module(f"pipeline.{name}")  # binds it through _Package.__setattr__
        return globals()[name]
    if name in FUNCTIONS:
        return getattr(importlib.import_module(FUNCTIONS[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


sys.modules[__name__].__class__ = _Package
