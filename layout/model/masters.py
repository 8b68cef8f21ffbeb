"""Master pages (母版): a page that follows one of the issue's templates shows the
template's frames (the masthead 报头, 报眉, folio, running heads, fixed rules) under its own,
so that a change of the master shows on every page that follows it. A master item that
a page has detached (its own copy is on the page now) is not shown from the master there.

The master's frames are shown on the page with ids ``MASTER_PREFIX + template + ":" + id``;
they are not the page's frames, so the editor cannot select or move them on the page.
"""

from __future__ import annotations

import copy
import dataclasses

from layout.model.document import Issue, Page
from layout.model.frames import Frame

MASTER_PREFIX = "master:"


def master_item_id(master: str, frame_id: str) -> str:
    """The id a master's frame has where a page shows it."""
    return f"{MASTER_PREFIX}{master}:{frame_id}"


def master_items(issue: Issue, page: Page) -> list[Frame]:
    """Copies of the frames a page shows from its master (none when it follows none)."""
    master = issue.templates.get(page.master) if page.master else None
    if master is None:
        return []
    return [dataclasses.replace(copy.copy(f), id=master_item_id(page.master, f.id))
            for f in master.frames if f.id not in page.detached]


def shown_frames(issue: Issue, page: Page) -> list[Frame]:
    """Everything a page shows: its master's items under its own frames."""
    return [*master_items(issue, page), *page.frames]
