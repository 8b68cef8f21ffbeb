"""Copy, cut, paste and duplicate: frames, an article with its frames, photos and pairs, on
the page, in place, and into another open document, through the system clipboard (which
carries the plain text too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from layout.edit import clipboard
from layout.edit.session import EditorSession
from layout.gui.main_window import MainWindow
from layout.model.frames import CaptionFrame, HeadlineFrame, PhotoFrame, PhotoPairFrame, TextFrame
from layout.model.templates import new_issue
from layout.store.assets import photo_path
from layout.store.fileformat import load
from tests.conftest import SAMPLE
from tests.gui_helpers import action


def test_an_article_pasted_into_another_document_keeps_its_text_frames_and_photos(tmp_path):
    source = load(SAMPLE)
    article = next(a for a in source.articles if len(a.flow) >= 1)
    page = next(p for p in source.pages if p.frame(article.flow[0]))
    ids = [f.id for f in page.frames if f.id in article.flow
           or (isinstance(f, HeadlineFrame) and f.article == article.id)]
    photos = [f for p in source.pages for f in p.frames if isinstance(f, (PhotoFrame, PhotoPairFrame))][:2]
    clip = clipboard.clip_from_json(clipboard.clip_to_json(clipboard.copy_frames(source, ids + [f.id for f in photos])))
    assert article.paragraphs[0].text in clip.text
    target = EditorSession(new_issue("broadsheet"))
    target.issue.source = tmp_path / "other.layout.json"
    target.do(clipboard.paste(target.issue, clip, 0, in_place=True))
    pasted = [a for a in target.issue.articles]
    assert len(pasted) == 1 and pasted[0].paragraphs == article.paragraphs and pasted[0].id != ""
    new_frames = {f.id: f for f in target.issue.pages[0].frames}
    assert all(i in new_frames for i in pasted[0].flow) and len(pasted[0].flow) == len(article.flow)
    head = [f for f in new_frames.values() if isinstance(f, HeadlineFrame)]
    assert head and head[0].article == pasted[0].id
    for original in photos:
        copy = next(f for f in new_frames.values() if type(f) is type(original) and f.rect == original.rect)
        image = copy.image if isinstance(copy, PhotoFrame) else copy.pair.before.image
        first = original.image if isinstance(original, PhotoFrame) else original.pair.before.image
        assert photo_path(target.issue, image) == photo_path(source, first)  # the same file from the new folder
    assert not target.layout.report.overset.get(pasted[0].id)
    target.undo()
    assert not target.issue.articles
    assert len(target.issue.pages[0].frames) == len(new_issue("broadsheet").pages[0].frames)


def test_paste_on_the_same_page_moves_the_copy_and_duplicate_is_one_step():
    session = EditorSession(load(SAMPLE))
    frame = next(f for f in session.issue.pages[0].frames if isinstance(f, PhotoFrame))
    clip = clipboard.copy_frames(session.issue, [frame.id])
    session.do(clipboard.paste(session.issue, clip, 0))
    copy = session.issue.pages[0].frames[-1]
    assert copy.id != frame.id and copy.rect.x == frame.rect.x + clipboard.PASTE_OFFSET
    session.do(clipboard.paste(session.issue, clip, 0, in_place=True))
    assert session.issue.pages[0].frames[-1].rect == frame.rect
    count = len(session.issue.pages[0].frames)
    session.do(clipboard.duplicate(session.issue, [frame.id], 0))
    assert len(session.issue.pages[0].frames) == count + 1
    session.undo()
    assert len(session.issue.pages[0].frames) == count


def test_copy_in_one_window_and_paste_in_another(qtbot, window, sample_copy):
    assert window.open_document(sample_copy)
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    action(other, "broadsheet").trigger()
    issue = window.session.issue
    article = issue.articles[0]
    page_index = next(i for i, p in enumerate(issue.pages) if p.frame(article.flow[0]))
    window.show_page(page_index)
    window.canvas.set_selection(window.canvas.group_of(issue.pages[page_index].frame(article.flow[0])))
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key_C, Qt.ControlModifier)
    assert article.paragraphs[0].text in QApplication.clipboard().text()  # plain text for other programs
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    other.canvas.setFocus()
    qtbot.keyClick(other.canvas, Qt.Key_V, Qt.ControlModifier)
    pasted = other.session.issue.articles
    assert len(pasted) == 1 and pasted[0].paragraphs == article.paragraphs
    assert {f.id for f in other.session.selected_frames()} >= set(pasted[0].flow)
    assert any(isinstance(f, TextFrame) for f in other.session.selected_frames())

    QApplication.clipboard().setText("(通州区城市管理委员会发布 第284期)")
    qtbot.keyClick(other.canvas, Qt.Key_V, Qt.ControlModifier)
    frames = [f for f in other.session.issue.pages[0].frames if isinstance(f, CaptionFrame)]
    assert any("第284期" in f.text for f in frames)
    qtbot.keyClick(other.canvas, Qt.Key_Z, Qt.ControlModifier)
    assert not any("第284期" in f.text for f in other.session.issue.pages[0].frames if isinstance(f, CaptionFrame))
    other.close()
