"""The main window: a page view in a scroll area, menus, and the layout report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QScrollArea, QWidget

from layout.engine.page import IssueLayout, LayoutEngine
from layout.gui.exporting import export, press_allowed
from layout.gui.page_view import PageView
from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.model.fileformat import load
from layout.render.qt import QtPageRenderer

ZOOM_STEP = 1.25


class MainWindow(QMainWindow):
    """Shows an issue's first page as the engine lays it out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = LayoutEngine()
        self.issue: Issue | None = None
        self.layout_result: IssueLayout | None = None
        self.page_index = 0
        self.view = PageView(QtPageRenderer())
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setAlignment(Qt.AlignCenter)
        scroll.setBackgroundRole(self.backgroundRole())
        self.setCentralWidget(scroll)
        self._build_menus()
        self.resize(1200, 900)
        self._update_title()

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Open…"), self.choose_file, QKeySequence.Open))
        file_menu.addAction(self._action(self.tr("&Export PDF…"), self.choose_export, "Ctrl+E"))
        file_menu.addAction(self._action(self.tr("Export &Proof (校样)…"), self.choose_proof))
        file_menu.addAction(self._action(self.tr("Export P&ress PDFs…"), self.choose_press))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.Quit))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self._action(self.tr("Zoom &In"), self.zoom_in, QKeySequence.ZoomIn))
        view_menu.addAction(self._action(self.tr("Zoom &Out"), self.zoom_out, QKeySequence.ZoomOut))
        view_menu.addAction(self._action(self.tr("&Actual Size"), lambda: self.view.set_zoom(1.0), "Ctrl+0"))
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("&Next Page"), lambda: self.show_page(self.page_index + 1),
                                         QKeySequence.MoveToNextPage))
        view_menu.addAction(self._action(self.tr("&Previous Page"), lambda: self.show_page(self.page_index - 1),
                                         QKeySequence.MoveToPreviousPage))

    def zoom_in(self) -> None:
        """Enlarge the page."""
        self.view.set_zoom(self.view.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Shrink the page."""
        self.view.set_zoom(self.view.zoom / ZOOM_STEP)

    def open_document(self, path: str | Path) -> bool:
        """Load and show a document; a broken file is reported, nothing else changes."""
        try:
            issue = load(path)
        except DocumentError as exc:
            QMessageBox.warning(self, self.tr("Cannot open"), str(exc))
            return False
        self.show_issue(issue)
        return True

    def show_issue(self, issue: Issue) -> None:
        """Lay out the issue and show its first page."""
        self.issue = issue
        self.layout_result = self.engine.layout(issue)
        self.page_index = 0
        self.show_page(0)
        self._report()

    def show_page(self, index: int) -> None:
        """Show the page at ``index`` (kept within the issue's pages)."""
        pages = self.layout_result.pages if self.layout_result else []
        if not pages:
            self.view.set_page(None)
            return
        self.page_index = max(0, min(index, len(pages) - 1))
        self.view.set_page(pages[self.page_index])
        self._update_title()

    def _report(self) -> None:
        report = self.layout_result.report if self.layout_result else None
        if report is None:
            return
        parts = [self.tr("Overset: %1 characters in %2").replace("%1", str(n)).replace("%2", a)
                 for a, n in report.overset.items()]
        if report.missing_chars:
            parts.append(self.tr("Missing from every font: %1").replace("%1", "".join(report.missing_chars)))
        if report.findings:
            parts.append(self.tr("%1 problems with frames").replace("%1", str(len(report.findings))))
        self.statusBar().showMessage("；".join(parts) if parts else self.tr("Layout OK"))

    def _update_title(self) -> None:
        name = self.issue.source.name if self.issue and self.issue.source else self.tr("No document")
        app_name = self.tr("Newspaper Layout")
        page = ""
        if self.layout_result and self.layout_result.pages:
            number = self.layout_result.pages[self.page_index].number
            page = " " + self.tr("page %1").replace("%1", str(number))
        self.setWindowTitle(f"{name}{page} — {app_name}")

    def choose_file(self) -> None:
        """Ask for a document and open it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), "", self.tr("Layout documents (*.layout.json)"))
        if path:
            self.open_document(path)

    def choose_export(self) -> None:
        """Ask for a PDF name and export the issue."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), "", "PDF (*.pdf)")
        self.export_to("screen", path)

    def choose_proof(self) -> None:
        """Ask for a PDF name and export the proof (校样)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Proof"), "", "PDF (*.pdf)")
        self.export_to("proof", path)

    def choose_press(self) -> None:
        """Ask for a folder and export the press PDFs, one a page, after preflight."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the press PDFs"))
        if folder and self.issue is not None and press_allowed(self, self.issue, self.engine):
            self.export_to("press", folder)

    def export_to(self, profile: str, target: str) -> list[Path]:
        """Export in a profile with a progress bar; problems are shown, not raised."""
        if self.issue is None or not target:
            return []
        try:
            written = export(self, self.issue, self.engine, profile, target)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return []
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", ", ".join(str(p) for p in written)))
        return written
