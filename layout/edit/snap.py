"""Where frame edges snap on a page: column edges and gutters, line-grid lines, margins,
the page's edges, its ruler guides and other frames' edges. Qt-free; lengths in points."""

from __future__ import annotations

from dataclasses import dataclass

from layout.model.document import Page
from layout.model.geometry import Rect


@dataclass(frozen=True)
class Guide:
    """A line an edge snapped to: ``axis`` "x" (a vertical line at ``at``) or "y" (a horizontal one)."""

    axis: str
    at: float


@dataclass
class SnapTargets:
    """The x and y positions edges snap to on one page, and the line grid for text frames."""

    xs: list[float]
    ys: list[float]
    grid_top: float
    pitch: float

    @classmethod
    def for_page(cls, page: Page, ignore: set[str] = frozenset()) -> SnapTargets:
        """Targets on a page; frames in ``ignore`` (the ones being dragged) are not targets."""
        area, grid = page.type_area, page.grid
        xs = [0.0, page.width, area.x, area.right]
        for column in range(1, grid.columns + 1):
            left, width = grid.column_span(area, column, column)
            xs += [left, left + width]
        ys = [0.0, page.height, area.y, area.bottom]
        ys += [area.y + k * grid.line_pitch for k in range(grid.line_count(area) + 1)]
        for axis, at in page.guides:
            (xs if axis == "x" else ys).append(at)
        for frame in page.frames:
            if frame.id not in ignore:
                xs += [frame.rect.x, frame.rect.right]
                ys += [frame.rect.y, frame.rect.bottom]
        return cls(sorted(set(xs)), sorted(set(ys)), area.y, grid.line_pitch)

    def nearest(self, axis: str, value: float, tolerance: float) -> float | None:
        """The target on an axis nearest to ``value``, if within ``tolerance``."""
        values = self.xs if axis == "x" else self.ys
        best = min(values, key=lambda v: abs(v - value), default=None)
        return best if best is not None and abs(best - value) <= tolerance else None

    def grid_line(self, y: float) -> float:
        """The line-grid line nearest to ``y``."""
        return self.grid_top + round((y - self.grid_top) / self.pitch) * self.pitch


def snap_offset(edges: dict[str, list[float]], targets: SnapTargets,
                tolerance: float) -> tuple[float, float, list[Guide]]:
    """The smallest shift along x and y that puts one of the given edges on a target.

    ``edges`` maps "x" and "y" to the positions of the edges that may snap;
    returns (dx, dy, guides), 0 and no guide on an axis where nothing is near.
    """
    shifts = {"x": 0.0, "y": 0.0}
    guides = []
    for axis, values in edges.items():
        best: tuple[float, float] | None = None
        for value in values:
            target = targets.nearest(axis, value, tolerance)
            if target is not None and (best is None or abs(target - value) < abs(best[0])):
                best = (target - value, target)
        if best is not None:
            shifts[axis] = best[0]
            guides.append(Guide(axis, best[1]))
    return shifts["x"], shifts["y"], guides


def bounds(rects: list[Rect]) -> Rect:
    """The smallest rectangle around the given ones."""
    left = min(r.x for r in rects)
    top = min(r.y for r in rects)
    right = max(r.right for r in rects)
    bottom = max(r.bottom for r in rects)
    return Rect(left, top, right - left, bottom - top)
