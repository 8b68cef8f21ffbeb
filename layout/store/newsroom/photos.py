"""Photos in the newsroom database, content-addressed by SHA-256.

Photos live in the database itself (``photos.data``, bytea), not in a shared folder:
the database is the one thing every desk machine already reaches, and one backup
or replica then holds the whole issue, photos and all, in a consistent state (a
shared folder can be missing, stale or half-copied when the rows are not). The
same photo used twice is stored once. The limits: PostgreSQL keeps a bytea value
up to 1 GB (a newspaper photo is 2–30 MB), and the database grows by every photo
ever placed (a year of a daily at 200 photos of 10 MB is about 700 GB). On a
desk machine each photo is kept once under the cache folder
(``~/.cache/layout/newsroom/photos/<sha256><suffix>``) for the renderer to read.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import psycopg

from layout.store.assets import check_photo_file
from layout.store.cachefolder import cache_root
from layout.store.newsroom.address import NewsroomError

PREFIX = "photos/"


def photo_folder() -> Path:
    """Where this machine keeps the newsroom's photos it has read: ``newsroom/photos`` in the
    program's cache folder (``$XDG_CACHE_HOME/layout``)."""
    return cache_root() / "newsroom" / "photos"


def stored_name(digest: str, suffix: str) -> str:
    """A photo's path as the stored document writes it."""
    return f"{PREFIX}{digest}{suffix.lower()}"


STORED = re.compile(r"photos/[0-9a-f]{64}(\.[A-Za-z0-9]+)?")


def is_stored(image: str) -> bool:
    """True for a path of the form ``photos/<sha256><suffix>``."""
    return STORED.fullmatch(image) is not None


def upload(conn: psycopg.Connection, path: Path, who: str) -> str:
    """Store a photo file (once, whoever else stores it too); its stored path."""
    check_photo_file(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    conn.execute("INSERT INTO photos (sha256, suffix, bytes, data, added_by) VALUES (%s, %s, %s, %s, %s) "
                 "ON CONFLICT (sha256) DO NOTHING", (digest, path.suffix.lower(), len(data), data, who))
    keep_local(digest, path.suffix, data)
    return stored_name(digest, path.suffix)


def keep_local(digest: str, suffix: str, data: bytes) -> Path:
    """Write a photo into this machine's photo folder (atomically; once)."""
    folder = photo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{digest}{suffix.lower()}"
    if not target.exists():
        tmp = folder / f".{digest}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, target)
    return target


def copy_beside(images: list[str], document: Path) -> int:
    """Copy the stored photos ``images`` names into ``photos/`` beside a file copy of the issue
    (where its paths then point); how many were copied."""
    folder = document.parent / "photos"
    folder.mkdir(exist_ok=True)
    copied: set[str] = set()
    for image in images:
        source = photo_folder() / image[len(PREFIX):]
        if is_stored(image) and source.is_file() and source.name not in copied:
            shutil.copyfile(source, folder / source.name)
            copied.add(source.name)
    return len(copied)


def fetch_missing(conn: psycopg.Connection, images: set[str]) -> None:
    """Bring the stored photos this issue uses into the local photo folder."""
    folder = photo_folder()
    wanted = [img[len(PREFIX):].split(".", 1)[0] for img in images
              if is_stored(img) and not (folder / img[len(PREFIX):]).exists()]
    if not wanted:
        return
    for digest, suffix, data in conn.execute("SELECT sha256, suffix, data FROM photos WHERE sha256 = ANY(%s)",
                                             (wanted,)):
        if hashlib.sha256(data).hexdigest() != digest:
            raise NewsroomError(f"photo {digest} in the database does not match its SHA-256 (damaged)")
        keep_local(digest, suffix, bytes(data))
