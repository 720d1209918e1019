"""Every language file fits the schema (pipeline/cues.py), and one that does not is refused by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import pipeline.language as language
from pipeline.cues import Cues, CuesError, alternation, load_cues
from pipeline.language import LANGUAGES, MODELS, cues, rules_version

LANG_FILES = sorted((MODELS / "lang").glob("*.json"))


@pytest.mark.parametrize("path", LANG_FILES, ids=lambda p: p.stem)
def test_every_language_file_loads_through_the_schema(path: Path) -> None:
    loaded = load_cues(path)
    assert isinstance(loaded, Cues)
    assert loaded.stopwords and loaded.title_words and loaded.chair_cues  # the cues detection and parse need
    assert loaded.ocr_languages  # OCR reads a page with the first, the language's own


def test_the_languages_are_the_files_present() -> None:
    assert tuple(p.stem for p in LANG_FILES) == LANGUAGES
    assert {"en", "es", "fr", "pt"} <= set(LANGUAGES)
    assert cues("xx") is cues("en")  # an unknown language reads English


def test_the_cli_offers_the_languages_present() -> None:
    from pipeline.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["run", "--lang", "xx"])
    assert exit_.value.code == 2  # argparse refuses a language with no file


def _edited(tmp_path: Path, change) -> Path:
    data = json.loads((MODELS / "lang" / "en.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "en.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_unknown_key_is_refused(tmp_path: Path) -> None:
    path = _edited(tmp_path, lambda d: d.update(chair_cuez=["presiding"]))
    with pytest.raises(CuesError, match=r"en\.json: unknown key\(s\) chair_cuez"):
        load_cues(path)


def test_a_missing_key_is_refused(tmp_path: Path) -> None:
    path = _edited(tmp_path, lambda d: d.pop("quorum_cues"))
    with pytest.raises(CuesError, match=r"en\.json: missing key\(s\) quorum_cues"):
        load_cues(path)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("am", "a.m.", "am must be a list of strings"),
        ("time_cues", ["began"], "time_cues must be an object"),
        ("number_words", {"tres": "3"}, "number_words.tres must be a int"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(tmp_path: Path, key: str, value: object, message: str) -> None:
    path = _edited(tmp_path, lambda d: d.update({key: value}))
    with pytest.raises(CuesError, match=message):
        load_cues(path)


def test_the_loaded_cues_cannot_be_changed() -> None:
    c = cues("en")
    with pytest.raises(AttributeError):
        c.am = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        c.time_cues["other"] = ()  # type: ignore[index]


def test_alternation_is_longest_first_escaped_and_each_once() -> None:
    assert alternation(["a.m", "a.m.", "am", "a.m"]) == r"a\.m\.|a\.m|am"


def test_the_rules_version_hashes_every_rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "models"
    shutil.copytree(MODELS, copy)
    monkeypatch.setattr(language, "MODELS", copy)
    versions = {rules_version()}
    for path in sorted(p for p in copy.rglob("*") if p.is_file()):
        path.write_bytes(path.read_bytes() + b" ")
        versions.add(rules_version())
    assert len(versions) == 1 + len([p for p in copy.rglob("*") if p.is_file()])
