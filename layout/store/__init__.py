"""The storage layer: where documents are read, saved and locked, between the model
(plain data) and every layer that opens or saves a document.

:class:`Store` is the one interface (open, read, save with a revision check, lock,
unlock); :class:`FileStore` keeps an issue in a file. The modules below it hold
the file system's concerns: the document file format's reading and writing
(``fileformat``), atomic writes (``files``), lock files (``lock``), recovery files
(``recovery``), temporary files and their debris (``scratch``), processes
(``processes``) and the photo files a document points at (``assets``).
"""

from layout.store.base import EDITOR, ISSUE, Lock, LockInfo, Part, RevisionConflict, Store, Where
from layout.store.filestore import FileStore
from layout.store.lock import LockedError
from layout.store.newsroom.address import is_address


def store_for(where: Where) -> Store:
    """The store that keeps the document at ``where``: a newsroom database for an address
    (``postgresql://…?issue=…``, ``newsroom:NAME?issue=…``), else a file."""
    if is_address(str(where)):
        from layout.store.newsroom.newsroomstore import NewsroomStore  # psycopg loads only for a newsroom

        return NewsroomStore()
    return FileStore()


__all__ = ["EDITOR", "ISSUE", "FileStore", "Lock", "LockInfo", "LockedError", "Part", "RevisionConflict", "Store",
           "Where", "store_for"]
