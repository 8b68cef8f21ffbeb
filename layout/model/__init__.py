"""The document model: an issue of the paper, its pages, frames, articles and styles.

Plain data, no Qt, no typesetting. Geometry is in points (see ``layout.units``),
page coordinates have their origin at the top-left corner of the trimmed page
with y growing downwards.
"""

from layout.model.colour import Colour
from layout.model.document import (
    Article,
    CaptionFrame,
    FolioFrame,
    Frame,
    HeadlineFrame,
    HeadlineGroup,
    Issue,
    Page,
    Paragraph,
    PhotoFrame,
    RuleFrame,
    Run,
    TextFrame,
)
from layout.model.errors import DocumentError
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.model.styles import TextStyle

__all__ = [
    "Article",
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
    "PhotoFrame",
    "Rect",
    "RuleFrame",
    "Run",
    "TextFrame",
    "TextStyle",
]
