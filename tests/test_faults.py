"""The faults found when a designer rebuilt the sample page as a new user (issue 18),
each driven as the designer met it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from layout.engine.photo import fill_crop
from layout.gui import crash
from layout.model.geometry import Rect
from layout.store.fileformat import dumps, load
from tests.gui_helpers import PHOTOS, column_left, drag, drop_files, line_y, type_chinese, view_point


@pytest.fixture
def dialogs(tmp_path, monkeypatch) -> list[str]:
    """Crash reports go to a folder of the test's own; the error dialogs' texts are recorded, not shown."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install()
    shown: list[str] = []
    monkeypatch.setattr("layout.gui.crash.QMessageBox.critical", lambda *args: shown.append(args[2]))
    return shown


def _report(text: str) -> Path:
    """The crash report a dialog names."""
    return Path(text.split("the report is in ")[1].split("\n")[0].strip())


def test_fault_1_a_crop_for_a_frame_of_no_height_is_the_whole_image():
    assert fill_crop((1200, 800), Rect(0, 0, 100, 0)) == Rect(0, 0, 1, 1)
    assert fill_crop((1200, 800), Rect(0, 0, 0, 0)) == Rect(0, 0, 1, 1)
    assert fill_crop((1200, 0), Rect(0, 0, 10, 10)) == Rect(0, 0, 1, 1)


def test_fault_1_two_photos_dropped_on_a_shallow_series_block_keep_the_window(qtbot, window, dialogs):
    canvas = window.canvas
    window.new_document("broadsheet")
    page = window.session.issue.pages[0]
    qtbot.keyClick(canvas, Qt.Key_S)
    top = line_y(page, 40)
    start = view_point(canvas, column_left(page, 3) + 2, top + 1)
    right = page.grid.column_span(page.type_area, 8, 8)
    end = view_point(canvas, right[0] + right[1] - 2, line_y(page, 43) - 1)
    drag(qtbot, canvas, start, end)
    blocks = [f for f in window.session.issue.pages[0].frames if type(f).__name__ == "SeriesFrame"]
    assert len(blocks) == 1
    block = blocks[0]
    assert block.rect.h < 4 * page.grid.line_pitch
    drop_files(canvas, [PHOTOS / "pair1-before.jpg", PHOTOS / "pair1-after.jpg"],
               view_point(canvas, block.rect.x + block.rect.w / 2, block.rect.y + block.rect.h / 2))
    qtbot.wait(50)
    assert window.isVisible()
    canvas.grab()  # it still paints
    assert window.session.issue.find_frame(block.id) is not None
    assert dialogs == []  # nothing went wrong: the pair is placed, its photos marked as having no room


@pytest.mark.qt_no_exception_capture
def test_fault_1_an_error_in_an_edit_leaves_the_document_unchanged_and_the_window_alive(qtbot, window, dialogs,
                                                                                        sample_copy, monkeypatch):
    assert window.open_document(sample_copy)
    canvas = window.canvas
    before, steps = dumps(window.session.issue), window.document.undo_stack.count()
    engine = type(window.session.engine)
    real = engine.layout

    def broken(self, issue):
        raise ZeroDivisionError("injected into laying out after an edit")

    monkeypatch.setattr(engine, "layout", broken)
    canvas.set_selection(["road-photo"])
    qtbot.keyClick(canvas, Qt.Key_Right)  # a nudge: one edit operation through the undo stack
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert "ZeroDivisionError" in dialogs[0] and "injected" in _report(dialogs[0]).read_text("utf-8")
    assert dumps(window.session.issue) == before and window.document.undo_stack.count() == steps
    monkeypatch.setattr(engine, "layout", real)
    qtbot.keyClick(canvas, Qt.Key_Right)  # the window goes on: the next edit is made
    moved = window.session.issue.find_frame("road-photo")[1].rect.x
    assert moved > load(sample_copy).find_frame("road-photo")[1].rect.x
    assert window.document.undo_stack.count() == steps + 1
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.ControlModifier)
    assert dumps(window.session.issue) == before


