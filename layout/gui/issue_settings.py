"""File ▸ Issue Settings: the paper's name, the date, 期号 and 总期号, the edition and the
section of each page, made as one undo step; the folios, the masthead, the proof's slug
line and the press files' names follow them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from layout.edit import operations as ops
from layout.edit.change import Batch
from layout.model.document import Issue


class IssueSettingsDialog(QDialog):
    """The issue's settings, shown with the values it has."""

    def __init__(self, issue: Issue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issue Settings"))
        self.issue = issue
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.paper = QLineEdit(issue.paper)
        self.date = QDateEdit(QDate(issue.date.year, issue.date.month, issue.date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.number, self.serial = QSpinBox(), QSpinBox()
        for box, value in ((self.number, issue.number), (self.serial, issue.serial)):
            box.setRange(0, 999999)
            box.setSpecialValueText(self.tr("not set"))
            box.setValue(value)
        self.edition = QLineEdit(issue.edition)
        for label, widget in ((self.tr("Paper"), self.paper), (self.tr("Date"), self.date),
                              (self.tr("Issue number (期号)"), self.number),
                              (self.tr("Running number (总期号)"), self.serial), (self.tr("Edition"), self.edition)):
            form.addRow(label, widget)
        self.sections: list[QLineEdit] = []
        for page in issue.pages:
            line = QLineEdit(page.section)
            line.setPlaceholderText(self.tr("Section, e.g. 城市副中心·综合新闻"))
            form.addRow(self.tr("Page %1 section").replace("%1", str(page.number)), line)
            self.sections.append(line)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def change(self) -> Batch:
        """The edit that gives the issue the settings shown."""
        when = self.date.date()
        return ops.set_issue(self.issue, {i: line.text().strip() for i, line in enumerate(self.sections)},
                             paper=self.paper.text().strip(), date=date(when.year(), when.month(), when.day()),
                             number=self.number.value(), serial=self.serial.value(),
                             edition=self.edition.text().strip())
