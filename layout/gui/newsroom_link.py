"""The editor on a newsroom issue: hold what the designer changes, save to the database,
show colleagues' changes within a second, and keep working while the database is away.

The window holds the page it opened on while it shows it; a page or story is taken the
moment an edit touches it (an edit on something a colleague holds is taken back at once,
with the holder named). Colleagues' saves arrive by LISTEN/NOTIFY and replace the pages
and stories this window has not changed; the pages dock shows who holds each page and
its state (排版中 / 待校 / 已校 / 已签). When the database goes away the work stays in the
window and in the local recovery file, the status bar says so, and the save is made when
the database is back.
"""

from __future__ import annotations

import psycopg
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from layout.gui.document import EditorDocument
from layout.model.document import Issue
from layout.store.newsroom.address import NewsroomError, parse
from layout.store.newsroom.store import STATES, ConflictError, HeldError, IssueSession, Listener, Newsroom

POLL_MS = 100  # how often the window looks for colleagues' saves
DOCK_EVERY = 30  # and every this many looks it asks who holds what (a killed colleague tells nobody)
RETRY_MS = 2000  # how often it tries the database again while it is away
STATE_ZH = STATES


class NewsroomLink(QObject):
    """One window's connection to a newsroom issue."""

    def __init__(self, window: QMainWindow, address: str) -> None:
        super().__init__(window)
        self.window = window
        self.address = parse(address)
        self.session = IssueSession(Newsroom(self.address))
        self.issue: Issue = self.session.load()
        self.listener = Listener(self.address, self.session.newsroom.conn.info.backend_pid)
        self.document: EditorDocument | None = None
        self.offline = False
        self.shown_page: int | None = None
        self._index = 0  # the undo stack's index after the last edit, undo or redo
        self._polls = 0
        self.label = QLabel()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_MS)
        self.retry = QTimer(self)
        self.retry.timeout.connect(self.reconnect)
        self._show_status()

    # -- the document ---------------------------------------------------------------------------
    def attach(self, document: EditorDocument) -> None:
        """Follow the document's edits (to hold what they touch)."""
        self.document = document
        self._index = document.undo_stack.index()
        document.undo_stack.indexChanged.connect(self._edited)

    def show_page(self, index: int) -> bool:
        """The window shows page ``index``: hold it (letting go of the page shown before if it has
        no unsaved change); False, with the holder said, when a colleague has it."""
        previous, self.shown_page = self.shown_page, index
        if (previous is not None and previous != index and not self.offline
                and not self.session.page_changed(self.issue, previous)):
            self._call(self.session.newsroom.let_go, self.session.issue_id, "page", str(previous))
        try:
            newer = self._call(self.session.hold_page, index, self.issue)
        except (HeldError, NewsroomError) as exc:
            self.window.statusBar().showMessage(str(exc), 10000)
            return False
        if newer and self.document is not None:
            self.document.relayout()
        self.refresh_pages()
        return True

    def _edited(self, index: int) -> None:
        """An edit, an undo or a redo: hold what it touches, or take it back (the other way)."""
        forward, self._index = index > self._index, index
        if self.offline or self.document is None:
            return
        try:
            self._call(self.session.hold, self.session.changes(self.issue))
        except (HeldError, ConflictError) as exc:
            QMessageBox.warning(self.window, self.tr("Held by a colleague"),
                                self.tr("%1. Your change is taken back.").replace("%1", str(exc)))
            stack = self.document.undo_stack
            QTimer.singleShot(0, stack.undo if forward else stack.redo)
        except NewsroomError:
            pass  # the database went away: the window says so, and the edit stays here

    def save(self) -> bool:
        """Save what changed; False (said in a message or the status bar) when it could not be."""
        document = self.document
        stack = document.undo_stack
        operations = [stack.text(i) for i in range(max(stack.cleanIndex(), 0), stack.index())]
        document.end_preview()
        try:
            self._call(self.session.save, self.issue, operations)
        except (HeldError, ConflictError) as exc:
            QMessageBox.warning(self.window, self.tr("Cannot save"), str(exc))
            return False
        except NewsroomError as exc:
            if self.offline:
                self.window.statusBar().showMessage(str(exc), 10000)
                return False
            raise
        stack.setClean()
        self.window.statusBar().showMessage(self.tr("Saved to the newsroom"), 5000)
        self.refresh_pages()
        return True

    # -- colleagues -------------------------------------------------------------------------------
    def poll(self) -> None:
        """Take colleagues' saves into the open issue and tell the views."""
        if self.offline or self.document is None:
            return
        if self.window.canvas.page_index != self.shown_page:
            self.show_page(self.window.canvas.page_index)
        self._polls += 1
        try:
            notices = self._call(self.listener.poll, 0.0)
            if not notices:
                if self._polls % DOCK_EVERY == 0:
                    self.refresh_pages()
                return
            taken = self._call(self.session.take_changes, self.issue, notices)
        except NewsroomError:
            return
        if taken:
            self.document.relayout()
            by = ", ".join(sorted({n.get("by", "") for n in notices}))
            self.window.statusBar().showMessage(self.tr("Changed by %1: %2").replace("%1", by)
                                                .replace("%2", ", ".join(taken)), 8000)
        self.refresh_pages()

    def refresh_pages(self) -> None:
        """Show each page's holder and state in the pages dock."""
        if self.offline:
            return
        try:
            holders = self._call(self.session.newsroom.holders, self.session.issue_id)
            states = self._call(self.session.states)
        except NewsroomError:
            return
        me = self.session.newsroom.name
        notes = {}
        for index, state in enumerate(states):
            holder = holders.get(("page", str(index)))
            who = "" if holder is None else (self.tr("me") if f"{holder.user}@{holder.host}" == me
                                             else holder.user)
            notes[index] = " · ".join(filter(None, [STATE_ZH[state], who]))
        self.window.pages.set_notes(notes)

    # -- the database going away and coming back --------------------------------------------------
    def _call(self, function, *args):
        """Call the store; a lost connection turns the window offline (NewsroomError)."""
        try:
            return function(*args)
        except psycopg.OperationalError as exc:
            self._went_away()
            raise NewsroomError(f"the newsroom database is not reachable ({exc}); your work is kept here") from None

    def _went_away(self) -> None:
        if self.offline:
            return
        self.offline = True
        safekeeping = getattr(self.window, "safekeeping", None)
        if safekeeping is not None and safekeeping.autosave is not None:
            safekeeping.autosave.write()  # the work is on this machine's disk at once
        self.retry.start(RETRY_MS)
        self._show_status()

    def reconnect(self) -> bool:
        """Try the database again; back, hold again what was changed and save it."""
        try:
            newsroom = Newsroom(self.address)
            listener = Listener(self.address, newsroom.conn.info.backend_pid)
        except NewsroomError:
            return False
        for old in (self.session.newsroom.conn, self.listener.conn):
            old.close()
        self.session.newsroom, self.listener = newsroom, listener
        self.offline = False
        self.retry.stop()
        self._show_status()
        if self.shown_page is not None:
            self.show_page(self.shown_page)
        if self.document is not None and self.document.modified:
            self.save()
        return True

    def _show_status(self) -> None:
        if self.offline:
            self.label.setText(self.tr("Newsroom database away: work kept on this computer, saved when it is back"))
            self.label.setStyleSheet("color: #b00000; font-weight: bold")
        else:
            self.label.setText(self.tr("Newsroom: %1").replace("%1", self.session.newsroom.name))
            self.label.setStyleSheet("")

    def close(self) -> None:
        """The window closes: let go of everything it holds."""
        self.timer.stop()
        self.retry.stop()
        self.window.statusBar().removeWidget(self.label)
        for conn in (self.session.newsroom.conn, self.listener.conn):
            conn.close()
