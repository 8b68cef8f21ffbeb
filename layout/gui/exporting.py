"""Exports from the editor, with a progress bar and preflight before press output."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from layout.engine.page import LayoutEngine
from layout.export.pdf_export import export_pages, export_pdf
from layout.export.preflight import ERROR, preflight
from layout.model.document import Issue


class ProgressBar:
    """A modal progress dialog fed by the exporters' page-by-page callback."""

    def __init__(self, parent: QWidget, title: str, pages: int) -> None:
        self.dialog = QProgressDialog(title, "", 0, max(1, pages), parent)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setValue(0)

    def __call__(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        label = QCoreApplication.translate("Exporting", "Page %1 of %2")
        self.dialog.setLabelText(label.replace("%1", str(done)).replace("%2", str(total)))
        QCoreApplication.processEvents()

    def close(self) -> None:
        """Take the dialog away."""
        self.dialog.close()


def press_allowed(parent: QWidget, issue: Issue, engine: LayoutEngine) -> bool:
    """Run preflight; on errors, list them and ask whether to export all the same."""
    errors = [f for f in preflight(issue, laid=engine.layout(issue)) if f.severity == ERROR]
    if not errors:
        return True
    listed = "\n".join(str(f) for f in errors[:12])
    found = QCoreApplication.translate("Exporting", "Preflight found %1 errors:").replace("%1", str(len(errors)))
    answer = QMessageBox.warning(parent, QCoreApplication.translate("Exporting", "Preflight"), f"{found}\n{listed}",
                                 QMessageBox.Cancel | QMessageBox.Ignore, QMessageBox.Cancel)
    return answer == QMessageBox.Ignore


def export(parent: QWidget, issue: Issue, engine: LayoutEngine, profile: str, target: str | Path) -> list[Path]:
    """Export with a progress bar; ``target`` is a folder for press, a file otherwise."""
    bar = ProgressBar(parent, QCoreApplication.translate("Exporting", "Exporting…"), len(issue.pages))
    try:
        if profile == "press":
            Path(target).mkdir(exist_ok=True)
            return export_pages(issue, target, profile="press", engine=engine, progress=bar)[1]
        export_pdf(issue, target, profile=profile, engine=engine, progress=bar)
        return [Path(target)]
    finally:
        bar.close()
