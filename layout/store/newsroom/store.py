"""An issue in the newsroom database: open, read, save with revision checks, hold and let go.

``Newsroom`` is one connection to the database, with the advisory locks it holds;
``IssueSession`` is one open issue on it: it remembers the revision of every row it
read, so a save writes only the pages, stories and settings that changed, each one
``UPDATE … WHERE revision = <the one read>`` in one transaction: a row another
person saved meanwhile refuses the whole save (:class:`ConflictError`), nothing is
overwritten silently. Before a row is written its page or story is held
(:class:`HeldError` names who has it when someone else does).
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import hashlib
import json
import os
import socket
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from layout.model.assets import image_holders
from layout.model.codec import (
    article_from_json,
    article_to_json,
    issue_head_fields,
    issue_head_to_json,
    issue_to_json,
    page_from_json,
    page_to_json,
    style_from_json,
    style_to_json,
)
from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.model.migrations import CURRENT_VERSION
from layout.store.assets import photo_path
from layout.store.base import RevisionConflict
from layout.store.fileformat import FORMAT_NAME, from_dict
from layout.store.newsroom import photos, schema
from layout.store.newsroom.address import Address, NewsroomError

CHANNEL = "layout_newsroom"
STATES = {"layout": "排版中", "proof": "待校", "proofed": "已校", "signed": "已签"}
CONNECT_TIMEOUT = 5


class HeldError(NewsroomError):
    """What a command needs is held by someone else."""

    def __init__(self, what: str, holder: Holder) -> None:
        self.holder = holder
        super().__init__(f"{what} is held by {holder}")


class ConflictError(NewsroomError, RevisionConflict):
    """A row changed in the database since it was read: the save was refused, nothing written."""


@dataclass(frozen=True)
class Holder:
    """Who holds a page, a story or the issue's settings."""

    user: str
    host: str
    since: datetime
    pid: int

    def __str__(self) -> str:
        return f"{self.user}@{self.host} since {self.since.astimezone():%Y-%m-%d %H:%M:%S} (pid {self.pid})"


def who() -> tuple[str, str]:
    """This person and machine (``LAYOUT_USER`` overrides the login name)."""
    return os.environ.get("LAYOUT_USER") or getpass.getuser(), socket.gethostname()


