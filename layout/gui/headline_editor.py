"""Editing a headline group in place: three lines over the headline frame on the page
(引题, 主题, 副题), Tab and Shift+Tab between them; Enter (or leaving it) keeps the change
as one undo step, Esc drops it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QVBoxLayout

from layout.edit import operations as ops
from layout.gui.crash import contained
from layout.gui.overlay import view_rect

PARTS = ("kicker", "title", "subtitle")
MIN_WIDTH = 240


class HeadlineEditor(QFrame):
    """Line edits for an article's headline group, laid over its frame on the canvas."""

    def __init__(self, canvas, frame_id: str) -> None:
        super().__init__(canvas.viewport())
        self.canvas = canvas
        self.article_id = ops.article_of(canvas.document.issue, frame_id)
        self.setFrameShape(QFrame.Box)
        self.setAutoFillBackground(True)
        headline = canvas.document.issue.article(self.article_id).headline
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.lines: dict[str, QLineEdit] = {}
        for part, hint in zip(PARTS, (self.tr("Kicker (引题)"), self.tr("Title (主题)"),
                                       self.tr("Subtitle (副题)")), strict=True):
            line = QLineEdit(getattr(headline, part))
            line.setPlaceholderText(hint)
            line.returnPressed.connect(self.commit)
            line.editingFinished.connect(lambda: QTimer.singleShot(0, self._left))
            layout.addWidget(line)
            self.lines[part] = line
        box = view_rect(canvas.to_view, canvas.page.frame(frame_id).rect).toAlignedRect()
        self.move(box.topLeft())
        self.resize(max(MIN_WIDTH, box.width()), self.sizeHint().height())
        self._done = False
        self.show()
        self.lines["title"].setFocus()
        self.lines["title"].selectAll()

    def commit(self) -> None:
        """Keep the texts (one undo step when anything changed) and close."""
        if self._done:
            return
        self._done = True
        document = self.canvas.document
        article = document.issue.article(self.article_id)
        values = {part: line.text() for part, line in self.lines.items()
                  if article is not None and line.text() != getattr(article.headline, part)}
        if values:
            document.do(ops.set_headline(document.issue, self.article_id, **values), self.tr("Headline"))
        self._close()

    def cancel(self) -> None:
        """Drop the changes and close."""
        self._done = True
        self._close()

    def _close(self) -> None:
        self.canvas.setFocus()
        self.hide()
        self.deleteLater()

    @contained
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """Esc drops the change."""
        if event.key() == Qt.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    @contained(default=False)
    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt naming)
        """Tab and Shift+Tab move between 引题, 主题 and 副题 (round), never out onto the page."""
        order = [self.lines[part] for part in PARTS]
        here = next((i for i, line in enumerate(order) if line.hasFocus()), 0)
        line = order[(here + (1 if next_ else -1)) % len(order)]
        line.setFocus(Qt.TabFocusReason if next_ else Qt.BacktabFocusReason)
        line.selectAll()
        return True

    def _left(self) -> None:
        """Leaving the editor (focus elsewhere) keeps what was typed."""
        if not self._done and not any(line.hasFocus() for line in self.lines.values()):
            self.commit()
