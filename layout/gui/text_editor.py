"""Typing into a text frame of its own (a label, a credit line, a column heading) in place:
a text box over the frame on the page takes keys and input methods at once; Enter (or
leaving it) keeps the text as one undo step, Shift+Enter starts a new line, Esc drops it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

from layout.edit import operations as ops
from layout.gui.crash import contained
from layout.gui.overlay import view_rect
from layout.model.frames import CaptionFrame

MIN_WIDTH = 160
MIN_HEIGHT = 32


class TextFrameEditor(QPlainTextEdit):
    """The text of one text frame, edited over the frame on the canvas."""

    def __init__(self, canvas, frame_id: str) -> None:
        super().__init__(canvas.viewport())
        self.canvas = canvas
        self.frame_id = frame_id
        frame = canvas.page.frame(frame_id)
        assert isinstance(frame, CaptionFrame)
        self.setPlainText(frame.text)
        self.setPlaceholderText(self.tr("Type the text"))
        self.setAttribute(Qt.WA_InputMethodEnabled, True)
        box = view_rect(canvas.to_view, frame.rect).toAlignedRect()
        self.move(box.topLeft())
        self.resize(max(MIN_WIDTH, box.width()), max(MIN_HEIGHT, box.height()))
        self._done = False
        self.show()
        self.setFocus()
        self.selectAll()

    def commit(self) -> None:
        """Keep the text (one undo step when it changed) and close."""
        if self._done:
            return
        self._done = True
        document = self.canvas.document
        found = document.issue.find_frame(self.frame_id)
        text = self.toPlainText().strip("\n")
        if found is not None and isinstance(found[1], CaptionFrame) and text != found[1].text:
            document.do(ops.set_frame_text(document.issue, self.frame_id, text), self.tr("Text"))
        self._close()

    def cancel(self) -> None:
        """Drop what was typed and close."""
        self._done = True
        self._close()

    def _close(self) -> None:
        self.canvas.setFocus()
        self.hide()
        self.deleteLater()

    @contained
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """Enter keeps the text, Shift+Enter breaks the line, Esc drops the change."""
        if event.key() == Qt.Key_Escape:
            self.cancel()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.ShiftModifier:
            self.commit()
        else:
            super().keyPressEvent(event)

    @contained
    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt naming)
        """Leaving the box keeps what was typed."""
        super().focusOutEvent(event)
        if event.reason() != Qt.PopupFocusReason:
            QTimer.singleShot(0, self.commit)
