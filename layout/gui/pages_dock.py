"""The pages of the issue as thumbnails: the current one marked, double-click to go there,
drag to reorder; add from a template, duplicate, delete; the page's number and section."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from layout.edit import operations as ops
from layout.gui.crash import contained
from layout.gui.session_view import SessionView
from layout.render.qt import QtPageRenderer

THUMB_HEIGHT = 150
THUMB_DELAY_MS = 250  # thumbnails are drawn again this long after the last change


class PageList(QListWidget):
    """Thumbnails that can be dragged into another order."""

    def __init__(self, dock: PagesDock) -> None:
        super().__init__()
        self.dock = dock
        self.setViewMode(QListWidget.IconMode)
        self.setFlow(QListWidget.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB_HEIGHT, THUMB_HEIGHT))
        self.setMovement(QListWidget.Snap)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setSelectionMode(QAbstractItemView.SingleSelection)

    @contained
    def dropEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """A page dragged to another place is a page move in the document (one undo step)."""
        source = self.currentRow()
        target = self.indexAt(event.position().toPoint()).row()
        event.ignore()
        if source >= 0:
            self.dock.move_page(source, self.count() - 1 if target < 0 else target)


class PagesDock(QWidget, SessionView):
    """Page thumbnails and page commands for the session's document."""

    FOLLOWS: ClassVar[dict[str, str]] = {"laid_out": "changed", "page": "mark_current", "selection": "mark_current"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QtPageRenderer()
        self.list = PageList(self)
        self.list.itemDoubleClicked.connect(lambda item: self.session and self.session.show_page(self.list.row(item)))
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.number.setKeyboardTracking(False)
        self.number.valueChanged.connect(lambda v: self._set_page(number=v))
        self.section = QLineEdit()
        self.section.editingFinished.connect(lambda: self._set_page(section=self.section.text()))
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add page"))
        self.add_button.setPopupMode(QToolButton.InstantPopup)
        self.add_menu = QMenu(self)
        self.add_menu.aboutToShow.connect(self._fill_templates)
        self.add_button.setMenu(self.add_menu)
        duplicate, delete = QPushButton(self.tr("Duplicate")), QPushButton(self.tr("Delete"))
        duplicate.clicked.connect(self.duplicate_page)
        delete.clicked.connect(self.delete_page)
        buttons = QHBoxLayout()
        for widget in (self.add_button, duplicate, delete):
            buttons.addWidget(widget)
        form = QFormLayout()
        form.addRow(self.tr("Page number"), self.number)
        form.addRow(self.tr("Section"), self.section)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        self.notes: dict[int, str] = {}  # a newsroom page's state and holder, by position
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.rebuild)

    def session_shown(self) -> None:
        """Another document: its thumbnails."""
        self.changed()

    def changed(self) -> None:
        """The document changed: draw the thumbnails again soon (once for a burst of changes)."""
        self._timer.start(THUMB_DELAY_MS)

    def rebuild(self) -> None:
        """One thumbnail a page, from the engine's display lists."""
        document = self.session
        self.list.blockSignals(True)
        self.list.clear()
        for display, page in zip(document.layout.pages if document else [], document.issue.pages if document else [],
                                 strict=True):
            item = QListWidgetItem(QIcon(self._thumbnail(display)), self._label(self.list.count(), page))
            item.setSizeHint(QSize(THUMB_HEIGHT + 20, THUMB_HEIGHT + 44))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.mark_current()

    def _label(self, index: int, page) -> str:
        number = self.tr("Page %1").replace("%1", str(page.number))
        label = f"{number} {page.section}".strip()
        note = self.notes.get(index)
        return f"{label}\n{note}" if note else label

    def set_notes(self, notes: dict[int, str]) -> None:
        """Show a line under each page's thumbnail (in a newsroom: its state and who holds it)."""
        self.notes = notes
        document = self.session
        pages = document.issue.pages if document else []
        for index in range(min(self.list.count(), len(pages))):
            self.list.item(index).setText(self._label(index, pages[index]))

    def _thumbnail(self, display) -> QPixmap:
        scale = THUMB_HEIGHT / display.height
        image = QImage(max(1, round(display.width * scale)), THUMB_HEIGHT, QImage.Format_RGB32)
        painter = QPainter(image)
        painter.scale(scale, scale)
        self.renderer.draw_page(painter, display)
        painter.end()
        return QPixmap.fromImage(image)

    def mark_current(self) -> None:
        """Mark the page shown, and show its number and section."""
        index = self.page_index
        if self.list.count() > index:
            self.list.setCurrentRow(index)
        page = self.page
        if page is not None:
            self.number.blockSignals(True)
            self.number.setValue(page.number)
            self.number.blockSignals(False)
            self.section.setText(page.section)

    def _fill_templates(self) -> None:
        self.add_menu.clear()
        document = self.session
        for name, template in sorted(document.issue.templates.items()) if document else []:
            self.add_menu.addAction(template.title, lambda n=name: self.add_page(n))

    def _do(self, change, text: str, show: int | None = None) -> None:
        try:
            self.session.do(change, text)
        except ValueError as problem:
            self.session.say(str(problem))
            return
        self.rebuild()
        if show is not None:
            self.session.show_page(show)

    def add_page(self, template: str) -> None:
        """A new page from a template, after the current one."""
        issue = self.session.issue
        position = self.page_index + 1
        self._do(ops.add_page(issue, template, position), self.tr("Add page"), position)

    def duplicate_page(self) -> None:
        """A copy of the current page after it."""
        if self.session is not None:
            index = self.page_index
            self._do(ops.duplicate_page(self.session.issue, index), self.tr("Duplicate page"), index + 1)

    def delete_page(self) -> None:
        """Delete the current page (undo brings it back)."""
        if self.session is not None:
            index = self.page_index
            self._do(ops.delete_page(self.session.issue, index), self.tr("Delete page"), max(0, index - 1))

    def move_page(self, source: int, target: int) -> None:
        """Move a page to another position."""
        if source != target:
            self._do(ops.move_page(self.session.issue, source, target), self.tr("Move page"), target)

    def _set_page(self, **values) -> None:
        page = self.page
        if page is None or all(getattr(page, k) == v for k, v in values.items()):
            return
        self._do(ops.set_page(self.session.issue, self.page_index, **values), self.tr("Page"))
