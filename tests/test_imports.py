"""What importing a stage costs. The text-level recognisers (pipeline.recognise) import spaCy only
where the country matcher is built, so the stages and tools that use them for times and symbols
(segment, write, show) start without loading it; the fork server's warm-up still loads it once."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_segment_write_and_show_load_no_spacy() -> None:
    code = "import pipeline.segment, pipeline.write, pipeline.analyst.show, sys; "
    code += "print('spacy' in sys.modules)"
    assert _run(code) == "False\n"


def test_the_warm_up_loads_spacy_and_builds_the_country_matcher() -> None:
    code = (
        "import sys, pipeline.batch.warm; from pipeline.recognise.countries import _matcher; "
        "print('spacy' in sys.modules, _matcher.cache_info().currsize)"
    )
    assert _run(code) == "True 1\n"
