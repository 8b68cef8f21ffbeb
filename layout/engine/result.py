"""What setting a frame gives: display items, problems in words, and characters no font has."""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.engine.block import Block
from layout.engine.displaylist import Item


@dataclass
class FrameResult:
    """A frame's (or part of a frame's) items, problems and missing characters."""

    items: list[Item] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def add_block(self, block: Block) -> None:
        """Take a set text block's items, its overflow, lines past the frame and missing characters."""
        self.items += block.items
        self.missing += block.missing
        if block.overflow:
            self.problems.append(f"{block.overflow} characters do not fit in the frame")
        self.problems += block.wide

    def merge(self, other: FrameResult) -> None:
        """Take another part's items, problems and missing characters."""
        self.items += other.items
        self.problems += other.problems
        self.missing += other.missing
