"""The one interface through which documents are opened, read, saved and locked.

A store keeps issues and knows who is working on which part of one. The
:class:`FileStore` (``layout.store.filestore``) keeps an issue in one file with a
lock file beside it: one person holds the whole issue. A newsroom database keeps
the same issues so that several people hold different parts of one issue at
once, a designer page 3 and an editor a story on it: it locks per :class:`Part`
(a page or a story) and checks a save's revision per part. Callers always go
through this interface, asking for the parts they mean to change; a store that
locks more coarsely (the file store) locks the whole issue for any part.

The revision check: a store remembers, in the issue it returned, what it read
(the file store: the bytes' digest; a database: the revisions of the parts).
``save`` refuses with :class:`RevisionConflict` when the stored document changed
since, unless ``overwrite_changes``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.store.lock import DEFAULT_MAX_AGE, EDITOR, Lock, LockInfo

__all__ = ["EDITOR", "ISSUE", "Lock", "LockInfo", "Part", "RevisionConflict", "Store", "Where"]

Where = str | Path  # a document's address in its store: a path for files, an issue id for a database


@dataclass(frozen=True)
class Part:
    """What one lock covers: the whole issue, one page (by its number) or one story (by article id)."""

    kind: str  # "issue", "page" or "story"
    key: str = ""

    @classmethod
    def page(cls, number: int) -> Part:
        """The part that is page ``number``."""
        return cls("page", str(number))

    @classmethod
    def story(cls, article_id: str) -> Part:
        """The part that is the article ``article_id`` (its text, wherever it flows)."""
        return cls("story", article_id)


ISSUE = Part("issue")


class RevisionConflict(DocumentError):
    """The stored document changed since it was read; nothing was saved."""


class Store(ABC):
    """Where issues live: read, open (lock and read), save with a revision check, lock, unlock."""

    #: the kinds of part this store locks separately ("issue" only: a lock covers the whole issue)
    lock_kinds: ClassVar[frozenset[str]] = frozenset({"issue"})

    @abstractmethod
    def read(self, where: Where) -> Issue:
        """The issue at ``where``, remembering what was read for the revision check;
        DocumentError naming the place and the problem when it cannot be used."""

    @abstractmethod
    def save(self, issue: Issue, where: Where | None = None, *, overwrite_changes: bool = False) -> None:
        """Store the issue (at ``where``, or where it was read from); its revision goes up by one.
        RevisionConflict when the stored issue changed since it was read, unless ``overwrite_changes``."""

    @abstractmethod
    def lock(self, where: Where, purpose: str, parts: tuple[Part, ...] = (ISSUE,), *, force: bool = False,
             wait: float = 0.0, max_age: float = DEFAULT_MAX_AGE) -> Lock:
        """Hold ``parts`` of the issue for ``purpose``; LockedError naming who holds them."""

    @abstractmethod
    def holder(self, where: Where, part: Part = ISSUE) -> LockInfo | None:
        """Who holds ``part`` of the issue (for a store that locks coarsely: the whole issue), or None."""

    @abstractmethod
    def is_stale(self, info: LockInfo, max_age: float = DEFAULT_MAX_AGE) -> bool:
        """True when the holder of a lock is gone and it may be taken over."""

    def unlock(self, lock: Lock) -> None:
        """Let go of a lock (if nobody took it over meanwhile)."""
        lock.release()

    def open(self, where: Where, purpose: str, parts: tuple[Part, ...] = (ISSUE,), *, force: bool = False,
             wait: float = 0.0) -> tuple[Issue, Lock]:
        """Lock ``parts`` and read the issue: what a program that will change it does first.
        The lock is let go again when the issue cannot be read."""
        held = self.lock(where, purpose, parts, force=force, wait=wait)
        try:
            return self.read(where), held
        except BaseException:
            self.unlock(held)
            raise
