"""Notice when another program changes the open document's file.

A QFileSystemWatcher watches the file and its folder: an atomic save replaces
the file (a new inode), which the watcher reports once and then forgets, so
the path is added again after every change. A change is real only when the
file's bytes differ from what the document last read or wrote
(``Issue.disk_digest``), so the editor's own saves never count.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from layout.gui.document import EditorDocument

SETTLE_MS = 150  # wait for a burst of changes (a save's rename, a slow writer) to end


class DiskWatcher(QObject):
    """Emits ``changed`` (with the new bytes' digest) when the document's file on disk
    is no longer what the document read or saved."""

    changed = Signal(str)

    def __init__(self, document: EditorDocument) -> None:
        super().__init__(document)
        self.document = document
        self.path = Path(os.path.realpath(document.path))
        self.ignored: str | None = None  # a digest the user already answered for
        self.stopped = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.addPath(str(self.path.parent))
        self._watch_file()
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.check)
        self.watcher.fileChanged.connect(self.settle.start)
        self.watcher.directoryChanged.connect(self.settle.start)

    def stop(self) -> None:
        """The document is no longer shown: watch nothing more."""
        self.settle.stop()
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        self.stopped = True

    def _watch_file(self) -> None:
        if str(self.path) not in self.watcher.files() and self.path.exists():
            self.watcher.addPath(str(self.path))

    def check(self) -> None:
        """Compare the file with the document's idea of it; emit ``changed`` if another wrote it."""
        if self.stopped:
            return
        self._watch_file()
        try:
            digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return  # gone or moved meanwhile: saving will write it again
        if digest not in (self.document.issue.disk_digest, self.ignored):
            self.ignored = digest
            self.changed.emit(digest)