@pytest.mark.qt_no_exception_capture
def test_fault_1_an_error_in_a_paint_a_mouse_event_or_a_timer_is_reported_and_the_window_lives(
        qtbot, window, dialogs, sample_copy, monkeypatch):
    assert window.open_document(sample_copy)
    canvas = window.canvas

    def broken(*args):
        raise RuntimeError("injected into a paint and a mouse event")

    monkeypatch.setattr(canvas, "_paint_selection", broken)  # called by the canvas's paintEvent
    monkeypatch.setattr(canvas.tool, "press", broken)  # called by its mousePressEvent
    canvas.viewport().update()
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=canvas.viewport().rect().center())
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(dialogs) >= 2, timeout=5000)
    assert any("RuntimeError" in text for text in dialogs) and any("ZeroDivisionError" in text for text in dialogs)
    monkeypatch.undo()
    assert window.isVisible()
    qtbot.keyClick(canvas, Qt.Key_Equal, Qt.ControlModifier)  # zoom still works
    canvas.grab()


def test_fault_2_save_as_keeps_every_photo_link(tmp_path, monkeypatch):
    from layout.cli import main
    from layout.edit import operations as ops
    from layout.engine.page import LayoutEngine
    from layout.export.preflight import preflight
    from layout.model.templates import new_issue
    from layout.store import FileStore

    photos = tmp_path / "desk" / "photos"
    photos.mkdir(parents=True)
    for name in ("pair1-before.jpg", "pair1-after.jpg", "road.jpg"):
        (photos / name).write_bytes((PHOTOS / name).read_bytes())
    monkeypatch.chdir(tmp_path / "desk")  # an untitled document placed from here
    issue = new_issue("broadsheet", pages=2)
    page = issue.pages[0]
    area = page.type_area
    ops.place_photo(issue, 0, "photos/road.jpg", Rect(area.x, area.y + 200, 300, 200)).apply(issue)
    ops.place_photo(issue, 1, photos / "pair1-before.jpg", Rect(area.x, area.y + 200, 300, 200)).apply(issue)
    store = FileStore()
    elsewhere = tmp_path / "issues" / "today"
    elsewhere.mkdir(parents=True)
    store.save(issue, elsewhere / "today.layout.json")  # Save As into another folder
    again = store.read(elsewhere / "today.layout.json")
    images = [f.image for p in again.pages for f in p.frames if getattr(f, "image", "")]
    assert images == ["../../desk/photos/road.jpg", "../../desk/photos/pair1-before.jpg"]
    assert not [f for f in preflight(again, laid=LayoutEngine().layout(again)) if "missing" in f.message]
    monkeypatch.chdir(tmp_path)
    press = tmp_path / "press"
    assert main(["export", str(elsewhere / "today.layout.json"), "--profile", "press", "-o", str(press)]) == 0
    assert len(list(press.glob("*.pdf"))) == 2
    moved = tmp_path / "desk" / "copy.layout.json"  # and Save As back beside the photos
    store.save(again, moved)
    assert [f.image for p in store.read(moved).pages for f in p.frames if getattr(f, "image", "")] == [
        "photos/road.jpg", "photos/pair1-before.jpg"]


