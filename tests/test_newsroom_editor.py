"""Editor windows on one newsroom issue, driven with real mouse and key events (offscreen)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from layout.model.frames import TextFrame
from layout.store.newsroom.address import parse
from layout.store.newsroom.store import IssueSession, Newsroom
from tests.gui_helpers import action, drag, type_chinese, view_point

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = [sys.executable, "-m", "layout"]


def _editor(qtbot, monkeypatch, address: str, user: str, page: int):
    from layout.gui.main_window import MainWindow

    monkeypatch.setenv("LAYOUT_USER", user)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_document(address, page)
    assert window.session.issue.pages[window.session.page_index].number == page
    return window


def _drag_text_frame(qtbot, window, dx_points: float) -> tuple[str, object]:
    """Drag the page's first text frame sideways with the mouse; its id and new rectangle."""
    page = window.session.issue.pages[window.session.page_index]
    frame = next(f for f in page.frames if isinstance(f, TextFrame))
    canvas = window.canvas
    before = frame.rect
    start = view_point(canvas, frame.rect.x + frame.rect.w / 2, frame.rect.y + 15)
    drag(qtbot, canvas, start, start + QPoint(round(dx_points * canvas.scale()), 0), modifier=Qt.AltModifier)
    moved = window.session.issue.pages[window.session.page_index].frame(frame.id)
    assert moved.rect != before, "the drag moved nothing"
    return frame.id, moved.rect


def _settle(qtbot, *windows) -> None:
    """Let each window's preflight worker and thumbnails finish (two windows share one
    process and its interpreter lock here; a desk runs one editor a machine)."""
    for window in windows:
        qtbot.waitUntil(lambda w=window: w.preflight.shown_generation == w.preflight.generation, timeout=20000)
    qtbot.wait(400)


def _save(qtbot, window) -> None:
    action(window, "Save").trigger()
    assert not window.document.modified


def test_two_editors_on_two_pages_both_save_and_see_each_other_within_a_second(qtbot, monkeypatch, desk):
    first = _editor(qtbot, monkeypatch, desk, "zhao", 1)
    second = _editor(qtbot, monkeypatch, desk, "qian", 2)
    one_id, one_rect = _drag_text_frame(qtbot, first, 40)
    two_id, two_rect = _drag_text_frame(qtbot, second, -40)
    _settle(qtbot, first, second)
    _save(qtbot, first)
    start = time.monotonic()
    qtbot.waitUntil(lambda: second.session.issue.pages[0].frame(one_id).rect == one_rect, timeout=1000)
    seen = time.monotonic() - start
    assert seen < 1.0
    _settle(qtbot, first, second)
    _save(qtbot, second)
    start = time.monotonic()
    qtbot.waitUntil(lambda: first.session.issue.pages[1].frame(two_id).rect == two_rect, timeout=1000)
    assert time.monotonic() - start < 1.0
    stored = IssueSession(Newsroom(parse(desk))).load()
    assert stored.pages[0].frame(one_id).rect == one_rect
    assert stored.pages[1].frame(two_id).rect == two_rect
    qtbot.waitUntil(lambda: "zhao" in second.pages.list.item(0).text(), timeout=5000)
    assert "排版中" in second.pages.list.item(0).text()

    # a third program that wants the first's page is refused, with the holder named
    photos = sorted((ROOT / "assets" / "sample" / "photos").glob("*.jpg"))[:2]
    third = subprocess.run([*LAYOUT, "add-photo-pair", desk, str(photos[0]), str(photos[1]), "--page", "1",
                            "--columns", "1-2", "--top", "400", "--force", "--caption", "整治"],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "LAYOUT_USER": "sun"})
    assert third.returncode == 2
    lines = third.stderr.strip().splitlines()
    assert len(lines) == 1 and "page 1 is held by zhao@" in lines[0] and "since" in lines[0], third.stderr
    for window in (first, second):
        window.close()


def test_a_designer_and_an_editor_on_one_story_keep_both_changes(qtbot, monkeypatch, desk):
    designer = _editor(qtbot, monkeypatch, desk, "zhao", 1)
    editor = _editor(qtbot, monkeypatch, desk, "qian", 1)  # the page is zhao's: qian only writes
    assert "held by zhao@" in editor.statusBar().currentMessage()
    page = editor.session.issue.pages[0]
    body = next(f for f in page.frames if isinstance(f, TextFrame))
    article_id = next(a.id for a in editor.session.issue.articles if body.id in a.flow)
    canvas = editor.canvas
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      view_point(canvas, body.rect.x + 20, body.rect.y + 20))
    assert editor.story.article_id == article_id
    editor.story.focus_body()
    qtbot.keyClick(editor.story.body, Qt.Key_Return)
    type_chinese(editor.story.body, "编辑改写的一段。")
    assert editor.session.issue.article(article_id).paragraphs[-1].text == "编辑改写的一段。"
    frame_id, rect = _drag_text_frame(qtbot, designer, 30)
    assert frame_id == body.id
    assert editor.document.modified
    _settle(qtbot, designer, editor)
    _save(qtbot, editor)
    _save(qtbot, designer)
    qtbot.waitUntil(lambda: designer.session.issue.article(article_id).paragraphs[-1].text == "编辑改写的一段。",
                    timeout=1000)
    qtbot.waitUntil(lambda: editor.session.issue.pages[0].frame(frame_id).rect == rect, timeout=1000)
    stored = IssueSession(Newsroom(parse(desk))).load()
    assert stored.article(article_id).paragraphs[-1].text == "编辑改写的一段。"
    assert stored.pages[0].frame(frame_id).rect == rect
    for window in (designer, editor):
        window.close()


