"""The story editor: an article's 引题, 主题, 副题, byline and body, with a paragraph style
for each paragraph. Typing reflows the page as it goes and counts the overset; a burst
of typing up to a pause is one undo step. Pasted text is cleaned as the importer cleans it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from layout.edit import operations as ops
from layout.engine.displaylist import PageDisplay
from layout.gui.crash import contained
from layout.gui.document import EditCommand
from layout.gui.session_view import SessionView
from layout.importer.cleanup import clean_paragraphs
from layout.model.document import Article, Paragraph

PARAGRAPH_STYLES = ("body", "lead", "subhead")
PAUSE_SECONDS = 1.5  # typing after a longer pause is a new undo step
TYPING_ID = 7301


def paragraph_at(article: Article, display: PageDisplay, x: float, y: float) -> int | None:
    """The index of the article's paragraph set at (x, y) on the page: the source of the
    text item there (the byline is run in at the head of the first paragraph)."""
    source = display.source_at(x, y) if display else None
    if source is None or source.article != article.id or source.part not in ("body", "byline"):
        return None
    return source.paragraph


class TypingCommand(EditCommand):
    """A change of an article's text that merges with the next one typed before a pause."""

    def __init__(self, session, change, text: str, article_id: str) -> None:
        super().__init__(session, change, text)
        self.article_id = article_id
        self.fields = frozenset(change.values)
        self.typed = time.monotonic()

    def id(self) -> int:  # noqa: A003 (Qt naming)
        """Typing commands may merge."""
        return TYPING_ID

    def mergeWith(self, other: TypingCommand) -> bool:  # noqa: N802 (Qt naming)
        """Take in the next change of the same text, typed before a pause."""
        if other.isObsolete() or other.article_id != self.article_id or other.fields != self.fields \
                or other.typed - self.typed > PAUSE_SECONDS:
            return False
        self._change = other._change
        self.typed = other.typed
        return True


class BodyEdit(QTextEdit):
    """The body: plain paragraphs; pasted text arrives cleaned (full-width punctuation,
    house quotes, split paragraphs joined)."""

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the document's undo stack undoes typing

    @contained
    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt naming)
        """Paste as clean plain paragraphs."""
        self.insertPlainText("\n".join(clean_paragraphs(source.text())))


