"""The versions of Python and of the libraries the program runs on, for bug reports.

Nothing here imports Qt: PySide6's version comes from its installed metadata, and
the version of the Qt library itself is asked of the caller (the launcher, which
may import Qt).
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from importlib import metadata

from layout import __version__

DISTRIBUTIONS = ("PySide6", "reportlab", "Pillow", "numpy", "jieba", "fonttools", "pikepdf")


def installed(distribution: str) -> str:
    """The installed version of a distribution, or 'not installed'."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def version_lines(qt_version: Callable[[], str] | None = None) -> list[str]:
    """One line a component: layout, Python, the libraries, and Qt when ``qt_version`` is given."""
    lines = [f"layout {__version__}",
             f"Python {platform.python_version()} ({sys.executable})",
             f"platform {platform.platform()}"]
    for name in DISTRIBUTIONS:
        lines.append(f"{name} {installed(name)}")
        if name == "PySide6" and qt_version is not None:
            lines.append(f"Qt {qt_version()}")
    return lines
