"""The files a document points at (photos): only regular files of a sensible size,
inside the document's folder unless the user says otherwise.

Opening a FIFO blocks for ever, a device or a /proc file never ends or holds
secrets, so every photo is looked at with :func:`check_photo_file` before any
library opens it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath

from layout.model.document import Issue
from layout.model.frames import Frame, Photo, PhotoFrame, PhotoPairFrame, SeriesFrame

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


def leaves_folder(relative: str) -> bool:
    """True when a photo path as written is absolute or climbs out with ``..``."""
    pure = PurePath(relative)
    return pure.is_absolute() or bool(pure.drive) or ".." in pure.parts


def outside_folder(path: Path, folder: Path) -> bool:
    """True when ``path``, with its links followed, does not lie inside ``folder``."""
    return not Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(folder)))


def image_holders(frame: Frame) -> list[Photo | PhotoFrame]:
    """The objects of a frame that carry an ``image`` path: a photo frame itself, a
    pair's two photos, a series block's singles and pairs."""
    if isinstance(frame, PhotoFrame):
        return [frame]
    if isinstance(frame, PhotoPairFrame):
        return [frame.pair.before, frame.pair.after]
    if isinstance(frame, SeriesFrame):
        return [*frame.singles, *(p for pair in frame.pairs for p in (pair.before, pair.after))]
    return []


@dataclass(frozen=True)
class PhotoPlace:
    """A photo path as the document writes it, and where it is used."""

    page: int
    frame: str
    image: str


def photo_places(issue: Issue) -> list[PhotoPlace]:
    """Every photo path of the issue with its page and frame, in page order."""
    return [PhotoPlace(page.number, frame.id, holder.image)
            for page in issue.pages for frame in page.frames
            for holder in image_holders(frame) if holder.image]


def outside_photos(issue: Issue) -> list[PhotoPlace]:
    """The photos whose path leaves the document's folder: absolute, with ``..``, or
    through a link to somewhere else."""
    folder = issue.source.parent if issue.source else Path.cwd()
    return [place for place in photo_places(issue)
            if leaves_folder(place.image) or outside_folder(folder / place.image, folder)]
