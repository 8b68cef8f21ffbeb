"""What an export may replace: only a PDF it could have written.

An output path that names a document, a photo, a ``.bak``, a link or anything
else that is not a PDF is refused unless the user forces it; a device, a pipe or
a socket is refused always (as root, replacing /dev/null would break the system).

A press folder whose pages were being replaced when the export was stopped holds
INCOMPLETE.txt until an export into it completes.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from layout.store.files import write_atomic


class OutputError(ValueError):
    """An output path that must not be written, with the reason."""


def check_replaceable(path: Path, force: bool = False) -> None:
    """Return if ``path`` is free, or a PDF (or, with ``force``, any regular file or link);
    raise OutputError otherwise."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        if not force:
            raise OutputError(f"{path} is a link; it is not replaced (use --force to replace the link)")
        return
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path} is a device, a pipe or a socket; it is never replaced")
    if not force and not _is_pdf(path):
        raise OutputError(f"{path} exists and is not a PDF (a document, a photo or a backup?); "
                          "it is not replaced (use --force to replace it)")


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


INCOMPLETE = "INCOMPLETE.txt"  # in a press folder while a new set of pages is moved into it
_INCOMPLETE_TEXT = ("The export that wrote this folder was stopped while it moved its pages into place:\n"
                    "the pages below may be of the old set, of the new one or missing. Do not send them;\n"
                    "export again (the next export into this folder replaces them and removes this file).\n\n")


def incomplete_set(folder: Path) -> Path | None:
    """The marker an export left in ``folder`` when it was stopped while moving its
    pages into place, or None when the folder's set is whole."""
    marker = folder / INCOMPLETE
    return marker if marker.is_file() else None


@contextlib.contextmanager
def moving_into_place(folder: Path, names: list[Path]) -> Iterator[None]:
    """Mark ``folder`` incomplete (listing ``names``) for the length of a ``with`` block
    that moves the pages in; the mark is removed only when the block completes, so a
    killed or failed move leaves a set no one can take for a whole one."""
    listing = "".join(f"{path.name}\n" for path in names)
    write_atomic(folder / INCOMPLETE, (_INCOMPLETE_TEXT + listing).encode("utf-8"))
    yield
    (folder / INCOMPLETE).unlink(missing_ok=True)
