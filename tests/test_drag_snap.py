"""The headless drag and snap (layout/edit/drag.py, layout/edit/snap.py), without a window."""

from __future__ import annotations

import pytest

from layout.edit.drag import HANDLES, FrameDrag
from layout.edit.snap import Guide, SnapTargets, bounds, snap_offset
from layout.model.geometry import Rect
from layout.model.settings import RULES
from layout.model.templates import new_issue

TARGETS = SnapTargets(xs=[0.0, 100.0, 200.0], ys=[0.0, 50.0, 62.0, 74.0], grid_top=50.0, pitch=12.0)


def test_snap_targets_hold_the_pages_columns_lines_margins_and_other_frames():
    page = new_issue("broadsheet").pages[0]
    area, grid = page.type_area, page.grid
    targets = SnapTargets.for_page(page)
    for column in range(1, grid.columns + 1):
        left, width = grid.column_span(area, column, column)
        assert left in targets.xs and left + width in targets.xs
    assert {0.0, page.width, area.x, area.right} <= set(targets.xs)
    assert area.y + 3 * grid.line_pitch in targets.ys and targets.pitch == grid.line_pitch
    frame = page.frames[0]
    assert frame.rect.x in targets.xs
    ignored = SnapTargets.for_page(page, ignore={f.id for f in page.frames})
    assert len(ignored.xs) <= len(targets.xs)
    assert targets.xs == sorted(set(targets.xs))


def test_nearest_is_within_the_tolerance_only():
    assert TARGETS.nearest("x", 103.0, 4.0) == 100.0
    assert TARGETS.nearest("x", 105.0, 4.0) is None
    assert TARGETS.nearest("y", 60.0, 4.0) == 62.0
    assert TARGETS.grid_line(67.0) == 62.0 and TARGETS.grid_line(69.0) == 74.0


def test_snap_offset_takes_the_smallest_shift_of_any_edge_and_names_its_guide():
    dx, dy, guides = snap_offset({"x": [97.0, 198.5], "y": [61.0]}, TARGETS, 4.0)
    assert (dx, dy) == (1.5, 1.0)
    assert guides == [Guide("x", 200.0), Guide("y", 62.0)]
    assert snap_offset({"x": [150.0]}, TARGETS, 4.0) == (0.0, 0.0, [])


def test_bounds_is_the_box_around_all():
    assert bounds([Rect(10, 20, 5, 5), Rect(0, 30, 50, 1)]) == Rect(0, 20, 50, 11)


def test_a_move_snaps_the_selection_as_a_whole():
    start = {"a": Rect(10, 10, 40, 20), "b": Rect(60, 10, 20, 20)}
    result = FrameDrag(start, TARGETS).update(17.0, 0.0, snap=True, tolerance=4.0)
    assert result.rects["b"].right == 100.0 and result.rects["a"].x == 30.0  # b's right edge snapped, a moved alike
    assert Guide("x", 100.0) in result.guides
    free = FrameDrag(start, TARGETS).update(8.5, 0.0, snap=False)
    assert free.rects["a"].x == 18.5 and free.guides == []


@pytest.mark.parametrize("handle", HANDLES)
def test_a_resize_moves_only_the_edges_its_handle_names(handle):
    start = Rect(20, 20, 60, 60)
    rect = FrameDrag({"a": start}, TARGETS, handle=handle).update(7, 7, snap=False).rects["a"]
    assert (rect.x != start.x) == ("w" in handle) and (rect.right != start.right) == ("e" in handle)
    assert (rect.y != start.y) == ("n" in handle) and (rect.bottom != start.bottom) == ("s" in handle)


def test_a_resize_never_turns_a_frame_inside_out():
    rect = FrameDrag({"a": Rect(20, 20, 60, 60)}, TARGETS, handle="nw").update(500, 500, snap=False).rects["a"]
    assert rect.w == RULES.min_frame_side and rect.h == RULES.min_frame_side


def test_a_text_frame_keeps_whole_grid_lines_while_snapping():
    start = {"t": Rect(100, 50, 100, 36)}
    rect = FrameDrag(start, TARGETS, handle="s", text_frames=frozenset({"t"})).update(0, 7, snap=True).rects["t"]
    assert rect.h % TARGETS.pitch == pytest.approx(0.0) and rect.h == 48.0
    loose = FrameDrag(start, TARGETS, handle="s").update(0, 7, snap=False).rects["t"]
    assert loose.h == 43.0


def test_a_resize_of_a_selection_moves_the_frames_on_its_edge_only():
    start = {"left": Rect(0, 0, 50, 50), "right": Rect(60, 0, 40, 50)}
    rects = FrameDrag(start, TARGETS, handle="e").update(30, 0, snap=False).rects
    assert rects["left"] == start["left"] and rects["right"].right == 130.0
