"""Writing files so that a crash never leaves half of one: a synced temporary file
beside the target, renamed into place (the previous version optionally kept as
``<name>.bak``), the new file with the mode and owner of the one it replaces.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from layout.store.scratch import temporary_prefix


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    """Keep the current file as ``<name>.bak`` without ever removing ``path``."""
    if not path.exists():
        return
    backup = path.with_name(path.name + ".bak")
    staging = path.with_name(f"{temporary_prefix(path)}bak.tmp")
    staging.unlink(missing_ok=True)
    try:
        try:
            os.link(path, staging)
        except OSError:
            staging.write_bytes(path.read_bytes())
        os.replace(staging, backup)
    finally:
        staging.unlink(missing_ok=True)


def _write_temporary(path: Path, data: bytes) -> Path:
    """A synced temporary file beside ``path`` holding ``data``, with the mode and owner of
    the file it will replace (or the usual permissions)."""
    if path.is_dir():
        raise OSError(errno.EISDIR, "is a folder", str(path))
    if not path.parent.is_dir():
        raise OSError(errno.ENOENT, "the folder does not exist", str(path.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        _same_mode_and_owner(fd, path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(tmp_name)


def _same_mode_and_owner(fd: int, path: Path) -> None:
    """Give the new file the mode and owner of the file it replaces (the usual mode
    for a new file); an owner we may not give is left as it is."""
    try:
        old = os.stat(path)
    except FileNotFoundError:
        os.fchmod(fd, 0o666 & ~umask())
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):
            os.fchown(fd, old.st_uid, old.st_gid)


def umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write bytes to ``path`` through a synced temporary file and a rename.

    With ``backup`` the previous file is kept as ``<name>.bak`` first. A failure that names
    no file (a full disk) is told with ``path``; the file is then as it was.
    """
    try:
        tmp = _write_temporary(path, data)
    except OSError as exc:
        if exc.filename:
            raise
        raise OSError(exc.errno, f"{exc.strerror or exc}; nothing was written", str(path)) from None
    try:
        if backup:
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
