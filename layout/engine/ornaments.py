"""花边: decorative borders drawn as vectors (rules and boxes of the display list).

A box's ``border`` names one: ``solid`` and ``dashed`` (one line), ``double`` (two
thin lines), ``thick-thin`` (文武线: a heavy line outside a hairline), ``dotted``
(点线: short dashes a line weight long), ``wave`` (波纹线: a sine drawn as short
straight pieces) and ``corners`` (角花: a thin box with a double bracket at each
corner). Sizes follow the box's line weight, so one setting scales the whole border.
"""

from __future__ import annotations

import math

from layout.engine.displaylist import BoxItem, Item, RuleItem
from layout.model.colour import Colour
from layout.model.geometry import Rect

DASH = (3.0, 2.0)
WAVE_STEPS = 8  # straight pieces per wave


def border_items(rect: Rect, border: str, colour: Colour, weight: float) -> list[Item]:
    """The vector items of a border of ``weight`` points around ``rect``."""
    if border == "double":
        inset = weight * 3
        return [BoxItem(rect, None, colour, weight), BoxItem(_inset(rect, inset), None, colour, weight)]
    if border == "thick-thin":
        return [BoxItem(rect, None, colour, weight * 3), BoxItem(_inset(rect, weight * 4), None, colour, weight / 2)]
    if border == "dotted":
        return [BoxItem(rect, None, colour, weight, (weight, weight * 2))]
    if border == "dashed":
        return [BoxItem(rect, None, colour, weight, DASH)]
    if border == "wave":
        return _wave(rect, colour, weight)
    if border == "corners":
        return [BoxItem(rect, None, colour, weight / 2), *_corners(rect, colour, weight)]
    return [BoxItem(rect, None, colour, weight)]


def _inset(rect: Rect, by: float) -> Rect:
    return Rect(rect.x + by, rect.y + by, max(0.0, rect.w - 2 * by), max(0.0, rect.h - 2 * by))


def _wave(rect: Rect, colour: Colour, weight: float) -> list[Item]:
    """A sine along each side, a whole number of waves a side, crests outward."""
    amplitude, length = weight * 1.5, weight * 10
    corners = [(rect.x, rect.y), (rect.right, rect.y), (rect.right, rect.bottom), (rect.x, rect.bottom)]
    items: list[Item] = []
    for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1]):
        side = math.hypot(x2 - x1, y2 - y1)
        waves = max(1, round(side / length))
        steps = waves * WAVE_STEPS
        nx, ny = (y2 - y1) / side, -(x2 - x1) / side  # outward for a clockwise walk (y down)
        points = []
        for k in range(steps + 1):
            t = k / steps
            lift = amplitude * math.sin(2 * math.pi * waves * t)
            points.append((x1 + (x2 - x1) * t + nx * lift, y1 + (y2 - y1) * t + ny * lift))
        items += [RuleItem(a[0], a[1], b[0], b[1], weight, colour) for a, b in zip(points, points[1:])]
    return items


def _corners(rect: Rect, colour: Colour, weight: float) -> list[Item]:
    """At each corner two brackets, one inside the other, and a dot square between them."""
    arm, gap = weight * 12, weight * 3
    items: list[Item] = []
    for cx, cy, sx, sy in ((rect.x, rect.y, 1, 1), (rect.right, rect.y, -1, 1),
                           (rect.right, rect.bottom, -1, -1), (rect.x, rect.bottom, 1, -1)):
        for inset, reach in ((gap, arm), (gap * 2, arm * 0.6)):
            x, y = cx + sx * inset, cy + sy * inset
            items.append(RuleItem(x, y, x + sx * reach, y, weight, colour))
            items.append(RuleItem(x, y, x, y + sy * reach, weight, colour))
        dot = gap * 3.2
        items.append(BoxItem(Rect(min(cx + sx * dot, cx + sx * (dot + weight * 2)),
                                  min(cy + sy * dot, cy + sy * (dot + weight * 2)), weight * 2, weight * 2),
                             colour, None, 0.0))
    return items
