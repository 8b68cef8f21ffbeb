"""The open document in the editor: its headless :class:`EditorSession` and the undo stack.

Every change goes through ``do`` as one QUndoCommand wrapping a headless Change
(``layout.edit``); a drag shows its changes with ``preview`` and ends with one
``do``. After each change the engine lays the issue out again (it re-sets only
what the change touched) and ``laid_out`` tells the views.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid

from layout.edit.change import Change
from layout.edit.session import EditorSession
from layout.engine.page import IssueLayout, LayoutEngine, LazyIssueLayout
from layout.gui import crash
from layout.model.document import Issue
from layout.store import store_for


class EditCommand(QUndoCommand):
    """One designer's edit on the undo stack: redo applies the change, undo its inverse.

    An error while either is made (in the change or in laying the issue out after it)
    never leaves Qt's undo stack (PySide would end the process): the session puts the
    issue back as it was, the command becomes obsolete (the stack drops it), and the
    error is reported (crash report and dialog)."""

    def __init__(self, session: EditorSession, change: Change, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._change = change
        self._inverse: Change | None = None

    def redo(self) -> None:
        """Apply the change (the first time and after an undo)."""
        inverse = self._session.apply(self._change, self.text())
        if inverse is None:
            self.setObsolete(True)
            return
        self._inverse = inverse

    def undo(self) -> None:
        """Put the issue back as it was before the change."""
        change = self._session.apply(self._inverse, self.text()) if self._inverse is not None else None
        if change is None:
            self.setObsolete(True)
            return
        self._change = change


class QtHistory:
    """A session's history kept in the document's QUndoStack (the history dock shows it)."""

    def __init__(self, document: EditorDocument) -> None:
        self.document = document

    def push(self, change: Change, text: str) -> None:
        """One undo command for the change."""
        self.push_command(EditCommand(self.document.session, change, text))

    def push_command(self, command: QUndoCommand) -> None:
        """Push a command of the editor's own (typing that merges)."""
        self.document.undo_stack.push(command)

    def undo(self) -> None:
        """Qt's undo."""
        self.document.undo_stack.undo()

    def redo(self) -> None:
        """Qt's redo."""
        self.document.undo_stack.redo()


class EditorDocument(QObject):
    """An issue being edited in the window: its :class:`EditorSession` (document, history,
    page, selection, tool, story; no Qt), with the history in one QUndoStack, and the
    session's ``laid_out`` as a Qt signal."""

    laid_out = Signal()

    def __init__(self, issue: Issue, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.session = EditorSession(issue, path, QtHistory(self), on_error=_report)
        self.session.subscribe("laid_out", self.laid_out.emit)

    @property
    def issue(self) -> Issue:
        """The issue being edited."""
        return self.session.issue

    @property
    def path(self) -> Path | None:
        """The document's file (None: untitled)."""
        return self.session.path

    @property
    def engine(self) -> LayoutEngine:
        """The session's layout engine."""
        return self.session.engine

    @property
    def layout(self) -> IssueLayout | LazyIssueLayout:
        """The issue's current layout."""
        return self.session.layout

    def relayout(self) -> None:
        """Lay the issue out again from scratch and tell the views: for a change made
        otherwise than by an edit operation (a colleague's save taken from the newsroom)."""
        self.session.engine.forget()
        self.session.relayout()

    def do(self, change: Change, text: str | None = None) -> None:
        """Make a change as one undo step (ending any preview first)."""
        self.session.do(change, text)

    def preview(self, change: Change | None) -> None:
        """Show a change that is not an undo step yet (a drag under way); None shows none."""
        self.session.preview(change)

    def end_preview(self) -> None:
        """Take back a preview, if one is shown."""
        self.session.end_preview()

    @property
    def modified(self) -> bool:
        """True when the issue has changes that are not saved (False once the stack is gone,
        as it is while the window closes)."""
        return isValid(self.undo_stack) and not self.undo_stack.isClean()

    def save(self, path: Path | None = None) -> None:
        """Save (atomically) to ``path`` or the document's own file, and mark the stack clean."""
        self.end_preview()
        target = Path(path or self.path)
        store_for(target).save(self.issue, target)
        self.session.path = target
        self.undo_stack.setClean()


def _report(error: Exception, what: str) -> None:
    crash.report_later(error, what)
