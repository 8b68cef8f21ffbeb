"""What an export may replace: only a PDF it could have written.

An output path that names a document, a photo, a ``.bak``, a link or anything
else that is not a PDF is refused unless the user forces it; a device, a pipe or
a socket is refused always (as root, replacing /dev/null would break the system).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


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
