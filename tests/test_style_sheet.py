"""The style sheet (样式表): a change of one article's style touches that article only, a
change of the style itself every article that uses it; styles are created, duplicated,
renamed, applied and overridden as undoable edits, and saved in the file."""

from __future__ import annotations

import pytest

from layout.edit import operations as ops
from layout.edit import stylesheet
from layout.edit.change import EditError
from layout.edit.session import EditorSession
from layout.engine.displaylist import GlyphRun, line_by_line
from layout.model.codec import issue_from_json, issue_to_json
from layout.store.fileformat import load
from layout.units import length
from tests.conftest import SAMPLE


def sizes(session: EditorSession, part: str) -> dict[str, set[float]]:
    """For each article on the pages, the type sizes its ``part`` (title, body …) is set in."""
    found: dict[str, set[float]] = {}
    for index in range(len(session.issue.pages)):
        session.page_index = index
        for item in line_by_line(session.page_display().items):
            if type(item) is GlyphRun and item.source is not None and item.source.part == part:
                found.setdefault(item.source.article, set()).add(round(item.size, 2))
    return found


@pytest.fixture
def session() -> EditorSession:
    return EditorSession(load(SAMPLE))


def test_changing_one_articles_title_to_xiaochu_changes_that_article_only(session):
    before = sizes(session, "title")
    assert len(before) >= 3
    chosen, *others = sorted(before)
    session.do(stylesheet.override_in_article(session.issue, chosen, "title", size="小初"))
    after = sizes(session, "title")
    assert after[chosen] == {round(length("小初"), 2)} != before[chosen]
    assert {a: after[a] for a in others} == {a: before[a] for a in others}
    assert session.issue.style("title").size == "一号"  # the style itself is as it was
    assert stylesheet.users(session.issue, "title").count == len(before)
    session.undo()
    assert sizes(session, "title") == before


def test_a_change_of_the_style_reaches_every_article_that_uses_it(session):
    before = sizes(session, "title")
    chosen = sorted(before)[0]
    session.do(stylesheet.override_in_article(session.issue, chosen, "title", size="小初"))
    session.do(ops.set_style(session.issue, "title", size="二号"))
    after = sizes(session, "title")
    two = round(length("二号"), 2)
    assert all(after[a] == {two} for a in after if a != chosen)
    assert after[chosen] == {round(length("小初"), 2)}  # its own size wins over the style's
    session.do(stylesheet.override_in_article(session.issue, chosen, "title", size=None))
    assert sizes(session, "title")[chosen] == {two}


def test_a_paragraphs_override_and_a_text_frames_override(session):
    article = next(a for a in session.issue.articles if len(a.paragraphs) > 2)
    session.do(stylesheet.override_in_paragraph(session.issue, article.id, 1, font="hei"))
    styled = session.issue.article(article.id)
    assert styled.paragraphs[1].overrides == {"font": "hei"} and not styled.paragraphs[2].overrides
    assert session.issue.style_in(styled, "body", styled.paragraphs[1]).font == "hei"
    assert session.issue.style_in(styled, "body", styled.paragraphs[2]).font == "song"
    page = session.issue.pages[0]
    session.do(ops.add_text_frame(session.issue, 0, page.grid.area(page.type_area, 1, 2, 5, 2), "挂账督办"))
    frame = page.frames[-1]
    session.do(stylesheet.override_in_frame(session.issue, frame.id, size="小四"))
    assert round(length("小四"), 2) in {round(i.size, 2) for i in line_by_line(session.page_display().items)
                                         if type(i) is GlyphRun and i.source and i.source.frame == frame.id}


