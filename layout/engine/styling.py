"""From the model's text styles to the engine's styled runs and line spacing."""

from __future__ import annotations

import math

from layout.engine.fonts import chain_for
from layout.engine.prepare import StyledRun, prepared
from layout.engine.textflow import FlowParagraph
from layout.model.styles import TextStyle

LINE_HEIGHT = 1.2  # a line of display type needs at least 1.2 em


def run_for(text: str, style: TextStyle) -> StyledRun:
    """A styled run of text in a model style."""
    return StyledRun(text, chain_for(style.font), style.size_pt, style.colour, style.tracking)


def paragraph_for(text: str, style: TextStyle, strict: bool = False) -> FlowParagraph:
    """A one-style paragraph ready to flow, with the style's alignment and indent."""
    return FlowParagraph(prepared((run_for(text, style),), strict), style.align,
                         style.indent * style.size_pt, style.space_before)


def grid_lines_for(style: TextStyle, pitch: float) -> int:
    """How many grid lines one line of this style occupies (占行)."""
    leading = style.leading_pt or style.size_pt * LINE_HEIGHT
    if leading <= pitch + 1e-6:
        return 1
    return math.ceil(leading / pitch - 1e-6)