def lock_key(issue_id: int, kind: str, target: str) -> int:
    """The advisory lock key of a page, story or the settings of an issue (a signed 64-bit number)."""
    digest = hashlib.sha256(f"layout:{issue_id}:{kind}:{target}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def connect(address: Address) -> psycopg.Connection:
    """A connection to the newsroom database, or NewsroomError saying why not."""
    try:
        return psycopg.connect(address.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                               application_name="layout")
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[-1].strip() if str(exc).strip() else "no answer"
        raise NewsroomError(f"cannot reach the newsroom database {address.url}: {reason}") from None


_LIVE = """EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
           AND l.pid = h.backend_pid AND l.objsubid = 1
           AND l.classid = ((h.lock_key >> 32) & 4294967295)::oid
           AND l.objid = (h.lock_key & 4294967295)::oid)"""


class Newsroom:
    """One connection to the newsroom database and the pages and stories it holds."""

    def __init__(self, address: Address, *, check: bool = True) -> None:
        self.address = address
        self.user, self.host = who()
        self.conn = connect(address)
        self.held: set[tuple[int, str, str]] = set()
        if check:
            schema.check(self.conn)

    @property
    def name(self) -> str:
        """user@host, as the history and the holders name this person."""
        return f"{self.user}@{self.host}"

    def close(self) -> None:
        """Close the connection (every lock it held is let go)."""
        self.conn.close()
        self.held.clear()

    def __enter__(self) -> Newsroom:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- issues ------------------------------------------------------------------------------
    def issue_id(self, day: date | None = None, edition: str | None = None) -> int:
        """The id of the address's issue (NewsroomError when it is not in the database)."""
        day = day or self.address.issue
        edition = self.address.edition if edition is None else edition
        if day is None:
            raise NewsroomError(f"{self.address}: the address names no issue (add ?issue=YYYY-MM-DD)")
        rows = self.conn.execute("SELECT id, edition FROM issues WHERE issue_date = %s "
                                 "AND (%s::text IS NULL OR edition = %s) ORDER BY edition",
                                 (day, edition, edition)).fetchall()
        if not rows:
            raise NewsroomError(f"no issue of {day}{' ' + edition if edition else ''} in the newsroom "
                                "(`layout newsroom list URL` shows what there is)")
        if len(rows) > 1:
            editions = ", ".join(repr(r[1]) for r in rows)
            raise NewsroomError(f"the newsroom has {len(rows)} editions of {day} ({editions}): add &edition=…")
        return rows[0][0]

    def issues(self) -> list[dict[str, Any]]:
        """Every issue: date, edition, paper, number of pages and articles."""
        rows = self.conn.execute(
            "SELECT i.id, i.issue_date, i.edition, i.paper, "
            "(SELECT count(*) FROM pages p WHERE p.issue_id = i.id), "
            "(SELECT count(*) FROM articles a WHERE a.issue_id = i.id) FROM issues i "
            "ORDER BY i.issue_date DESC, i.edition").fetchall()
        return [{"id": r[0], "date": r[1].isoformat(), "edition": r[2], "paper": r[3], "pages": r[4],
                 "articles": r[5]} for r in rows]

    def add(self, issue: Issue) -> int:
        """Put a whole issue (read from a file) into the database, with its photos; its id."""
        source = issue
        issue = from_dict(json.loads(json.dumps({"format": FORMAT_NAME, "version": CURRENT_VERSION,
                                                 **issue_to_json(source)})))  # a copy to point at stored photos
        for page in issue.pages:
            for frame in page.frames:
                for holder in image_holders(frame):
                    if holder.image:
                        holder.image = self.upload(holder.image, source)
        settings, styles = _settings(issue), _styles(issue)
        with self.conn.transaction():
            row = self.conn.execute(
                "INSERT INTO issues (issue_date, edition, paper, settings, styles) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (issue_date, edition) DO NOTHING RETURNING id",
                (issue.date, issue.edition, issue.paper, Jsonb(settings), Jsonb(styles))).fetchone()
            if row is None:
                raise NewsroomError(f"the newsroom already has the issue of {issue.date}"
                                    f"{' ' + issue.edition if issue.edition else ''}")
            issue_id = row[0]
            for position, page in enumerate(issue.pages):
                self.conn.execute("INSERT INTO pages (issue_id, position, body, updated_by) VALUES (%s, %s, %s, %s)",
                                  (issue_id, position, Jsonb(page_to_json(page)), self.name))
            for ordinal, article in enumerate(issue.articles):
                self.conn.execute("INSERT INTO articles (issue_id, article_id, ordinal, body, updated_by) "
                                  "VALUES (%s, %s, %s, %s, %s)",
                                  (issue_id, article.id, ordinal, Jsonb(article_to_json(article)), self.name))
            self.record(issue_id, "issue", "", "add", 1, ["add issue"])
        return issue_id

    def upload(self, image: str, source: Issue) -> str:
        """A photo of ``source`` stored in the database; its stored path (a missing file stays as it is)."""
        if photos.is_stored(image):
            return image
        path = photo_path(source, image)
        try:
            return photos.upload(self.conn, path, self.name)
        except FileNotFoundError:
            return image  # a missing photo stays missing: preflight names it
        except (OSError, ValueError) as exc:
            raise NewsroomError(f"photo {image}: {exc}") from None

    def record(self, issue_id: int, kind: str, target: str, action: str, revision: int,
               operations: list[str]) -> None:
        """Append one line to the issue's history (inside the caller's transaction)."""
        self.conn.execute("INSERT INTO history (issue_id, user_name, host, kind, target, action, revision, "
                          "operations) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                          (issue_id, self.user, self.host, kind, target, action, revision, Jsonb(operations)))

    def history(self, issue_id: int, limit: int = 50) -> list[dict[str, Any]]:
        """The latest lines of an issue's history, newest first."""
        rows = self.conn.execute("SELECT at, user_name, host, kind, target, action, revision, operations "
                                 "FROM history WHERE issue_id = %s ORDER BY id DESC LIMIT %s",
                                 (issue_id, limit)).fetchall()
        return [{"at": r[0].isoformat(), "user": r[1], "host": r[2], "kind": r[3], "target": r[4],
                 "action": r[5], "revision": r[6], "operations": r[7]} for r in rows]

    # -- holding ------------------------------------------------------------------------------
    def take(self, issue_id: int, kind: str, target: str, what: str) -> None:
        """Hold a page, a story or the issue's settings; HeldError naming the holder when taken."""
        if (issue_id, kind, target) in self.held:
            return
        key = lock_key(issue_id, kind, target)
        if not self.conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]:
            raise HeldError(what, self.holder(issue_id, kind, target) or self._anonymous(key))
        self.conn.execute(
            "INSERT INTO holders (issue_id, kind, target, user_name, host, pid, backend_pid, lock_key) "
            "VALUES (%s, %s, %s, %s, %s, %s, pg_backend_pid(), %s) ON CONFLICT (issue_id, kind, target) DO UPDATE "
            "SET user_name = excluded.user_name, host = excluded.host, pid = excluded.pid, "
            "backend_pid = excluded.backend_pid, lock_key = excluded.lock_key, since = now()",
            (issue_id, kind, target, self.user, self.host, os.getpid(), key))
        self.held.add((issue_id, kind, target))
        self.notify(issue_id, "holder", f"{kind}:{target}", 0)

    def let_go(self, issue_id: int, kind: str, target: str) -> None:
        """Stop holding a page, story or the settings."""
        if (issue_id, kind, target) not in self.held:
            return
        self.conn.execute("DELETE FROM holders WHERE issue_id = %s AND kind = %s AND target = %s "
                          "AND backend_pid = pg_backend_pid()", (issue_id, kind, target))
        self.conn.execute("SELECT pg_advisory_unlock(%s)", (lock_key(issue_id, kind, target),))
        self.held.discard((issue_id, kind, target))
        self.notify(issue_id, "holder", f"{kind}:{target}", 0)

    def holder(self, issue_id: int, kind: str, target: str) -> Holder | None:
        """Who holds it now (None when nobody does; a dead program's row does not count)."""
        row = self.conn.execute(f"SELECT user_name, host, since, pid FROM holders h WHERE issue_id = %s "
                                f"AND kind = %s AND target = %s AND {_LIVE}", (issue_id, kind, target)).fetchone()
        return Holder(*row) if row else None

    def holders(self, issue_id: int) -> dict[tuple[str, str], Holder]:
        """Every live holder of the issue's pages, stories and settings."""
        rows = self.conn.execute(f"SELECT kind, target, user_name, host, since, pid FROM holders h "
                                 f"WHERE issue_id = %s AND {_LIVE}", (issue_id,)).fetchall()
        return {(r[0], r[1]): Holder(*r[2:]) for r in rows}

    def _anonymous(self, key: int) -> Holder:
        """The holder of a lock whose row is not written yet (it is being taken this instant)."""
        row = self.conn.execute(
            "SELECT a.usename, coalesce(a.client_hostname, host(a.client_addr), 'local'), a.backend_start, a.pid "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
            "AND l.granted AND l.objsubid = 1 AND l.classid = ((%s::bigint >> 32) & 4294967295)::oid "
            "AND l.objid = (%s::bigint & 4294967295)::oid", (key, key)).fetchone()
        return Holder(*row) if row else Holder("someone", "?", datetime.now().astimezone(), 0)

    # -- page states ----------------------------------------------------------------------------
    def set_state(self, issue_id: int, position: int, state: str) -> None:
        """Set the state (layout, proof, proofed, signed) of the page at ``position`` and tell everyone."""
        if state not in STATES:
            raise NewsroomError(f"a page's state is one of {', '.join(STATES)}, not {state!r}")
        with self.conn.transaction():
            row = self.conn.execute("UPDATE pages SET state = %s WHERE issue_id = %s AND position = %s "
                                    "RETURNING revision, body->>'number'", (state, issue_id, position)).fetchone()
            if row is None:
                raise NewsroomError(f"the issue has no page at place {position + 1}")
            self.record(issue_id, "page", row[1], "state", row[0], [state])
            self.notify(issue_id, "page", str(position), row[0])

    def notify(self, issue_id: int, kind: str, target: str, revision: int) -> None:
        """Tell every open editor that a row changed (delivered when the transaction commits)."""
        payload = json.dumps({"issue": issue_id, "kind": kind, "target": target, "revision": revision,
                              "by": self.name})
        self.conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


COLUMNS = ("paper", "date", "edition", "revision")  # the issue's fields that are columns of its row


def _settings(issue: Issue) -> dict[str, Any]:
    """The issue's own fields that are not columns: line breaking, templates (masters) and
    the editors' trail (proofs, sign-offs, corrections)."""
    return {key: value for key, value in issue_head_to_json(issue).items() if key not in COLUMNS}


def _styles(issue: Issue) -> dict[str, Any]:
    return {name: style_to_json(s) for name, s in issue.styles.items()}


@dataclass
class _Row:
    """A row as it was last read or written: its JSON and revision, and a copy of the model
    object it was made from (comparing objects finds an unchanged row much faster than
    turning it into JSON)."""

    body: Any
    revision: int
    ordinal: int = 0
    model: Any = None


def _copy(value: Any) -> Any:
    return copy.deepcopy(value)


def _json_copy(value: Any) -> Any:
    """A copy of a JSON value (dicts and lists copied, the rest immutable): a few times faster
    than ``copy.deepcopy``, which must handle any object."""
    if isinstance(value, dict):
        return {k: _json_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_copy(v) for v in value]
    return value


def _page_row(body: dict[str, Any], revision: int) -> _Row:
    """A page row as read or written, with a model made from its own copy of the JSON to compare
    the open page with (decoding is five times faster than deep-copying the open page; a page
    whose model differs only by how it round-trips is then compared as JSON, still rightly).
    ``body`` must share nothing with the open page (a fresh encoding, or a copy of the row)."""
    return _Row(body, revision, model=page_from_json(_json_copy(body)))


def _article_row(body: dict[str, Any], revision: int, ordinal: int) -> _Row:
    """A story row as read or written, as :func:`_page_row`."""
    return _Row(body, revision, ordinal, article_from_json(_json_copy(body)))


def _settings_model(issue: Issue) -> tuple:
    return (issue.number, issue.serial, issue.line_breaking, issue.templates, issue.styles, issue.proofs,
            issue.signoffs, issue.corrections)


@dataclass
class Changes:
    """What differs between the open issue and the rows it was read from."""

    pages: list[int] = field(default_factory=list)          # positions changed, added or removed
    articles: list[str] = field(default_factory=list)       # ids changed, added or removed
    settings: bool = False

    def __bool__(self) -> bool:
        return bool(self.pages or self.articles or self.settings)


class IssueSession:
    """One issue opened from the newsroom: load, hold what is changed, save, take colleagues' changes."""

    def __init__(self, newsroom: Newsroom, issue_id: int | None = None) -> None:
        self.newsroom = newsroom
        self.issue_id = issue_id if issue_id is not None else newsroom.issue_id()
        self.pages: list[_Row] = []
        self.articles: dict[str, _Row] = {}
        self.settings = _Row(None, 0)
        self._photos_here: set[str] = set()  # stored photos known to be on this machine

    @property
    def conn(self) -> psycopg.Connection:
        """The newsroom's connection."""
        return self.newsroom.conn

    def local_file(self) -> Path:
        """The file name the open issue goes by on this machine (beside the photo folder)."""
        address = self.newsroom.address
        tag = hashlib.sha256(address.url.encode()).hexdigest()[:12]
        return photos.photo_folder().parent / f"{tag}-{self.issue_id}.layout.json"

    def load(self) -> Issue:
        """The whole issue as one consistent snapshot, its photos on this machine."""
        with self.conn.transaction():
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            head = self.conn.execute("SELECT issue_date, edition, paper, settings, styles, revision, "
                                     "(SELECT count(*) FROM history WHERE issue_id = %s) FROM issues WHERE id = %s",
                                     (self.issue_id, self.issue_id)).fetchone()
            if head is None:
                raise NewsroomError(f"issue {self.issue_id} is no longer in the newsroom")
            pages = self.conn.execute("SELECT position, body, revision FROM pages WHERE issue_id = %s "
                                      "ORDER BY position", (self.issue_id,)).fetchall()
            articles = self.conn.execute("SELECT article_id, body, revision, ordinal FROM articles "
                                         "WHERE issue_id = %s ORDER BY ordinal, article_id",
                                         (self.issue_id,)).fetchall()
        day, edition, paper, settings, styles, revision, saves = head
        data = {"format": FORMAT_NAME, "version": CURRENT_VERSION, "line_breaking": "basic", "templates": {},
                **settings, "paper": paper, "date": day.isoformat(), "edition": edition, "revision": saves,
                "styles": styles, "articles": [r[1] for r in articles], "pages": [r[1] for r in pages]}
        try:
            issue = from_dict(data)
        except DocumentError as exc:
            raise NewsroomError(f"{self.newsroom.address}: {exc.problem}") from None
        self.settings = _Row((settings, styles), revision, model=_copy(_settings_model(issue)))
        self.pages = [_page_row(_json_copy(r[1]), r[2]) for r in pages]  # the issue shares the rows' JSON
        self.articles = {r[0]: _article_row(_json_copy(r[1]), r[2], r[3]) for r in articles}
        self._photos_here = {img for p in pages for img in _images(p[1])}
        photos.fetch_missing(self.conn, self._photos_here)
        issue.source = self.local_file()
        return issue

    # -- what changed -----------------------------------------------------------------------------
    def changes(self, issue: Issue) -> Changes:
        """The rows the open issue has changed since they were read or saved."""
        found = Changes()
        found.pages = [p for p in range(max(len(issue.pages), len(self.pages))) if self.page_changed(issue, p)]
        articles = {a.id: a for a in issue.articles}
        found.articles = [a for a in sorted(set(articles) | set(self.articles))
                          if self._article_differs(articles.get(a), self.articles.get(a))]
        found.settings = self.settings_changed(issue)
        return found

    def page_changed(self, issue: Issue, position: int) -> bool:
        """Whether the open issue changed (or added, or removed) the page at ``position``."""
        base = self.pages[position] if position < len(self.pages) else None
        page = issue.pages[position] if position < len(issue.pages) else None
        return base is None or page is None or (page != base.model and page_to_json(page) != base.body)

    def article_changed(self, issue: Issue, article_id: str) -> bool:
        """Whether the open issue changed (or added, or removed) this story."""
        return self._article_differs(issue.article(article_id), self.articles.get(article_id))

    @staticmethod
    def _article_differs(article: Any, base: _Row | None) -> bool:
        return base is None or article is None or (article != base.model and article_to_json(article) != base.body)

    def settings_changed(self, issue: Issue) -> bool:
        """Whether the open issue changed its styles or settings."""
        return (_settings_model(issue) != self.settings.model
                and (_settings(issue), _styles(issue)) != self.settings.body)

    def page_name(self, position: int) -> str:
        """A page as people call it: by its number (版次)."""
        if position < len(self.pages):
            return f"page {self.pages[position].body.get('number', position + 1)}"
        return f"new page {position + 1}"

    def position(self, number: int) -> int:
        """The place in the issue of the page with this number (NewsroomError when there is none)."""
        for position, row in enumerate(self.pages):
            if row.body.get("number") == number:
                return position
        numbers = ", ".join(str(r.body.get("number")) for r in self.pages)
        raise NewsroomError(f"the issue has no page {number} (it has {numbers})")

    def hold(self, changes: Changes) -> None:
        """Hold every page, story and the settings a change touches (HeldError naming a holder)."""
        take = self.newsroom.take
        for position in changes.pages:
            take(self.issue_id, "page", str(position), self.page_name(position))
        for article_id in changes.articles:
            take(self.issue_id, "story", article_id, f"story {article_id}")
        if changes.settings:
            take(self.issue_id, "issue", "settings", "the issue's styles and settings")

    def hold_page(self, position: int, issue: Issue | None = None) -> bool:
        """Hold one page (the designer has it on screen and is changing it); with ``issue``, the
        open copy then gets the page's newest version if it has not changed it (True when it did)."""
        self.newsroom.take(self.issue_id, "page", str(position), self.page_name(position))
        if issue is None or self.page_changed(issue, position):
            return False
        return self._take_page(issue, position)

    def hold_story(self, article_id: str, issue: Issue | None = None) -> bool:
        """Hold one story (an editor is changing its text); with ``issue``, as :meth:`hold_page`."""
        self.newsroom.take(self.issue_id, "story", article_id, f"story {article_id}")
        if issue is None or self.article_changed(issue, article_id):
            return False
        return self._take_article(issue, article_id)

    def save(self, issue: Issue, operations: list[str] | None = None) -> Changes:
        """Write what changed in one transaction; ConflictError (nothing written) when a row
        was saved by someone else since it was read; HeldError when someone holds it."""
        changes = self.changes(issue)
        if not changes:
            return changes
        self._store_photos(issue, changes.pages)
        self.hold(changes)
        operations = operations or []
        written: dict[str, Any] = {}
        rows = len(changes.pages) + len(changes.articles) + changes.settings
        # one row is one statement, atomic on its own; more rows are one transaction
        with self.conn.transaction() if rows > 1 else contextlib.nullcontext():
            for position in changes.pages:
                written[f"page:{position}"] = self._save_page(issue, position, operations)
            order = {a.id: n for n, a in enumerate(issue.articles)}
            for article_id in changes.articles:
                written[f"story:{article_id}"] = self._save_article(issue, article_id, order, operations)
            if changes.settings:
                written["settings"] = self._save_settings(issue, operations)
        self._remember(written)
        issue.revision += 1
        return changes

    def _store_photos(self, issue: Issue, positions: list[int]) -> None:
        """Put the photos newly placed on these pages into the database, pointing at them there."""
        for page in (issue.pages[p] for p in positions if p < len(issue.pages)):
            for frame in page.frames:
                for holder in image_holders(frame):
                    if holder.image and not photos.is_stored(holder.image):
                        holder.image = self.newsroom.upload(holder.image, issue)

    def _conflict(self, kind: str, what: str, where: str) -> ConflictError:
        row = self.conn.execute("SELECT user_name, host, at FROM history WHERE issue_id = %s AND kind = %s "
                                "AND target = %s ORDER BY id DESC LIMIT 1", (self.issue_id, kind, where)).fetchone()
        by = f" by {row[0]}@{row[1]} at {row[2].astimezone():%H:%M:%S}" if row else ""
        return ConflictError(f"{what} was changed{by} since you read it; nothing was saved "
                             "(take their version, then make your change again)")

    def _write(self, sql: str, params: tuple, kind: str, target: str, shown: str, action: str,
               operations: list[str]) -> int | None:
        """Write one row (``sql`` returns its new ``revision``), append its history line and tell
        everyone, in one statement (one round trip to the server); the revision, or None when
        the revision check found the row changed (nothing written)."""
        nr = self.newsroom
        row = self.conn.execute(
            f"WITH w AS ({sql}), h AS (INSERT INTO history (issue_id, user_name, host, kind, target, action, "
            "revision, operations) SELECT %s, %s, %s, %s, %s, %s, w.revision, %s FROM w RETURNING revision) "
            "SELECT h.revision, pg_notify(%s, json_build_object('issue', %s::int, 'kind', %s::text, "
            "'target', %s::text, 'revision', h.revision, 'by', %s::text)::text) FROM h",
            (*params, self.issue_id, nr.user, nr.host, kind, shown, action, Jsonb(operations),
             CHANNEL, self.issue_id, kind, target, nr.name)).fetchone()
        return None if row is None else row[0]

    def _save_page(self, issue: Issue, position: int, operations: list[str]) -> _Row | None:
        nr = self.newsroom
        base = self.pages[position] if position < len(self.pages) else None
        body = page_to_json(issue.pages[position]) if position < len(issue.pages) else None
        what, target = self.page_name(position), str(position)
        if base is None:
            sql, params, action = ("INSERT INTO pages (issue_id, position, body, updated_by) VALUES (%s, %s, %s, %s) "
                                   "ON CONFLICT DO NOTHING RETURNING revision",
                                   (self.issue_id, position, Jsonb(body), nr.name), "add")
        elif body is None:
            sql, params, action = ("DELETE FROM pages WHERE issue_id = %s AND position = %s AND revision = %s "
                                   "RETURNING revision + 1 AS revision", (self.issue_id, position, base.revision),
                                   "remove")
        else:
            sql, params, action = ("UPDATE pages SET body = %s, revision = revision + 1, updated_by = %s, "
                                   "updated_at = now() WHERE issue_id = %s AND position = %s AND revision = %s "
                                   "RETURNING revision",
                                   (Jsonb(body), nr.name, self.issue_id, position, base.revision), "change")
        shown = what.removeprefix("page ")
        revision = self._write(sql, params, "page", target, shown, action, operations)
        if revision is None:
            raise self._conflict("page", what, shown)
        return None if body is None else _page_row(body, revision)

    def _save_article(self, issue: Issue, article_id: str, order: dict[str, int],
                      operations: list[str]) -> _Row | None:
        nr = self.newsroom
        base = self.articles.get(article_id)
        article = issue.article(article_id)
        body = article_to_json(article) if article else None
        what = f"story {article_id}"
        ordinal = order.get(article_id, 0)
        if base is None:
            ordinal = self.conn.execute("SELECT coalesce(max(ordinal) + 1, 0) FROM articles WHERE issue_id = %s",
                                        (self.issue_id,)).fetchone()[0]
            sql, params, action = ("INSERT INTO articles (issue_id, article_id, ordinal, body, updated_by) "
                                   "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING revision",
                                   (self.issue_id, article_id, ordinal, Jsonb(body), nr.name), "add")
        elif body is None:
            sql, params, action = ("DELETE FROM articles WHERE issue_id = %s AND article_id = %s AND revision = %s "
                                   "RETURNING revision + 1 AS revision", (self.issue_id, article_id, base.revision),
                                   "remove")
        else:
            ordinal = base.ordinal
            sql, params, action = ("UPDATE articles SET body = %s, revision = revision + 1, updated_by = %s, "
                                   "updated_at = now() WHERE issue_id = %s AND article_id = %s AND revision = %s "
                                   "RETURNING revision",
                                   (Jsonb(body), nr.name, self.issue_id, article_id, base.revision), "change")
        revision = self._write(sql, params, "story", article_id, article_id, action, operations)
        if revision is None:
            raise self._conflict("story", what, article_id)
        return None if body is None else _article_row(body, revision, ordinal)

    def _save_settings(self, issue: Issue, operations: list[str]) -> _Row:
        settings, styles = _settings(issue), _styles(issue)
        revision = self._write("UPDATE issues SET settings = %s, styles = %s, revision = revision + 1 "
                               "WHERE id = %s AND revision = %s RETURNING revision",
                               (Jsonb(settings), Jsonb(styles), self.issue_id, self.settings.revision),
                               "issue", "settings", "settings", "change", operations)
        if revision is None:
            raise self._conflict("issue", "the issue's styles and settings", "settings")
        return _Row((settings, styles), revision, model=_copy(_settings_model(issue)))

    def _remember(self, written: dict[str, Any]) -> None:
        for key, row in written.items():
            kind, _, target = key.partition(":")
            if kind == "page":
                position = int(target)
                if row is None:
                    del self.pages[position:]
                elif position < len(self.pages):
                    self.pages[position] = row
                else:
                    self.pages.append(row)
            elif kind == "story":
                if row is None:
                    self.articles.pop(target, None)
                else:
                    self.articles[target] = row
            else:
                self.settings = row

    # -- colleagues' changes ------------------------------------------------------------------------
    def take_changes(self, issue: Issue, notices: list[dict[str, Any]]) -> list[str]:
        """Bring colleagues' saved rows into the open issue (rows changed here and not saved
        are kept); what was taken, as words."""
        taken: list[str] = []
        for notice in notices:
            if notice.get("issue") != self.issue_id or self._known(notice):
                continue
            kind, target = notice.get("kind"), str(notice.get("target"))
            if kind == "page" and not self.page_changed(issue, int(target)) and self._take_page(issue, int(target)):
                taken.append(self.page_name(int(target)))
            elif kind == "story" and not self.article_changed(issue, target) and self._take_article(issue, target):
                taken.append(f"story {target}")
            elif kind == "issue" and not self.settings_changed(issue) and self._take_settings(issue):
                taken.append("styles")
        return taken

    def _known(self, notice: dict[str, Any]) -> bool:
        """Whether the open copy already has the revision a notice of a changed row announces
        (a notice of one's own save, or of a row already taken): no need to read it again."""
        kind, target, revision = notice.get("kind"), str(notice.get("target")), notice.get("revision")
        if not isinstance(revision, int) or revision <= 0:
            return False
        if kind == "page" and target.isdigit() and int(target) < len(self.pages):
            return revision <= self.pages[int(target)].revision
        if kind == "story" and target in self.articles:
            return revision <= self.articles[target].revision
        return False

    def _take_page(self, issue: Issue, position: int) -> bool:
        row = self.conn.execute("SELECT body, revision FROM pages WHERE issue_id = %s AND position = %s",
                                (self.issue_id, position)).fetchone()
        known = self.pages[position].revision if position < len(self.pages) else 0
        if row is None or row[1] <= known and position < len(self.pages):
            return False
        self._fetch_photos(row[0])
        page = page_from_json(_json_copy(row[0]))  # the open page shares nothing with the row kept
        if position < len(issue.pages):
            issue.pages[position] = page
            self.pages[position] = _page_row(row[0], row[1])
        elif position == len(issue.pages):
            issue.pages.append(page)
            self.pages.append(_page_row(row[0], row[1]))
        else:
            return False
        return True

    def _fetch_photos(self, page_body: dict[str, Any]) -> None:
        """Bring a taken page's stored photos to this machine (those not already brought)."""
        images = set(_images(page_body)) - self._photos_here
        if images:
            photos.fetch_missing(self.conn, images)
            self._photos_here |= images

    def _take_article(self, issue: Issue, article_id: str) -> bool:
        row = self.conn.execute("SELECT body, revision, ordinal FROM articles WHERE issue_id = %s "
                                "AND article_id = %s", (self.issue_id, article_id)).fetchone()
        known = self.articles.get(article_id)
        if row is None:
            if known is None:
                return False
            issue.articles = [a for a in issue.articles if a.id != article_id]
            self.articles.pop(article_id)
            return True
        if known is not None and row[1] <= known.revision:
            return False
        article = article_from_json(_json_copy(row[0]))
        for n, existing in enumerate(issue.articles):
            if existing.id == article_id:
                issue.articles[n] = article
                break
        else:
            issue.articles.append(article)
        self.articles[article_id] = _article_row(row[0], row[1], row[2])
        return True

    def _take_settings(self, issue: Issue) -> bool:
        row = self.conn.execute("SELECT settings, styles, revision FROM issues WHERE id = %s",
                                (self.issue_id,)).fetchone()
        if row is None or row[2] <= self.settings.revision:
            return False
        settings, styles = row[0], row[1]
        for name, value in issue_head_fields(settings).items():
            setattr(issue, name, value)
        issue.styles = {n: style_from_json(s) for n, s in styles.items()}
        self.settings = _Row((settings, styles), row[2], model=_copy(_settings_model(issue)))
        return True

    def states(self) -> list[str]:
        """Each page's state (layout, proof, proofed, signed), in page order."""
        rows = self.conn.execute("SELECT state FROM pages WHERE issue_id = %s ORDER BY position",
                                 (self.issue_id,)).fetchall()
        return [r[0] for r in rows]


def _images(page_body: dict[str, Any]) -> list[str]:
    """The photo paths of a stored page."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            image = value.get("image")
            if isinstance(image, str):
                found.append(image)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(page_body)
    return found


class Listener:
    """A connection that hears colleagues' saves (LISTEN/NOTIFY), apart from the one that saves."""

    def __init__(self, address: Address, ignore_pid: int | None = None) -> None:
        self.conn = connect(address)
        self.conn.execute(f"LISTEN {CHANNEL}")
        self.ignore_pid = ignore_pid

    def poll(self, timeout: float = 0.0) -> list[dict[str, Any]]:
        """The notices that arrived (waiting up to ``timeout`` seconds for the first)."""
        notes = list(self.conn.notifies(timeout=timeout, stop_after=1)) if timeout else []
        notes += self.conn.notifies(timeout=0.0)
        return [{**json.loads(n.payload), "at_pid": n.pid} for n in notes if n.pid != self.ignore_pid]

    def close(self) -> None:
        """Stop listening."""
        self.conn.close()
