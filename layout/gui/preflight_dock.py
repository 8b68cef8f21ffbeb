"""Preflight, live: the findings of ``layout preflight`` for the issue, worked out again in a
worker thread a moment after each change (never on the thread that takes the typing; the
worker touches no Qt object, its findings are collected on the GUI thread).
Double-clicking a finding shows its page and selects its frame or article."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from layout.edit import operations as ops
from layout.engine.page import LayoutEngine
from layout.export.preflight import ERROR, Finding, preflight
from layout.gui.session_view import SessionView

DEBOUNCE_MS = 150
COLLECT_MS = 20  # how often finished findings are looked for while a worker runs
ERROR_COLOUR = QColor(200, 0, 30)
WARNING_COLOUR = QColor(170, 110, 0)


class PreflightDock(QWidget, SessionView):
    """The issue's preflight findings, kept up to date."""

    counted = Signal(int, int)  # errors, warnings

    FOLLOWS: ClassVar[dict[str, str]] = {"laid_out": "changed"}

    def __init__(self, focus_page: Callable[[], None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus_page = focus_page  # gives the keyboard back to the page after a finding is shown
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(self._go_to)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.findings: list[Finding] = []
        self.last_seconds = 0.0  # from the change to the findings shown
        self._engine = LayoutEngine()  # used by one worker at a time
        self.generation = 0
        self.shown_generation = -1  # the change (counted in ``generation``) whose findings are shown
        self._changed_at = 0.0
        self._busy = threading.Lock()
        # Workers touch no Qt object: they leave their findings here, and a timer on the GUI
        # thread collects them (a closed window's dock, and its timer, are simply gone).
        self._done: queue.SimpleQueue = queue.SimpleQueue()
        self._running = 0
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_MS)
        self._collector.timeout.connect(self._collect)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    def session_shown(self) -> None:
        """Another document: check it."""
        self.changed()

    def changed(self) -> None:
        """The issue changed: check it again once the changes pause."""
        self._changed_at = time.perf_counter()
        self.generation += 1
        self._timer.start(DEBOUNCE_MS)

    def _start(self) -> None:
        document = self.session
        if document is None:
            return
        snapshot = document.snapshot()  # shares what no edit touched with the last one
        generation = self.generation
        self._running += 1
        self._collector.start()
        threading.Thread(target=self._work, args=(snapshot, generation), name="preflight", daemon=True).start()

    def _work(self, snapshot, generation: int) -> None:
        findings = None
        try:
            with self._busy:
                if generation == self.generation:  # else a newer change is on its way
                    findings = preflight(snapshot, laid=self._engine.layout(snapshot))
        finally:  # an error is a crash report (the thread hook); the dock still hears the worker ended
            self._done.put((generation, findings, time.perf_counter()))

    def _collect(self) -> None:
        """Show what the workers have finished (on the GUI thread)."""
        while not self._done.empty():
            generation, findings, finished = self._done.get()
            self._running -= 1
            if findings is not None:
                self._show(generation, findings, finished)
        if self._running == 0:
            self._collector.stop()

    def _show(self, generation: int, findings: list, finished: float) -> None:
        if generation != self.generation:
            return
        self.last_seconds = finished - self._changed_at
        self.shown_generation = generation
        self.findings = findings
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(str(finding))
            item.setForeground(QBrush(ERROR_COLOUR if finding.severity == ERROR else WARNING_COLOUR))
            self.list.addItem(item)
        errors = sum(1 for f in findings if f.severity == ERROR)
        warnings = len(findings) - errors
        self.summary.setText(self.tr("%1 errors, %2 warnings").replace("%1", str(errors))
                             .replace("%2", str(warnings)))
        self.counted.emit(errors, warnings)

    def _go_to(self, item: QListWidgetItem) -> None:
        """Show the finding's page and select what it is about."""
        finding = self.findings[self.list.row(item)]
        document = self.session
        numbers = [p.number for p in document.issue.pages]
        if finding.page in numbers:
            self.session.show_page(numbers.index(finding.page))
        kind, _, name = finding.object.partition(" ")
        page = self.page
        if kind == "frame" and page.frame(name) is not None:
            self.session.select([name])
        elif kind == "article":
            self.session.select(ops.article_frames(document.issue, name, page))
        self.focus_page()