class StoryEditor(QWidget, SessionView):
    """Edits the text of the selected article (the session's story)."""

    FOLLOWS: ClassVar[dict[str, str]] = {"selection": "follow_selection", "laid_out": "show_overset"}

    def __init__(self, focus_page: Callable[[], None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus_page = focus_page  # Esc gives the keyboard back to the page
        self.article_id: str | None = None
        self._showing = False
        self.title_label = QLabel()
        self.overset = QLabel()
        self.overset.setStyleSheet("color: #d0021b; font-weight: bold")
        self.fields = {name: QLineEdit() for name in ("kicker", "title", "subtitle", "byline")}
        form = QFormLayout()
        for name, label in (("kicker", self.tr("Kicker (引题)")), ("title", self.tr("Title (主题)")),
                            ("subtitle", self.tr("Subtitle (副题)")), ("byline", self.tr("Byline"))):
            form.addRow(label, self.fields[name])
            self.fields[name].textEdited.connect(lambda _, n=name: self._field_typed(n))
        self.paragraph_style = QComboBox()
        for name, label in zip(PARAGRAPH_STYLES, (self.tr("Body"), self.tr("Lead"), self.tr("Subhead")), strict=True):
            self.paragraph_style.addItem(label, name)
        self.paragraph_style.activated.connect(self._style_chosen)
        form.addRow(self.tr("Paragraph style"), self.paragraph_style)
        self.body = BodyEdit()
        self.body.textChanged.connect(self._body_typed)
        self.body.cursorPositionChanged.connect(self._show_paragraph_style)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.overset)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addLayout(self._find_row())
        self.follow_selection()

    def session_shown(self) -> None:
        """A new session: no article shown yet."""
        self.show_article(None)

    def _find_row(self) -> QHBoxLayout:
        self.find, self.replacement = QLineEdit(), QLineEdit()
        self.find.setPlaceholderText(self.tr("Find"))
        self.replacement.setPlaceholderText(self.tr("Replace with"))
        button = QPushButton(self.tr("Replace all in the issue"))
        button.clicked.connect(self.replace_all)
        row = QHBoxLayout()
        for widget in (self.find, self.replacement, button):
            row.addWidget(widget)
        return row

    # showing

    def follow_selection(self) -> None:
        """Show the article of the selected frames."""
        document = self.session
        article = None
        if document is not None:
            article = next((a for a in (ops.article_of(document.issue, f.id) for f in self.selected_frames())
                            if a), None)
        if article != self.article_id:
            self.show_article(article)

    def show_article(self, article_id: str | None) -> None:
        """Fill the editor from an article (None: empty and disabled); it is the session's story."""
        self.article_id = article_id
        if self.session is not None:
            self.session.edit_story(article_id)
        self.refresh()

    def refresh(self) -> None:
        """Show the article's text as the model has it now (after an undo, say), keeping the cursor."""
        document = self.session
        article = document.issue.article(self.article_id) if document and self.article_id else None
        self.setEnabled(article is not None)
        self._showing = True
        try:
            if article is None:
                self.title_label.setText(self.tr("No article selected"))
                self.body.clear()
                for field in self.fields.values():
                    field.clear()
            else:
                self._fill(article)
        finally:
            self._showing = False
        self.show_overset()

    def _fill(self, article) -> None:
        self.title_label.setText(f"{article.id} 《{article.headline.title}》")
        values = {"kicker": article.headline.kicker, "title": article.headline.title,
                  "subtitle": article.headline.subtitle, "byline": article.byline}
        for name, field in self.fields.items():
            if field.text() != values[name]:
                field.setText(values[name])
        if self._paragraphs() != article.paragraphs:
            position = self.body.textCursor().position()
            self.body.setPlainText("\n".join(p.text for p in article.paragraphs))
            block = self.body.document().begin()
            for paragraph in article.paragraphs:
                block.setUserState(PARAGRAPH_STYLES.index(paragraph.style)
                                   if paragraph.style in PARAGRAPH_STYLES else 0)
                block = block.next()
            cursor = self.body.textCursor()
            cursor.setPosition(min(position, len(self.body.toPlainText())))
            self.body.setTextCursor(cursor)

    def show_overset(self) -> None:
        """How many lines and characters do not fit (超出 3 行 41 字), or how many lines are
        left empty (空 2 行), live (from this article's layout only)."""
        document = self.session
        laid = document.layout.article_layout(self.article_id) if document and self.article_id else None
        count = laid.overset if laid else 0
        if count:
            text = self.tr("Overset %1 lines, %2 characters").replace("%1", str(laid.overset_lines)) \
                .replace("%2", str(count))
        elif laid and laid.underset_lines:
            text = self.tr("%1 lines short").replace("%1", str(laid.underset_lines))
        else:
            text = ""
        self.overset.setStyleSheet(f"color: {'#d0021b' if count else '#666666'}; font-weight: bold")
        self.overset.setText(text)

    # editing

    def _paragraphs(self) -> list[Paragraph]:
        """The body as paragraphs with their styles (empty lines are no paragraphs)."""
        out = []
        block = self.body.document().begin()
        while block.isValid():
            if block.text().strip():
                state = block.userState()
                out.append(Paragraph(block.text(), PARAGRAPH_STYLES[state] if 0 <= state < len(PARAGRAPH_STYLES)
                                     else "body"))
            block = block.next()
        return out

    def _push(self, values: dict, text: str) -> None:
        document = self.session
        change = ops.set_story(document.issue, self.article_id, **values)
        document.end_preview()
        document.history.push_command(TypingCommand(document, change, text, self.article_id))
        self.show_overset()

    def _field_typed(self, name: str) -> None:
        if self._showing or self.article_id is None:
            return
        path = "byline" if name == "byline" else f"headline.{name}"
        self._push({path: self.fields[name].text()}, self.tr("Typing"))

    def _body_typed(self) -> None:
        if self._showing or self.article_id is None:
            return
        paragraphs = self._paragraphs()
        article = self.session.issue.article(self.article_id)
        if article is not None and paragraphs != article.paragraphs:
            self._push({"paragraphs": paragraphs}, self.tr("Typing"))

    def _show_paragraph_style(self) -> None:
        state = self.body.textCursor().block().userState()
        self.paragraph_style.setCurrentIndex(state if 0 <= state < len(PARAGRAPH_STYLES) else 0)

    def _style_chosen(self, index: int) -> None:
        """The paragraph at the cursor (or every paragraph the selection touches) takes a style."""
        cursor = self.body.textCursor()
        start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        block = self.body.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            block.setUserState(index)
            block = block.next()
        self._body_typed()

    def replace_all(self) -> None:
        """Replace the find text everywhere in the issue, as one undo step."""
        document = self.session
        if document is None or not self.find.text():
            return
        change = ops.replace_text(document.issue, self.find.text(), self.replacement.text())
        count = len(change.changes)
        if count:
            document.do(change, self.tr("Replace"))
        self.session.say(self.tr("Replaced in %1 places").replace("%1", str(count)))
        self.refresh()

    def focus_body(self) -> None:
        """Put the cursor in the body, at its end."""
        self.body.setFocus()
        self.body.moveCursor(QTextCursor.End)

    @contained
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Esc gives the page back the keyboard."""
        if event.key() == Qt.Key_Escape:
            self.focus_page()
        else:
            super().keyPressEvent(event)
