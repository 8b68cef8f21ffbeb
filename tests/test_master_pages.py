"""Master pages (母版): pages that follow a master show its items (folio, rules, a 报眉);
a change of the master is seen on every page that follows it; an item detached on one
page is that page's own; all of it undoes exactly and goes through the file."""

from __future__ import annotations

import pytest

from layout.edit import operations as ops
from layout.edit.change import EditError
from layout.edit.masters import add_master_item, detach_master_item, follow_master, set_master_item
from layout.edit.session import EditorSession
from layout.engine.displaylist import RuleItem
from layout.model.frames import CaptionFrame
from layout.model.geometry import Rect
from layout.model.templates import new_issue
from layout.store.fileformat import dumps, load, save


def page_text(session: EditorSession, index: int) -> str:
    session.page_index = index
    return session.page_display().text()


def rules(session: EditorSession, index: int) -> list[RuleItem]:
    session.page_index = index
    return [i for i in session.page_display().items if isinstance(i, RuleItem)]


def test_a_master_change_is_seen_on_two_pages(tmp_path):
    session = EditorSession(new_issue("broadsheet", pages=3))
    issue = session.issue
    start = dumps(issue)
    for index in (1, 2):
        session.do(follow_master(issue, index, "broadsheet"))
        assert not issue.pages[index].frames  # its own copies went; the master's items show
    assert "第2版" in page_text(session, 1) and "第3版" in page_text(session, 2)  # the folio, per page
    before = [r.weight for r in rules(session, 1)]
    master = issue.templates["broadsheet"]
    band = Rect(master.margins.left, master.margins.top - 30, 200, 14)
    session.do(add_master_item(issue, "broadsheet", CaptionFrame("ear", band, text="城市副中心·综合新闻",
                                                                  style="folio")))
    session.do(set_master_item(issue, "broadsheet", "head-rule", weight=2.0))
    for index in (1, 2):
        assert "城市副中心·综合新闻" in page_text(session, index)
        assert 2.0 in [r.weight for r in rules(session, index)] and 2.0 not in before
    assert "城市副中心·综合新闻" not in page_text(session, 0)  # page 1 follows no master

    session.do(detach_master_item(issue, 2, "master:broadsheet:ear"))
    own = issue.pages[2].frames[0]
    assert isinstance(own, CaptionFrame) and "ear" in issue.pages[2].detached
    session.do(ops.set_frame_text(issue, own.id, "报眉 of page 3"))
    session.do(set_master_item(issue, "broadsheet", "ear", text="城市管理"))
    assert "城市管理" in page_text(session, 1) and "报眉 of page 3" in page_text(session, 2)
    assert "城市管理" not in page_text(session, 2)

    path = tmp_path / "masters.layout.json"
    save(issue, path)
    again = load(path)
    assert again.pages[2].master == "broadsheet" and again.pages[2].detached == ["ear"]
    assert [f.id for f in again.templates["broadsheet"].frames][-1] == "ear"
    for _ in range(7):
        session.undo()
    issue.revision = 0  # the save counted itself
    assert dumps(issue) == start
    with pytest.raises(EditError):
        follow_master(issue, 1, "no-such-master")


def test_a_master_change_shows_in_the_window_on_both_pages(qtbot, window):
    from tests.gui_helpers import action

    action(window, "broadsheet").trigger()
    action(window, "Add page: broadsheet").trigger()
    action(window, "Add page: broadsheet").trigger()
    for index in (1, 2):
        window.show_page(index)
        action(window, "Follow master: broadsheet").trigger()
    session = window.session
    assert session.issue.pages[1].master == session.issue.pages[2].master == "broadsheet"
    session.do(set_master_item(session.issue, "broadsheet", "head-rule", weight=3.0))
    for index in (1, 2):
        assert 3.0 in [r.weight for r in rules(session, index)]


def test_the_preflight_snapshot_sees_a_master_change():
    session = EditorSession(new_issue("broadsheet", pages=2))
    session.do(follow_master(session.issue, 1, "broadsheet"))
    session.snapshot()
    session.do(set_master_item(session.issue, "broadsheet", "head-rule", weight=2.5))
    snap = session.snapshot()
    assert next(f for f in snap.templates["broadsheet"].frames if f.id == "head-rule").weight == 2.5
    assert snap.templates is not session.issue.templates
