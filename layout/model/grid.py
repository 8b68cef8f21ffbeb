"""The page grid: margins, columns and gutters, and the line pitch (baseline grid)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from layout.model.geometry import Rect


@dataclass
class Margins:
    """Distances from the trimmed page edge to the type area, in points."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass
class Grid:
    """Columns of equal width separated by gutters, and a line pitch.

    Body lines sit on the line pitch, measured from the top of the type area,
    so baselines line up across every column of the page.
    """

    columns: int
    gutter: float
    line_pitch: float

    def column_width(self, type_area: Rect) -> float:
        """The width of one column in a type area."""
        return (type_area.w - (self.columns - 1) * self.gutter) / self.columns

    def column_span(self, type_area: Rect, first: int, last: int) -> tuple[float, float]:
        """Left edge and width of columns ``first``..``last`` (1-based, inclusive)."""
        if not 1 <= first <= last <= self.columns:
            raise ValueError(f"columns {first}-{last} are not within 1-{self.columns}")
        width = self.column_width(type_area)
        left = type_area.x + (first - 1) * (width + self.gutter)
        span = (last - first + 1) * width + (last - first) * self.gutter
        return left, span

    def columns_for(self, type_area: Rect, width: float) -> float:
        """How many columns (with their gutters) a width spans: 1.0 for one column, 2.0 for
        two and the gutter between them (not rounded)."""
        return (width + self.gutter) / (self.column_width(type_area) + self.gutter)

    def cell_at(self, type_area: Rect, x: float, y: float) -> tuple[int, int]:
        """The column (1-based) and grid line (0-based) at a point of the page, kept within
        the type area's columns and lines."""
        column = 1 + math.floor((x - type_area.x) / (self.column_width(type_area) + self.gutter))
        line = round((y - type_area.y) / self.line_pitch)
        return max(1, min(self.columns, column)), max(0, min(self.line_count(type_area) - 1, line))

    def line_count(self, type_area: Rect) -> int:
        """How many grid lines the type area holds."""
        return int(type_area.h / self.line_pitch + 1e-6)

    def snap_y(self, type_area: Rect, y: float) -> float:
        """The grid line at or below ``y`` (a frame top snaps to it)."""
        steps = max(0.0, (y - type_area.y) / self.line_pitch)
        whole = int(steps)
        if steps - whole > 1e-6:
            whole += 1
        return type_area.y + whole * self.line_pitch

    def area(self, type_area: Rect, first: int, last: int, top_line: int, lines: int) -> Rect:
        """The rectangle of columns first..last and grid lines top_line..top_line+lines-1 (0-based)."""
        left, width = self.column_span(type_area, first, last)
        return Rect(left, type_area.y + top_line * self.line_pitch, width, lines * self.line_pitch)
