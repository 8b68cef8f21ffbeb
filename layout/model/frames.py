"""Frames: the rectangles on a page and what each holds.

Text frames hold part of an article's body, headline frames its headline
group; photo frames a photo with its caption; a photo pair the 整治前/整治后
photos of one place; a series block a column's pairs (整治前后) and single
photos (挂账督办) with its credit; captions, rules, boxes and the folio are
the page's furniture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from layout.model.colour import BLACK, Colour
from layout.model.geometry import Rect

PAIR_LABELS = ("整治前", "整治后")


@dataclass
class Frame:
    """A rectangle on a page that holds something; a ``locked`` frame stays where it is in the editor."""

    kind: ClassVar[str] = "frame"
    id: str
    rect: Rect
    locked: bool = field(default=False, kw_only=True)


@dataclass
class TextFrame(Frame):
    """A frame that an article's body flows through, split into columns
    (``column_rules`` draws 栏线 in the gutters); ``wrap`` (points) above 0 pushes the
    text of other articles' frames it covers that far away (a boxed item set into a
    story)."""

    kind: ClassVar[str] = "text"
    columns: int = 1
    gutter: float | None = None
    column_rules: bool = False
    wrap: float = 0.0


@dataclass
class HeadlineFrame(Frame):
    """The frame of an article's headline group (引题, 主题, 副题): ``title_style`` names
    the style of its 主题 (a 长体 or 扁体 one, say); ``fill`` tints the frame (底纹),
    ``reverse`` sets the type in paper white on it (反白); ``vertical`` sets the group
    in vertical lines, right to left (竖排)."""

    kind: ClassVar[str] = "headline"
    article: str = ""
    title_style: str = "title"
    fill: Colour | None = None
    reverse: bool = False
    vertical: bool = False


@dataclass
class Photo:
    """A photo file (relative to the document; None is an empty slot) and its crop.

    ``focus`` is the point of the image (fractions of its width and height)
    that the crop keeps in view; ``zoom`` 1 fills the frame, more enlarges.
    """

    image: str | None = None
    focus: tuple[float, float] = (0.5, 0.5)
    zoom: float = 1.0
    caption: str = ""


@dataclass
class PhotoFrame(Frame):
    """A photo with an optional caption below or beside it and a credit.

    ``fit`` is ``fill`` (crop to the frame around the focus, enlarged by
    zoom) or ``fit`` (show the whole photo). ``wrap`` (points) above 0 pushes
    the text of articles it covers that far away (图文互斥, 绕排).
    """

    kind: ClassVar[str] = "photo"
    image: str | None = None
    fit: str = "fill"
    focus: tuple[float, float] = (0.5, 0.5)
    zoom: float = 1.0
    caption: str = ""
    caption_side: str = "below"
    credit: str = ""
    wrap: float = 0.0

    @property
    def photo(self) -> Photo:
        """The photo and its crop."""
        return Photo(self.image, self.focus, self.zoom)


@dataclass
class PhotoPair:
    """Before and after photos of one place: equal frames, labels and a caption."""

    before: Photo = field(default_factory=Photo)
    after: Photo = field(default_factory=Photo)
    labels: tuple[str, str] = PAIR_LABELS
    caption: str = ""
    arrangement: str = "side"


@dataclass
class PhotoPairFrame(Frame):
    """One before-and-after pair on its own."""

    kind: ClassVar[str] = "photo_pair"
    pair: PhotoPair = field(default_factory=PhotoPair)


@dataclass
class SeriesFrame(Frame):
    """A series block: pairs on the grid under a title, single photos with captions
    under theirs (in the first ``singles_span`` grid columns), and the series credit."""

    kind: ClassVar[str] = "series"
    title: str = "整治前后"
    pairs: list[PhotoPair] = field(default_factory=list)
    pair_columns: int = 2
    singles_title: str = "挂账督办"
    singles: list[Photo] = field(default_factory=list)
    singles_columns: int = 2
    singles_span: int = 0
    credit: str = ""


@dataclass
class CaptionFrame(Frame):
    """A text frame of its own: a caption, a credit line, a label, a column heading (栏目头),
    a 报眉, a note, a kicker set apart, in a paragraph style of the issue; ``overrides`` sets
    some of the style's fields otherwise for this frame alone; ``fill`` (底纹), ``reverse``
    and ``vertical`` as a headline frame's."""

    kind: ClassVar[str] = "caption"
    text: str = ""
    style: str = "caption"
    fill: Colour | None = None
    reverse: bool = False
    vertical: bool = False
    overrides: dict = field(default_factory=dict)


@dataclass
class RuleFrame(Frame):
    """A straight rule along the long axis of its rectangle."""

    kind: ClassVar[str] = "rule"
    weight: float = 0.5
    colour: Colour = field(default_factory=lambda: BLACK)


@dataclass
class BoxFrame(Frame):
    """A box (花边框) and/or a tint behind other frames; ``border`` is one of BORDERS
    (花边: drawn as vectors by the engine); ``wrap`` (points) above 0 pushes the text of
    articles it covers that far away (图文互斥)."""

    kind: ClassVar[str] = "box"
    weight: float = 0.5
    colour: Colour | None = field(default_factory=lambda: BLACK)
    fill: Colour | None = None
    border: str = "solid"
    wrap: float = 0.0


BORDERS = ("solid", "double", "dashed", "thick-thin", "dotted", "wave", "corners")


@dataclass
class FolioFrame(Frame):
    """The folio line (page, section, paper, date, editors), or the front page's masthead."""

    kind: ClassVar[str] = "folio"
    masthead: bool = False


FRAME_KINDS: dict[str, type[Frame]] = {
    cls.kind: cls
    for cls in (TextFrame, HeadlineFrame, PhotoFrame, PhotoPairFrame, SeriesFrame, CaptionFrame,
                RuleFrame, BoxFrame, FolioFrame)
}
