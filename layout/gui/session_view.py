"""A view of the editor's session: a dock takes the session of the document shown and
follows its change events (as napari's ``QtDims(dims)`` takes its model)."""

from __future__ import annotations

from typing import ClassVar

from layout.edit.session import EditorSession


class SessionView:
    """Mixed into a dock: ``set_session`` binds it to a session (None: no document) and
    subscribes the methods ``FOLLOWS`` names to the session's events."""

    FOLLOWS: ClassVar[dict[str, str]] = {}  # event → the name of the method called after it
    session: EditorSession | None = None

    def set_session(self, session: EditorSession | None) -> None:
        """Show and follow another session."""
        if self.session is not None:
            for event, name in self.FOLLOWS.items():
                self.session.unsubscribe(event, getattr(self, name))
        self.session = session
        if session is not None:
            for event, name in self.FOLLOWS.items():
                session.subscribe(event, getattr(self, name))
        self.session_shown()

    def session_shown(self) -> None:
        """Show what the new session holds (a dock's refresh)."""

    def selected_frames(self) -> list:
        """The session's selected frames ([] without a document)."""
        return self.session.selected_frames() if self.session is not None else []

    @property
    def page(self):
        """The page shown (None without a document)."""
        return self.session.page if self.session is not None else None

    @property
    def page_index(self) -> int:
        """The position of the page shown."""
        return self.session.page_index if self.session is not None else 0
