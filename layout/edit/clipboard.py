"""Copy, cut, paste and duplicate, without Qt: frames, articles with their frames, photos and
pairs, within a page, to another page, or into another document.

A :class:`Clip` holds copies of the frames and of the articles whose headline or text
frames were taken (each article's flow cut down to the frames taken), with photo paths
made absolute, so that it can be pasted into any document; :func:`clip_to_json` and
:func:`clip_from_json` carry it through the system clipboard, beside its plain text.
Pasting gives every frame and article a new id and makes each photo path relative to the
document pasted into. Like every edit, :func:`paste` returns a change.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from layout.edit.change import Batch, Change, EditError, InsertArticle, InsertFrame
from layout.importer.place import relative_path, unique_id
from layout.model.codec import article_from_json, article_to_json, frame_from_json, frame_to_json
from layout.model.document import Article, Issue
from layout.model.frames import CaptionFrame, Frame, HeadlineFrame, Photo, PhotoFrame, PhotoPairFrame, SeriesFrame
from layout.model.geometry import Rect
from layout.store.assets import photo_path

CLIP_FORMAT = "layout-clip"
MIME_TYPE = "application/x-layout-clip+json"
PASTE_OFFSET = 12.0  # points: a paste on the page it came from lands this far down and right


@dataclass
class Clip:
    """What was copied: frames (in stacking order) and the articles they carry."""

    frames: list[Frame] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The plain text, for other programs: each article's headline, byline and body, each
        text frame's text, each caption."""
        blocks: list[str] = []
        for article in self.articles:
            head = [t for t in (article.headline.kicker, article.headline.title, article.headline.subtitle) if t]
            blocks.append("\n".join([*head, *([article.byline] if article.byline else []),
                                     *(p.text for p in article.paragraphs)]))
        for frame in self.frames:
            if isinstance(frame, CaptionFrame) and frame.text:
                blocks.append(frame.text)
            elif isinstance(frame, PhotoFrame) and frame.caption:
                blocks.append(frame.caption)
            elif isinstance(frame, PhotoPairFrame) and frame.pair.caption:
                blocks.append(frame.pair.caption)
        return "\n\n".join(blocks)


def _photos(frame: Frame) -> list[Photo]:
    if isinstance(frame, PhotoPairFrame):
        return [frame.pair.before, frame.pair.after]
    if isinstance(frame, SeriesFrame):
        return [*frame.singles, *(p for pair in frame.pairs for p in (pair.before, pair.after))]
    return []


def _rebase(frame: Frame, move: Callable[[str], str]) -> None:
    """Give every photo path of a frame (a copy) through ``move``."""
    if isinstance(frame, PhotoFrame) and frame.image:
        frame.image = move(frame.image)
    for photo in _photos(frame):
        if photo.image:
            photo.image = move(photo.image)


def copy_frames(issue: Issue, frame_ids: Iterable[str]) -> Clip:
    """A clip of these frames (in the page's stacking order) and of the articles they carry."""
    wanted = set(frame_ids)
    frames = [copy.deepcopy(f) for page in issue.pages for f in page.frames if f.id in wanted]
    if not frames:
        raise EditError("nothing to copy: no frame is selected")
    taken = {f.id for f in frames}
    articles: list[Article] = []
    for article in issue.articles:
        heads = any(isinstance(f, HeadlineFrame) and f.article == article.id for f in frames)
        flow = [i for i in article.flow if i in taken]
        if heads or flow:
            copied = copy.deepcopy(article)
            copied.flow = flow
            articles.append(copied)
    for frame in frames:
        _rebase(frame, lambda p: photo_path(issue, p).as_posix())
    return Clip(frames, articles)


def paste(issue: Issue, clip: Clip, page_index: int, in_place: bool = False,
          offset: tuple[float, float] = (PASTE_OFFSET, PASTE_OFFSET)) -> Batch:
    """Paste a clip on a page: where it was (``in_place``) or moved by ``offset``; new ids
    for every frame and article, photo paths relative to this document."""
    if not 0 <= page_index < len(issue.pages):
        raise EditError(f"the issue has no page at position {page_index + 1}")
    if not clip.frames:
        raise EditError("the clipboard holds no frames")
    dx, dy = (0.0, 0.0) if in_place else offset
    planned: set[str] = set()
    article_ids = {a.id: _fresh(issue, a.id, planned) for a in clip.articles}
    frame_ids = {f.id: _fresh(issue, f.id, planned) for f in clip.frames}
    changes: list[Change] = []
    for article in clip.articles:
        new = copy.deepcopy(article)
        new.id = article_ids[article.id]
        new.flow = [frame_ids[i] for i in article.flow if i in frame_ids]
        changes.append(InsertArticle(new, -1, "paste"))
    for frame in clip.frames:
        new = copy.deepcopy(frame)
        new.id = frame_ids[frame.id]
        new.rect = Rect(frame.rect.x + dx, frame.rect.y + dy, frame.rect.w, frame.rect.h)
        if isinstance(new, HeadlineFrame):
            new.article = article_ids.get(new.article, new.article)
        _rebase(new, lambda p: relative_path(issue, p))
        changes.append(InsertFrame(page_index, new, -1, "paste"))
    return Batch(changes, "paste")


def _fresh(issue: Issue, old: str, planned: set[str]) -> str:
    """A new id like ``old`` (``a3-copy``, ``a3-copy-2`` …) that nothing uses or is about to."""
    chosen = unique_id(issue, f"{old.split('-copy')[0]}-copy", planned)
    planned.add(chosen)
    return chosen


def duplicate(issue: Issue, frame_ids: Iterable[str], page_index: int) -> Batch:
    """Copies of these frames (and their articles) a little down and right, as one step."""
    return dataclasses.replace(paste(issue, copy_frames(issue, frame_ids), page_index), label="duplicate")


def clip_to_json(clip: Clip) -> dict[str, Any]:
    """A clip as the clipboard carries it between documents and programs of ours."""
    return {"format": CLIP_FORMAT, "frames": [frame_to_json(f) for f in clip.frames],
            "articles": [article_to_json(a) for a in clip.articles]}


def clip_from_json(data: Any) -> Clip:
    """A clip from the clipboard (ValueError for anything else)."""
    if not isinstance(data, dict) or data.get("format") != CLIP_FORMAT:
        raise ValueError("the clipboard holds no frames of this program")
    try:
        return Clip([frame_from_json(f) for f in data.get("frames", [])],
                    [article_from_json(a) for a in data.get("articles", [])])
    except (KeyError, TypeError, ValueError) as problem:
        raise ValueError(f"the clipboard's frames cannot be read: {problem}") from None
