"""The seed page by hand: the page of ../shared/samples/000_67b37189da5fde6f.txt (its copy is
assets/sample/tongzhou.txt) rebuilt in the window from an empty broadsheet issue with mouse,
key, input-method and drop events (file dialogs answered as a designer would): page 2, its
section, the paper's name and date in Issue Settings; the five articles dropped as one file
and placed by drags across the columns, two 主题 at sizes of their own; the road photo; the
城市管理 column with its tinted heading, a series block with six 挂账督办 singles and four
整治前后 pairs dropped on it, the file's labels and credit line as text frames. It saves, exports
a proof and finds every paragraph, headline, label and the credit line in the proof's text.
With LAYOUT_TEST_OUT naming a folder it leaves seed-page.layout.json and
seed-page-proof.pdf there. ``ACTIONS`` counts the designer's actions (benchmarks/editor.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from layout.importer.plaintext import read
from layout.model.frames import CaptionFrame, PhotoFrame, SeriesFrame
from layout.store.fileformat import load
from tests.conftest import SAMPLE_TEXT, require_tool
from tests.gui_helpers import PHOTOS, action, column_left, drag, drop_files, line_y, type_chinese, view_point

PAPER, WHEN, SECTION = "北京城市副中心报", date(2023, 2, 15), "城市副中心·综合新闻"
ACTIONS: list[str] = []  # what the designer did, one entry an action


def did(what: str) -> None:
    ACTIONS.append(what)


def next_line(page, frame_ids) -> int:
    """The grid line under the lowest of these frames, plus one line of air."""
    bottom = max(page.frame(i).rect.bottom for i in frame_ids)
    return round((bottom - page.type_area.y) / page.grid.line_pitch) + 1


def place_across(qtbot, window, first: int, last: int, top: int) -> list[str]:
    """Drag across columns first..last at grid line ``top`` with what the pointer carries."""
    canvas, page = window.canvas, window.canvas.page
    before = {f.id for f in page.frames}
    start = view_point(canvas, column_left(page, first) + 3, line_y(page, top) + 1)
    end = view_point(canvas, column_left(page, last) + 3, line_y(page, top) + 1)
    drag(qtbot, canvas, start, end)
    did(f"drag across columns {first}-{last}")
    return [f.id for f in page.frames if f.id not in before]


def title_size(qtbot, window, frame_id: str, size: str) -> None:
    """Click the article, type its 主题's own size in the inspector."""
    canvas, page = window.canvas, window.canvas.page
    rect = page.frame(frame_id).rect
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view_point(canvas, rect.x + rect.w / 2, rect.y + rect.h / 2))
    box = window.inspector.parts["title"][1].lineEdit()
    qtbot.mouseClick(box, Qt.LeftButton)
    box.selectAll()
    type_chinese(box, size)
    qtbot.keyClick(box, Qt.Key_Return)
    did(f"主题 size {size}")


