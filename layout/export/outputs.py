"""What a file the program writes may replace: only a file of the kind it writes.

The rules hold for every output (PDFs, screenshots, packages, reports): an output
path that names a document, a photo, a ``.bak``, a link or anything else that is
not of the output's kind (a PDF, a PNG picture) is refused unless the user forces
it; a device, a pipe or a socket is refused always (as root, replacing /dev/null
would break the system), and so are the files the caller must never lose (the
document and its backup), also through a link or another name of the same file.
Outputs are written through a temporary file and a rename (:func:`write_output`),
so a refused or failed write never truncates what was there, and a link or a
second name (hard link) of another file is replaced, never written through.

A press folder whose pages were being replaced when the export was stopped holds
INCOMPLETE.txt until an export into it completes.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from layout.store.files import write_atomic


class OutputError(ValueError):
    """An output path that must not be written, with the reason."""


KINDS = {"pdf": (b"%PDF-", "a PDF"), "png": (b"\x89PNG\r\n\x1a\n", "a PNG picture")}


def check_replaceable(path: Path, force: bool = False, *, kind: str = "pdf",
                      keep: Iterable[Path] = ()) -> None:
    """Return if ``path`` is free, or a file of ``kind`` (or, with ``force``, any regular
    file or link); raise OutputError otherwise. The files in ``keep`` (and their other
    names) are refused even with ``force``."""
    _check_not_kept(path, keep)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        if not force:
            raise OutputError(f"{path} is a link; it is not replaced (use --force to replace the link)")
        return
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path} is a device, a pipe or a socket; it is never replaced")
    magic, name = KINDS[kind]
    if not force and not _starts_with(path, magic):
        raise OutputError(f"{path} exists and is not {name} (a document, a photo or a backup?); "
                          "it is not replaced (use --force to replace it)")


def _check_not_kept(path: Path, keep: Iterable[Path]) -> None:
    """Refuse ``path`` when it is (or will be, through a link) one of the files in ``keep``."""
    for kept in keep:
        if os.path.realpath(path) == os.path.realpath(kept) or _same_file(path, kept):
            raise OutputError(f"{path} is {kept.name} (the document or its backup); it is never replaced")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        return handle.read(len(magic)) == magic


def document_files(document: str | Path | None) -> list[Path]:
    """The files an output must never replace: the document and its backup."""
    if not document:
        return []
    path = Path(document)
    return [path, path.with_name(path.name + ".bak")]


def write_output(path: Path, data: bytes, *, force: bool = False, kind: str = "pdf",
                 keep: Iterable[Path] = ()) -> None:
    """Check ``path`` by the rules above, then write ``data`` to it atomically."""
    check_replaceable(path, force, kind=kind, keep=keep)
    if not path.parent.is_dir():
        raise OutputError(f"{path.parent}: the folder does not exist")
    write_atomic(path, data)


INCOMPLETE = "INCOMPLETE.txt"  # in a press folder while a new set of pages is moved into it
_INCOMPLETE_TEXT = ("The export that wrote this folder was stopped while it moved its pages into place:\n"
                    "the pages below may be of the old set, of the new one or missing. Do not send them;\n"
                    "export again (the next export into this folder replaces them and removes this file).\n\n")


def incomplete_set(folder: Path) -> Path | None:
    """The marker an export left in ``folder`` when it was stopped while moving its
    pages into place, or None when the folder's set is whole."""
    marker = folder / INCOMPLETE
    return marker if marker.is_file() else None


@contextlib.contextmanager
def moving_into_place(folder: Path, names: list[Path]) -> Iterator[None]:
    """Mark ``folder`` incomplete (listing ``names``) for the length of a ``with`` block
    that moves the pages in; the mark is removed only when the block completes, so a
    killed or failed move leaves a set no one can take for a whole one."""
    listing = "".join(f"{path.name}\n" for path in names)
    write_atomic(folder / INCOMPLETE, (_INCOMPLETE_TEXT + listing).encode("utf-8"))
    yield
    (folder / INCOMPLETE).unlink(missing_ok=True)
