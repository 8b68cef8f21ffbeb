"""The files a document points at (photos) on disk: only regular files of a sensible
size, inside the document's folder unless the user says otherwise.

Opening a FIFO blocks for ever, a device or a /proc file never ends or holds
secrets, so every photo is looked at with :func:`check_photo_file` before any
library opens it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from layout.model.assets import PhotoPlace, leaves_folder, photo_places
from layout.model.document import Issue

MAX_PHOTO_BYTES = 1_000_000_000
SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))


class AssetError(ValueError):
    """A photo path that must not be opened, with the reason in words."""


def check_photo_file(path: Path, max_bytes: int = MAX_PHOTO_BYTES) -> os.stat_result:
    """The file's status, if it is a regular, non-empty file of at most ``max_bytes``
    outside /proc, /sys and /dev; else AssetError (FileNotFoundError when it is missing)."""
    info = os.stat(path)
    real = Path(os.path.realpath(path))
    if any(real.is_relative_to(folder) for folder in SYSTEM_FOLDERS):
        raise AssetError(f"is a system file ({real}), not a photo")
    if not stat.S_ISREG(info.st_mode):
        raise AssetError("is not a regular file (a folder, a pipe, a device or a socket)")
    if info.st_size == 0:
        raise AssetError("is empty")
    if info.st_size > max_bytes:
        raise AssetError(f"is {info.st_size:,} bytes, more than {max_bytes:,}")
    return info


def open_photo(path: Path, inside: Path | None = None) -> tuple[BinaryIO, os.stat_result]:
    """The photo opened once for reading, and its status, checked on the open file itself
    (so a file swapped for a link between the check and the read is never read).

    The last part of the path is opened without following a link (its links are
    resolved first); with ``inside``, the file actually opened must lie in that folder.
    Raises AssetError (FileNotFoundError when it is missing, PermissionError when it
    cannot be read)."""
    real = Path(os.path.realpath(path))
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AssetError("is a loop of links, or was replaced by a link while it was being read") from None
        raise
    try:
        info = _check_opened(fd, real, inside)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), info


def _check_opened(fd: int, real: Path, inside: Path | None) -> os.stat_result:
    """The open file's status, when it is a photo file by :func:`check_photo_file`'s rules
    and (with ``inside``) lies in that folder; AssetError otherwise."""
    info = os.fstat(fd)
    opened = _opened_path(fd) or real
    if any(opened.is_relative_to(folder) for folder in SYSTEM_FOLDERS):
        raise AssetError(f"is a system file ({opened}), not a photo")
    if not stat.S_ISREG(info.st_mode):
        raise AssetError("is not a regular file (a folder, a pipe, a device or a socket)")
    if info.st_size == 0:
        raise AssetError("is empty")
    if info.st_size > MAX_PHOTO_BYTES:
        raise AssetError(f"is {info.st_size:,} bytes, more than {MAX_PHOTO_BYTES:,}")
    if inside is not None and not opened.is_relative_to(Path(os.path.realpath(inside))):
        raise AssetError(f"lies outside the document's folder ({opened})")
    return info


def _opened_path(fd: int) -> Path | None:
    """Where the open file really is (Linux tells through /proc), or None where it cannot be told."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return None


def photo_path(issue: Issue, relative: str) -> Path:
    """A photo path as the document writes it, made absolute against the document's folder
    (the working folder for an untitled document), links followed."""
    base = issue.source.parent if issue.source else Path.cwd()
    return Path(os.path.realpath(base / relative))  # a loop of links stays as it is (resolve raises)


def outside_folder(path: Path, folder: Path) -> bool:
    """True when ``path``, with its links followed, does not lie inside ``folder``."""
    return not Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(folder)))


def outside_photos(issue: Issue) -> list[PhotoPlace]:
    """The photos whose path leaves the document's folder: absolute, with ``..``, or
    through a link to somewhere else."""
    folder = issue.source.parent if issue.source else Path.cwd()
    return [place for place in photo_places(issue)
            if leaves_folder(place.image) or outside_folder(folder / place.image, folder)]
