"""Changes to an issue that undo exactly: a handful of primitives and batches of them.

Every primitive's ``apply`` changes the issue and returns the change that puts
it back. Objects go in and come out as deep copies, so a change kept on an undo
stack is never altered by later edits. Pages are addressed by their index in the
issue, frames and articles by id, styles by name. Each notes what it changed in
the issue (``Issue.touch``), for the layout engine's cache.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Protocol

from layout.model.document import Article, Issue, Page
from layout.model.frames import Frame

Target = tuple[str, ...]  # ("issue",), ("page", "2"), ("frame", id), ("article", id), ("style", name),
# ("template", name): a template, which is the master page of the pages that follow it


class Change(Protocol):
    """Something that changes an issue and returns its own inverse."""

    label: str

    def apply(self, issue: Issue) -> Change:
        """Change the issue; return the change that undoes this one."""


class EditError(ValueError):
    """An edit that cannot be made on this issue (a missing frame, page or article)."""


def resolve(issue: Issue, target: Target) -> Any:
    """The object a target names."""
    kind = target[0]
    if kind == "issue":
        return issue
    if kind == "page":
        index = int(target[1])
        if not 0 <= index < len(issue.pages):
            raise EditError(f"the issue has no page at position {index + 1}")
        return issue.pages[index]
    if kind == "frame":
        found = issue.find_frame(target[1])
        if found is None:
            raise EditError(f"no frame {target[1]!r} in the issue")
        return found[1]
    if kind == "article":
        article = issue.article(target[1])
        if article is None:
            raise EditError(f"no article {target[1]!r} in the issue")
        return article
    if kind == "template":
        if target[1] not in issue.templates:
            raise EditError(f"no template {target[1]!r} in the issue")
        return issue.templates[target[1]]
    if kind == "style":
        if target[1] not in issue.styles:
            raise EditError(f"no style {target[1]!r} in the issue")
        return issue.styles[target[1]]
    raise EditError(f"unknown target {target!r}")


def _get(obj: Any, path: str) -> Any:
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def _set(obj: Any, path: str, value: Any) -> None:
    *parents, name = path.split(".")
    for parent in parents:
        obj = getattr(obj, parent)
    if not hasattr(obj, name):
        raise EditError(f"{type(obj).__name__} has no field {name!r}")
    setattr(obj, name, value)


@dataclass
class SetFields:
    """Set fields (dotted paths such as ``pair.before.focus``) of one object."""

    target: Target
    values: dict[str, Any]
    label: str = "change"

    def apply(self, issue: Issue) -> SetFields:
        obj = resolve(issue, self.target)
        old = {path: copy.deepcopy(_get(obj, path)) for path in self.values}
        try:
            for path, value in self.values.items():
                _set(obj, path, copy.deepcopy(value))
        finally:
            issue.touch(*touched(self.target))
        return SetFields(self.target, old, self.label)


def touched(target: Target) -> list[tuple[str, str]]:
    """The parts of the issue a change of ``target`` touches (a style: the styles as well)."""
    part = (target[0], target[1] if len(target) > 1 else "")
    return [part, ("styles", "")] if target[0] == "style" else [part]


def _locate(issue: Issue, frame_id: str) -> tuple[int, int]:
    for page_index, page in enumerate(issue.pages):
        for position, frame in enumerate(page.frames):
            if frame.id == frame_id:
                return page_index, position
    raise EditError(f"no frame {frame_id!r} in the issue")


@dataclass
class InsertFrame:
    """Put a frame on a page at a place in its stacking order (-1: on top)."""

    page_index: int
    frame: Frame
    position: int = -1
    label: str = "add frame"

    def apply(self, issue: Issue) -> RemoveFrame:
        if issue.find_frame(self.frame.id) is not None:
            raise EditError(f"a frame {self.frame.id!r} is in the issue already")
        frames = resolve(issue, ("page", str(self.page_index))).frames
        position = len(frames) if self.position < 0 else min(self.position, len(frames))
        frames.insert(position, copy.deepcopy(self.frame))
        issue.touch(("frame", self.frame.id), ("page", str(self.page_index)))
        return RemoveFrame(self.frame.id, self.label)


@dataclass
class RemoveFrame:
    """Take a frame off its page."""

    frame_id: str
    label: str = "delete frame"

    def apply(self, issue: Issue) -> InsertFrame:
        page_index, position = _locate(issue, self.frame_id)
        frame = issue.pages[page_index].frames.pop(position)
        issue.touch(("frame", self.frame_id), ("page", str(page_index)))
        return InsertFrame(page_index, frame, position, self.label)


@dataclass
class MoveFrame:
    """Put a frame at another place in the stacking order, or on another page."""

    frame_id: str
    page_index: int
    position: int
    label: str = "restack"

    def apply(self, issue: Issue) -> MoveFrame:
        page_index, position = _locate(issue, self.frame_id)
        frame = issue.pages[page_index].frames.pop(position)
        resolve(issue, ("page", str(self.page_index))).frames.insert(self.position, frame)
        issue.touch(("frame", self.frame_id), ("page", str(page_index)), ("page", str(self.page_index)))
        return MoveFrame(self.frame_id, page_index, position, self.label)


@dataclass
class InsertArticle:
    """Add an article to the issue at a position in its list."""

    article: Article
    position: int = -1
    label: str = "add article"

    def apply(self, issue: Issue) -> RemoveArticle:
        if issue.article(self.article.id) is not None:
            raise EditError(f"an article {self.article.id!r} is in the issue already")
        position = len(issue.articles) if self.position < 0 else self.position
        issue.articles.insert(position, copy.deepcopy(self.article))
        issue.touch(("article", self.article.id), ("articles", ""))
        return RemoveArticle(self.article.id, self.label)


@dataclass
class RemoveArticle:
    """Take an article out of the issue."""

    article_id: str
    label: str = "delete article"

    def apply(self, issue: Issue) -> InsertArticle:
        position = next((i for i, a in enumerate(issue.articles) if a.id == self.article_id), None)
        if position is None:
            raise EditError(f"no article {self.article_id!r} in the issue")
        issue.touch(("article", self.article_id), ("articles", ""))
        return InsertArticle(issue.articles.pop(position), position, self.label)


@dataclass
class InsertPage:
    """Add a page at a position in the issue."""

    page: Page
    position: int = -1
    label: str = "add page"

    def apply(self, issue: Issue) -> RemovePage:
        position = len(issue.pages) if self.position < 0 else min(self.position, len(issue.pages))
        issue.pages.insert(position, copy.deepcopy(self.page))
        issue.touch(("issue", ""))
        return RemovePage(position, self.label)


@dataclass
class RemovePage:
    """Take the page at a position out of the issue."""

    position: int
    label: str = "delete page"

    def apply(self, issue: Issue) -> InsertPage:
        resolve(issue, ("page", str(self.position)))
        issue.touch(("issue", ""))
        return InsertPage(issue.pages.pop(self.position), self.position, self.label)


@dataclass
class MovePage:
    """Move the page at one position to another."""

    source: int
    destination: int
    label: str = "move page"

    def apply(self, issue: Issue) -> MovePage:
        page = resolve(issue, ("page", str(self.source)))
        issue.pages.pop(self.source)
        issue.pages.insert(self.destination, page)
        issue.touch(("issue", ""))
        return MovePage(self.destination, self.source, self.label)


@dataclass
class Batch:
    """Changes made one after another as one step; undone in the reverse order."""

    changes: list[Change] = field(default_factory=list)
    label: str = "change"

    def apply(self, issue: Issue) -> Batch:
        done: list[Change] = []
        try:
            for change in self.changes:
                done.append(change.apply(issue))
        except BaseException:
            for inverse in reversed(done):
                inverse.apply(issue)
            raise
        return Batch(done[::-1], self.label)