def test_the_seed_page_by_hand(qtbot, window, tmp_path, monkeypatch):
    ACTIONS.clear()
    canvas = window.canvas
    action(window, "broadsheet").trigger()
    did("New from Template: broadsheet")
    action(window, "Add page: broadsheet").trigger()
    did("Add page")
    session = window.session
    assert canvas.page_index == 1

    dialog = window.edit_issue_settings()
    did("Issue Settings")
    qtbot.waitExposed(dialog)
    dialog.paper.selectAll()
    type_chinese(dialog.paper, PAPER)
    dialog.date.setFocus()
    dialog.date.setDate(QDate(WHEN.year, WHEN.month, WHEN.day))
    dialog.sections[1].setFocus()
    type_chinese(dialog.sections[1], SECTION)
    qtbot.keyClick(dialog, Qt.Key_Return)
    did("type paper, date, section; Enter")
    issue, page = session.issue, session.issue.pages[1]
    assert (issue.paper, issue.date, page.section) == (PAPER, WHEN, SECTION)

    # the five articles of the file, one after another on the pointer
    drop_files(canvas, [SAMPLE_TEXT], view_point(canvas, page.width / 2, page.height / 2))
    did("drop the text file")
    top = 3
    left_ids: list[str] = []
    first_ids = place_across(qtbot, window, 1, 5, top)
    left_ids += first_ids
    second_ids = place_across(qtbot, window, 6, 8, top)
    third_ids = place_across(qtbot, window, 1, 5, next_line(page, left_ids))
    left_ids += third_ids
    fourth_ids = place_across(qtbot, window, 1, 5, next_line(page, left_ids))
    left_ids += fourth_ids
    column_top = max(next_line(page, left_ids), next_line(page, second_ids) + 24)
    # the road photo under the second article
    road_top = next_line(page, second_ids)
    band_top = column_top
    fifth_ids = place_across(qtbot, window, 1, 8, band_top + 3)  # the column's article under its band
    labels_top = next_line(page, fifth_ids)
    label_ids = place_across(qtbot, window, 1, 2, labels_top)  # the labels and credit line of the file
    assert session.tool == "select"
    texts = {page.frame(i).text for i in label_ids if isinstance(page.frame(i), CaptionFrame)}
    assert {"挂账督办", "整治前后"} <= texts and any("第284期" in t for t in texts)

    drop_files(canvas, [PHOTOS / "road.jpg"], view_point(canvas, column_left(page, 6) + 3, line_y(page, road_top) + 1))
    did("drop the road photo")
    assert any(isinstance(f, PhotoFrame) and f.image and f.image.endswith("road.jpg") for f in page.frames)

    # two 主题 at sizes of their own
    title_size(qtbot, window, first_ids[0], "小一")
    title_size(qtbot, window, fourth_ids[0], "二号")

    # the 城市管理 band: a tint, a text frame typed into
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_T, Qt.ShiftModifier)
    start = view_point(canvas, column_left(page, 1) + 1, line_y(page, band_top) + 1)
    end = view_point(canvas, column_left(page, 8) + page.grid.column_span(page.type_area, 8, 8)[1] - 1,
                     line_y(page, band_top + 2) + 1)
    drag(qtbot, canvas, start, end, modifier=Qt.AltModifier)
    did("tint: Shift+T, drag")
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_T)
    drag(qtbot, canvas, view_point(canvas, column_left(page, 1) + 3, line_y(page, band_top) + 2),
         view_point(canvas, column_left(page, 3) - 3, line_y(page, band_top + 2) - 1))
    type_chinese(canvas.text_editor, "城市管理")
    qtbot.keyClick(canvas.text_editor, Qt.Key_Return)
    did("text: T, drag, type 城市管理, Enter")

    # the series block, its singles and pairs dropped on it
    series_top = next_line(page, label_ids)
    bottom = page.grid.line_count(page.type_area)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_S)
    drag(qtbot, canvas, view_point(canvas, column_left(page, 3) + 1, line_y(page, series_top) + 1),
         view_point(canvas, page.type_area.right - 1, line_y(page, bottom) - 1))
    did("series: S, drag")
    series = next(f for f in page.frames if isinstance(f, SeriesFrame))
    inside = view_point(canvas, series.rect.x + series.rect.w / 2, series.rect.y + series.rect.h / 2)
    for k in range(1, 7):
        drop_files(canvas, [PHOTOS / f"supervise{k}.jpg"], inside)
        did(f"drop single {k}")
    for k in range(1, 5):
        drop_files(canvas, [PHOTOS / f"pair{k}-before.jpg", PHOTOS / f"pair{k}-after.jpg"], inside)
        did(f"drop pair {k}")
    series = session.issue.find_frame(series.id)[1]
    assert len(series.singles) == 6 and len(series.pairs) == 4
    assert not session.layout.report.overset, session.layout.report.overset

    # save, export the proof
    out = tmp_path / "seed-page.layout.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_S, Qt.ControlModifier)
    did("Ctrl+S")
    assert out.exists()
    saved = load(out)
    titles = {a.id: a.overrides.get("title", {}).get("size") for a in saved.articles}
    assert sorted(s for s in titles.values() if s) == ["二号", "小一"]
    proof = tmp_path / "seed-page-proof.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(proof), ""))
    action(window, "Export Proof (校样)…").trigger()
    did("Export Proof")
    qtbot.waitUntil(proof.exists, timeout=120_000)
    folder = os.environ.get("LAYOUT_TEST_OUT")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(folder) / "seed-page.layout.json")
        shutil.copy(proof, Path(folder) / "seed-page-proof.pdf")

    text = subprocess.run([require_tool("pdftotext"), "-raw", str(proof), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s+", "", text)
    seed = read(SAMPLE_TEXT)  # the seed as the importer cleans it (full-width punctuation)
    wanted = [t for a in seed.articles for t in (a.headline.kicker, a.headline.title, a.headline.subtitle,
                                                 a.byline, *(p.text for p in a.paragraphs)) if t]
    wanted += seed.labels + seed.credits
    missing = [t[:30] for t in wanted if re.sub(r"\s+", "", t) not in flat]
    assert not missing, missing
    assert PAPER in flat and "2023年2月15日" in flat and SECTION in flat

    print(f"seed page by hand: {len(ACTIONS)} actions")