def test_fault_3_an_edit_the_file_format_would_refuse_is_refused_when_it_is_made(sample_path):
    from layout.edit import operations as ops
    from layout.edit.change import EditError
    from layout.model.frames import PhotoFrame
    from layout.store.fileformat import from_dict

    issue = load(sample_path)
    photo = issue.find_frame("road-photo")[1]
    r = photo.rect
    for bad, rule in ((Rect(r.x, r.y, -20, r.h), "negative"), (Rect(r.x, r.y, 0.5, r.h), "too small"),
                      (Rect(r.x, 1e6, r.w, r.h), "off the page"), (Rect(r.x, r.y, 1e6, r.h), "larger than the page"),
                      (Rect(r.x, r.y, float("nan"), r.h), "not finite")):
        with pytest.raises(EditError, match=rule):
            ops.set_rects(issue, {"road-photo": bad})
    with pytest.raises(EditError, match="off the page"):
        ops.move_frames(issue, ["road-photo"], 0, 1e6)
    with pytest.raises(EditError, match="too small"):
        ops.add_frame(issue, 0, PhotoFrame("p", Rect(10, 10, 0.2, 30)))
    ops.resize_frame(issue, "road-photo", Rect(r.x, r.y, -20, 0)).apply(issue)  # a resize keeps the smallest size
    ops.add_rule(issue, 0, Rect(10, 10, 200, 0)).apply(issue)  # a rule may be 0 high
    from_dict(__import__("json").loads(dumps(issue)))  # and the document is still one the format takes


def test_fault_3_a_negative_width_typed_in_the_inspector_leaves_a_document_that_saves(qtbot, window, sample_copy):
    assert window.open_document(sample_copy)
    window.canvas.set_selection(["road-photo"])
    width = window.inspector.w
    assert width.minimum() > 0 and width.maximum() < 5000
    width.setFocus()
    width.selectAll()
    qtbot.keyClicks(width, "-20")
    qtbot.keyClick(width, Qt.Key_Return)
    frame = window.session.issue.find_frame("road-photo")[1]
    assert frame.rect.w > 0
    window.document.save(sample_copy)
    assert load(sample_copy).find_frame("road-photo")[1].rect.w == frame.rect.w


def test_fault_5_tab_moves_between_the_parts_of_the_headline_editor(qtbot, window, sample_copy):
    from layout.gui.headline_editor import HeadlineEditor

    canvas = window.canvas
    assert window.open_document(sample_copy)
    head = window.session.issue.find_frame("a4-head")[1]
    canvas.setFocus()
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      view_point(canvas, head.rect.x + head.rect.w / 2, head.rect.y + head.rect.h / 2))
    editor = canvas.viewport().findChild(HeadlineEditor)
    kicker, title, subtitle = (editor.lines[p] for p in ("kicker", "title", "subtitle"))
    assert title.hasFocus()
    qtbot.keyClick(title, Qt.Key_Tab)
    assert subtitle.hasFocus()
    subtitle.selectAll()
    type_chinese(subtitle, "副题改了")
    qtbot.keyClick(subtitle, Qt.Key_Tab)
    assert kicker.hasFocus()  # round to the first
    qtbot.keyClick(kicker, Qt.Key_Backtab, Qt.ShiftModifier)
    assert subtitle.hasFocus()
    qtbot.keyClick(subtitle, Qt.Key_Backtab, Qt.ShiftModifier)
    assert title.hasFocus() and editor.isVisible()  # still editing: nothing was committed on the way
    qtbot.keyClick(title, Qt.Key_Return)
    assert window.session.issue.article("a4").headline.subtitle == "副题改了"
    assert window.document.undo_stack.count() == 1


def test_fault_6_what_the_first_headline_size_change_needs_is_loaded_before_it(qtbot, window, sample_copy,
                                                                               monkeypatch):
    from layout.edit import operations as ops
    from layout.engine import headline, photo

    assert window.open_document(sample_copy)
    qtbot.waitUntil(lambda: window.canvas.renders > 0, timeout=10000)
    qtbot.waitUntil(headline.ready, timeout=60000)  # loaded behind the first page, no edit asked for it
    decoded = []
    real = photo._read_info
    monkeypatch.setattr(photo, "_read_info", lambda path: decoded.append(path) or real(path))
    window.document.do(ops.set_style(window.session.issue, "title", size="小初"))
    assert window.session.issue.style("title").size == "小初"
    assert decoded == []  # no photo is read again for a change of type size
    assert headline._jieba.cache_info().misses == 1  # jieba was loaded once, before the change
