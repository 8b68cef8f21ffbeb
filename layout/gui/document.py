"""The open document in the editor: the issue, its file, its undo stack and its layout.

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
from layout.engine.page import IssueLayout, LayoutEngine
from layout.model.document import Issue
from layout.store import store_for


class EditCommand(QUndoCommand):
    """One designer's edit on the undo stack: redo applies the change, undo its inverse."""

    def __init__(self, document: EditorDocument, change: Change, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._change = change
        self._inverse: Change | None = None

    def redo(self) -> None:
        """Apply the change (the first time and after an undo)."""
        self._inverse = self._change.apply(self._document.issue)
        self._document.relayout()

    def undo(self) -> None:
        """Put the issue back as it was before the change."""
        self._change = self._inverse.apply(self._document.issue)
        self._document.relayout()


class EditorDocument(QObject):
    """An issue being edited: one undo stack, the engine, and the current layout."""

    laid_out = Signal()

    def __init__(self, issue: Issue, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issue = issue
        self.path = path
        self.engine = LayoutEngine()
        self.undo_stack = QUndoStack(self)
        self.layout: IssueLayout = self.engine.layout(issue)
        self._preview: Change | None = None

    def relayout(self) -> None:
        """Lay the issue out again and tell the views."""
        self.layout = self.engine.layout(self.issue)
        self.laid_out.emit()

    def do(self, change: Change, text: str | None = None) -> None:
        """Make a change as one undo step (ending any preview first)."""
        self.end_preview()
        self.undo_stack.push(EditCommand(self, change, text or change.label))

    def preview(self, change: Change | None) -> None:
        """Show a change that is not an undo step yet (a drag under way); None shows none."""
        if self._preview is not None:
            self._preview.apply(self.issue)
            self._preview = None
        if change is not None:
            self._preview = change.apply(self.issue)
        self.relayout()

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
