"""A designer's session, driven with real mouse and key events on the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from layout.edit import operations as ops
from layout.model.frames import PhotoPairFrame
from layout.store.fileformat import dumps, load
from tests.gui_helpers import (
    ARTICLE,
    PHOTOS,
    action,
    column_left,
    drag,
    drop_files,
    line_y,
    type_chinese,
    view_point,
)


def test_a_designers_session(qtbot, window, monkeypatch, tmp_path):
    canvas = window.canvas
    action(window, "broadsheet").trigger()  # File ▸ New from Template ▸ broadsheet
    states = [dumps(window.session.issue)]
    page = window.session.issue.pages[0]

    # import a .txt article (Ctrl+I) and drag it across columns 1-4
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ARTICLE), ""))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_I, Qt.ControlModifier)
    top = 12
    drag(qtbot, canvas, view_point(canvas, column_left(page, 1) + 8, line_y(page, top) + 2),
         view_point(canvas, column_left(page, 4) + 20, line_y(page, top + 20)))
    article = window.session.issue.articles[0]
    frames = [window.session.issue.find_frame(i)[1] for i in canvas.selection]
    assert {f.kind for f in frames} == {"headline", "text"}
    assert all(abs(f.rect.x - column_left(page, 1)) < 0.01 for f in frames)
    assert min(f.rect.y for f in frames) == pytest.approx(line_y(page, top))
    assert frames[-1].rect.right == pytest.approx(sum(page.grid.column_span(page.type_area, 1, 4)))
    assert window.session.issue.article(article.id).flow and not window.session.layout.report.overset
    states.append(dumps(window.session.issue))

    # drag it to columns 5-8: three pixels off, it snaps onto the column edge
    body = next(f for f in frames if f.kind == "text")
    start = view_point(canvas, body.rect.x + 40, body.rect.y + 30)
    shift = (column_left(page, 5) - column_left(page, 1)) * canvas.scale()
    drag(qtbot, canvas, start, start + QPoint(round(shift) + 3, 2))
    moved = [window.session.issue.find_frame(f.id)[1] for f in frames]
    assert all(abs(f.rect.x - column_left(page, 5)) < 0.01 for f in moved)
    assert window.document.undo_stack.count() == 2  # the drag is one step
    states.append(dumps(window.session.issue))

    # resize it by its bottom handle until its text no longer fits
    height_before = window.session.issue.find_frame(body.id)[1].rect.h
    box = canvas.selection_box()
    handle = QPoint(round(box.center().x()), round(box.bottom()))
    drag(qtbot, canvas, handle, handle - QPoint(0, round(box.height() * 0.6)))
    body_now = window.session.issue.find_frame(body.id)[1]
    assert body_now.rect.h < height_before
    assert (body_now.rect.h / page.grid.line_pitch) % 1 == pytest.approx(0, abs=1e-6)  # whole lines
    assert window.session.layout.report.overset.get(article.id, 0) > 0
    states.append(dumps(window.session.issue))

    # add page 2 from the template; the canvas shows it
    action(window, "Add page: broadsheet").trigger()
    assert [p.number for p in window.session.issue.pages] == [1, 2] and canvas.page_index == 1
    states.append(dumps(window.session.issue))

    # drop two photos at once on page 2: a before-and-after pair
    page2 = window.session.issue.pages[1]
    drop_files(canvas, [PHOTOS / "pair1-before.jpg", PHOTOS / "pair1-after.jpg"],
               view_point(canvas, column_left(page2, 2) + 10, line_y(page2, 20)))
    pairs = [f for f in page2.frames if isinstance(f, PhotoPairFrame)]
    assert len(pairs) == 1 and pairs[0].pair.before.image.endswith("pair1-before.jpg")
    assert abs(pairs[0].rect.x - column_left(page2, 2)) < 0.01
    states.append(dumps(window.session.issue))

    # back to page 1 (Page Up), click the article, set the title's size to 小初 in the inspector
    qtbot.keyClick(canvas, Qt.Key_PageUp)
    assert canvas.page_index == 0
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view_point(canvas, body_now.rect.x + 30, body_now.rect.y + 10))
    assert set(canvas.selection) == {f.id for f in frames}
    size_box = window.inspector.parts["title"][1]
    assert size_box.isVisible()
    qtbot.mouseClick(size_box.lineEdit(), Qt.LeftButton)
    size_box.lineEdit().selectAll()
    type_chinese(size_box.lineEdit(), "小初")
    qtbot.keyClick(size_box.lineEdit(), Qt.Key_Return)
    issue_now = window.session.issue  # the inspector changes this article's 主题, not the style (issue 19)
    assert issue_now.article(ops.article_of(issue_now, frames[0].id)).overrides["title"] == {"size": "小初"}
    assert issue_now.styles["title"].size != "小初"
    states.append(dumps(window.session.issue))

    # undo three times and redo once, checked against each step
    canvas.setFocus()
    for expected in (states[5], states[4], states[3]):
        qtbot.keyClick(canvas, Qt.Key_Z, Qt.ControlModifier)
        assert dumps(window.session.issue) == expected
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert dumps(window.session.issue) == states[4]
    assert window.windowTitle().startswith("*")

    # save (Ctrl+S asks for a name the first time) and open the file again
    out = tmp_path / "session.layout.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.keyClick(canvas, Qt.Key_S, Qt.ControlModifier)
    assert out.exists() and not window.windowTitle().startswith("*")
    assert dumps(load(out)) == dumps(window.session.issue)


def test_the_docks_follow_the_editor_session(qtbot, window, sample_copy):
    assert window.open_document(sample_copy)
    session, canvas = window.session, window.canvas
    assert window.inspector.session is session and window.pages.session is session
    assert window.story.session is session and window.preflight.session is session
    photo = session.issue.find_frame("road-photo")[1]
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view_point(canvas, photo.rect.x + photo.rect.w / 2, photo.rect.y + photo.rect.h / 2))
    assert session.selection == ["road-photo"] and window.inspector.photo.isVisibleTo(window.inspector)
    qtbot.keyClick(canvas, Qt.Key_S)
    assert session.tool != "select"
    qtbot.keyClick(canvas, Qt.Key_Escape)
    body = session.issue.find_frame("a4-body")[1]
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      view_point(canvas, body.rect.x + 20, body.rect.y + 10))
    assert session.story == "a4" and window.story.article_id == "a4"
    qtbot.waitUntil(lambda: window.pages.list.count() == len(session.issue.pages), timeout=5000)
    session.show_page(0)
    assert session.selection == [] and window.pages.list.currentRow() == 0


def test_a_move_draws_again_only_what_moved_and_the_page_looks_as_drawn_whole(qtbot, window, sample_copy):
    from layout.edit import operations as ops

    assert window.open_document(sample_copy)
    canvas = window.canvas
    canvas.fit_page()
    canvas.grab()
    full, redrawn = canvas.renders, canvas.redraws
    canvas.set_selection(["road-photo"])
    qtbot.keyClick(canvas, Qt.Key_Right)  # a nudge: one frame moves
    canvas.grab()
    assert canvas.redraws == redrawn + 1 and canvas.renders == full  # drawn again where it changed only
    window.session.do(ops.move_frames(window.session.issue, ["a1-body"], 0, 24))  # an article reflows
    canvas.grab()
    assert canvas.redraws == redrawn + 2 and canvas.renders == full
    partial = canvas._image[0].copy()
    canvas._image = canvas._before = None  # the same page drawn whole
    canvas._page_image()
    whole = canvas._image[0]
    assert whole.size() == partial.size()
    differing = sum(whole.pixel(x, y) != partial.pixel(x, y)
                    for y in range(0, whole.height(), 3) for x in range(0, whole.width(), 3))
    assert differing == 0
