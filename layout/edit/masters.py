"""Master pages (母版) as edits: a page follows a template as its master (its own copies of
the template's furniture go, the master's items show instead), a master's item is changed
(every page that follows the master shows the change), added or detached on one page (a
copy of its own goes on the page, the master's is no longer shown there)."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from layout.edit.change import Batch, Change, EditError, InsertFrame, RemoveFrame, SetFields
from layout.importer.place import unique_id
from layout.model.document import Issue, Page
from layout.model.frames import Frame
from layout.model.masters import MASTER_PREFIX
from layout.model.templates import Template


def _page(issue: Issue, index: int) -> Page:
    if not 0 <= index < len(issue.pages):
        raise EditError(f"the issue has no page at position {index + 1}")
    return issue.pages[index]


def _master(issue: Issue, name: str) -> Template:
    if name not in issue.templates:
        known = ", ".join(sorted(issue.templates)) or "none"
        raise EditError(f"the issue has no master page {name!r} (it has: {known})")
    return issue.templates[name]


def follow_master(issue: Issue, page_index: int, name: str) -> Batch:
    """Let a page follow a master (``""``: none). The page's own copies of the master's items
    (made when the page was made from that template: ``p<number>-<id>``) are taken away."""
    page = _page(issue, page_index)
    changes: list[Change] = []
    if name:
        master = _master(issue, name)
        copies = {f"p{page.number}-{f.id}" for f in master.frames}
        changes += [RemoveFrame(f.id, "follow master") for f in page.frames if f.id in copies]
    changes.append(SetFields(("page", str(page_index)), {"master": name, "detached": []}, "follow master"))
    return Batch(changes, "follow master")


def set_master_item(issue: Issue, name: str, frame_id: str, **values: Any) -> SetFields:
    """Change fields (``rect``, ``text``, ``weight`` …) of one of a master's items."""
    master = _master(issue, name)
    frames = copy.deepcopy(master.frames)
    item = next((f for f in frames if f.id == frame_id), None)
    if item is None:
        raise EditError(f"the master page {name!r} has no item {frame_id!r}")
    for key, value in values.items():
        if not hasattr(item, key) or key in ("id", "kind"):
            raise EditError(f"a {item.kind} frame has no field {key!r}")
        setattr(item, key, value)
    return SetFields(("template", name), {"frames": frames}, "change master")


def add_master_item(issue: Issue, name: str, frame: Frame) -> SetFields:
    """Put a new item (a 报眉, a rule, a running head) on a master page."""
    master = _master(issue, name)
    taken = {f.id for f in master.frames}
    base, number, new_id = frame.id, 1, frame.id
    while new_id in taken:
        number += 1
        new_id = f"{base}-{number}"
    item = dataclasses.replace(copy.deepcopy(frame), id=new_id)
    return SetFields(("template", name), {"frames": [*master.frames, item]}, "add to master")


def detach_master_items(issue: Issue, page_index: int) -> Batch:
    """Detach every item the page shows from its master (one step)."""
    page = _page(issue, page_index)
    master = _master(issue, page.master) if page.master else None
    items = [f for f in master.frames if f.id not in page.detached] if master else []
    if not items:
        raise EditError(f"page {page.number} shows nothing from a master page")
    planned: set[str] = set()
    owns = []
    for item in items:
        own = dataclasses.replace(copy.deepcopy(item), id=unique_id(issue, f"p{page.number}-{item.id}", planned))
        planned.add(own.id)
        owns.append(own)
    return Batch([SetFields(("page", str(page_index)), {"detached": [*page.detached, *(f.id for f in items)]},
                            "detach"), *(InsertFrame(page_index, own, k, "detach") for k, own in enumerate(owns))],
                 "detach master items")


def detach_master_item(issue: Issue, page_index: int, shown_id: str) -> Batch:
    """Detach a master's item on one page: a copy of its own goes on the page (to change
    there), and the master's is no longer shown on that page."""
    page = _page(issue, page_index)
    prefix = f"{MASTER_PREFIX}{page.master}:"
    frame_id = shown_id.removeprefix(prefix) if shown_id.startswith(prefix) else shown_id
    master = _master(issue, page.master) if page.master else None
    item = next((f for f in master.frames if f.id == frame_id), None) if master else None
    if item is None or frame_id in page.detached:
        raise EditError(f"page {page.number} shows no master item {frame_id!r}")
    own = dataclasses.replace(copy.deepcopy(item), id=unique_id(issue, f"p{page.number}-{frame_id}"))
    return Batch([SetFields(("page", str(page_index)), {"detached": [*page.detached, frame_id]}, "detach"),
                  InsertFrame(page_index, own, 0, "detach")], "detach master item")
