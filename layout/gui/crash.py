"""The editor's last line of defence: an unexpected error becomes a crash report and
a dialog, and the editor keeps running with what it had.

Qt calls ``sys.excepthook`` for an exception raised in a slot or an event handler
and then carries on; the hook installed here writes the report (with the
traceback) and says in a dialog what failed and where the report is.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from layout.engine.crashreport import crash_line, write_report

T = TypeVar("T")
_showing = False  # an error while the dialog is up is reported, not shown again
headless = False  # a run nobody watches (a screenshot): errors are reported, never a dialog that waits
reported: list[str] = []  # the lines of the errors reported in this run


def report(error: BaseException, context: str = "the editor") -> str:
    """Write the crash report of ``error`` and show it in a dialog; the line shown."""
    line = crash_line(error, write_report(error, context))
    print(f"layout: error: {line}", file=sys.stderr)
    if QApplication.instance() is not None:
        _show(line)
    return line


def report_later(error: BaseException, context: str = "the editor") -> str:
    """Write the crash report of ``error`` now and show the dialog once the event loop
    is back (an error inside a paint, a mouse event, an undo command or a timer must not
    open a dialog in the middle of it); the line shown."""
    line = crash_line(error, write_report(error, context))
    print(f"layout: error: {line}", file=sys.stderr)
    app = QApplication.instance()
    if app is not None:
        QTimer.singleShot(0, app, lambda: _show(line))
    return line


def _show(line: str) -> None:
    """The dialog (not a second one while one is up; none in a headless run)."""
    global _showing
    reported.append(line)
    if _showing or headless or QApplication.instance() is None:
        return
    _showing = True
    try:
        QMessageBox.critical(QApplication.activeWindow(), "layout", f"Something went wrong: {line}\n\n"
                             "The editor keeps running; save your work under a new name to be safe.")
    finally:
        _showing = False


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Qt calls this for an error in a slot, a timer or a virtual override (paint, mouse,
    key, drop): reported, the dialog shown when the event is done."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    report_later(error.with_traceback(trace))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    """An error in a worker thread: a crash report and a line on stderr (a dialog may
    only be shown from the GUI thread)."""
    if args.exc_value is not None:
        where = f"the editor's thread {args.thread.name if args.thread else '?'}"
        print(f"layout: error: {crash_line(args.exc_value, write_report(args.exc_value, where))}", file=sys.stderr)


def install() -> None:
    """Make every unexpected error in the editor a crash report, with a dialog when it
    happens in the GUI thread."""
    sys.excepthook = _hook
    threading.excepthook = _thread_hook


def contained(method: Callable[..., T] | None = None, *, default: object = None) -> Callable[..., T]:
    """Decorate a Qt virtual override (a paint, mouse, key, drop or wheel event): an error
    in it is reported (report now, dialog after the event) and ``default`` returned to Qt,
    never raised into Qt. Edits made in it roll back through the document
    (``EditorDocument.apply``)."""
    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(function)
        def run(self: object, *args: object) -> T:
            try:
                return function(self, *args)
            except Exception as exc:
                report_later(exc, f"{type(self).__name__}.{function.__name__}")
                return default  # type: ignore[return-value]
        return run
    return wrap(method) if method is not None else wrap


def guarded(action: Callable[..., T], *args: object) -> T | None:
    """Run ``action``; an unexpected error is reported as by the hook, and gives None."""
    try:
        return action(*args)
    except Exception as exc:
        report(exc)
        return None
