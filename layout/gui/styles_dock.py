"""The styles dock (样式表): the issue's named styles with how many places use each; create,
duplicate, rename, delete, edit (face, size, alignment, colour) and apply one to the selected
text frame or the selected article's chosen paragraphs. Every change is one undo step, and a
change of a style reaches every place that uses it."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from layout.edit import operations as ops
from layout.edit import stylesheet
from layout.edit.change import Batch, Change
from layout.gui.session_view import SessionView
from layout.model.frames import CaptionFrame
from layout.model.styles import ALIGNMENTS, FONT_ROLES
from layout.units import HAO_SIZES_PT, UnitError, length

SIZE_CHOICES = [name for name, pt in HAO_SIZES_PT.items() if pt >= 5]


class StylesDock(QWidget, SessionView):
    """The issue's style sheet."""

    FOLLOWS: ClassVar[dict[str, str]] = {"laid_out": "refresh", "selection": "refresh"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda *_: self._show_style())
        self.list.itemDoubleClicked.connect(lambda _: self.apply())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("new", self.tr("New"), self.new), ("duplicate", self.tr("Duplicate"), self.duplicate),
                                ("rename", self.tr("Rename"), self.rename), ("delete", self.tr("Delete"), self.delete),
                                ("apply", self.tr("Apply"), self.apply)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(buttons)
        form = QFormLayout()
        self.face = QComboBox()
        for role, name in zip(FONT_ROLES, (self.tr("Song (宋)"), self.tr("Bold Song (标宋)"), self.tr("Hei (黑)"),
                                           self.tr("Bold Hei (大黑)"), self.tr("Kai (楷)")), strict=True):
            self.face.addItem(name, role)
        self.face.activated.connect(lambda _: self._change(font=self.face.currentData()))
        self.size = QComboBox()
        self.size.setEditable(True)
        self.size.addItems(SIZE_CHOICES)
        self.size.activated.connect(lambda _: self._size_changed())
        self.size.lineEdit().editingFinished.connect(self._size_changed)
        self.align = QComboBox()
        for value, name in zip(ALIGNMENTS, (self.tr("Justified"), self.tr("Left"), self.tr("Centred"),
                                            self.tr("Right")), strict=True):
            self.align.addItem(name, value)
        self.align.activated.connect(lambda _: self._change(align=self.align.currentData()))
        self.users = QLabel()
        self.users.setWordWrap(True)
        form.addRow(self.tr("Face"), self.face)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Alignment"), self.align)
        form.addRow(self.users)
        layout.addLayout(form)
        self.refresh()

    def session_shown(self) -> None:
        """Show the new session's style sheet."""
        self.refresh()

    # showing

    def current(self) -> str | None:
        """The name of the style chosen in the list."""
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def refresh(self) -> None:
        """List the styles (with how many places use each), keeping the one chosen."""
        chosen = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        issue = self.session.issue if self.session is not None else None
        for name in (issue.styles if issue is not None else {}):
            count = stylesheet.users(issue, name).count
            item = QListWidgetItem(f"{name}  ({count})")
            item.setData(Qt.UserRole, name)
            self.list.addItem(item)
            if name == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        for button in self.buttons.values():
            button.setEnabled(issue is not None)
        self._show_style()

    def _show_style(self) -> None:
        name = self.current()
        if self.session is None or name is None:
            self.users.setText("")
            return
        issue = self.session.issue
        style = issue.style(name)
        for box, value in ((self.face, style.font), (self.align, style.align)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.size.blockSignals(True)
        self.size.setCurrentText(str(style.size))
        self.size.blockSignals(False)
        use = stylesheet.users(issue, name)
        self.users.setText(self.tr("A change here reaches every place that uses %1: %2 articles, %3 text frames")
                           .replace("%1", name).replace("%2", str(len(use.articles)))
                           .replace("%3", str(len(use.frames))))

    # changing

    def _do(self, change: Change, text: str) -> bool:
        try:
            self.session.do(change, text)
        except ValueError as problem:
            self.session.say(str(problem))
            return False
        self.refresh()
        return True

    def choose(self, name: str) -> None:
        """Choose a style in the list by its name."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.UserRole) == name:
                self.list.setCurrentRow(row)

    def _change(self, **values) -> None:
        name = self.current()
        if self.session is None or name is None:
            return
        style = self.session.issue.style(name)
        if any(str(getattr(style, k)) != str(v) for k, v in values.items()):
            self._do(ops.set_style(self.session.issue, name, **values), self.tr("Style"))

    def _size_changed(self) -> None:
        text = self.size.currentText().strip()
        try:
            length(text)
        except UnitError as problem:
            if self.session is not None:
                self.session.say(str(problem))
            self._show_style()
            return
        self._change(size=text)

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def new(self) -> None:
        """A new style, like the one chosen (or the body)."""
        if self.session is None:
            return
        name = self._ask(self.tr("New style"), self.tr("Name of the new style:"))
        if name and self._do(stylesheet.new_style(self.session.issue, name, like=self.current() or "body"),
                             self.tr("New style")):
            self.choose(name)

    def duplicate(self) -> None:
        """A copy of the chosen style."""
        name = self.current()
        if self.session is not None and name is not None:
            before = set(self.session.issue.styles)
            if self._do(stylesheet.duplicate_style(self.session.issue, name), self.tr("Duplicate style")):
                self.choose(next(iter(set(self.session.issue.styles) - before)))

    def rename(self) -> None:
        """Rename the chosen style (everything that uses it follows)."""
        name = self.current()
        if self.session is None or name is None:
            return
        new = self._ask(self.tr("Rename style"), self.tr("New name:"), name)
        if new and new != name and self._do(stylesheet.rename_style(self.session.issue, name, new),
                                            self.tr("Rename style")):
            self.choose(new)

    def delete(self) -> None:
        """Delete the chosen style, when nothing uses it."""
        name = self.current()
        if self.session is not None and name is not None:
            self._do(stylesheet.delete_style(self.session.issue, name), self.tr("Delete style"))

    def apply(self) -> None:
        """Give the selected text frames the chosen style."""
        name = self.current()
        if self.session is None or name is None:
            return
        frames = [f for f in self.session.selected_frames() if isinstance(f, CaptionFrame)]
        if not frames:
            self.session.say(self.tr("Select a text frame to apply the style to"))
            return
        issue = self.session.issue
        changes = [stylesheet.apply_style(issue, name, frame_id=f.id) for f in frames]
        self._do(Batch(changes, "apply style"), self.tr("Apply style"))
