"""Text styles, named in the newspaper's own terms (body, title, kicker, …)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from layout.model.colour import BLACK, Colour
from layout.units import length

ALIGNMENTS = ("justify", "left", "center", "right")
FONT_ROLES = ("song", "song-bold", "hei", "hei-bold", "kai")


@dataclass
class TextStyle:
    """How a kind of text is set.

    ``font`` names a font role (``song`` 宋, ``song-bold`` 标宋, ``hei`` 黑,
    ``hei-bold`` 大黑, ``kai`` 楷); the engine maps roles to font files.
    ``size`` and ``leading`` keep the designer's spelling (``"小五"``, ``"9pt"``,
    ``"3.2mm"``); ``leading`` None means the page grid's line pitch (for a
    headline, the distance between the lines of one multi-line headline;
    None is 1.25 × the size, and the headline takes whole grid lines).
    ``tracking`` and ``indent`` are in em. ``fit_lines`` above 0 makes a
    headline in this style smaller until it fits in that many lines.
    ``space_before`` leaves that many empty grid lines above a paragraph in
    this style (not at the top of a column): for subheads (小标题).
    ``keep_lines`` makes the flow avoid a paragraph's first line alone at the
    bottom of a column (an orphan) and its last line alone at the top of one
    (a widow). ``hscale`` is the horizontal scale of the glyphs in percent, 50 to
    150: below 100 长体 (condensed), above 100 扁体 (extended). ``fit_tracking``
    (em) is how far copy-fitting may change an article's tracking either way.
    """

    font: str = "song"
    size: str | float = "小五"
    leading: str | float | None = None
    tracking: float = 0.0
    align: str = "justify"
    indent: float = 0.0
    colour: Colour = field(default_factory=lambda: BLACK)
    fit_lines: int = 0
    space_before: int = 0
    keep_lines: bool = True
    hscale: float = 100.0
    fit_tracking: float = 0.0

    @property
    def size_pt(self) -> float:
        """The type size in points."""
        return length(self.size)

    @property
    def leading_pt(self) -> float | None:
        """The line pitch in points, or None to follow the grid."""
        return None if self.leading is None else length(self.leading)


STYLE_FIELDS = tuple(f.name for f in dataclasses.fields(TextStyle))

Overrides = dict[str, Any]
"""Some fields of a style set otherwise for one article, paragraph or frame ({"size": "小初"})."""


def with_overrides(style: TextStyle, *layers: Mapping[str, Any] | None) -> TextStyle:
    """The style with each layer's fields (the last wins) set over it; the style itself is unchanged."""
    values: dict[str, Any] = {}
    for layer in layers:
        if layer:
            values.update({k: v for k, v in layer.items() if k in STYLE_FIELDS})
    return dataclasses.replace(style, **values) if values else style


def default_styles() -> dict[str, TextStyle]:
    """The house styles of a broadsheet: 小五 Song body on the grid, 黑/宋 headlines."""
    return {
        "body": TextStyle(font="song", size="小五", indent=2.0),
        "lead": TextStyle(font="kai", size="小五", indent=2.0),
        "subhead": TextStyle(font="hei-bold", size="小五", align="center", space_before=1),
        "byline-lead": TextStyle(font="hei", size="小五"),
        "byline": TextStyle(font="kai", size="小五"),
        "kicker": TextStyle(font="kai", size="小三", align="center"),
        "title": TextStyle(font="hei-bold", size="一号", align="center"),
        "subtitle": TextStyle(font="song-bold", size="小三", align="center"),
        "caption": TextStyle(font="kai", size="小五", align="justify"),
        "credit": TextStyle(font="kai", size="六号", align="right"),
        "jump": TextStyle(font="kai", size="小五", align="right"),
        "label": TextStyle(font="hei", size="小五", align="center"),
        "column-title": TextStyle(font="song-bold", size="二号", align="center"),
        "folio": TextStyle(font="hei", size="小五", align="left"),
        "masthead": TextStyle(font="song-bold", size="初号", align="left", tracking=0.1),
    }
