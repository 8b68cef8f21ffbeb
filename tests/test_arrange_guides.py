"""Align and distribute several frames; ruler guides dragged out of the rulers, saved with
the page, and snapped to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from layout.edit import operations as ops
from layout.edit.change import EditError
from layout.edit.drag import FrameDrag
from layout.edit.session import EditorSession
from layout.edit.snap import SnapTargets
from layout.gui.rulers import Ruler
from layout.model.frames import RuleFrame
from layout.model.geometry import Rect
from layout.model.templates import new_issue
from layout.store.fileformat import load, save
from tests.gui_helpers import action, view_point


def three_boxes(session: EditorSession) -> list[str]:
    ids = []
    for rect in (Rect(100, 200, 40, 30), Rect(180, 260, 60, 20), Rect(400, 230, 30, 50)):
        change = ops.add_box(session.issue, 0, rect)
        session.do(change)
        ids.append(change.frame.id)
    return ids


def test_align_and_distribute():
    session = EditorSession(new_issue("broadsheet"))
    ids = three_boxes(session)
    rects = lambda: [session.issue.find_frame(i)[1].rect for i in ids]  # noqa: E731
    session.do(ops.align_frames(session.issue, ids, "left"))
    assert {r.x for r in rects()} == {100}
    session.undo()
    session.do(ops.align_frames(session.issue, ids, "bottom"))
    assert {r.bottom for r in rects()} == {280}
    session.do(ops.align_frames(session.issue, ids, "centre"))
    assert {r.x + r.w / 2 for r in rects()} == {265}
    session.undo()
    session.do(ops.distribute_frames(session.issue, ids, "x"))
    a, b, c = sorted(rects(), key=lambda r: r.x)
    assert a.x == 100 and c.right == 430 and b.x - a.right == pytest.approx(c.x - b.right)
    with pytest.raises(EditError):
        ops.distribute_frames(session.issue, ids[:2], "x")
    with pytest.raises(EditError):
        ops.align_frames(session.issue, ids, "sideways")


def test_guides_are_saved_and_edges_snap_to_them(tmp_path):
    session = EditorSession(new_issue("broadsheet"))
    session.do(ops.add_guide(session.issue, 0, "x", 333.3))
    session.do(ops.add_guide(session.issue, 0, "y", 444.4))
    path = tmp_path / "guides.layout.json"
    save(session.issue, path)
    page = load(path).pages[0]
    assert page.guides == [("x", 333.3), ("y", 444.4)]
    targets = SnapTargets.for_page(page)
    assert targets.nearest("x", 331.0, 4) == 333.3 and targets.nearest("y", 446.0, 4) == 444.4
    session.do(ops.add_frame(session.issue, 0, RuleFrame("r", Rect(300, 600, 20, 0))))
    rule = session.issue.pages[0].frames[-1]
    drag = FrameDrag(start={rule.id: rule.rect},
                     targets=SnapTargets.for_page(session.issue.pages[0], ignore={rule.id}))
    moved = drag.update(11.5, 0.0, snap=True, tolerance=4.0)  # the right edge to 331.5, near the guide
    assert moved.rects[rule.id].right == pytest.approx(333.3)
    session.do(ops.remove_guides(session.issue, 0))
    assert session.issue.pages[0].guides == []


def test_a_guide_dragged_out_of_the_ruler_snaps_a_moved_frame(qtbot, window):
    action(window, "broadsheet").trigger()
    canvas = window.canvas
    page = window.session.issue.pages[0]
    top = next(r for r in window.findChildren(Ruler) if r.axis == "y")  # the side ruler: vertical guides
    target = view_point(canvas, 301.0, 500.0)
    start = QPoint(top.width() // 2, 200)
    end = top.mapFromGlobal(canvas.viewport().mapToGlobal(target))
    qtbot.mousePress(top, Qt.LeftButton, Qt.NoModifier, start)
    qtbot.mouseMove(top, end)
    qtbot.mouseRelease(top, Qt.LeftButton, Qt.NoModifier, end)
    assert len(page.guides) == 1 and page.guides[0][0] == "x"
    at = page.guides[0][1]
    assert at == pytest.approx(301.0, abs=2 / canvas.scale())
    assert at in SnapTargets.for_page(page).xs
    window.document.undo_stack.undo()
    assert page.guides == []
