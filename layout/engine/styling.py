"""From the model's text styles to the engine's styled runs and line spacing."""

from __future__ import annotations

import math

from layout.engine.fonts import chain_for
from layout.engine.prepare import StyledRun, prepared_many
from layout.engine.textflow import FlowParagraph
from layout.model.styles import TextStyle

LINE_HEIGHT = 1.2  # a line of display type needs at least 1.2 em


def run_for(text: str, style: TextStyle) -> StyledRun:
    """A styled run of text in a model style."""
    return StyledRun(text, chain_for(style.font), style.size_pt, style.colour, style.tracking, style.hscale / 100)


def flow_paragraphs(parts: list[tuple[tuple[StyledRun, ...], TextStyle]], strict: bool = False) -> list[FlowParagraph]:
    """Paragraphs ready to flow, each from its runs and the style that sets it (alignment,
    first-line indent, space above, widow and orphan control), prepared together."""
    prepared = prepared_many([runs for runs, _ in parts], strict)
    styles = {id(style): style for _, style in parts}  # an article has few styles and many paragraphs
    setting = {key: (style.align, style.indent * style.size_pt, style.space_before, style.keep_lines)
               for key, style in styles.items()}
    return [FlowParagraph(p, *setting[id(style)]) for p, (_, style) in zip(prepared, parts)]


def paragraph_for(text: str, style: TextStyle, strict: bool = False) -> FlowParagraph:
    """A one-style paragraph ready to flow, with the style's alignment and indent."""
    return flow_paragraphs([((run_for(text, style),), style)], strict)[0]


def grid_lines_for(style: TextStyle, pitch: float) -> int:
    """How many grid lines one line of this style occupies (占行)."""
    leading = style.leading_pt or style.size_pt * LINE_HEIGHT
    if leading <= pitch + 1e-6:
        return 1
    return math.ceil(leading / pitch - 1e-6)

