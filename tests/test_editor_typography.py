"""The headline desk's tools in the inspector, driven with real mouse and key events:
a title's 长体/扁体 scale, reverse type, balanced columns, a photo's text wrap, and the
story editor's overset in lines and characters (超出 N 行 M 字)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScrollArea

from layout.model.frames import HeadlineFrame, PhotoFrame, TextFrame
from tests.gui_helpers import view_point
from tests.test_headline_desk import EXAMPLE


def _open_example(window, tmp_path):
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE.parent, folder)
    assert window.open_document(folder / EXAMPLE.name)
    window.resizeDocks([window.inspector_dock], [700], Qt.Vertical)  # the designer pulls the inspector taller
    return window.session.issue.pages[0]


def _click_frame(qtbot, window, frame) -> None:
    canvas = window.canvas
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view_point(canvas, frame.rect.x + 12, frame.rect.y + 12))
    assert frame.id in canvas.selection


def _into_view(qtbot, widget) -> None:
    """Scroll the dock so that the widget shows, as a designer would."""
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()

    def shown() -> bool:
        parent.ensureWidgetVisible(widget)
        return not widget.visibleRegion().isEmpty()

    qtbot.waitUntil(shown, timeout=3000)


def _click(qtbot, box) -> None:
    _into_view(qtbot, box)
    qtbot.mouseClick(box, Qt.LeftButton, Qt.NoModifier, QPoint(8, box.height() // 2))


def _type_into(qtbot, spin, text: str) -> None:
    _into_view(qtbot, spin)
    qtbot.mouseClick(spin.lineEdit(), Qt.LeftButton)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)


def test_the_inspector_sets_a_title_scale_reverse_type_and_balanced_columns(qtbot, window, tmp_path):
    page = _open_example(window, tmp_path)
    head = next(f for f in page.frames if isinstance(f, HeadlineFrame) and f.article == "a3")
    _click_frame(qtbot, window, head)
    inspector = window.inspector
    assert inspector.title_scale.isVisible()
    _type_into(qtbot, inspector.title_scale, "90")  # this article's 主题 (the inspector's default, issue 19)
    assert window.session.issue.article("a3").overrides["title"]["hscale"] == 90.0
    inspector.scope.setFocus()  # now the style itself
    qtbot.keyClick(inspector.scope, Qt.Key_Down)
    _type_into(qtbot, inspector.title_scale, "80")
    assert window.session.issue.style(head.title_style).hscale == 80.0
    _click(qtbot, inspector.reverse)
    assert window.session.issue.pages[0].frame(head.id).reverse
    window.document.undo_stack.undo()
    assert not window.session.issue.pages[0].frame(head.id).reverse

    body = next(f for f in page.frames if isinstance(f, TextFrame) and f.id == "a1-body")
    _click_frame(qtbot, window, body)
    assert inspector.balance.isVisible() and not inspector.balance.isChecked()
    lines = window.session.layout.report.underset_lines["a1"]
    assert inspector.copy_fit.text() in (f"{lines} lines short", f"空 {lines} 行")
    _click(qtbot, inspector.balance)
    assert window.session.issue.article("a1").balance


def test_the_inspector_sets_a_photos_text_wrap(qtbot, window, tmp_path):
    page = _open_example(window, tmp_path)
    photo = next(f for f in page.frames if isinstance(f, PhotoFrame))
    _click_frame(qtbot, window, photo)
    _type_into(qtbot, window.inspector.wrap, "0")
    assert window.session.issue.pages[0].frame(photo.id).wrap == 0
    window.document.undo_stack.undo()
    assert window.session.issue.pages[0].frame(photo.id).wrap > 0
