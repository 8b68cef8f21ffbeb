"""The ``layout`` command's entry point: the command line, with the editor plugged in.

It sits above every layer: it hands ``layout.cli`` a way to open the editor,
so the command line itself never imports Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from layout import cli

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


def display_problem() -> str | None:
    """Why no window can be shown here, or None (Linux without a display server)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    program = sys.argv[0] if sys.argv and sys.argv[0].endswith("layout") else "layout"
    return f"there is no display to open the editor on; run it as: xvfb-run -a {program} open …"


def open_editor(document: str | None, screenshot: dict | None = None, page: int | None = None) -> int:
    """Start the editor (Qt is imported only now); with ``screenshot``, offscreen, to take a picture."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = display_problem()
    if problem:
        raise cli.CommandError(problem)
    from layout.gui.app import run
    from layout.gui.screenshot import Screenshot

    return run(document, Screenshot(**screenshot) if screenshot is not None else None, page)


def qt_version() -> str:
    """The version of the Qt library PySide6 runs on, or why it cannot be loaded."""
    try:
        from layout.gui.qt_info import qt_version as editor_qt_version
    except ImportError as exc:
        return f"cannot be loaded ({exc})"
    return editor_qt_version()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``layout`` command. When its reader stops early (``layout --version | head -1``)
    it ends quietly with 141, as a program killed by SIGPIPE does, not with a traceback."""
    try:
        status = cli.main(argv, open_editor=open_editor, qt_version=qt_version)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor an error at exit
        return EXIT_BROKEN_PIPE
    return status
