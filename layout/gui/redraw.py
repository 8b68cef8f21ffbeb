"""Drawing again only what changed: after an edit, the canvas's page image is drawn again
where items came or went (a moved frame's old and new place), not the whole page.

The display list's items are the engine's cached objects: an untouched frame or article
hands over the very same item objects, so what changed is told by identity.
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.engine.displaylist import (
    X_TYPE,
    BoxItem,
    GlyphLines,
    GlyphRun,
    ImageItem,
    Item,
    MissingGlyph,
    PlaceholderItem,
    RuleItem,
)
from layout.model.geometry import Rect

SLACK = 2.0  # points round an item's box: antialiasing, accents, a stretched dash


def item_box(item: Item) -> Rect:
    """A rectangle in page points that holds everything the item draws."""
    kind = type(item)
    if kind is GlyphRun or kind is GlyphLines:
        xs = memoryview(item.packed_xs).cast(X_TYPE)
        ys = [item.y] if kind is GlyphRun else memoryview(item.packed_ys).cast(X_TYPE)
        if not len(xs) or not len(ys):
            return Rect(0, 0, 0, 0)
        size = item.size * (item.hscale if kind is GlyphRun else 1.0)
        left, right, top, bottom = min(xs), max(xs) + size * 1.5, min(ys) - item.size * 1.1, max(ys) + item.size * 0.4
        return Rect(left - SLACK, top - SLACK, right - left + 2 * SLACK, bottom - top + 2 * SLACK)
    if kind is RuleItem:
        left, right = min(item.x1, item.x2), max(item.x1, item.x2)
        top, bottom = min(item.y1, item.y2), max(item.y1, item.y2)
        grow = item.weight + SLACK
        return Rect(left - grow, top - grow, right - left + 2 * grow, bottom - top + 2 * grow)
    if kind is MissingGlyph:
        return Rect(item.x - SLACK, item.y - item.size - SLACK, item.size + 2 * SLACK, item.size * 1.3 + 2 * SLACK)
    if kind in (BoxItem, ImageItem, PlaceholderItem):
        r = item.rect
        grow = getattr(item, "weight", 0.0) + SLACK
        return Rect(r.x - grow, r.y - grow, r.w + 2 * grow, r.h + 2 * grow)
    raise TypeError(f"no box for {kind.__name__}")


def _union(boxes: list[Rect]) -> Rect | None:
    if not boxes:
        return None
    left, top = min(b.x for b in boxes), min(b.y for b in boxes)
    right, bottom = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return Rect(left, top, right - left, bottom - top)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


class ChangedDrawing:
    """What a page's drawing needs after a change: nothing, a region, or all of it."""

    def __init__(self, before: Sequence[Item], after: Sequence[Item]) -> None:
        old = {id(item): item for item in before}
        new = {id(item) for item in after}
        changed = [item for item in after if id(item) not in old]
        changed += [item for key, item in old.items() if key not in new]
        self.region = _union([item_box(item) for item in changed])  # None: nothing changed
        self.items = after

    def to_draw(self) -> list[Item]:
        """The items, in drawing order, that reach into the changed region."""
        if self.region is None:
            return []
        return [item for item in self.items if _overlaps(item_box(item), self.region)]
