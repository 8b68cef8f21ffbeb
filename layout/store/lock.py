"""Who is writing a document: a lock file beside it, ``.NAME.lock``.

The lock is advisory: every program of this project that writes a document
takes it first (the editor for as long as the document is open, the command
line's writing commands while they write), and refuses a document whose lock
someone else holds. The file holds JSON: who (user, host, pid), since when, for
what (``editor`` or a command's name) and a token that tells one holder from
another.

A lock is stale, and may be taken over, when its process is gone (same host)
or it is older than ``max_age`` (another host, where the process cannot be
seen). ``force`` (the command line's ``--take-lock``) takes over a live lock too;
the one who had it then finds, when they save, that the file changed under them
(see ``fileformat.save``).

Use::

    with acquire(document, purpose="import-article", wait=30):
        issue = load(document)
        ...
        save(issue, document)

or ``lock = acquire(...)`` and ``lock.release()`` (the editor, on close);
``holder(document)`` says who has it, for a dialog.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import math
import os
import socket
import stat
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from layout.store.processes import alive

MAX_LOCK_BYTES = 65_536  # a lock file is a line of JSON
MAX_PID = 4_194_304  # the largest process number Linux gives (PID_MAX_LIMIT)
DEFAULT_MAX_AGE = 12 * 3600.0  # seconds: a lock from another host older than this is stale
EDITOR = "editor"
POLL = 0.05  # seconds between tries while waiting


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says: who holds the document, since when, for what."""

    user: str
    host: str
    pid: int
    time: float
    purpose: str
    token: str

    def __str__(self) -> str:
        since = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.time))
        return f"{self.user} on {self.host} (process {self.pid}, {self.purpose}) since {since}"


class LockFileError(ValueError):
    """Something that is not a lock file lies where the lock goes."""


class LockedError(Exception):
    """The document is held by someone else, who is named."""

    def __init__(self, document: Path, info: LockInfo) -> None:
        self.document = document
        self.holder = info
        super().__init__(f"{document}: is being written by {info}; wait, or take it over with --take-lock")


def lock_path(document: str | Path) -> Path:
    """The lock file of a document: ``.NAME.lock`` in the same folder (links followed)."""
    real = Path(os.path.realpath(document))
    return real.with_name(f".{real.name}.lock")


def holder(document: str | Path) -> LockInfo | None:
    """Who holds the document's lock, or None (no lock, or an unreadable one)."""
    return _read(lock_path(document))


def _read(path: Path) -> LockInfo | None:
    """The LockInfo in a lock file, or None (none, unreadable, or not what this program
    writes: a pid no process can have, a time that is not a finite number)."""
    try:
        data = json.loads(_read_regular(path))
        info = LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError, LockFileError):
        return None
    return info if _plausible(info) else None


def _read_regular(path: Path) -> bytes:
    """The bytes of a small regular file, opened without following a link or waiting on a pipe."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LockFileError(f"{path} is not a lock file")
        return handle.read(MAX_LOCK_BYTES)


def _plausible(info: LockInfo) -> bool:
    """True for what a lock of this program holds: text fields, a pid a process may have,
    a finite time."""
    texts = (info.user, info.host, info.purpose, info.token)
    return (all(isinstance(t, str) for t in texts) and type(info.pid) is int and 0 < info.pid <= MAX_PID
            and type(info.time) in (int, float) and math.isfinite(info.time))


def check_lock_entry(document: Path) -> None:
    """Refuse (LockFileError) when what lies where the lock goes is not a file a lock could
    be: a folder, a pipe, a device; it is left for the user to remove."""
    path = lock_path(document)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise LockFileError(f"{path}: a folder, a pipe or a device lies where the document's lock goes; "
                            "nothing was written (remove it, then try again)")


def is_stale(info: LockInfo, max_age: float = DEFAULT_MAX_AGE) -> bool:
    """True when the holder is gone: its process ended (this host) or, where that cannot
    be seen (another host, Windows), the lock is older than ``max_age`` seconds."""
    running = alive(info.pid) if info.host == socket.gethostname() else None
    if running is None:
        return time.time() - info.time > max_age
    return not running


@dataclass
class Lock:
    """A held lock; ``release`` (or leaving the ``with`` block) removes it if it is still ours."""

    document: Path
    info: LockInfo

    def held(self) -> bool:
        """True while the lock file is still ours (nobody took it over)."""
        current = holder(self.document)
        return current is not None and current.token == self.info.token

    def release(self) -> None:
        """Remove the lock file, unless someone took it over meanwhile."""
        if self.held():
            lock_path(self.document).unlink(missing_ok=True)

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(document: str | Path, purpose: str, *, force: bool = False, wait: float = 0.0,
            max_age: float = DEFAULT_MAX_AGE) -> Lock:
    """Take the document's lock for ``purpose``; LockedError if a live holder has it.

    A lock held by a command (not the editor) is waited for up to ``wait``
    seconds, as commands hold it only while they write. A stale lock is taken
    over; ``force`` takes over a live one too.
    """
    document = Path(document)
    check_lock_entry(document)
    mine = LockInfo(_user(), socket.gethostname(), os.getpid(), time.time(), purpose, uuid.uuid4().hex)
    deadline = time.monotonic() + wait
    while True:
        if _create(lock_path(document), mine):
            return Lock(document, mine)
        current = holder(document)
        if current is None or is_stale(current, max_age) or force:
            if _take_over(document, current, mine):
                return Lock(document, mine)
            continue
        if current.purpose == EDITOR or time.monotonic() >= deadline:
            raise LockedError(document, current)
        time.sleep(POLL)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def _encode(info: LockInfo) -> bytes:
    return (json.dumps(asdict(info), ensure_ascii=False) + "\n").encode("utf-8")


def _create(path: Path, info: LockInfo) -> bool:
    """Create the lock file if there is none; True when it is now ours. The file is
    written whole under a private name and linked into place, so nobody ever
    reads a lock half written."""
    private = path.with_name(f"{path.name}.{info.token}")
    try:
        private.write_bytes(_encode(info))  # a full disk leaves no half-written private file
        os.link(private, path)
    except FileExistsError:
        return False
    finally:
        private.unlink(missing_ok=True)
    return True


def _take_over(document: Path, old: LockInfo | None, mine: LockInfo) -> bool:
    """Replace the lock file ``old`` (stale, unreadable or forced) with ours; True when it is ours.

    The old file is first renamed to a name of our own, so of two programs
    taking over the same stale lock only one gets it; a lock that changed since
    it was judged is put back."""
    path = lock_path(document)
    grabbed = path.with_name(f"{path.name}.{mine.token}.old")
    try:
        os.rename(path, grabbed)
    except FileNotFoundError:
        return False
    try:
        taken = _read(grabbed)
        if taken != old:
            with contextlib.suppress(FileExistsError):
                os.link(grabbed, path)
            return False
    finally:
        grabbed.unlink(missing_ok=True)
    return _create(path, mine)
