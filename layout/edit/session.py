"""What the editor is doing, without Qt: the document and its undo history, the page
shown, the selection, the tool and the story being edited.

The editor's views (the canvas and the docks) read the session and subscribe to its
change events (:meth:`EditorSession.subscribe`): ``laid_out`` after every change of
the issue, ``page`` when another page is shown, ``selection``, ``tool``, ``story``
and ``message`` (something to tell the designer). Every change of the issue is an edit operation (``layout.edit``) made
through :meth:`EditorSession.do`, kept in the session's history so that it can be
undone exactly; the editor gives the session a history kept in Qt's undo stack,
tests and scripts use :class:`UndoHistory`.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from layout.edit.change import Change
from layout.engine.page import IssueLayout, LayoutEngine, LazyIssueLayout
from layout.model.document import Issue, Page
from layout.model.frames import Frame

EVENTS = ("laid_out", "page", "selection", "tool", "story", "message")
Listener = Callable[[], None]
ErrorHandler = Callable[[Exception, str], None]


class History(Protocol):
    """Where a session keeps its edits, to undo and redo them."""

    def push(self, change: Change, text: str) -> None:
        """Make the change (through :meth:`EditorSession.apply`) as one step."""

    def undo(self) -> None:
        """Undo the last step."""

    def redo(self) -> None:
        """Make the last step undone again."""


class UndoHistory:
    """A session's history in a list: the steps made, each with the change that undoes it."""

    def __init__(self, session: EditorSession) -> None:
        self.session = session
        self.steps: list[tuple[Change, str]] = []  # (the change that undoes the step, its text)
        self.undone: list[tuple[Change, str]] = []  # (the change that makes the step again, its text)

    def push(self, change: Change, text: str) -> None:
        """Make the change; a change that fails is no step (the issue is put back)."""
        inverse = self.session.apply(change, text)
        if inverse is not None:
            self.steps.append((inverse, text))
            self.undone.clear()

    def undo(self) -> None:
        """Undo the last step (nothing when there is none)."""
        if self.steps:
            inverse, text = self.steps.pop()
            again = self.session.apply(inverse, text)
            if again is not None:
                self.undone.append((again, text))

    def redo(self) -> None:
        """Make the last undone step again."""
        if self.undone:
            again, text = self.undone.pop()
            inverse = self.session.apply(again, text)
            if inverse is not None:
                self.steps.append((inverse, text))

    def count(self) -> int:
        """How many steps can be undone."""
        return len(self.steps)


def _raise(error: Exception, what: str) -> None:
    raise error


