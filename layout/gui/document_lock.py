"""The editor's hold on a document: its lock file (``layout.store.lock``), taken on open.

A document another designer holds opens read-only, naming them; a stale lock
(its editor gone on this host, or older than ``LAYOUT_LOCK_STALE_HOURS`` hours,
12 by default, from another host) is taken over after a question. Another
window of this same process shares the lock.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from layout.store import EDITOR, Lock, LockedError, LockInfo, store_for
from layout.store.lock import DEFAULT_MAX_AGE, LockFileError

STALE_ENV = "LAYOUT_LOCK_STALE_HOURS"
COMMAND_WAIT = 5.0  # seconds to wait for a command that is writing the document


def max_age() -> float:
    """Seconds after which a lock from another host counts as stale."""
    hours = os.environ.get(STALE_ENV)
    return float(hours) * 3600 if hours else DEFAULT_MAX_AGE


def describe(info: LockInfo) -> str:
    """Who holds a lock and since when, for a dialog."""
    since = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.time))
    text = QCoreApplication.translate("DocumentLock", "%1 on %2 (since %3)")
    return text.replace("%1", info.user).replace("%2", info.host).replace("%3", since)


def ours(info: LockInfo) -> bool:
    """True for a lock held by this very process (another window of this editor)."""
    return info.pid == os.getpid() and info.host == socket.gethostname()


def take(parent: QWidget, document: Path) -> tuple[Lock | None, bool]:
    """Take the document's lock, asking before taking over a stale one; (the lock or
    None, whether the document must open read-only)."""
    store = store_for(document)
    current = store.holder(document)
    if (current is not None and store.is_stale(current, max_age()) and not ours(current)
            and not _take_over(parent, current)):
        return None, True
    try:
        return store.lock(document, EDITOR, force=current is not None and ours(current), wait=COMMAND_WAIT,
                          max_age=max_age()), False
    except LockedError as exc:
        _read_only(parent, document, exc.holder)
        return None, True
    except LockFileError:
        return None, True  # a folder or a pipe where the lock goes: no save could take the lock
    except OSError:
        return None, False  # a folder we cannot write in: saving will say so


def hold(document: Path) -> Lock | None:
    """Take the lock of a file just saved under a new name (nobody live holds it); None if it cannot be."""
    try:
        return store_for(document).lock(document, EDITOR, max_age=max_age())
    except (LockedError, LockFileError, OSError):
        return None


def held_by_another(document: Path) -> LockInfo | None:
    """The live holder of a document's lock when it is not this process, else None."""
    store = store_for(document)
    info = store.holder(document)
    return None if info is None or ours(info) or store.is_stale(info, max_age()) else info


def _read_only(parent: QWidget, document: Path, info: LockInfo) -> None:
    """Tell the user who holds the document, and that it opens read-only."""
    title = QCoreApplication.translate("DocumentLock", "Opened read-only")
    text = QCoreApplication.translate("DocumentLock", "%1 is being edited by %2.\n\nIt opens read-only: you "
                                      "cannot save it, but you may save your changes under another name (Save As).")
    QMessageBox.information(parent, title, text.replace("%1", document.name).replace("%2", describe(info)))


def _take_over(parent: QWidget, info: LockInfo) -> bool:
    """Ask whether to take over a stale lock; True when the user agrees."""
    title = QCoreApplication.translate("DocumentLock", "Take over the lock?")
    text = QCoreApplication.translate("DocumentLock", "The document was locked by %1, whose editor seems to be "
                                      "gone.\n\nTake the lock over and edit it? (No opens it read-only.)")
    answer = QMessageBox.question(parent, title, text.replace("%1", describe(info)),
                                  QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
    return answer == QMessageBox.Yes
