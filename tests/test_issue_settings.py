"""Issue settings in the window (paper name, date, 期号/总期号, edition, the section of each
page): one undo step, and the folios, the masthead, the proof's slug line and the press
files' names follow them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from layout.edit import operations as ops
from layout.edit.change import EditError
from layout.edit.session import EditorSession
from layout.export.pdf_export import file_name
from layout.export.proof import ProofInfo, slug_items
from layout.model.codec import issue_from_json, issue_to_json
from layout.model.templates import new_issue
from tests.gui_helpers import action


def test_issue_settings_reach_the_folio_masthead_slug_and_press_names():
    session = EditorSession(new_issue("broadsheet", pages=2))
    session.do(ops.set_issue(session.issue, {1: "城市副中心·综合新闻"}, paper="北京城市副中心报",
                             date=date(2023, 2, 15), number=712, serial=2345))
    issue = session.issue
    session.page_index = 0
    front = session.page_display().text()
    assert "北京城市副中心报" in front and "2023年2月15日" in front and "第712期 总第2345期" in front
    session.page_index = 1
    inner = session.page_display()
    assert "第2版 城市副中心·综合新闻" in inner.text() and "北京城市副中心报" in inner.text()
    slug = slug_items(issue, inner, ProofInfo(draft=1, revision=0, by="test", time="2023-02-14 22:00"))
    slug_text = "".join(getattr(i, "text", "") for i in slug)
    assert "北京城市副中心报" in slug_text and "2023年2月15日" in slug_text and "城市副中心·综合新闻" in slug_text
    assert file_name("{date:%Y%m%d}-{page:02d}.pdf", issue, 2) == "20230215-02.pdf"
    again = issue_from_json(issue_to_json(issue))
    assert (again.number, again.serial, again.pages[1].section) == (712, 2345, "城市副中心·综合新闻")
    session.undo()
    assert issue.paper == "新报纸" and issue.pages[1].section == ""
    with pytest.raises(EditError):
        ops.set_issue(issue, paper=" ")


def test_the_issue_settings_dialog_is_one_undo_step(qtbot, window):
    action(window, "broadsheet").trigger()
    dialog = window.edit_issue_settings()
    qtbot.waitExposed(dialog)
    dialog.paper.selectAll()
    qtbot.keyClicks(dialog.paper, "Tongzhou Daily")
    dialog.date.setDate(QDate(2023, 2, 15))
    dialog.sections[0].setFocus()
    qtbot.keyClicks(dialog.sections[0], "News")
    qtbot.keyClick(dialog, Qt.Key_Return)
    issue = window.session.issue
    assert issue.paper == "Tongzhou Daily" and issue.date == date(2023, 2, 15) and issue.pages[0].section == "News"
    assert "Tongzhou Daily" in window.session.page_display().text()
    window.document.undo_stack.undo()
    assert issue.paper != "Tongzhou Daily" and issue.pages[0].section == ""
