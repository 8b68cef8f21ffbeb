"""Temporary files and scratch folders of this program, and the debris a killed run
leaves of them.

Every temporary file is named ``.NAME.PID.XXXX.tmp`` and every scratch folder
``.layout-scratch-PID-XXXX``, in the folder where the result goes, so that a
run killed half-way (``kill -9``, a power cut) leaves nothing a later run cannot
recognise: the next run in that folder removes what a process that no longer
runs left there a while ago (:func:`remove_debris`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from layout.store.processes import alive

SCRATCH_PREFIX = ".layout-scratch-"
STALE_SECONDS = 600.0  # debris of a dead process is removed once it is this old
OLD_SECONDS = 7 * 86400.0  # debris is removed after this, whoever made it (another host)
_TMP = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.tmp$")  # .NAME.PID.XXXX.tmp
_SCRATCH = re.compile(rf"^{re.escape(SCRATCH_PREFIX)}(\d+)-")


def temporary_prefix(target: Path) -> str:
    """The prefix of a temporary file for ``target`` (mkstemp adds the rest)."""
    return f".{target.name}.{os.getpid()}."


def scratch_folder(parent: Path) -> Path:
    """A new, empty scratch folder in ``parent``, removed by the caller when done."""
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=parent))


@contextlib.contextmanager
def scratch(parent: Path) -> Iterator[Path]:
    """A scratch folder in ``parent`` for the length of a ``with`` block, after the
    debris of earlier killed runs there is removed."""
    remove_debris(parent)
    folder = scratch_folder(parent)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_debris(entry: Path, now: float | None = None) -> bool:
    """True for a temporary file or scratch folder of this program whose process is gone
    and which is older than STALE_SECONDS, or any of them older than OLD_SECONDS."""
    match = _TMP.match(entry.name) or _SCRATCH.match(entry.name)
    if match is None:
        return False
    try:
        age = (now or time.time()) - entry.lstat().st_mtime
    except OSError:
        return False
    pid = int(match.group(1))
    return age > OLD_SECONDS or (age > STALE_SECONDS and pid != os.getpid() and alive(pid) is False)


def remove_debris(folder: Path) -> list[Path]:
    """Remove the debris of killed runs in ``folder``; what was removed."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        if not is_debris(entry):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed
