"""The open document in the editor: the issue, its file, its undo stack and its layout.

Every change goes through ``do`` as one QUndoCommand wrapping a headless Change
(``layout.edit``); a drag shows its changes with ``preview`` and ends with one
``do``. After each change the engine lays the issue out again (it re-sets only
what the change touched) and ``laid_out`` tells the views.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid

from layout.edit.change import Change
from layout.engine.page import IssueLayout, LayoutEngine, LazyIssueLayout
from layout.gui import crash
from layout.model.document import Issue
from layout.store import store_for


class EditCommand(QUndoCommand):
    """One designer's edit on the undo stack: redo applies the change, undo its inverse.

    An error while either is made (in the change or in laying the issue out after it)
    never leaves Qt's undo stack (PySide would end the process): the issue is put back
    as it was, the command becomes obsolete (the stack drops it), and the error is
    reported (crash report and dialog)."""

    def __init__(self, document: EditorDocument, change: Change, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._change = change
        self._inverse: Change | None = None

    def redo(self) -> None:
        """Apply the change (the first time and after an undo)."""
        inverse = self._document.apply(self._change, self.text())
        if inverse is None:
            self.setObsolete(True)
            return
        self._inverse = inverse

    def undo(self) -> None:
        """Put the issue back as it was before the change."""
        change = self._document.apply(self._inverse, self.text()) if self._inverse is not None else None
        if change is None:
            self.setObsolete(True)
            return
        self._change = change


class EditorDocument(QObject):
    """An issue being edited: one undo stack, the engine, and the current layout."""

    laid_out = Signal()

    def __init__(self, issue: Issue, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issue = issue
        self.path = path
        self.engine = LayoutEngine(tracked=True)  # every change of the issue here is an edit operation
        self.undo_stack = QUndoStack(self)
        self.layout: IssueLayout | LazyIssueLayout = self.engine.layout(issue)
        self._preview: Change | None = None

    def relayout(self) -> None:
        """Lay the issue out again and tell the views."""
        self.layout = self.engine.layout(self.issue)
        self.laid_out.emit()

    def apply(self, change: Change, what: str) -> Change | None:
        """Make a change and lay the issue out; its inverse. On an error the issue is put
        back as it was and laid out again, the error reported, and None returned."""
        try:
            inverse = change.apply(self.issue)
        except Exception as exc:
            crash.report_later(exc, f"the edit {what!r}")
            return None
        try:
            self.relayout()
        except Exception as exc:
            inverse.apply(self.issue)
            crash.report_later(exc, f"the edit {what!r}")
            with contextlib.suppress(Exception):
                self.relayout()
            return None
        return inverse

    def do(self, change: Change, text: str | None = None) -> None:
        """Make a change as one undo step (ending any preview first)."""
        self.end_preview()
        self.undo_stack.push(EditCommand(self, change, text or change.label))

    def preview(self, change: Change | None) -> None:
        """Show a change that is not an undo step yet (a drag under way); None shows none.
        A change that fails is taken back and reported (see :meth:`apply`)."""
        if self._preview is not None:
            self._preview.apply(self.issue)
            self._preview = None
        if change is None:
            self.relayout()
            return
        self._preview = self.apply(change, change.label)

    def end_preview(self) -> None:
        """Take back a preview, if one is shown."""
        if self._preview is not None:
            self._preview.apply(self.issue)
            self._preview = None

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
        self.path = target
        self.undo_stack.setClean()
