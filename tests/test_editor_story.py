"""The editor, part 2, driven with real events: typing in the story editor, overset,
linking a story on to another page, cropping by eye, exporting in the background."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from layout.edit import operations as ops
from layout.store.fileformat import load
from tests.conftest import require_tool
from tests.gui_helpers import ARTICLE, action, column_left, drag, line_y, type_chinese, view_point

MORE = "城市更新要坚持以人民为中心，把群众的急难愁盼作为工作的出发点和落脚点，一件一件抓落实。" * 3


def pdf_text(path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout.replace(" ", "")


def place_article_by_click(qtbot, window, monkeypatch, column: int = 1, line: int = 12) -> list[str]:
    canvas = window.canvas
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ARTICLE), ""))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_I, Qt.ControlModifier)
    page = window.session.issue.pages[canvas.page_index]
    at = view_point(canvas, column_left(page, column) + 10, line_y(page, line) + 2)
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, at)
    return list(canvas.selection)


def test_typing_overset_linking_and_jump_lines(qtbot, window, monkeypatch, tmp_path):
    canvas = window.canvas
    action(window, "broadsheet").trigger()
    frames = place_article_by_click(qtbot, window, monkeypatch)
    issue = window.session.issue
    article_id = issue.articles[0].id
    body = issue.find_frame(issue.article(article_id).flow[0])[1]
    assert not window.session.layout.report.overset

    # double-click the body: the story editor opens with the cursor in the body; type (as an IME does)
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      view_point(canvas, body.rect.x + 20, body.rect.y + 20))
    story = window.story
    assert story.article_id == article_id and story.body.hasFocus()
    steps = window.document.undo_stack.count()
    qtbot.keyClick(story.body, Qt.Key_Return)
    for chunk in (MORE[:40], MORE[40:90], MORE[90:]):
        type_chinese(story.body, chunk)
    assert window.document.undo_stack.count() == steps + 1  # one burst of typing, one undo step
    assert issue.article(article_id).paragraphs[-1].text == MORE
    overset = window.session.layout.report.overset[article_id]
    assert overset > 0 and str(overset) in story.overset.text()
    assert body.id in canvas.overset_frames()
    qtbot.waitUntil(lambda: any("overset" in f.message for f in window.preflight.findings), timeout=10000)
    assert "1" in window.preflight_count.text()

    # click the overset marker, go to a new page 2, drag a frame there: the story goes on
    marker = canvas.to_view(body.rect.right - 3, body.rect.bottom - 3).toPoint()
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, marker)
    action(window, "Add page: broadsheet").trigger()
    assert canvas.page_index == 1
    page2 = issue.pages[1]
    drag(qtbot, canvas, view_point(canvas, column_left(page2, 1) + 4, line_y(page2, 10)),
         view_point(canvas, column_left(page2, 2) + 60, line_y(page2, 60)))
    assert len(issue.article(article_id).flow) == 2
    assert article_id not in window.session.layout.report.overset
    out = tmp_path / "linked.pdf"
    assert window.export_to("screen", str(out)) == [out]
    text = pdf_text(out)
    assert "（转第2版）" in text and "（上接第1版）" in text

    # the jump lines follow the pages: move page 2 first and they say so
    window.pages.move_page(1, 0)
    window.export_to("screen", str(out))
    text = pdf_text(out)
    assert "（转第1版）" in text and "（上接第2版）" in text
    assert frames


def test_cropping_a_photo_by_dragging_changes_its_focus_and_the_pdf(qtbot, window, sample_copy, tmp_path):
    canvas = window.canvas
    assert window.open_document(sample_copy)
    photo = window.session.issue.find_frame("road-photo")[1]
    before_focus = photo.focus
    before_pdf = tmp_path / "before.pdf"
    window.export_to("screen", str(before_pdf))
    centre = view_point(canvas, photo.rect.x + photo.rect.w / 2, photo.rect.y + photo.rect.h / 2)
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, centre)
    assert type(canvas.tool).__name__ == "CropTool"
    drag(qtbot, canvas, centre, centre + QPoint(0, 40))
    assert photo.focus[1] < before_focus[1] and photo.focus[0] == pytest.approx(before_focus[0])
    qtbot.keyClick(canvas, Qt.Key_Escape)
    assert canvas.tool is canvas.default_tool
    after_pdf = tmp_path / "after.pdf"
    window.export_to("screen", str(after_pdf))
    assert before_pdf.read_bytes() != after_pdf.read_bytes()
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.ControlModifier)
    assert photo.focus == before_focus


def test_a_cancelled_export_leaves_nothing_and_a_finished_one_reaches_the_end(qtbot, window, sample_copy, tmp_path):
    assert window.open_document(sample_copy)
    for _ in range(5):
        window.document.do(ops.duplicate_page(window.session.issue, 0))
    target = tmp_path / "proof.pdf"
    window.export_to("proof", str(target), wait=False)
    dialog = window.export_progress
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.LeftButton)
    window.export_job.thread.join(60)
    assert window.export_job.outcome == "cancelled"
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.name != "sample"]
    window.export_to("proof", str(target))
    assert window.export_job.outcome == "finished" and window.export_job.progress == (6, 6)
    assert target.stat().st_size > 10_000
    shutil.rmtree(tmp_path / "sample", ignore_errors=True)
    assert load(sample_copy) if sample_copy.exists() else True


def test_the_paragraph_under_the_pointer_is_found_from_the_display_list(sample_path):
    from layout.engine.displaylist import GlyphLines
    from layout.engine.page import LayoutEngine
    from layout.gui.story_editor import paragraph_at

    issue = load(sample_path)
    display = LayoutEngine().layout(issue).pages[0]
    article = issue.article("a1")
    frame = issue.find_frame("a1-body")[1].rect
    checked = 0
    for item in display.items:
        for run in item.runs() if isinstance(item, GlyphLines) else []:
            if not frame.x <= run.xs[0] <= frame.right or not frame.y <= run.y <= frame.bottom:
                continue
            owners = [i for i, p in enumerate(article.paragraphs) if run.text.strip() in p.text]
            if len(owners) == 1:
                assert paragraph_at(article, display, run.xs[len(run.xs) // 2], run.y - 2) == owners[0]
                checked += 1
    assert checked > 50
    assert paragraph_at(article, display, frame.x + 5, frame.y - 300) is None


def test_the_inspector_sets_the_body_leading_and_colour(qtbot, window, sample_copy):
    canvas = window.canvas
    assert window.open_document(sample_copy)
    body = window.session.issue.find_frame("a3-body")[1]
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view_point(canvas, body.rect.x + 30, body.rect.y + 20))
    inspector = window.inspector
    assert inspector.text.isVisible()
    inspector.scope.setFocus()  # these controls change the body style itself, for every article
    qtbot.keyClick(inspector.scope, Qt.Key_Down)
    assert inspector.scope.currentData() == "style"
    for box, typed in ((inspector.leading, "15pt"), (inspector.colour, "0 100 100 0")):
        qtbot.mouseClick(box, Qt.LeftButton)
        box.selectAll()
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, Qt.Key_Return)
    body_style = window.session.issue.styles["body"]
    assert body_style.leading == "15pt" and body_style.colour.to_percent() == [0, 100, 100, 0]
    qtbot.mouseClick(inspector.colour, Qt.LeftButton)
    inspector.colour.selectAll()
    qtbot.keyClicks(inspector.colour, "red")
    qtbot.keyClick(inspector.colour, Qt.Key_Return)
    assert window.session.issue.styles["body"].colour.to_percent() == [0, 100, 100, 0]
    assert "C M Y K" in window.statusBar().currentMessage()


def test_pasting_cleans_the_text_and_a_headline_is_edited_in_place(qtbot, window, sample_copy):
    from PySide6.QtWidgets import QApplication

    canvas = window.canvas
    assert window.open_document(sample_copy)
    body = window.session.issue.find_frame("a4-body")[1]
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      view_point(canvas, body.rect.x + 20, body.rect.y + 10))
    story = window.story
    assert story.article_id == "a4"
    QApplication.clipboard().setText("区里召开会议,部署下一步工作。\r\n\r\n会议要求,各街道要在年底前把辖区内的背街小巷全部梳理一遍,"
                                     "建立问题台账并逐项明确责任单位和完成时限,确保在\n明年春节前完成整治任务。")
    qtbot.keyClick(story.body, Qt.Key_Return)
    qtbot.keyClick(story.body, Qt.Key_V, Qt.ControlModifier)
    texts = [p.text for p in window.session.issue.article("a4").paragraphs]
    assert texts[-2] == "区里召开会议，部署下一步工作。"  # half-width commas became full width
    assert texts[-1].startswith("会议要求，") and texts[-1].endswith("确保在明年春节前完成整治任务。")  # rejoined

    head = window.session.issue.find_frame("a4-head")[1]
    canvas.setFocus()
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      view_point(canvas, head.rect.x + head.rect.w / 2, head.rect.y + head.rect.h / 2))
    from layout.gui.headline_editor import HeadlineEditor

    editor = canvas.viewport().findChild(HeadlineEditor).lines["title"]
    assert editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "New title")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert window.session.issue.article("a4").headline.title == "New title"
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.issue.article("a4").headline.title != "New title"


def test_a_preflight_finding_double_clicked_shows_its_frame(qtbot, window, sample_copy):
    assert window.open_document(sample_copy)
    canvas = window.canvas
    window.document.do(ops.move_frames(window.session.issue, ["road-photo"], -300, 0))  # over the lead article
    dock = window.preflight
    qtbot.waitUntil(lambda: any("overlaps" in f.message for f in dock.findings), timeout=10000)
    row = next(i for i, f in enumerate(dock.findings) if "overlaps" in f.message)
    item = dock.list.item(row)
    dock.list.itemDoubleClicked.emit(item)
    assert canvas.selection and canvas.selection[0] == dock.findings[row].object.split(" ", 1)[1]


def test_two_photos_dropped_on_a_series_block_add_a_pair_to_it(qtbot, window, sample_copy):
    from tests.gui_helpers import drop_files

    canvas = window.canvas
    photos = sample_copy.parent / "photos"
    assert window.open_document(sample_copy)
    block = window.session.issue.find_frame("city-series")[1]
    pairs = len(block.pairs)
    drop_files(canvas, [photos / "pair3-before.jpg", photos / "pair3-after.jpg"],
               view_point(canvas, block.rect.x + block.rect.w - 30, block.rect.y + 30))
    assert len(block.pairs) == pairs + 1 and block.pairs[-1].after.image == "photos/pair3-after.jpg"