def test_create_duplicate_rename_apply_and_delete_a_style(session):
    issue = session.issue
    session.do(stylesheet.new_style(issue, "栏目头", like="column-title", size="小二"))
    assert issue.styles["栏目头"].size == "小二" and issue.styles["栏目头"].font == "song-bold"
    session.do(stylesheet.duplicate_style(issue, "栏目头"))
    assert "栏目头 副本" in issue.styles
    page = issue.pages[0]
    session.do(ops.add_text_frame(issue, 0, page.grid.area(page.type_area, 1, 3, 6, 2), "城市管理"))
    frame = page.frames[-1]
    session.do(stylesheet.apply_style(issue, "栏目头 副本", frame_id=frame.id))
    session.do(stylesheet.rename_style(issue, "栏目头 副本", "城管栏目"))
    assert "栏目头 副本" not in issue.styles and issue.find_frame(frame.id)[1].style == "城管栏目"
    with pytest.raises(EditError):
        stylesheet.delete_style(issue, "城管栏目")  # in use
    with pytest.raises(EditError):
        stylesheet.rename_style(issue, "title", "大标题")  # the engine sets the 主题 by this name
    session.undo()
    assert "栏目头 副本" in issue.styles and issue.find_frame(frame.id)[1].style == "栏目头 副本"


def test_styles_and_overrides_go_through_the_file(session, tmp_path):
    issue = session.issue
    article = issue.articles[0]
    session.do(stylesheet.override_in_article(issue, article.id, "title", size="小初"))
    session.do(stylesheet.override_in_paragraph(issue, article.id, 0, font="kai"))
    session.do(stylesheet.new_style(issue, "报眉", like="folio", size="六号"))
    again = issue_from_json(issue_to_json(issue))
    assert again.article(article.id).overrides == {"title": {"size": "小初"}}
    assert again.article(article.id).paragraphs[0].overrides == {"font": "kai"}
    assert again.styles["报眉"].size == "六号"
    from layout.store.fileformat import save

    path = tmp_path / "styled.layout.json"
    save(issue, path)
    assert load(path).article(article.id).overrides == {"title": {"size": "小初"}}


def test_the_styles_dock_creates_edits_and_applies_a_style(qtbot, window, sample_copy, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    from tests.gui_helpers import type_chinese

    assert window.open_document(sample_copy)
    session, dock = window.session, window.styles
    window.styles_dock.raise_()
    page = session.issue.pages[0]
    session.do(ops.add_text_frame(session.issue, 0, page.grid.area(page.type_area, 1, 2, 5, 2), "城市管理"))
    frame = page.frames[-1]
    session.select([frame.id])
    dock.choose("label")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("栏目头", True))
    qtbot.mouseClick(dock.buttons["new"], Qt.LeftButton)
    assert dock.current() == "栏目头" and session.issue.styles["栏目头"].font == session.issue.styles["label"].font
    qtbot.mouseClick(dock.size.lineEdit(), Qt.LeftButton)
    dock.size.lineEdit().selectAll()
    type_chinese(dock.size.lineEdit(), "小二")
    qtbot.keyClick(dock.size.lineEdit(), Qt.Key_Return)
    assert session.issue.styles["栏目头"].size == "小二"
    qtbot.mouseClick(dock.buttons["apply"], Qt.LeftButton)
    assert session.issue.find_frame(frame.id)[1].style == "栏目头"
    assert "栏目头  (1)" in [dock.list.item(i).text() for i in range(dock.list.count())]
    assert round(length("小二"), 2) in {round(i.size, 2) for i in line_by_line(session.page_display().items)
                                         if type(i) is GlyphRun and i.source and i.source.frame == frame.id}
    for _ in range(3):
        window.document.undo_stack.undo()
    assert "栏目头" not in session.issue.styles


def test_an_override_of_a_size_that_is_no_length_is_refused(session):
    article = session.issue.articles[0]
    with pytest.raises(EditError):
        stylesheet.override_in_article(session.issue, article.id, "title", size="huge")
    with pytest.raises(EditError):
        stylesheet.override_in_frame(session.issue, "no-such-frame", size="小初")


def test_a_version_3_document_upgrades_to_4_and_reads_as_before():
    import json

    from layout.model.migrations import CURRENT_VERSION, migrate
    from layout.store.fileformat import from_dict, to_json_dict

    data = json.loads(json.dumps(to_json_dict(load(SAMPLE))))
    data["version"] = 3
    upgraded = migrate(data)
    assert upgraded["version"] == CURRENT_VERSION == 4
    issue = from_dict(upgraded)
    assert all(not a.overrides for a in issue.articles) and all(not p.master and not p.guides for p in issue.pages)
    assert (issue.number, issue.serial) == (0, 0)
