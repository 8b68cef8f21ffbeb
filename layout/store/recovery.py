"""Recovery files: the editor's autosaved copy of a document that is not saved yet.

A document's recovery file lies beside it, ``.NAME.recovery`` (links followed),
so it sits on the same disk and its photo paths mean the same; a document with
no file of its own (untitled, or open read-only) keeps its recovery in a folder
the caller names. A recovery file is a whole document, written atomically
through :func:`layout.store.fileformat.write_atomic`; writing it changes neither
the document's file nor the issue's revision.

After a crash the next open finds the recovery file (``pending``); the user
either restores it (``restore``) or it is kept as ``NAME.recovered.layout.json``
(``keep_aside``), never deleted unasked. A clean save or close removes it.
The recovery files of documents without a file carry their editor's process
number; those whose editor is gone are ``orphans``, offered when the editor
starts without a document.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from layout.model.document import Issue
from layout.store.fileformat import SUFFIX, dumps, load
from layout.store.files import write_atomic
from layout.store.processes import alive

RECOVERED = ".recovered"
UNSAVED = f".recovery{SUFFIX}"


@dataclass(frozen=True)
class Recovery:
    """A recovery file found for a document: where it is and when it was written."""

    path: Path
    saved: float  # seconds since the epoch
    newer: bool  # written after the document was last saved


def recovery_path(document: str | Path) -> Path:
    """The recovery file of a document: ``.NAME.recovery`` in the same folder."""
    real = Path(os.path.realpath(document))
    return real.with_name(f".{real.name}.recovery")


def unsaved_path(folder: Path, name: str) -> Path:
    """The recovery file, in ``folder``, of a document with no file of its own (this process's)."""
    return folder / f"{name}.{os.getpid()}{UNSAVED}"


def orphans(folder: Path) -> list[Recovery]:
    """The recovery files in ``folder`` of documents without a file whose editor is gone
    (its process ended), newest first."""
    found = []
    for path in folder.glob(f"*{UNSAVED}"):
        pid = path.name.removesuffix(UNSAVED).rpartition(".")[2]
        if pid.isdigit() and alive(int(pid)) is False:
            with contextlib.suppress(OSError):
                found.append(Recovery(path, path.stat().st_mtime, True))
    return sorted(found, key=lambda r: r.saved, reverse=True)


def keep_unsaved_aside(recovery: Recovery) -> Path:
    """Keep an orphaned recovery file that was not restored under a name ``orphans``
    passes over (``….recovered.layout.json`` in the same folder); its new path."""
    target = recovery.path.with_name(recovery.path.name.removesuffix(UNSAVED) + RECOVERED + SUFFIX)
    os.replace(recovery.path, target)
    return target


def write(issue: Issue, path: Path) -> None:
    """Write the issue to a recovery file, atomically (the folder is made if need be)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dumps(issue).encode("utf-8"))


def pending(document: str | Path) -> Recovery | None:
    """The recovery file a crash left for ``document``, or None."""
    path = recovery_path(document)
    try:
        saved = path.stat().st_mtime
    except OSError:
        return None
    try:
        newer = saved > Path(document).stat().st_mtime
    except OSError:
        newer = True
    return Recovery(path, saved, newer)


def restore(recovery: Recovery, document: Issue) -> Issue:
    """The recovered issue, standing in for ``document`` (its file, its revision on disk)."""
    issue = load(recovery.path)
    issue.source = document.source
    issue.disk_digest = document.disk_digest
    issue.revision = document.revision
    return issue


def keep_aside(recovery: Recovery, document: str | Path) -> Path:
    """Keep a recovery file that was not restored as ``NAME.recovered.layout.json``
    beside the document (``NAME.recovered-2.layout.json`` … if taken); its new path."""
    real = Path(os.path.realpath(document))
    stem = real.name.removesuffix(SUFFIX)
    target = real.with_name(f"{stem}{RECOVERED}{SUFFIX}")
    number = 2
    while target.exists():
        target = real.with_name(f"{stem}{RECOVERED}-{number}{SUFFIX}")
        number += 1
    os.replace(recovery.path, target)
    return target

