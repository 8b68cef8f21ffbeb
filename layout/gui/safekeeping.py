"""Never lose work: the window's lock on its document, autosave to a recovery file,
the offer to restore it after a crash, and the question when another program
changes the file.

A window that only looks (``quiet``: a screenshot) takes no lock, writes no
recovery file and asks nothing.

The main window calls five hooks: ``opening`` (after a document is read, before
it is shown), ``attach`` (in ``set_document``), ``may_save`` and ``saved`` (around
a save) and ``close``; ``title_note`` marks a read-only document in the title.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from layout.gui import document_lock
from layout.gui.autosave import Autosave, unsaved_folder
from layout.gui.document import EditorDocument
from layout.gui.watcher import DiskWatcher
from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.store import Lock, recovery, store_for


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


def _same(a: Path | None, b: Path | None) -> bool:
    return a is not None and b is not None and os.path.realpath(a) == os.path.realpath(b)


class Safekeeping(QObject):
    """Keeps one window's document safe: lock, autosave, recovery and the file watcher."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: EditorDocument | None = None
        self.lock: Lock | None = None
        self.read_only = False
        self.autosave: Autosave | None = None
        self.watcher: DiskWatcher | None = None
        self.opened: Path | None = None  # the file the lock and the read-only state are about
        self._restored: Path | None = None  # the recovery file the document being opened came from
        self.quiet = False  # True: the window only looks (a screenshot), so it keeps nothing safe
        self._asking = False  # the changed-on-disk question is up

    # opening

    def opening(self, path: Path, issue: Issue) -> Issue:
        """Lock a document being opened (or open it read-only) and offer its recovery file;
        the issue to show."""
        if self.quiet:
            return issue
        self.release_lock()
        self.lock, self.read_only = document_lock.take(self.window, path)
        self.opened, self._restored = path, None
        found = None if self.read_only else recovery.pending(path)
        if found is None:
            return issue
        if found.newer and self._ask_restore(found):
            try:
                restored = recovery.restore(found, issue)
            except DocumentError as exc:
                QMessageBox.warning(self.window, self.tr("Cannot restore"), str(exc))
            else:
                self._restored = found.path
                return restored
        kept = recovery.keep_aside(found, path)
        self._status(self.tr("The recovered version is kept as %1").replace("%1", str(kept)))
        return issue

    def _ask_restore(self, found: recovery.Recovery) -> bool:
        return self._yes(self.tr("Restore unsaved changes?"),
                         self.tr("The editor stopped before this document was saved. A recovered version, saved "
                                 "automatically at %1, is newer than the file.\n\nRestore it? (No keeps it as a "
                                 ".recovered copy beside the document.)").replace("%1", _when(found.saved)))

    def offer_unsaved(self) -> None:
        """At a start without a document: offer the newest work of an untitled (or read-only)
        document that an editor which died left in the cache; declined, it is kept there."""
        found = None if self.quiet else next(iter(recovery.orphans(unsaved_folder())), None)
        if found is None:
            return
        if not self._ask_restore_unsaved(found):
            recovery.keep_unsaved_aside(found)
            return
        try:
            issue = store_for(found.path).read(found.path)
        except DocumentError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot restore"), str(exc))
            return
        issue.source = issue.disk_digest = None
        self.window.show_issue(issue)
        self.autosave.written = found.path
        self.document.undo_stack.resetClean()  # the restored edits are not saved yet

    def _ask_restore_unsaved(self, found: recovery.Recovery) -> bool:
        return self._yes(self.tr("Restore unsaved changes?"),
                         self.tr("The editor stopped before a document without a file was saved. Its recovered "
                                 "version was saved automatically at %1.\n\nRestore it? (No keeps it in %2.)")
                         .replace("%1", _when(found.saved)).replace("%2", str(found.path.parent)))

    def _yes(self, title: str, text: str) -> bool:
        """Ask a yes-or-no question (Yes is the default); True for Yes."""
        return QMessageBox.question(self.window, title, text, QMessageBox.Yes | QMessageBox.No,
                                    QMessageBox.Yes) == QMessageBox.Yes

    def attach(self, document: EditorDocument | None) -> None:
        """Keep ``document`` safe from now on, letting go of the one shown before (and of
        its lock, unless it is the same file again)."""
        same = document is not None and _same(document.path, self.opened)
        self._detach(keep_lock=same)
        self.document = document
        if not same:
            self.opened, self.read_only, self._restored = (document.path if document else None), False, None
        if document is None or self.quiet:
            return
        self.autosave = Autosave(document, beside=not self.read_only)
        self.autosave.failed.connect(lambda text: self._status(self.tr("Autosave failed: %1").replace("%1", text)))
        if self._restored is not None:
            self.autosave.written, self._restored = self._restored, None
            document.undo_stack.resetClean()  # the restored edits are not saved yet
        self._watch()

    def _watch(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self.watcher = None
        if self.document is not None and self.document.path is not None:
            self.watcher = DiskWatcher(self.document)
            self.watcher.changed.connect(self._changed_on_disk)

    def _detach(self, keep_lock: bool) -> None:
        if self.autosave is not None:
            self.autosave.stop()
        if self.watcher is not None:
            self.watcher.stop()
        self.autosave = self.watcher = None
        if not keep_lock:
            self.release_lock()

    def release_lock(self) -> None:
        """Let go of the document's lock, if it is held."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # saving

    def may_save(self, path: Path) -> bool:
        """True when the document may be saved to ``path``: a read-only document's own
        file, or a file another editor holds, is refused with a message."""
        if self.read_only and _same(path, self.opened):
            QMessageBox.warning(self.window, self.tr("Read-only"),
                                self.tr("This document is being edited by someone else, so it cannot be saved "
                                        "here. Use Save As to keep your changes under another name."))
            return False
        other = document_lock.held_by_another(path)
        if other is not None:
            QMessageBox.warning(self.window, self.tr("Cannot save"),
                                self.tr("%1 is being edited by %2. Choose another name.")
                                .replace("%1", path.name).replace("%2", document_lock.describe(other)))
        return other is None

    def saved(self, path: Path) -> None:
        """After a save: a document saved under a new name holds that file's lock and
        watches it (and is no longer read-only); a lock taken from us meanwhile is taken back."""
        if _same(path, self.opened) and self.lock is not None and self.lock.held():
            return
        self.release_lock()
        self.lock, self.opened, self.read_only = document_lock.hold(path), path, False
        if self.autosave is not None:
            self.autosave.beside = True
        self._watch()

    # closing

    def close(self) -> None:
        """The window closes: remove the recovery file and the lock."""
        self._detach(keep_lock=False)
        self.document = self.opened = None
        self.read_only = False

    def terminate(self) -> None:
        """The program is told to stop (SIGTERM, Ctrl+C): unsaved work goes to the recovery
        file at once and stays there to be offered next time; the lock is let go."""
        if self.autosave is not None:
            self.autosave.write()
            self.autosave.stopped = True
            self.autosave.timer.stop()
        if self.watcher is not None:
            self.watcher.stop()
        self.release_lock()

    def title_note(self) -> str:
        """Words for the window title: ' (read-only)' when the document is."""
        return self.tr(" (read-only)") if self.read_only and self.document is not None else ""

    # another program changed the file

    def _changed_on_disk(self, digest: str) -> None:
        document = self.document
        if document is None or self._asking:
            return
        self._asking = True
        try:
            reload = self._yes(self.tr("Changed on disk"),
                               self.tr("%1 was changed by another program.\n\nReload it (your unsaved changes "
                                       "are lost), or keep your version (saving it replaces theirs)?")
                               .replace("%1", document.path.name))
        finally:
            self._asking = False
        if reload:  # after this signal: the reload ends the watcher that sent it
            path = document.path
            QTimer.singleShot(0, self, lambda: self._reload(path))
        else:
            document.issue.disk_digest = digest
            document.undo_stack.resetClean()

    def _reload(self, path: Path) -> None:
        try:
            issue = store_for(path).read(path)
        except DocumentError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot open"), str(exc))
            return
        self.window.set_document(EditorDocument(issue, path))

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)
