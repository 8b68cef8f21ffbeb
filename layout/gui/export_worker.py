"""Exports that run in a worker thread: a progress bar with Cancel, the window stays
responsive, and a cancelled export leaves nothing behind."""

from __future__ import annotations

import copy
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from layout.engine.page import LayoutEngine
from layout.export.outputs import check_replaceable, document_files
from layout.model.document import Issue

WATCH_MS = 30  # how often the GUI thread looks at a running export


class Cancelled(Exception):
    """The user cancelled the export."""


class ExportJob(QObject):
    """One export of an issue (a copy taken when it starts) in a profile, to a file or a folder.

    The worker thread touches no Qt object: it records its progress and outcome, and a
    timer on the GUI thread passes them on as signals (so a window closed meanwhile is safe)."""

    total = Signal(int)
    done = Signal(int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, issue: Issue, profile: str, target: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issue = copy.deepcopy(issue)
        self.issue.source = issue.source
        self.profile = profile
        self.target = Path(target)
        self._stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.written: list[Path] = []
        self.recorded = None  # a proof's record for the document's trail, once exported
        self.progress = (0, len(self.issue.pages))  # pages done, of how many
        self.outcome = ""  # "finished", "failed" or "cancelled" once the job ends
        self._problem = ""
        self._told = (0, 0)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.deliver)
        self._delivered = False

    def start(self) -> None:
        """Run the export in a worker thread."""
        self.thread = threading.Thread(target=self._run, name=f"export-{self.profile}", daemon=True)
        self.thread.start()
        self._watch.start()

    def deliver(self) -> None:
        """Pass the worker's progress and, once it ends, its outcome on as signals (GUI thread;
        the outcome once)."""
        if self.progress != self._told:
            self._told = self.progress
            self.total.emit(self.progress[1])
            self.done.emit(self.progress[0])
        if not self.outcome or self._delivered:
            return
        self._delivered = True
        self._watch.stop()
        if self.outcome == "finished":
            self.finished.emit([str(p) for p in self.written])
        elif self.outcome == "failed":
            self.failed.emit(self._problem)
        else:
            self.cancelled.emit()

    def cancel(self) -> None:
        """Ask the export to stop at the next page; what it wrote is taken away."""
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progress = (done, total)

    def _run(self) -> None:
        existed = self.target.exists()
        try:
            written = self._export()
        except Cancelled:
            if not existed and self.target.is_file():
                self.target.unlink()
            self.outcome = "cancelled"
        except (OSError, ValueError) as problem:
            self._problem = str(problem)
            self.outcome = "failed"
        else:
            self.written = written
            self.outcome = "finished"

    def _export(self) -> list[Path]:
        from layout.export.pdf_export import export_pages, export_pdf  # reportlab loads at the first export
        from layout.export.profiles import PROFILES
        from layout.export.trail import start_proof, user_name

        engine = LayoutEngine()
        if self.profile == "press":
            self.target.mkdir(exist_ok=True)
            return export_pages(self.issue, self.target, profile="press", engine=engine, progress=self._progress)[1]
        # the file dialog asked before replacing a file; the document and its backup are never replaced
        check_replaceable(self.target, force=True, keep=document_files(self.issue.source))
        proof = None
        if PROFILES[self.profile].slug:
            proof = start_proof(self.issue, engine.layout(self.issue), user_name(),
                                band=PROFILES[self.profile].watermark_band)
        export_pdf(self.issue, self.target, profile=self.profile, engine=engine, progress=self._progress, proof=proof)
        if self._stop.is_set():
            raise Cancelled
        if proof is not None:
            self.recorded = self.issue.proofs[-1]
        return [self.target]


def run_with_progress(parent: QWidget, job: ExportJob, title: str) -> QProgressDialog:
    """Show a progress dialog with Cancel for a job, and start it."""
    dialog = QProgressDialog(title, parent.tr("Cancel"), 0, max(1, len(job.issue.pages)), parent)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    job.total.connect(dialog.setMaximum)
    job.done.connect(dialog.setValue)
    dialog.canceled.connect(job.cancel)
    for signal in (job.finished, job.failed, job.cancelled):
        signal.connect(dialog.hide)  # close() would count as a cancel and reset the bar
        signal.connect(parent.activateWindow)
    job.start()
    return dialog
