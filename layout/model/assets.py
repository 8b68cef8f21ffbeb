"""The photos a document points at, as the document writes them: which objects carry
an image path, where each is used, and whether a path as written leaves the
document's folder. What is on disk is the store's concern (``layout.store.assets``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from layout.model.document import Issue
from layout.model.frames import Frame, Photo, PhotoFrame, PhotoPairFrame, SeriesFrame


def leaves_folder(relative: str) -> bool:
    """True when a photo path as written is absolute or climbs out with ``..``."""
    pure = PurePath(relative)
    return pure.is_absolute() or bool(pure.drive) or ".." in pure.parts


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
