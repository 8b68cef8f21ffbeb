"""Dragging frames with the mouse, as a small state machine over the model (no Qt).

A drag starts with the frames it moves and, for a resize, the handle held; each
pointer position (as a distance from where the drag started, in points) gives the
frames' new rectangles, snapped, and the guides they snapped to. The view shows
them as the drag goes and makes one edit of the last ones when it ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.edit.snap import Guide, SnapTargets, bounds, snap_offset
from layout.model.geometry import Rect
from layout.model.settings import RULES

HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")


@dataclass
class DragResult:
    """Where the frames are now, and the guide lines drawn where they snapped."""

    rects: dict[str, Rect]
    guides: list[Guide] = field(default_factory=list)


@dataclass
class FrameDrag:
    """Moving (``handle`` None) or resizing (``handle`` one of HANDLES) a set of frames.

    A resize moves the selection's bounding box edges that the handle names, and
    with them the edges of every frame that lies on those bounding edges. Text
    frames (``text_frames``) keep a height of whole grid lines while snapping.
    """

    start: dict[str, Rect]
    targets: SnapTargets
    handle: str | None = None
    text_frames: frozenset[str] = frozenset()

    def update(self, dx: float, dy: float, snap: bool = True, tolerance: float = 4.0) -> DragResult:
        """The frames' rectangles with the pointer moved by (dx, dy) points from the start."""
        if self.handle is None:
            return self._move(dx, dy, snap, tolerance)
        return self._resize(dx, dy, snap, tolerance)

    def _move(self, dx: float, dy: float, snap: bool, tolerance: float) -> DragResult:
        box = bounds(list(self.start.values()))
        guides: list[Guide] = []
        if snap:
            moved = Rect(box.x + dx, box.y + dy, box.w, box.h)
            sx, sy, guides = snap_offset({"x": [moved.x, moved.right], "y": [moved.y, moved.bottom]},
                                         self.targets, tolerance)
            dx, dy = dx + sx, dy + sy
        rects = {i: Rect(r.x + dx, r.y + dy, r.w, r.h) for i, r in self.start.items()}
        return DragResult(rects, guides)

    def _edges(self, dx: float, dy: float, snap: bool, tolerance: float) -> tuple[list[float], list[Guide]]:
        """The bounding box's new left, top, right, bottom."""
        box = bounds(list(self.start.values()))
        left, top, right, bottom = box.x, box.y, box.right, box.bottom
        handle = self.handle or ""
        guides: list[Guide] = []
        moving = {"x": [], "y": []}
        if "w" in handle:
            left = min(left + dx, right - RULES.min_frame_side)
            moving["x"].append(left)
        if "e" in handle:
            right = max(right + dx, left + RULES.min_frame_side)
            moving["x"].append(right)
        if "n" in handle:
            top = min(top + dy, bottom - RULES.min_frame_side)
            moving["y"].append(top)
        if "s" in handle:
            bottom = max(bottom + dy, top + RULES.min_frame_side)
            moving["y"].append(bottom)
        if snap:
            sx, sy, guides = snap_offset({k: v for k, v in moving.items() if v}, self.targets, tolerance)
            left, right = (left + sx, right) if "w" in handle else (left, right + sx)
            top, bottom = (top + sy, bottom) if "n" in handle else (top, bottom + sy)
        return [left, top, right, bottom], guides

    def _resize(self, dx: float, dy: float, snap: bool, tolerance: float) -> DragResult:
        box = bounds(list(self.start.values()))
        (left, top, right, bottom), guides = self._edges(dx, dy, snap, tolerance)
        rects = {}
        for frame_id, r in self.start.items():
            x0 = left if abs(r.x - box.x) < 0.01 else r.x
            x1 = right if abs(r.right - box.right) < 0.01 else r.right
            y0 = top if abs(r.y - box.y) < 0.01 else r.y
            y1 = bottom if abs(r.bottom - box.bottom) < 0.01 else r.bottom
            if snap and frame_id in self.text_frames:
                y0, y1 = self._whole_lines(y0, y1, "n" in (self.handle or ""))
            rects[frame_id] = Rect(x0, y0, max(RULES.min_frame_side, x1 - x0), max(RULES.min_frame_side, y1 - y0))
        return DragResult(rects, guides)

    def _whole_lines(self, top: float, bottom: float, top_moves: bool) -> tuple[float, float]:
        """A text frame's top and bottom with a height of whole grid lines (at least one)."""
        pitch = self.targets.pitch
        lines = max(1, round((bottom - top) / pitch))
        if top_moves:
            return bottom - lines * pitch, bottom
        return top, top + lines * pitch

