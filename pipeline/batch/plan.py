"""What a run has to do: the PDFs found under the input, against what the manifest says was done.

A file whose size, mtime and settings are those of its manifest line is not read again; one whose
mtime alone changed (a copy, a touch) keeps its rows when its content hash is unchanged; every other
file becomes a Task.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.manifest import Entry
from pipeline.batch.task import Task, file_id, version
from pipeline.extract import errors as msg

if TYPE_CHECKING:
    from pipeline.write import RowLines


def discover(in_path: Path, follow_links: bool = False) -> list[tuple[Path, str]]:
    """Files named *.pdf under the folder (or the one file given), with their '/'-separated relative path.

    Links are listed wherever they lead (`refusal` says which may be read), so each still gets its row.
    Linked folders are walked only with `follow_links`, and each real folder once, since a link to a
    parent folder would otherwise never end."""
    if not in_path.is_dir():
        return [(in_path, _printable(in_path.name))]
    found = []
    walked: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(in_path, followlinks=follow_links):
        real = os.path.realpath(dirpath)
        if real in walked:
            dirnames.clear()
            continue
        walked.add(real)
        dirnames.sort()
        folder = Path(dirpath).relative_to(in_path).as_posix()
        prefix = "" if folder == "." else folder + "/"
        for name in sorted(filenames):
            if name.lower().endswith(".pdf"):
                found.append((Path(dirpath, name), _printable(prefix + name)))
    return found


def _printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (an archive from another system) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def refusal(path: Path, root: Path | None) -> str | None:
    """Why a found file is not read, or None: a link leading out of `root` (None: links may lead
    anywhere), a broken link, or a pipe or device, which could block a reader forever."""
    with contextlib.suppress(OSError):
        if stat.S_ISREG(os.lstat(path).st_mode):
            return None  # a plain file, as nearly all are: one system call
    if root is not None and path.is_symlink():
        try:
            if not path.resolve().is_relative_to(root):
                return msg.LINK_OUTSIDE()
        except RuntimeError:  # a loop of links (Python 3.11 says so with RuntimeError)
            return msg.UNREADABLE(reason="a broken link")
    if not path.exists():
        return msg.UNREADABLE(reason="a broken link" if path.is_symlink() else "No such file or directory")
    if not path.is_file():
        return msg.NOT_A_FILE()
    return None


@dataclass
class Plan:
    """What a run has to do, from the files found and the manifest."""

    tasks: list[Task] = field(default_factory=list)  # files to read: new, changed, or other settings
    live: dict[str, Entry] = field(default_factory=dict)  # unchanged files: their lines stand
    relined: list[tuple[Entry, RowLines | None]] = field(default_factory=list)  # new mtime, rows kept
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # size and mtime of each file found
    keys: dict[str, str] = field(default_factory=dict)  # the settings each file's line must carry

    def gone(self, known: dict[str, Entry]) -> set[str]:
        """Files of the manifest not found this time: their rows are dropped."""
        return set(known) - set(self.stats)


def plan(
    files: list[tuple[Path, str]],
    known: dict[str, Entry],
    in_path: Path,
    engine: str,
    language: str | None,
    follow_links: bool,
    ocr: str = "auto",
) -> Plan:
    """Sort the files found into tasks, unchanged lines and new lines for unchanged content."""
    ver = version()
    settings = f"{ver} {engine} {language or 'auto'}" + ("" if ocr == "auto" else f" ocr={ocr}")
    root = in_path.resolve() if in_path.is_dir() and not follow_links else None
    todo = Plan()
    for path, rel in files:
        found = todo.stats[rel] = _stat(path)
        refused = refusal(path, root)  # part of the key: a link skipped now is read with --follow-links
        key = todo.keys[rel] = settings if refused is None else f"{settings} ({refused})"
        entry = known.get(rel)
        if entry is not None and entry.settings == key:
            if (entry.size, entry.mtime_ns) == found:
                todo.live[rel] = entry
                continue
            if entry.doc_id is not None and found[0] >= 0 and _same_content(path, entry.doc_id):
                todo.relined.append((replace(entry, size=found[0], mtime_ns=found[1]), None))
                continue
        todo.tasks.append(Task(os.path.abspath(path), rel, engine, language, refused, ver, ocr=ocr))
    return todo


def _stat(path: Path) -> tuple[int, int]:
    """Size and mtime (of the link itself where the target cannot be reached); (-1, -1) for neither."""
    try:
        st = path.stat()
    except OSError:
        try:
            st = path.lstat()
        except OSError:
            return -1, -1
    return st.st_size, st.st_mtime_ns


def _same_content(path: Path, doc_id: str) -> bool:
    """Whether a file whose mtime changed still has the content it had (a copy, a touch)."""
    try:
        return file_id(str(path)) == doc_id
    except OSError:
        return False
