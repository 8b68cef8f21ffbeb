"""Helpers where they belong: the grid answers width-to-columns and point-to-cell, a
photo's whole-image rectangle is worked out once, and markers are display items."""

from __future__ import annotations

import pytest

from layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    MissingGlyph,
    PlaceholderItem,
    RuleItem,
    missing_marks,
    placeholder_marks,
)
from layout.engine.page import LayoutEngine
from layout.model.frames import PhotoFrame
from layout.model.geometry import Rect
from layout.model.templates import new_issue


def test_the_grid_gives_columns_for_a_width_and_the_cell_at_a_point():
    page = new_issue("broadsheet").pages[0]
    grid, area = page.grid, page.type_area
    left, width = grid.column_span(area, 2, 4)
    assert grid.columns_for(area, width) == pytest.approx(3.0)
    assert grid.columns_for(area, grid.column_width(area)) == pytest.approx(1.0)
    assert grid.cell_at(area, left + 1, area.y + 5 * grid.line_pitch + 1) == (2, 5)
    assert grid.cell_at(area, -500, -500) == (1, 0)
    assert grid.cell_at(area, 1e5, 1e5) == (grid.columns, grid.line_count(area) - 1)


def test_the_whole_image_lies_where_its_crop_fills_the_frame():
    item = ImageItem("x.jpg", Rect(100, 200, 50, 40), Rect(0.25, 0.5, 0.5, 0.5), (400, 400))
    whole = item.image_rect
    assert (whole.x, whole.y, whole.w, whole.h) == (75.0, 160.0, 100.0, 80.0)


def test_placeholders_and_missing_characters_come_with_their_marks_in_the_display_list():
    issue = new_issue("broadsheet")
    page = issue.pages[0]
    page.frames.append(PhotoFrame("empty", page.grid.area(page.type_area, 1, 2, 10, 8)))
    items = LayoutEngine().layout(issue).pages[0].items
    slot = next(i for i in items if isinstance(i, PlaceholderItem))
    marks = placeholder_marks(slot.rect)
    assert all(mark in items for mark in marks)
    assert any(isinstance(m, BoxItem) for m in marks) and sum(isinstance(m, RuleItem) for m in marks) == 2
    missing = MissingGlyph("\ue000", 10, 20, 9)
    assert [type(m) for m in missing_marks(missing)] == [BoxItem, RuleItem]
