"""The corrections dock: a marked proof's corrections accepted, rejected and answered with real clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from layout.gui.main_window import MainWindow
from tests.test_corrections import AUTHOR, mark_proof


@pytest.fixture
def marked(sample_copy, tmp_path):
    """The sample's proof marked as in tests/test_corrections.py."""
    return mark_proof(sample_copy, tmp_path)


def _row(dock, kind: str) -> int:
    return next(i for i, c in enumerate(dock.corrections) if c.kind == kind)


def test_dock_accepts_a_replace_as_one_undo_step_and_records_answers(qtbot, marked, monkeypatch, tmp_path):
    document, pdf, (_, replace, _, _, _) = marked
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_document(document)
    window.resize(1400, 950)
    window.show()
    qtbot.waitExposed(window)
    dock = window.corrections
    dock.open_proof(pdf)
    assert dock.list.count() == 5
    article_id, index, start, word = replace
    before = window.session.issue.article(article_id).paragraphs[index].text
    dock.list.setCurrentRow(_row(dock, "replace"))
    assert set(window.canvas.selection) & set(window.session.issue.article(article_id).flow)  # shown at its place
    number = window.session.issue.pages[window.canvas.page_index].number
    marks = window.canvas.correction_marks[number]
    assert len(marks) == 5  # every open correction is marked on the page
    [(box, _)] = [m for m in marks if m[1]]
    size = window.session.issue.style("body").size_pt
    assert 3.5 * size < box.w < 4.6 * size  # the four characters of the replaced word
    qtbot.mouseClick(dock.accept_button, Qt.LeftButton)
    after = window.session.issue.article(article_id).paragraphs[index].text
    assert after == before[:start] + "替换文字" + before[start + 4:]
    assert "[" in dock.list.item(_row(dock, "replace")).text()
    window.document.undo_stack.undo()
    assert window.session.issue.article(article_id).paragraphs[index].text == before
    assert window.session.issue.corrections == []
    window.document.undo_stack.redo()
    monkeypatch.setattr("layout.gui.corrections_dock.QInputDialog.getText", lambda *a, **k: ("已改", True))
    dock.list.setCurrentRow(_row(dock, "note"))
    qtbot.mouseClick(dock.reply_button, Qt.LeftButton)
    dock.list.setCurrentRow(_row(dock, "highlight"))
    qtbot.mouseClick(dock.reject_button, Qt.LeftButton)
    states = {t.kind: t.state for t in window.session.issue.corrections}
    assert states == {"replace": "accepted", "note": "open", "highlight": "rejected"}
    note = next(t for t in window.session.issue.corrections if t.kind == "note")
    assert [r.text for r in note.replies] == ["已改"] and note.author == AUTHOR
    assert "↳" in dock.list.item(_row(dock, "note")).text()
    window.grab().save(str(tmp_path / "dock.png"))


def test_a_proof_exported_from_the_editor_goes_into_the_trail_as_one_undo_step(qtbot, sample_copy, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_document(sample_copy)
    assert window.export_to("proof", str(tmp_path / "proof.pdf")) == [tmp_path / "proof.pdf"]
    [record] = window.session.issue.proofs
    assert record.draft == 1 and set(record.pages) == {str(p.number) for p in window.session.issue.pages}
    assert window.document.modified
    window.document.undo_stack.undo()
    assert window.session.issue.proofs == []