class EditorSession:
    """One issue being edited: the document, its history, the page shown, the selection,
    the tool and the story being edited; views subscribe to its changes."""

    def __init__(self, issue: Issue, path: Path | None = None, history: History | None = None,
                 on_error: ErrorHandler = _raise) -> None:
        self.issue = issue
        self.path = path
        self.engine = LayoutEngine(tracked=True)  # every change of the issue here is an edit operation
        self.layout: IssueLayout | LazyIssueLayout = self.engine.layout(issue)
        self.history: History = history if history is not None else UndoHistory(self)
        self.on_error = on_error  # an edit that failed (the issue is back as it was)
        self.page_index = 0
        self.selection: list[str] = []
        self.tool = "select"
        self.story: str | None = None
        self.message = ""  # the last thing said to the designer (``say``)
        self._preview: Change | None = None
        self._snapshot: tuple[Issue, dict, Issue] | None = None  # the issue, its edits, the copy
        self._listeners: dict[str, list[Listener]] = {event: [] for event in EVENTS}

    # change events

    def subscribe(self, event: str, listener: Listener) -> None:
        """Call ``listener`` after every change of this kind (one of EVENTS)."""
        self._listeners[event].append(listener)

    def unsubscribe(self, event: str, listener: Listener) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners[event]:
            self._listeners[event].remove(listener)

    def emit(self, event: str) -> None:
        """Tell the listeners of ``event``."""
        for listener in list(self._listeners[event]):
            listener()

    # the document

    def relayout(self) -> None:
        """Lay out the page shown anew (the others as they are read) and tell the views."""
        self.layout = self.engine.layout(self.issue)
        self.page_display()  # an error in laying out the page shown is the edit's
        self.emit("laid_out")

    def apply(self, change: Change, what: str) -> Change | None:
        """Make a change and lay the issue out; the change that undoes it. On an error the
        issue is put back as it was and laid out again, ``on_error`` is told, and None returned."""
        try:
            inverse = change.apply(self.issue)
        except Exception as exc:
            self.on_error(exc, f"the edit {what!r}")
            return None
        try:
            self.relayout()
        except Exception as exc:
            inverse.apply(self.issue)
            with contextlib.suppress(Exception):
                self.relayout()
            self.on_error(exc, f"the edit {what!r}")
            return None
        return inverse

    def do(self, change: Change, text: str | None = None) -> None:
        """Make a change as one step of the history (ending any preview first)."""
        self.end_preview()
        self.history.push(change, text or change.label)

    def undo(self) -> None:
        """Undo the last step."""
        self.end_preview()
        self.history.undo()

    def redo(self) -> None:
        """Make the last undone step again."""
        self.end_preview()
        self.history.redo()

    def preview(self, change: Change | None) -> None:
        """Show a change that is not a step yet (a drag under way); None shows none."""
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

    def snapshot(self) -> Issue:
        """A copy of the issue for a worker thread (preflight) to read while editing goes on:
        pages and articles no edit touched since the last snapshot are shared with it (they are
        copies already, never changed), the rest copied anew."""
        issue, last = self.issue, self._snapshot
        edits = dict(issue.edits)
        whole = ("issue", ""), ("styles", ""), ("articles", "")
        if last is None or last[0] is not issue or any(edits.get(k) != last[1].get(k) for k in whole) \
                or len(last[2].pages) != len(issue.pages):
            copied = copy.deepcopy(issue)
        else:
            changed = {key for key, number in edits.items() if last[1].get(key) != number}
            old = last[2]
            pages = [copy.deepcopy(page) if ("page", str(index)) in changed
                     or any(("frame", frame.id) in changed for frame in page.frames) else old.pages[index]
                     for index, page in enumerate(issue.pages)]
            by_id = {article.id: article for article in old.articles}
            articles = [copy.deepcopy(article) if ("article", article.id) in changed or article.id not in by_id
                        else by_id[article.id] for article in issue.articles]
            templates = copy.deepcopy(issue.templates) if any(key[0] == "template" for key in changed) \
                else old.templates  # the master pages: an edit of one is an edit of every page following it
            copied = dataclasses.replace(old, pages=pages, articles=articles, templates=templates, paper=issue.paper,
                                         date=issue.date, edition=issue.edition, revision=issue.revision)
        copied.source, copied.edits = issue.source, {}
        self._snapshot = (issue, edits, copied)
        return copied

    # what the designer is looking at and working on

    @property
    def page(self) -> Page | None:
        """The page shown (kept within the issue's pages)."""
        if not self.issue.pages:
            return None
        self.page_index = max(0, min(self.page_index, len(self.issue.pages) - 1))
        return self.issue.pages[self.page_index]

    def page_display(self):
        """The engine's display list of the page shown (laid out now if need be)."""
        page = self.page
        return self.layout.pages[self.page_index] if page is not None else None

    def show_page(self, index: int) -> None:
        """Show the page at ``index``: the selection is emptied."""
        self.page_index = index
        self.page  # noqa: B018 (kept within the pages)
        self.selection = []
        self.emit("page")
        self.emit("selection")

    def select(self, frame_ids: list[str]) -> None:
        """Select these frames (each once, in the order given)."""
        chosen = list(dict.fromkeys(frame_ids))
        if chosen != self.selection:
            self.selection = chosen
            self.emit("selection")

    def selected_frames(self) -> list[Frame]:
        """The selected frames, in the order selected."""
        page = self.page
        return [f for f in (page.frame(i) for i in self.selection) if f is not None] if page else []

    def keep_selection(self) -> None:
        """Drop selected frames that are gone from the page (after a change)."""
        page = self.page
        kept = [i for i in self.selection if page is not None and page.frame(i) is not None]
        if kept != self.selection:
            self.selection = kept
            self.emit("selection")

    def set_tool(self, name: str) -> None:
        """Take up a tool ("select", "text", "photo", "series", …)."""
        if name != self.tool:
            self.tool = name
            self.emit("tool")

    def say(self, text: str) -> None:
        """Tell the designer something (the window shows it in its status bar)."""
        self.message = text
        self.emit("message")

    def edit_story(self, article_id: str | None) -> None:
        """Edit this article's story (None: none)."""
        if article_id != self.story:
            self.story = article_id
            self.emit("story")
