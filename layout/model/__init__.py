"""The document model: an issue of the paper, its pages, frames, articles and styles.

Plain data, no Qt, no typesetting. Geometry is in points (see ``layout.units``),
page coordinates have their origin at the top-left corner of the trimmed page
with y growing downwards.
"""

from layout.model.colour import Colour
from layout.model.document import Article, HeadlineGroup, Issue, Page, Paragraph
from layout.model.errors import DocumentError
from layout.model.frames import (
    BoxFrame,
    CaptionFrame,
    FolioFrame,
    Frame,
    HeadlineFrame,
    Photo,
    PhotoFrame,
    PhotoPair,
    PhotoPairFrame,
    RuleFrame,
    SeriesFrame,
    TextFrame,
)
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.model.styles import TextStyle

__all__ = [
    "Article",
    "BoxFrame",
    "CaptionFrame",
    "Colour",
    "DocumentError",
    "FolioFrame",
    "Frame",
    "Grid",
    "HeadlineFrame",
    "HeadlineGroup",
    "Issue",
    "Margins",
    "Page",
    "Paragraph",
    "Photo",
    "PhotoFrame",
    "PhotoPair",
    "PhotoPairFrame",
    "Rect",
    "RuleFrame",
    "SeriesFrame",
    "TextFrame",
    "TextStyle",
]
