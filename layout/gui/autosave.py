"""Autosave: a document with unsaved changes is written to its recovery file after a
quiet spell (60 s without a change by default; ``LAYOUT_AUTOSAVE_SECONDS`` sets it).

The recovery file (``layout.store.recovery``) lies beside the document; an
untitled or read-only document's goes under the cache folder. It is removed
when the document is clean again (saved, or undone to the saved state) and when
the document is closed.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from layout.engine.cache import cache_root
from layout.gui.document import EditorDocument
from layout.store import recovery

INTERVAL_ENV = "LAYOUT_AUTOSAVE_SECONDS"
DEFAULT_INTERVAL = 60.0  # seconds without a change before the recovery file is written


def interval() -> float:
    """Seconds of quiet after a change before autosaving."""
    return float(os.environ.get(INTERVAL_ENV) or DEFAULT_INTERVAL)


def unsaved_folder() -> Path:
    """Where the recovery files of documents without a file of their own go."""
    return cache_root() / "recovery"


class Autosave(QObject):
    """Writes one document's recovery file after each quiet spell that follows a change."""

    failed = Signal(str)

    def __init__(self, document: EditorDocument, beside: bool) -> None:
        super().__init__(document)
        self.document = document
        self.beside = beside  # False: the document is not ours to write beside (read-only)
        self.written: Path | None = None
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(round(interval() * 1000))
        self.timer.timeout.connect(self.write)
        document.laid_out.connect(self.timer.start)
        document.undo_stack.cleanChanged.connect(self._clean_changed)

    def target(self) -> Path:
        """The recovery file for the document as it is now."""
        path = self.document.path
        if path is not None and self.beside:
            return recovery.recovery_path(path)
        return recovery.unsaved_path(unsaved_folder(), path.name if path else "untitled")

    def write(self) -> None:
        """Write the recovery file now, if the document has unsaved changes."""
        if self.stopped or not self.document.modified:
            self.discard()
            return
        target = self.target()
        try:
            recovery.write(self.document.issue, target)
        except (OSError, ValueError) as exc:
            self.failed.emit(str(exc))
            return
        if self.written is not None and self.written != target:
            self.written.unlink(missing_ok=True)
        self.written = target

    def discard(self) -> None:
        """Remove the recovery file written (the work is saved, or given up)."""
        self.timer.stop()
        if self.written is not None:
            self.written.unlink(missing_ok=True)
            self.written = None

    def stop(self) -> None:
        """The document is no longer shown: remove the recovery file and write no more."""
        self.stopped = True
        self.discard()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
