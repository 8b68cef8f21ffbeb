"""The corrections dock: an editor's marks on a proof, at their places, to accept, reject or answer.

Open a marked proof (the PDF an editor commented in any reader); each comment is
listed as a correction on an article's characters. Selecting one shows its page
and selects its article's frames. Accept applies a text correction (delete,
replace, insert) as one undo step and marks it accepted; Reject and Reply record
the answer in the document, and the next proof shows the answers in each
comment's thread. All of it goes through the headless operations of
:mod:`layout.edit.corrections`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from layout.edit import operations as ops
from layout.edit.change import EditError
from layout.edit.corrections import accept, answer, shifted, thread_of
from layout.engine.displaylist import GlyphRun, PageDisplay, line_by_line
from layout.export.trail import now_text, user_name
from layout.importer.corrections import Correction, read_corrections
from layout.model.geometry import Rect

STATE_COLOURS = {"accepted": QColor(0, 120, 40), "rejected": QColor(150, 150, 150)}


def character_boxes(page: PageDisplay, correction: Correction) -> list[Rect]:
    """Where the correction's characters are on the laid-out page, one box a line, from the
    engine's positions and the lines' source tags (an insertion: a thin box at its place)."""
    boxes = []
    end = max(correction.end, correction.start + 1)
    for run in line_by_line(page.items):
        source = getattr(run, "source", None)
        if type(run) is not GlyphRun or source is None or (source.article, source.part, source.paragraph) != \
                (correction.article, correction.part, correction.paragraph):
            continue
        first, last = max(correction.start, source.start), min(end, source.end)
        if first >= last or len(run.text) != source.end - source.start:
            continue
        xs = list(run.xs) + [run.xs[-1] + run.size * run.hscale]
        i, j = first - source.start, last - source.start
        right = xs[j] if correction.end > correction.start else xs[i] + 1.5
        boxes.append(Rect(xs[i] - 1, run.y - 0.95 * run.size, right - xs[i] + 2, 1.2 * run.size))
    return boxes


class CorrectionsDock(QWidget):
    """The corrections read from a marked proof, with their state and the buttons to answer them."""

    def __init__(self, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.proof: Path | None = None
        self.corrections: list[Correction] = []
        self.summary = QLabel(self.tr("No marked proof opened"))
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show)
        opener = QPushButton(self.tr("Open Marked Proof…"))
        opener.clicked.connect(self.choose_proof)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(self.reject_current)
        self.reply_button = QPushButton(self.tr("Reply…"))
        self.reply_button.clicked.connect(self.reply_current)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.reply_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(opener)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._enable()

    def choose_proof(self) -> None:
        """Ask for a marked proof and read it."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open Marked Proof"), "", self.tr("PDF (*.pdf)"))
        if name:
            self.open_proof(Path(name))

    def open_proof(self, path: Path) -> None:
        """Read the corrections marked on the proof at ``path``."""
        document = self.canvas.document
        if document is None:
            return
        try:
            self.corrections = read_corrections(path, document.issue)
        except Exception as exc:  # a broken or foreign PDF: say so, keep the dock as it was
            QMessageBox.warning(self, self.tr("Cannot read the proof"), f"{path}: {exc}")
            return
        self.proof = path
        self.refresh()

    def refresh(self) -> None:
        """List the corrections again with their states, and mark them on the pages."""
        document = self.canvas.document
        self._mark()
        row = self.list.currentRow()
        self.list.clear()
        for correction in self.corrections:
            thread = thread_of(document.issue, correction) if document else None
            item = QListWidgetItem(self._describe(correction, thread))
            if thread is not None and thread.state in STATE_COLOURS:
                item.setForeground(QBrush(STATE_COLOURS[thread.state]))
            self.list.addItem(item)
        if self.proof is not None:
            self.summary.setText(self.tr("%1 corrections in %2").replace("%1", str(len(self.corrections)))
                                 .replace("%2", self.proof.name))
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
        self._enable()

    def _describe(self, c: Correction, thread) -> str:
        kinds = {"delete": self.tr("Delete"), "replace": self.tr("Replace"), "insert": self.tr("Insert"),
                 "note": self.tr("Note"), "highlight": self.tr("Highlight")}
        states = {"open": self.tr("open"), "accepted": self.tr("accepted"), "rejected": self.tr("rejected")}
        what = f"{kinds[c.kind]} 「{c.text}」" if c.text else kinds[c.kind]
        if c.replacement:
            what += f" → 「{c.replacement}」"
        line = f"{c.id}  {what}  — {c.author or '?'}"
        if c.comment:
            line += f"：{c.comment}"
        state = thread.state if thread is not None else "open"
        line += f"  [{states[state]}]"
        for reply in thread.replies if thread is not None else ():
            line += f"\n    ↳ {reply.by}：{reply.text}"
        return line

    def current(self) -> Correction | None:
        """The selected correction."""
        row = self.list.currentRow()
        return self.corrections[row] if 0 <= row < len(self.corrections) else None

    def _enable(self) -> None:
        chosen = self.current() is not None
        for button in (self.accept_button, self.reject_button, self.reply_button):
            button.setEnabled(chosen)

    def _mark(self) -> None:
        """Put each open correction's characters on the canvas, the chosen one filled."""
        document = self.canvas.document
        marks: dict[int, list[tuple[Rect, bool]]] = {}
        chosen = self.current()
        for correction in self.corrections if document is not None else ():
            thread = thread_of(document.issue, correction)
            if thread is not None and thread.state != "open" and correction is not chosen:
                continue
            place = self._effective(correction)
            for page in document.layout.pages:
                for box in character_boxes(page, place):
                    marks.setdefault(page.number, []).append((box, correction is chosen))
        self.canvas.correction_marks = marks
        self.canvas.viewport().update()

    def _show(self, row: int) -> None:
        """Show the correction's page and select its article's frames there."""
        self._enable()
        self._mark()
        document = self.canvas.document
        if document is None or not 0 <= row < len(self.corrections):
            return
        article = self.corrections[row].article
        for index, page in enumerate(document.issue.pages):
            frames = ops.article_frames(document.issue, article, page)
            if frames:
                self.canvas.show_page(index)
                self.canvas.set_selection(frames)
                return

    def accept_current(self) -> None:
        """Accept the selected correction: its text change is one undo step."""
        correction, document = self.current(), self.canvas.document
        if correction is None or document is None:
            return
        try:
            change = accept(document.issue, self._effective(correction), by=user_name(), time=now_text())
        except EditError as exc:
            QMessageBox.warning(self, self.tr("Cannot apply the correction"), str(exc))
            return
        document.do(change, self.tr("Accept correction %1").replace("%1", correction.id))
        self.refresh()

    def _effective(self, correction: Correction) -> Correction:
        """The correction's range in the text as it is now: moved for the text corrections of the
        same proof accepted before it (their threads say so, and undo takes them back)."""
        issue = self.canvas.document.issue
        for other in self.corrections:
            thread = thread_of(issue, other)
            if other is not correction and thread is not None and thread.state == "accepted":
                correction = shifted(correction, other)
        return correction

    def reject_current(self) -> None:
        """Mark the selected correction rejected."""
        self._answer(state="rejected")

    def reply_current(self) -> None:
        """Ask for a reply to the selected correction and record it."""
        text, ok = QInputDialog.getText(self, self.tr("Reply"), self.tr("Reply to the editor:"))
        if ok and text.strip():
            self._answer(reply=text.strip())

    def _answer(self, state: str | None = None, reply: str = "") -> None:
        correction, document = self.current(), self.canvas.document
        if correction is None or document is None:
            return
        document.do(answer(document.issue, correction, state=state, reply=reply, by=user_name(), time=now_text()))
        self.refresh()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Enter accepts, Delete rejects."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.accept_current()
        elif event.key() == Qt.Key_Delete:
            self.reject_current()
        else:
            super().keyPressEvent(event)
