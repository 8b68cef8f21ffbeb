"""A spatial index of rectangles: which of them may meet a given one, without looking at all.

Preflight's overlap check and similar questions would otherwise compare every
frame of a page with every other (a page of 20,000 rules: 200 million pairs).
Rectangles are bucketed in square cells; a rectangle is compared only with
those that share a cell with it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence

from layout.model.geometry import Rect

CELL = 72.0  # points: an inch, about the width of a column
MAX_CELLS = 4096  # cells one rectangle may fill; larger ones get larger cells


class GridIndex:
    """Rectangles (by their position in a list) bucketed in square cells."""

    def __init__(self, rects: Sequence[Rect], cell: float = CELL) -> None:
        self.rects = rects
        self.cell = max(cell, _cell_for(rects))
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for index, rect in enumerate(rects):
            for key in self._keys(rect):
                self.cells[key].append(index)

    def _keys(self, rect: Rect) -> Iterator[tuple[int, int]]:
        size = self.cell
        left, right = math.floor(rect.x / size), math.floor(rect.right / size)
        top, bottom = math.floor(rect.y / size), math.floor(rect.bottom / size)
        for column in range(left, right + 1):
            for row in range(top, bottom + 1):
                yield column, row

    def near(self, rect: Rect) -> set[int]:
        """The positions of the rectangles that share a cell with ``rect`` (a superset of
        those that meet it)."""
        return {index for key in self._keys(rect) for index in self.cells.get(key, ())}

    def overlapping(self, index: int) -> list[int]:
        """The positions after ``index`` whose rectangles share an area with its rectangle, in order."""
        rect = self.rects[index]
        return sorted(other for other in self.near(rect) if other > index and rect.intersects(self.rects[other]))


def _cell_for(rects: Sequence[Rect]) -> float:
    """A cell large enough that no rectangle fills more than MAX_CELLS of them."""
    largest = max((max(r.w, 0.0) * max(r.h, 0.0) for r in rects), default=0.0)
    widest = max((max(r.w, r.h) for r in rects), default=0.0)
    return max(math.sqrt(largest / MAX_CELLS), widest / MAX_CELLS, 1e-6)


def overlapping_pairs(rects: Sequence[Rect]) -> Iterator[tuple[int, int]]:
    """Every pair (i, j), i < j, of rectangles that share an area, in the order a double loop
    over the list would give them."""
    index = GridIndex(rects)
    for first in range(len(rects)):
        for second in index.overlapping(first):
            yield first, second
