"""Which rectangles of a page share an area, without comparing every one with every other.

Preflight's overlap check would otherwise compare each frame of a page with all
the others: a page of 99,000 rules is almost five billion pairs. Here the
rectangles of a usual size are bucketed in square cells (about twice the usual
size) and each is compared only with those already in its cells; the few large
ones (text columns, photos, boxes) look up the cells they cover, and each other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence

from layout.model.geometry import Rect

BRUTE_FORCE = 64  # fewer rectangles than this are simply compared pair by pair
LARGE = 8  # a rectangle longer than this many cells on a side is looked at from its own side
Box = tuple[float, float, float, float]  # left, top, right, bottom


def overlapping_pairs(rects: Sequence[Rect]) -> list[tuple[int, int]]:
    """Every pair (i, j), i < j, of rectangles sharing an area larger than zero, in the
    order a double loop over the list would give them."""
    boxes = [(r.x, r.y, r.x + r.w, r.y + r.h) for r in rects]
    if len(boxes) < BRUTE_FORCE:
        return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _meet(boxes[i], boxes[j])]
    cell = _cell_size(boxes)
    large = [i for i, b in enumerate(boxes) if max(b[2] - b[0], b[3] - b[1]) > LARGE * cell]
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    skip = set(large)
    for index, box in enumerate(boxes):
        if index in skip:
            continue
        keys = list(_cells(box, cell))
        near = {other for key in keys for other in grid.get(key, ())}
        pairs.update((other, index) for other in near if _meet(boxes[other], box))
        for key in keys:
            grid[key].append(index)
    for position, index in enumerate(large):
        pairs.update(_pair(index, other) for other in _near_large(boxes, index, grid, cell)
                     if _meet(boxes[index], boxes[other]))
        pairs.update((other, index) for other in large[:position] if _meet(boxes[other], boxes[index]))
    return sorted(pairs)


def _pair(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


def _near_large(boxes: list[Box], index: int, grid: dict[tuple[int, int], list[int]], cell: float) -> Iterator[int]:
    """The rectangles of usual size that may meet a large one: those in the cells it covers,
    or all of them when it covers more cells than there are rectangles."""
    left, top, right, bottom = boxes[index]
    covered = (math.floor(right / cell) - math.floor(left / cell) + 1) * (math.floor(bottom / cell)
                                                                         - math.floor(top / cell) + 1)
    if covered > len(boxes):
        yield from {other for members in grid.values() for other in members}
        return
    yield from {other for key in _cells(boxes[index], cell) for other in grid.get(key, ())}


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _cell_size(boxes: list[Box]) -> float:
    """About twice the usual (median) length of a rectangle's longer side, at least 1 pt."""
    sides = sorted(max(b[2] - b[0], b[3] - b[1]) for b in boxes)
    return max(2.0 * sides[len(sides) // 2], 1.0)


def _cells(box: Box, cell: float) -> Iterator[tuple[int, int]]:
    left, top, right, bottom = box
    for column in range(math.floor(left / cell), math.floor(right / cell) + 1):
        for row in range(math.floor(top / cell), math.floor(bottom / cell) + 1):
            yield column, row
