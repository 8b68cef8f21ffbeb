"""Text frames of their own (labels, credit lines, column headings): drawn with the text tool
(T) and typed into at once, input methods too; an imported file's labels and credit line
arrive as such frames in the window as they do from `layout import-article`."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from layout.edit import operations as ops
from layout.edit.session import EditorSession
from layout.model.frames import CaptionFrame
from layout.model.templates import new_issue
from tests.gui_helpers import action, column_left, drag, line_y, type_chinese, view_point


def test_a_text_frame_is_one_undo_step_and_its_text_another():
    session = EditorSession(new_issue("broadsheet"))
    page = session.issue.pages[0]
    rect = page.grid.area(page.type_area, 1, 2, 10, 2)
    session.do(ops.add_text_frame(session.issue, 0, rect, style="credit"))
    frame = session.issue.pages[0].frames[-1]
    assert isinstance(frame, CaptionFrame) and frame.style == "credit" and frame.text == ""
    session.do(ops.set_frame_text(session.issue, frame.id, "(通州区城市管理委员会发布 第284期)"))
    assert "第284期" in session.page_display().text().replace("\n", "")
    session.undo()
    assert session.issue.find_frame(frame.id)[1].text == ""
    session.undo()
    assert session.issue.find_frame(frame.id) is None


def test_the_text_tool_draws_a_frame_and_typing_goes_into_it_at_once(qtbot, window):
    action(window, "broadsheet").trigger()
    canvas = window.canvas
    page = window.session.issue.pages[0]
    before = {f.id for f in page.frames}
    qtbot.keyClick(canvas, Qt.Key_T)
    assert window.session.tool == "text"
    start = view_point(canvas, column_left(page, 2) + 2, line_y(page, 20) + 1)
    end = view_point(canvas, column_left(page, 4) - 4, line_y(page, 22) - 1)
    drag(qtbot, canvas, start, end)
    new = [f for f in page.frames if f.id not in before]
    assert len(new) == 1 and isinstance(new[0], CaptionFrame)
    editor = canvas.text_editor
    assert editor.hasFocus()
    type_chinese(editor, "挂账督办")
    qtbot.keyClicks(editor, " 12")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert new[0].text == "挂账督办 12"
    assert window.session.tool == "select"
    window.document.undo_stack.undo()
    assert new[0].text == "" or window.session.issue.find_frame(new[0].id)[1].text == ""
    window.document.undo_stack.redo()
    frame = window.session.issue.find_frame(new[0].id)[1]
    assert frame.text == "挂账督办 12"


def test_double_clicking_a_text_frame_edits_it_and_esc_drops_the_change(qtbot, window):
    action(window, "broadsheet").trigger()
    canvas = window.canvas
    session = window.session
    page = session.issue.pages[0]
    rect = page.grid.area(page.type_area, 1, 3, 30, 2)
    session.do(ops.add_text_frame(session.issue, 0, rect, text="整治前后"))
    frame = page.frames[-1]
    centre = view_point(canvas, rect.x + rect.w / 2, rect.y + rect.h / 2)
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, centre)
    editor = canvas.text_editor
    type_chinese(editor, "城市管理")
    qtbot.keyClick(editor, Qt.Key_Escape)
    assert frame.text == "整治前后"
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, centre)
    type_chinese(canvas.text_editor, "城市管理")
    qtbot.keyClick(canvas.text_editor, Qt.Key_Return)
    assert session.issue.find_frame(frame.id)[1].text == "城市管理"


def test_an_imported_files_labels_and_credit_arrive_as_text_frames_in_the_window(qtbot, window, tmp_path):
    source = tmp_path / "column.txt"
    source.write_text("城市管理加强检查\n\n本报讯（记者 冯维静）本期选取了4处环境问题，刊登前后对比照片。\n\n"
                      "挂账督办\n\n整治前后\n\n（通州区城市管理委员会发布 第284期）\n", encoding="utf-8")
    action(window, "broadsheet").trigger()
    canvas = window.canvas
    page = window.session.issue.pages[0]
    window.placing.import_article(source)
    at = view_point(canvas, column_left(page, 1) + 3, line_y(page, 10) + 1)
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, at)  # the article, in one column
    assert window.session.tool == "columnplace"
    start = view_point(canvas, column_left(page, 5) + 3, line_y(page, 40) + 1)
    drag(qtbot, canvas, start, start + QPoint(int(canvas.scale() * 200), 0))
    texts = {f.text: f.style for f in page.frames if isinstance(f, CaptionFrame)}
    assert texts.get("挂账督办") and texts.get("整治前后")
    assert any("第284期" in t for t in texts)
    assert window.session.tool == "select"


def test_the_series_blocks_titles_credit_and_labels_are_edited_in_the_inspector(qtbot, window, sample_copy):
    from layout.model.frames import SeriesFrame

    assert window.open_document(sample_copy)
    session = window.session
    index, series = next((i, f) for i, p in enumerate(session.issue.pages) for f in p.frames
                         if isinstance(f, SeriesFrame) and f.pairs)
    window.show_page(index)
    session.select([series.id])
    inspector = window.inspector
    assert inspector.series.isVisible()
    for box, typed in ((inspector.series_title, "城市管理"), (inspector.series_credit, "（第285期）"),
                       (inspector.series_before, "治理前")):
        box.setFocus()
        box.selectAll()
        type_chinese(box, typed)
        qtbot.keyClick(box, Qt.Key_Return)
    frame = session.issue.find_frame(series.id)[1]
    assert frame.title == "城市管理" and frame.credit == "（第285期）"
    assert all(p.labels[0] == "治理前" for p in frame.pairs)
    assert "城市管理" in session.page_display().text()
    window.document.undo_stack.undo()
    assert all(p.labels[0] != "治理前" for p in session.issue.find_frame(series.id)[1].pairs)


def test_a_photo_dropped_on_a_series_block_takes_a_single_slot(qtbot, window):
    from layout.edit import operations as ops
    from layout.model.frames import SeriesFrame
    from tests.gui_helpers import PHOTOS, drop_files

    action(window, "broadsheet").trigger()
    session = window.session
    page = session.issue.pages[0]
    rect = page.grid.area(page.type_area, 1, 4, 40, 30)
    session.do(ops.add_series(session.issue, 0, rect))
    series = next(f for f in page.frames if isinstance(f, SeriesFrame))
    photo = sorted(PHOTOS.glob("*.jpg"))[0]
    drop_files(window.canvas, [photo], view_point(window.canvas, rect.x + 20, rect.y + 20))
    block = session.issue.find_frame(series.id)[1]
    assert len(block.singles) == 1 and block.singles[0].image.endswith(photo.name)
    assert block.singles_span == 2  # the block made room for its singles, and they are drawn
    assert any(type(i).__name__ == "ImageItem" for i in session.page_display().items)
    assert not any(f.kind == "photo" for f in session.issue.pages[0].frames)
