"""The file store: an issue is one ``*.layout.json`` file, locked whole by ``.NAME.lock`` beside it.

Reads check the whole file (``layout.store.fileformat``), saves are atomic and
keep ``NAME.bak``, the revision check compares the file's bytes with those
read, and a lock for any part of the issue locks the whole file.
"""

from __future__ import annotations

from pathlib import Path

from layout.model.document import Issue
from layout.store import fileformat, lock
from layout.store.base import ISSUE, Part, Store, Where
from layout.store.lock import DEFAULT_MAX_AGE, Lock, LockInfo


class FileStore(Store):
    """Issues in files, one designer at a time per file."""

    def read(self, where: Where) -> Issue:
        """The issue in the file ``where`` (see :func:`layout.store.fileformat.load`)."""
        return fileformat.load(where)

    def save(self, issue: Issue, where: Where | None = None, *, overwrite_changes: bool = False) -> None:
        """Save atomically to ``where`` or the file the issue was read from."""
        target = where if where is not None else issue.source
        if target is None:
            raise ValueError("an untitled issue needs a file to be saved to")
        fileformat.save(issue, target, overwrite_changes=overwrite_changes)

    def lock(self, where: Where, purpose: str, parts: tuple[Part, ...] = (ISSUE,), *, force: bool = False,
             wait: float = 0.0, max_age: float = DEFAULT_MAX_AGE) -> Lock:
        """The file's lock, whatever parts are asked for."""
        return lock.acquire(Path(where), purpose, force=force, wait=wait, max_age=max_age)

    def holder(self, where: Where, part: Part = ISSUE) -> LockInfo | None:
        """Who holds the file."""
        return lock.holder(where)

    def is_stale(self, info: LockInfo, max_age: float = DEFAULT_MAX_AGE) -> bool:
        """True when the holder's process is gone, or the lock is older than ``max_age``."""
        return lock.is_stale(info, max_age)
