"""The newsroom behind the storage layer's interface: ``store_for(address)`` gives this store.

It locks per part (a page by its number, a story by its article id) with PostgreSQL
advisory locks, and its revision check is per row (see :mod:`layout.store.newsroom.store`).
An issue read here remembers its session (its connection and the revisions it read), so
``save`` writes only what changed and holds only that.
"""

from __future__ import annotations

from typing import ClassVar

from layout.model.document import Issue
from layout.store.base import ISSUE, LockInfo, Part, Store, Where
from layout.store.lock import DEFAULT_MAX_AGE
from layout.store.newsroom.address import NewsroomError, parse
from layout.store.newsroom.store import Holder, IssueSession, Newsroom


class PartsLock:
    """The parts a program holds in the newsroom, on its own connection (closing it lets go)."""

    def __init__(self, session: IssueSession) -> None:
        self.session = session

    def held(self) -> bool:
        """True while the connection (and so every lock on it) is alive."""
        return not self.session.newsroom.conn.closed

    def release(self) -> None:
        """Let go of everything this program holds on the issue."""
        self.session.newsroom.close()

    def __enter__(self) -> PartsLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _info(holder: Holder, purpose: str = "") -> LockInfo:
    return LockInfo(holder.user, holder.host, holder.pid, holder.since.timestamp(), purpose, "")


class NewsroomStore(Store):
    """Issues in a newsroom database: many people on one issue, each holding the parts they change."""

    lock_kinds: ClassVar[frozenset[str]] = frozenset({"issue", "page", "story"})

    def __init__(self) -> None:
        self._sessions: dict[int, tuple[IssueSession, str]] = {}  # id(issue) -> its session and purpose

    def _session(self, where: Where) -> IssueSession:
        return IssueSession(Newsroom(parse(str(where))))

    def read(self, where: Where) -> Issue:
        """The issue at the address, as one consistent snapshot (nothing held)."""
        session = self._session(where)
        issue = session.load()
        self._sessions[id(issue)] = (session, "")
        return issue

    def open(self, where: Where, purpose: str, parts: tuple[Part, ...] = (ISSUE,), *, force: bool = False,
             wait: float = 0.0) -> tuple[Issue, PartsLock]:
        """Read the issue and hold ``parts`` on the same connection (HeldError naming a holder)."""
        session = self._session(where)
        try:
            issue = session.load()
            self._hold(session, parts)
        except BaseException:
            session.newsroom.close()
            raise
        self._sessions[id(issue)] = (session, purpose)
        return issue, PartsLock(session)

    def save(self, issue: Issue, where: Where | None = None, *, overwrite_changes: bool = False) -> None:
        """Save what changed since the issue was read here, holding it (ConflictError when a
        colleague saved a changed row meanwhile; HeldError when someone holds it)."""
        found = self._sessions.get(id(issue))
        if found is None:
            raise NewsroomError("this issue was not read from the newsroom; put a file issue in with "
                                "`layout newsroom add DOC URL`")
        session, purpose = found
        session.save(issue, [purpose] if purpose else [])

    def lock(self, where: Where, purpose: str, parts: tuple[Part, ...] = (ISSUE,), *, force: bool = False,
             wait: float = 0.0, max_age: float = DEFAULT_MAX_AGE) -> PartsLock:
        """Hold ``parts`` (the whole issue means its settings and styles) on a connection of their own."""
        session = self._session(where)
        try:
            session.load()
            self._hold(session, parts)
        except BaseException:
            session.newsroom.close()
            raise
        return PartsLock(session)

    def _hold(self, session: IssueSession, parts: tuple[Part, ...]) -> None:
        for part in parts:
            if part.kind == "page":
                session.hold_page(session.position(int(part.key)))
            elif part.kind == "story":
                session.newsroom.take(session.issue_id, "story", part.key, f"story {part.key}")
            else:
                session.newsroom.take(session.issue_id, "issue", "settings", "the issue's styles and settings")

    def holder(self, where: Where, part: Part = ISSUE) -> LockInfo | None:
        """Who holds ``part`` now (None when nobody does)."""
        session = self._session(where)
        try:
            session.load()
            if part.kind == "page":
                kind, target = "page", str(session.position(int(part.key)))
            elif part.kind == "story":
                kind, target = "story", part.key
            else:
                kind, target = "issue", "settings"
            found = session.newsroom.holder(session.issue_id, kind, target)
            return None if found is None else _info(found)
        finally:
            session.newsroom.close()

    def is_stale(self, info: LockInfo, max_age: float = DEFAULT_MAX_AGE) -> bool:
        """Never: a newsroom lock vanishes with its holder's connection, nobody takes one over."""
        return False