def test_an_edit_on_a_page_a_colleague_holds_is_taken_back_naming_them(qtbot, monkeypatch, desk):
    first = _editor(qtbot, monkeypatch, desk, "zhao", 1)
    second = _editor(qtbot, monkeypatch, desk, "qian", 2)
    warned = []
    monkeypatch.setattr("layout.gui.newsroom_link.QMessageBox.warning", lambda *a: warned.append(a[2]))
    second.show_page(0)  # qian looks at zhao's page
    assert "held by zhao@" in second.statusBar().currentMessage()
    _drag_text_frame(qtbot, second, 30)
    qtbot.waitUntil(lambda: second.document.undo_stack.index() == 0, timeout=2000)
    assert warned and "page 1 is held by zhao@" in warned[0]
    assert not second.document.modified

    # qian moves a frame on page 2, saves and goes to page 3; zhao takes page 2; qian's undo is taken back
    second.show_page(1)
    frame_id, moved = _drag_text_frame(qtbot, second, 20)
    _save(qtbot, second)
    second.show_page(2)
    first.show_page(1)
    assert first.newsroom.session.newsroom.holder(first.newsroom.session.issue_id, "page", "1").user == "zhao"
    second.undo()
    qtbot.waitUntil(lambda: len(warned) == 2 and second.document.undo_stack.index() == 1, timeout=2000)
    assert "page 2 is held by zhao@" in warned[1]
    assert second.session.issue.pages[1].frame(frame_id).rect == moved
    for window in (first, second):
        window.close()


def test_a_killed_editor_frees_its_page_at_once(desk):
    editor = subprocess.Popen([*LAYOUT, "open", desk, "--page", "1"], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "LAYOUT_USER": "wu", "QT_QPA_PLATFORM": "offscreen"})
    newsroom = Newsroom(parse(desk))
    session = IssueSession(newsroom)
    try:
        deadline = time.monotonic() + 60
        while newsroom.holder(session.issue_id, "page", "0") is None:
            assert editor.poll() is None, editor.stderr.read()
            assert time.monotonic() < deadline, "the editor never held its page"
            time.sleep(0.1)
        assert newsroom.holder(session.issue_id, "page", "0").user == "wu"
        os.kill(editor.pid, signal.SIGKILL)
        editor.wait()
        start = time.monotonic()
        while newsroom.holder(session.issue_id, "page", "0") is not None:
            assert time.monotonic() - start < 1.0, "the killed editor's page was not freed within 1 s"
            time.sleep(0.02)
        session.load()
        session.hold_page(0)
    finally:
        editor.kill()
        editor.wait()
        newsroom.close()


def test_the_database_going_away_keeps_the_work_and_saves_when_it_is_back(qtbot, monkeypatch, desk, pg_server):
    window = _editor(qtbot, monkeypatch, desk, "zhao", 1)
    pg_server.stop("immediate")
    try:
        frame_id, rect = _drag_text_frame(qtbot, window, 25)
        action(window, "Save").trigger()
        assert window.document.modified  # not saved: the work stays in the window
        assert window.newsroom.offline
        assert "away" in window.newsroom.label.text()
        autosaved = window.safekeeping.autosave.written
        assert autosaved is not None and Path(autosaved).is_file()
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: not window.newsroom.offline and not window.document.modified, timeout=10000)
    stored = IssueSession(Newsroom(parse(desk))).load()
    assert stored.pages[0].frame(frame_id).rect == rect
    window.close()


def test_save_as_writes_a_file_copy_with_its_photos_and_lets_go(qtbot, monkeypatch, desk, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from layout.store.assets import photo_path
    from layout.store.fileformat import load

    window = _editor(qtbot, monkeypatch, desk, "zhao", 2)
    target = tmp_path / "copy" / "desk.layout.json"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action(window, "Save As…").trigger()
    assert window.newsroom is None and window.document.path == target
    copy = load(target)
    assert copy.pages == IssueSession(Newsroom(parse(desk))).load().pages
    images = [getattr(f, "image", None) for p in copy.pages for f in p.frames]
    assert any(images) and all(photo_path(copy, i).is_file() for i in images if i)
    session = IssueSession(Newsroom(parse(desk)))
    qtbot.waitUntil(lambda: session.newsroom.holder(session.issue_id, "page", "1") is None, timeout=2000)
    window.close()
