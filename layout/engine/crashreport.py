"""Crash reports: the traceback of an unexpected error, kept for a bug report.

The command line and the editor never show a traceback. They say in one line
what failed and where the report with the traceback was written: a text file
in the cache folder (``$XDG_CACHE_HOME/layout/crashes``), or, if that cannot be
written, in the system's temporary folder.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path

from layout.engine.cache import cache_root
from layout.versions import version_lines

FOLDER = "crashes"
KEEP = 50  # reports kept; older ones are removed


def crash_folder() -> Path:
    """Where crash reports go."""
    return cache_root() / FOLDER


def write_report(error: BaseException, context: str) -> Path | None:
    """Write the report of ``error`` (what was running, versions, traceback); its path, or None."""
    lines = [f"layout crash report, {time.strftime('%Y-%m-%d %H:%M:%S %z')}", f"while: {context}",
             *version_lines(), "",
             *traceback.format_exception(type(error), error, error.__traceback__)]
    text = "\n".join(line.rstrip("\n") for line in lines) + "\n"
    data = text.encode("utf-8", "backslashreplace")  # a lone surrogate in a path or a message
    prefix = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-"
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            path = _write_new(folder, prefix, data)
        except OSError:
            continue
        if folder == crash_folder():
            _prune(folder)
        return path
    return None


def _write_new(folder: Path, prefix: str, data: bytes) -> Path:
    """Write ``data`` to a new file of a name no one could have taken before (created
    exclusively, never through a link), readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".txt", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def crash_line(error: BaseException, report: Path | None) -> str:
    """One line: the error's kind and message, and where its report is."""
    message = str(error).splitlines()[0][:300].encode("utf-8", "backslashreplace").decode() if str(error) else ""
    what = f"{type(error).__name__}: {message}" if message else type(error).__name__
    where = f"the report is in {report}" if report else "no report could be written"
    return f"an unexpected error ({what}); {where}"


def _prune(folder: Path) -> None:
    """Keep only the newest KEEP reports."""
    try:
        reports = sorted(folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime)
        for old in reports[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return
