"""The designer's edits, each planned against the issue as it is and returned as a Change.

Nothing here changes the issue: apply the returned change (``change.apply(issue)``),
which gives back its inverse. Frames are named by id, pages by their position in
the issue (0 for the first).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from layout.edit.change import (
    Batch,
    Change,
    EditError,
    InsertArticle,
    InsertFrame,
    InsertPage,
    MoveFrame,
    MovePage,
    RemoveArticle,
    RemoveFrame,
    RemovePage,
    SetFields,
)
from layout.edit.snap import bounds
from layout.engine.article import layout_article
from layout.importer.place import Placement, relative_path, unique_id
from layout.model.colour import Colour
from layout.model.document import Issue, Page
from layout.model.frames import (
    BoxFrame,
    CaptionFrame,
    Frame,
    HeadlineFrame,
    Photo,
    PhotoFrame,
    PhotoPair,
    PhotoPairFrame,
    RuleFrame,
    SeriesFrame,
    TextFrame,
)
from layout.model.geometry import Rect
from layout.model.limits import SIZE_PT, min_side, rect_problem
from layout.store.assets import photo_path
from layout.units import UnitError, length


def page_index_of(issue: Issue, frame_id: str) -> int:
    """The position in the issue of the page that holds a frame."""
    for index, page in enumerate(issue.pages):
        if page.frame(frame_id) is not None:
            return index
    raise EditError(f"no frame {frame_id!r} in the issue")


def frame(issue: Issue, frame_id: str) -> Frame:
    """The frame with this id."""
    found = issue.find_frame(frame_id)
    if found is None:
        raise EditError(f"no frame {frame_id!r} in the issue")
    return found[1]


def article_of(issue: Issue, frame_id: str) -> str | None:
    """The id of the article a headline or text frame belongs to, if any."""
    for article in issue.articles:
        if frame_id in article.flow:
            return article.id
    found = issue.find_frame(frame_id)
    if found and isinstance(found[1], HeadlineFrame) and issue.article(found[1].article):
        return found[1].article
    return None


def article_frames(issue: Issue, article_id: str, page: Page | None = None) -> list[str]:
    """The ids of an article's headline and text frames (on one page, if given), in stacking order."""
    article = issue.article(article_id)
    if article is None:
        return []
    pages = [page] if page is not None else issue.pages
    return [f.id for p in pages for f in p.frames
            if f.id in article.flow or (isinstance(f, HeadlineFrame) and f.article == article_id)]


def _unlocked(issue: Issue, frame_ids: Iterable[str]) -> list[str]:
    return [i for i in frame_ids if not frame(issue, i).locked]


def set_rects(issue: Issue, rects: Mapping[str, Rect], label: str = "move") -> Batch:
    """Give frames new rectangles (locked frames stay); EditError, naming the frame and the
    rule, for a rectangle the file format would refuse (see :func:`check_rect`)."""
    moving = _unlocked(issue, rects)
    for i in moving:
        check_rect(issue, i, rects[i])
    return Batch([SetFields(("frame", i), {"rect": rects[i]}, label) for i in moving], label)


def check_rect(issue: Issue, frame_id: str, rect: Rect) -> None:
    """EditError when a frame may not have this rectangle: the file format's rule for frames
    (:func:`layout.model.limits.rect_problem`: the smallest size, within its page's limits)."""
    found = issue.find_frame(frame_id)
    if found is None:
        raise EditError(f"no frame {frame_id!r} in the issue")
    page, target = found
    problem = rect_problem(target.kind, (rect.x, rect.y, rect.w, rect.h), max(page.width, page.height))
    if problem is not None:
        raise EditError(f"frame {frame_id}: {problem}")


def move_frames(issue: Issue, frame_ids: Iterable[str], dx: float, dy: float) -> Batch:
    """Move frames by dx, dy points."""
    rects = {}
    for i in frame_ids:
        r = frame(issue, i).rect
        rects[i] = Rect(r.x + dx, r.y + dy, r.w, r.h)
    return set_rects(issue, rects, "move")


def resize_frame(issue: Issue, frame_id: str, rect: Rect) -> Batch:
    """Give one frame a new rectangle, made no smaller than its kind's smallest side (rules
    and boxes may be 0 high)."""
    smallest = min_side(frame(issue, frame_id).kind)
    rect = Rect(rect.x, rect.y, max(smallest, rect.w), max(smallest, rect.h))
    return set_rects(issue, {frame_id: rect}, "resize")


def _article_changes(issue: Issue, doomed: set[str]) -> list[Change]:
    """What deleting these frames does to articles: text frames leave their flow, and an
    article left with no frame at all is deleted with them."""
    changes: list[Change] = []
    for article in issue.articles:
        mine = set(article_frames(issue, article.id))
        if not mine & doomed:
            continue
        if not mine - doomed:
            changes.append(RemoveArticle(article.id, "delete"))
        else:
            changes.append(SetFields(("article", article.id),
                                     {"flow": [i for i in article.flow if i not in doomed]}, "delete"))
    return changes


def delete_frames(issue: Issue, frame_ids: Iterable[str]) -> Batch:
    """Delete frames (not locked ones); undo brings back the frames and what their articles lost."""
    doomed = _unlocked(issue, dict.fromkeys(frame_ids))
    removes: list[Change] = [RemoveFrame(i, "delete") for i in doomed]
    return Batch(removes + _article_changes(issue, set(doomed)), "delete")


def restack(issue: Issue, frame_ids: Iterable[str], step: int) -> Batch:
    """Bring frames forward (step > 0: drawn later, over others) or send them backward
    (step < 0) among their page's frames; a large step goes to the front or the back."""
    chosen = set(frame_ids)
    changes: list[Change] = []
    for page_index, page in enumerate(issue.pages):
        order = [f.id for f in page.frames]
        for frame_id in sorted((i for i in order if i in chosen), key=order.index, reverse=step > 0):
            position = order.index(frame_id)
            order.insert(max(0, min(len(order) - 1, position + step)), order.pop(position))
        if order != [f.id for f in page.frames]:
            changes += [MoveFrame(i, page_index, position, "restack") for position, i in enumerate(order)]
    return Batch(changes, "restack")


def set_locked(issue: Issue, frame_ids: Iterable[str], locked: bool) -> Batch:
    """Lock or unlock frames."""
    label = "lock" if locked else "unlock"
    return Batch([SetFields(("frame", i), {"locked": locked}, label) for i in frame_ids], label)


HSCALE_RANGE = (50, 150)  # percent: 长体 to 扁体
TRACKING_STEP = 0.005  # em


def set_frame_fields(issue: Issue, frame_id: str, label: str = "change frame", **values: Any) -> SetFields:
    """Change fields of one frame (a photo's fit, zoom, focus, caption; a pair's labels …)."""
    frame(issue, frame_id)
    return SetFields(("frame", frame_id), values, label)


def set_headline(issue: Issue, article_id: str, **parts: str) -> SetFields:
    """Change an article's 引题 (kicker), 主题 (title) or 副题 (subtitle)."""
    return SetFields(("article", article_id), {f"headline.{k}": v for k, v in parts.items()}, "headline")


def set_story(issue: Issue, article_id: str, **values: Any) -> SetFields:
    """Change an article's text: ``headline.title`` (and kicker, subtitle), ``byline``,
    ``paragraphs`` (a list of Paragraph)."""
    return SetFields(("article", article_id), values, "text")


def replace_text(issue: Issue, find: str, replacement: str) -> Batch:
    """Replace a text everywhere in the issue: headlines, bylines and paragraphs of every
    article, captions and credits of photos, pairs and caption frames."""
    changes: list[Change] = []
    for article in issue.articles:
        values: dict[str, Any] = {}
        for part in ("kicker", "title", "subtitle"):
            text = getattr(article.headline, part)
            if find in text:
                values[f"headline.{part}"] = text.replace(find, replacement)
        if find in article.byline:
            values["byline"] = article.byline.replace(find, replacement)
        if any(find in p.text for p in article.paragraphs):
            values["paragraphs"] = [dataclasses.replace(p, text=p.text.replace(find, replacement))
                                    for p in article.paragraphs]
        if values:
            changes.append(SetFields(("article", article.id), values, "replace"))
    for page in issue.pages:
        for f in page.frames:
            values = {name: getattr(f, name).replace(find, replacement) for name in ("text", "caption", "credit")
                      if isinstance(getattr(f, name, None), str) and find in getattr(f, name)}
            if isinstance(f, PhotoPairFrame) and find in f.pair.caption:
                values["pair.caption"] = f.pair.caption.replace(find, replacement)
            if values:
                changes.append(SetFields(("frame", f.id), values, "replace"))
    return Batch(changes, "replace")


def correct_text(issue: Issue, article_id: str, part: str, paragraph: int, start: int, end: int,
                 replacement: str, expected: str | None = None) -> SetFields:
    """Replace characters ``start``..``end - 1`` of an article's text with ``replacement``
    (an empty range inserts, an empty replacement deletes): of body paragraph ``paragraph``,
    of the byline, or of a headline part (``kicker``, ``title``, ``subtitle``). With
    ``expected`` the range must still hold that text (EditError otherwise)."""
    article = issue.article(article_id)
    if article is None:
        raise EditError(f"no article {article_id!r}")
    if part == "body":
        if not 0 <= paragraph < len(article.paragraphs):
            raise EditError(f"article {article_id} has no paragraph {paragraph}")
        text = article.paragraphs[paragraph].text
    elif part in ("byline", "kicker", "title", "subtitle"):
        text = article.byline if part == "byline" else getattr(article.headline, part)
    else:
        raise EditError(f"{part!r} is not a part of an article's text")
    if not 0 <= start <= end <= len(text):
        raise EditError(f"characters {start}–{end} are not in the text ({len(text)} characters)")
    if expected is not None and text[start:end] != expected:
        raise EditError(f"the text at {start}–{end} is now {text[start:end]!r}, not {expected!r}")
    new = text[:start] + replacement + text[end:]
    if part == "body":
        paragraphs = list(article.paragraphs)
        paragraphs[paragraph] = dataclasses.replace(paragraphs[paragraph], text=new)
        return SetFields(("article", article_id), {"paragraphs": paragraphs}, "correction")
    field_name = "byline" if part == "byline" else f"headline.{part}"
    return SetFields(("article", article_id), {field_name: new}, "correction")


def link_frame(issue: Issue, article_id: str, frame_id: str) -> SetFields:
    """Let an article flow on into a text frame (added at the end of its chain)."""
    article = issue.article(article_id)
    if article is None:
        raise EditError(f"no article {article_id!r} in the issue")
    if not isinstance(frame(issue, frame_id), TextFrame):
        raise EditError(f"frame {frame_id} is not a text frame")
    if article_of(issue, frame_id) is not None:
        raise EditError(f"frame {frame_id} already holds an article")
    return SetFields(("article", article_id), {"flow": [*article.flow, frame_id]}, "link")


def link_new_frame(issue: Issue, article_id: str, page_index: int, rect: Rect, columns: int = 1) -> Batch:
    """A new text frame on a page that the article flows on into."""
    article = issue.article(article_id)
    if article is None:
        raise EditError(f"no article {article_id!r} in the issue")
    insert = add_frame(issue, page_index, TextFrame(f"{article_id}-body", rect, columns=max(1, columns)), "link")
    return Batch([insert, SetFields(("article", article_id), {"flow": [*article.flow, insert.frame.id]}, "link")],
                 "link")


def unlink_frame(issue: Issue, frame_id: str) -> SetFields:
    """Take a text frame out of its article's chain (the frame stays, empty)."""
    article_id = article_of(issue, frame_id)
    if article_id is None:
        raise EditError(f"frame {frame_id} holds no article")
    flow = [i for i in issue.article(article_id).flow if i != frame_id]
    return SetFields(("article", article_id), {"flow": flow}, "unlink")


def fit_copy(issue: Issue, frame_id: str) -> SetFields:
    """Make a text frame just tall enough for its article's text, in whole grid lines
    (as tall as the page allows when even that does not hold it all)."""
    article_id = article_of(issue, frame_id)
    target = frame(issue, frame_id)
    if article_id is None or not isinstance(target, TextFrame):
        raise EditError(f"frame {frame_id} holds no article text")
    page = issue.pages[page_index_of(issue, frame_id)]
    pitch, area = page.grid.line_pitch, page.type_area
    most = max(1, int((area.bottom - target.rect.y) / pitch + 1e-6))
    trial = copy.deepcopy(issue)
    trial_frame = trial.find_frame(frame_id)[1]

    def overset(lines: int) -> int:
        trial_frame.rect = Rect(target.rect.x, target.rect.y, target.rect.w, lines * pitch)
        return layout_article(trial, trial.article(article_id)).overset

    low, high = 1, most
    while low < high:
        middle = (low + high) // 2
        if overset(middle):
            low = middle + 1
        else:
            high = middle
    rect = Rect(target.rect.x, target.rect.y, target.rect.w, low * pitch)
    return SetFields(("frame", frame_id), {"rect": rect}, "fit copy")


def set_style(issue: Issue, name: str, **values: Any) -> SetFields:
    """Change fields of a named style (size, leading, tracking, font, colour, alignment,
    horizontal scale in percent: 长体 below 100, 扁体 above …)."""
    if name not in issue.styles:
        raise EditError(f"no style {name!r} in the issue")
    check_style_values(name, values)
    return SetFields(("style", name), values, "style")


def check_style_values(name: str, values: Mapping[str, Any]) -> None:
    """EditError for a size or leading that is not a length or is outside the file format's range,
    or a horizontal scale outside HSCALE_RANGE."""
    for key in ("size", "leading"):
        if values.get(key) is not None:
            try:
                points = length(values[key])
            except UnitError as exc:
                raise EditError(f"style {name}: {exc}") from None
            if not SIZE_PT[0] <= points <= SIZE_PT[1]:
                raise EditError(f"style {name}: {key} {points:g} pt is outside {SIZE_PT[0]:g} to {SIZE_PT[1]:g} pt")
    scale = values.get("hscale")
    if scale is not None and not HSCALE_RANGE[0] <= scale <= HSCALE_RANGE[1]:
        raise EditError(f"a horizontal scale of {scale:g} % is outside {HSCALE_RANGE[0]}–{HSCALE_RANGE[1]} %")


def set_balance(issue: Issue, article_id: str, on: bool) -> SetFields:
    """Balance the columns of an article's last frame (齐栏), or let them fill in turn."""
    if issue.article(article_id) is None:
        raise EditError(f"no article {article_id!r} in the issue")
    return SetFields(("article", article_id), {"balance": on}, "balance columns")


def fit_by_tracking(issue: Issue, article_id: str) -> SetFields:
    """Copy-fit an article by its tracking, within what its body style allows either way
    (``fit_tracking``): the loosest tracking, in steps of TRACKING_STEP em, at which all of
    its text fits its frames; the tightest allowed when none does."""
    article = issue.article(article_id)
    if article is None:
        raise EditError(f"no article {article_id!r} in the issue")
    limit = issue.style("body").fit_tracking
    if limit <= 0:
        raise EditError("the body style allows no tracking for copy-fitting (fit_tracking is 0)")
    trial = copy.deepcopy(issue)
    story = trial.article(article_id)

    def fits(steps: int) -> bool:
        story.tracking = steps * TRACKING_STEP
        return layout_article(trial, story).overset == 0

    most = int(limit / TRACKING_STEP + 1e-9)
    low, high = -most, most  # fits at low (else none does), the answer at or below high
    if not fits(low):
        return SetFields(("article", article_id), {"tracking": round(low * TRACKING_STEP, 4)}, "fit by tracking")
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return SetFields(("article", article_id), {"tracking": round(low * TRACKING_STEP, 4)}, "fit by tracking")


def add_frame(issue: Issue, page_index: int, new: Frame, label: str = "add frame") -> InsertFrame:
    """Put a new frame on top of a page's frames, with an id no other frame has (EditError for
    a rectangle the file format would refuse)."""
    if not 0 <= page_index < len(issue.pages):
        raise EditError(f"the issue has no page at position {page_index + 1}")
    page, r = issue.pages[page_index], new.rect
    problem = rect_problem(new.kind, (r.x, r.y, r.w, r.h), max(page.width, page.height))
    if problem is not None:
        raise EditError(f"a new {new.kind} frame: {problem}")
    new = dataclasses.replace(copy.deepcopy(new), id=unique_id(issue, new.id))
    return InsertFrame(page_index, new, -1, label)


ALIGNMENTS = ("left", "centre", "right", "top", "middle", "bottom")


def align_frames(issue: Issue, frame_ids: Iterable[str], how: str) -> Batch:
    """Line up frames (two or more) on the selection's left, centre, right, top, middle or bottom."""
    if how not in ALIGNMENTS:
        raise EditError(f"align {how!r}: use one of {', '.join(ALIGNMENTS)}")
    frames = [frame(issue, i) for i in _unlocked(issue, frame_ids)]
    if len(frames) < 2:
        raise EditError("align needs two frames or more (locked ones stay)")
    box = bounds([f.rect for f in frames])
    rects = {}
    for f in frames:
        r = f.rect
        x = {"left": box.x, "centre": box.x + (box.w - r.w) / 2, "right": box.right - r.w}.get(how, r.x)
        y = {"top": box.y, "middle": box.y + (box.h - r.h) / 2, "bottom": box.bottom - r.h}.get(how, r.y)
        rects[f.id] = Rect(x, y, r.w, r.h)
    return set_rects(issue, rects, "align")


def distribute_frames(issue: Issue, frame_ids: Iterable[str], axis: str) -> Batch:
    """Space frames (three or more) evenly across (``axis`` "x") or down ("y") between the
    first and the last: equal gaps between neighbours."""
    frames = [frame(issue, i) for i in _unlocked(issue, frame_ids)]
    if len(frames) < 3:
        raise EditError("distribute needs three frames or more (locked ones stay)")
    start = (lambda r: r.x) if axis == "x" else (lambda r: r.y)
    size = (lambda r: r.w) if axis == "x" else (lambda r: r.h)
    frames.sort(key=lambda f: start(f.rect))
    first, last = frames[0].rect, frames[-1].rect
    gap = (start(last) + size(last) - start(first) - sum(size(f.rect) for f in frames)) / (len(frames) - 1)
    at, rects = start(first), {}
    for f in frames:
        r = f.rect
        rects[f.id] = Rect(at, r.y, r.w, r.h) if axis == "x" else Rect(r.x, at, r.w, r.h)
        at += size(r) + gap
    return set_rects(issue, rects, "distribute")


def add_guide(issue: Issue, page_index: int, axis: str, at: float) -> SetFields:
    """A ruler guide on a page: ``axis`` "x" a vertical line ``at`` points from the left, "y" a
    horizontal one from the top; saved with the page, edges snap to it."""
    if axis not in ("x", "y"):
        raise EditError(f"a guide runs along x or y, not {axis!r}")
    page = _page(issue, page_index)
    if not -page.width <= at <= 2 * max(page.width, page.height):
        raise EditError(f"a guide at {at:.1f} pt is off the page")
    return SetFields(("page", str(page_index)), {"guides": [*page.guides, (axis, float(at))]}, "add guide")


def remove_guides(issue: Issue, page_index: int, axis: str | None = None) -> SetFields:
    """Take away a page's ruler guides (those along one axis, or all)."""
    page = _page(issue, page_index)
    kept = [g for g in page.guides if axis is not None and g[0] != axis]
    return SetFields(("page", str(page_index)), {"guides": kept}, "remove guides")


def _page(issue: Issue, page_index: int) -> Page:
    if not 0 <= page_index < len(issue.pages):
        raise EditError(f"the issue has no page at position {page_index + 1}")
    return issue.pages[page_index]


ISSUE_SETTINGS = ("paper", "date", "edition", "number", "serial")


def set_issue(issue: Issue, sections: Mapping[int, str] | None = None, **values: Any) -> Batch:
    """The issue's settings (paper name, date, 期号 ``number``, 总期号 ``serial``, edition) and the
    section of some pages (by position): the folios, the masthead, the proof's slug line and
    the press files' names follow them."""
    unknown = sorted(set(values) - set(ISSUE_SETTINGS))
    if unknown:
        raise EditError(f"no issue setting {', '.join(unknown)}")
    if "paper" in values and not str(values["paper"]).strip():
        raise EditError("the paper needs a name")
    changed = {k: v for k, v in values.items() if getattr(issue, k) != v}
    changes: list[Change] = [SetFields(("issue",), changed, "issue settings")] if changed else []
    for index, section in (sections or {}).items():
        if not 0 <= index < len(issue.pages):
            raise EditError(f"the issue has no page at position {index + 1}")
        if issue.pages[index].section != section:
            changes.append(SetFields(("page", str(index)), {"section": section}, "issue settings"))
    return Batch(changes, "issue settings")


def add_text_frame(issue: Issue, page_index: int, rect: Rect, text: str = "", style: str = "label") -> InsertFrame:
    """A text frame of its own (a label, a credit line, a column heading 栏目头, a 报眉, a note)
    in a paragraph style of the issue."""
    if style not in issue.styles:
        raise EditError(f"no style {style!r} in the issue")
    return add_frame(issue, page_index, CaptionFrame("text", rect, text=text, style=style), "add text frame")


def set_frame_text(issue: Issue, frame_id: str, text: str) -> SetFields:
    """The text of a text frame of its own (a label, credit line, heading)."""
    if not isinstance(frame(issue, frame_id), CaptionFrame):
        raise EditError(f"the frame {frame_id!r} holds no text of its own")
    return SetFields(("frame", frame_id), {"text": text}, "text")


def add_rule(issue: Issue, page_index: int, rect: Rect, weight: float = 0.5) -> InsertFrame:
    """A straight rule along the long side of ``rect``."""
    return add_frame(issue, page_index, RuleFrame("rule", rect, weight=weight), "add rule")


def add_box(issue: Issue, page_index: int, rect: Rect, fill: Colour | None = None,
            stroke: Colour | None = None) -> InsertFrame:
    """A box, a tint (``fill``), or both, behind what is on the page."""
    box = BoxFrame("box", rect, colour=stroke, fill=fill, weight=0.5 if stroke else 0.0)
    insert = add_frame(issue, page_index, box, "add box")
    insert.position = 0
    return insert


def add_series(issue: Issue, page_index: int, rect: Rect, title: str = "整治前后") -> InsertFrame:
    """An empty series block (a column's 整治前后 pairs and 挂账督办 photos) to fill with photos."""
    return add_frame(issue, page_index, SeriesFrame("series", rect, title=title), "add series block")


def add_series_pair(issue: Issue, frame_id: str, before: str | Path, after: str | Path, caption: str = "") -> SetFields:
    """One more before-and-after pair in a series block."""
    block = frame(issue, frame_id)
    if not isinstance(block, SeriesFrame):
        raise EditError(f"frame {frame_id} is not a series block")
    pair = PhotoPair(Photo(relative_path(issue, before)), Photo(relative_path(issue, after)), caption=caption)
    return SetFields(("frame", frame_id), {"pairs": [*block.pairs, pair]}, "add pair to series")


SINGLES_SPAN = 2  # grid columns a series block gives its single photos when the first one arrives


def _page_of(issue: Issue, frame_id: str) -> Page:
    return issue.pages[page_index_of(issue, frame_id)]


def add_series_single(issue: Issue, frame_id: str, image: str | Path, caption: str = "") -> SetFields:
    """One more single photo (挂账督办) in a series block: an empty slot takes it, else a new one."""
    block = frame(issue, frame_id)
    if not isinstance(block, SeriesFrame):
        raise EditError(f"frame {frame_id} is not a series block")
    singles = copy.deepcopy(block.singles)
    empty = next((s for s in singles if not s.image), None)
    if empty is not None:
        empty.image = relative_path(issue, image)
        empty.caption = empty.caption or caption
    else:
        singles.append(Photo(relative_path(issue, image), caption=caption))
    values: dict[str, Any] = {"singles": singles}
    if not block.singles_span:  # a block without a singles area gets one: two grid columns at its left
        values["singles_span"] = min(SINGLES_SPAN, max(1, _page_of(issue, frame_id).grid.columns - 1))
    return SetFields(("frame", frame_id), values, "add photo to series")


def place_photo(issue: Issue, page_index: int, image: str | Path, rect: Rect) -> InsertFrame:
    """A new photo frame showing an image file (stored relative to the document)."""
    return add_frame(issue, page_index, PhotoFrame("photo", rect, image=relative_path(issue, image)), "place photo")


def fill_photo(issue: Issue, frame_id: str, image: str | Path, side: str | None = None) -> SetFields:
    """Put an image into an existing photo frame, or one side (before/after) of a pair."""
    target = frame(issue, frame_id)
    path = relative_path(issue, image)
    if isinstance(target, PhotoFrame):
        return SetFields(("frame", frame_id), {"image": path}, "fill photo")
    if isinstance(target, PhotoPairFrame):
        side = side or ("before" if target.pair.before.image is None or target.pair.after.image else "after")
        return SetFields(("frame", frame_id), {f"pair.{side}.image": path}, "fill photo")
    raise EditError(f"frame {frame_id} holds no photo")


def relink_photos(issue: Issue, folder: str | Path) -> Batch:
    """Photos whose files are missing, found again by name in a folder (and the folders in
    it): every photo of a frame, a pair or a series block that is found is pointed there."""
    found: dict[str, Path] = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            found.setdefault(path.name, path)

    def moved(photo) -> str | None:
        if photo.image and not photo_path(issue, photo.image).is_file() and Path(photo.image).name in found:
            return relative_path(issue, found[Path(photo.image).name])
        return None

    changes: list[Change] = []
    for page in issue.pages:
        for f in page.frames:
            values = _relinked(f, moved)
            if values:
                changes.append(SetFields(("frame", f.id), values, "relink"))
    return Batch(changes, "relink")


def _relinked(f: Frame, moved) -> dict[str, Any]:
    """A frame's photo fields with the moved photos pointed at their new places."""
    if isinstance(f, PhotoFrame):
        new = moved(f)
        return {"image": new} if new else {}
    if isinstance(f, PhotoPairFrame):
        return {f"pair.{side}.image": new for side in ("before", "after") if (new := moved(getattr(f.pair, side)))}
    if isinstance(f, SeriesFrame):
        pairs = copy.deepcopy(f.pairs)
        singles = copy.deepcopy(f.singles)
        photos = [p for pair in pairs for p in (pair.before, pair.after)] + singles
        changed = False
        for photo in photos:
            new = moved(photo)
            if new:
                photo.image, changed = new, True
        return {"pairs": pairs, "singles": singles} if changed else {}
    return {}


def swap_pair(issue: Issue, frame_id: str) -> SetFields:
    """Swap the before and after photos of a pair."""
    pair = frame(issue, frame_id)
    if not isinstance(pair, PhotoPairFrame):
        raise EditError(f"frame {frame_id} is not a photo pair")
    return SetFields(("frame", frame_id), {"pair.before": pair.pair.after, "pair.after": pair.pair.before},
                     "swap photos")


def placed(placement: Placement, issue: Issue, label: str) -> Batch:
    """The change that adds what a placement planned: its article, then its frames on top."""
    page_index = issue.pages.index(placement.page)
    changes: list[Change] = []
    if placement.article is not None:
        changes.append(InsertArticle(placement.article, -1, label))
    changes += [InsertFrame(page_index, f, -1, label) for f in placement.frames]
    return Batch(changes, label)


def _page_copy(issue: Issue, page: Page, number: int, planned: set[str]) -> tuple[Page, dict[str, str]]:
    """A page with new frame ids (``p<number>-…``), and the old ids mapped to the new."""
    new = copy.deepcopy(page)
    new.number = number
    renamed: dict[str, str] = {}
    for f in new.frames:
        base = f"p{number}-{f.id.split('-', 1)[1]}" if f.id.startswith(f"p{page.number}-") else f"{f.id}-copy"
        renamed[f.id] = f.id = unique_id(issue, base, planned | set(renamed.values()))
    return new, renamed


def add_page(issue: Issue, template: str, position: int | None = None, section: str = "") -> Batch:
    """A page from one of the issue's templates, at ``position`` (None: at the end); pages
    after it are numbered on."""
    try:
        chosen = issue.templates[template]
    except KeyError:
        known = ", ".join(sorted(issue.templates)) or "none"
        raise EditError(f"the issue has no template {template!r} (it has: {known})") from None
    position = len(issue.pages) if position is None else position
    number = _number_at(issue, position)
    page = chosen.new_page(number, section)
    for f in page.frames:
        f.id = unique_id(issue, f.id, {g.id for g in page.frames if g is not f})
    return Batch([InsertPage(page, position, "add page"), *_renumber_after(issue, position, number)], "add page")


def _number_at(issue: Issue, position: int) -> int:
    if position == 0:
        return issue.pages[0].number if issue.pages else 1
    return issue.pages[position - 1].number + 1


def _renumber_after(issue: Issue, position: int, number: int) -> list[Change]:
    """Number the pages from ``position`` on (in the issue before the new page goes in) after ``number``."""
    return [SetFields(("page", str(i + 1)), {"number": number + 1 + k}, "renumber")
            for k, i in enumerate(range(position, len(issue.pages)))
            if issue.pages[i].number != number + 1 + k]


def duplicate_page(issue: Issue, index: int) -> Batch:
    """A copy of a page after it, with copies of the articles set on it."""
    page = issue.pages[index]
    number = page.number + 1
    new, renamed = _page_copy(issue, page, number, set())
    changes: list[Change] = [InsertPage(new, index + 1, "duplicate page")]
    taken = set(renamed.values())
    for article in issue.articles:
        flow = [renamed[i] for i in article.flow if i in renamed]
        heads = [f for f in new.frames if isinstance(f, HeadlineFrame) and f.article == article.id]
        if not flow and not heads:
            continue
        twin = copy.deepcopy(article)
        twin.id = unique_id(issue, f"{article.id}-copy", taken)
        taken.add(twin.id)
        twin.flow = flow
        for head in heads:
            head.article = twin.id
        changes.append(InsertArticle(twin, -1, "duplicate page"))
    return Batch(changes + _renumber_after(issue, index + 1, number), "duplicate page")


def delete_page(issue: Issue, index: int) -> Batch:
    """Delete a page with its frames (articles set only there go too); later pages are numbered back."""
    if len(issue.pages) <= 1:
        raise EditError("an issue keeps at least one page")
    page = issue.pages[index]
    article_changes = _article_changes(issue, {f.id for f in page.frames})
    renumber = [SetFields(("page", str(i)), {"number": issue.pages[i].number - 1}, "renumber")
                for i in range(index + 1, len(issue.pages))]
    return Batch([*article_changes, RemovePage(index, "delete page"), *_shift(renumber, -1)], "delete page")


def _shift(changes: list[SetFields], by: int) -> list[SetFields]:
    """Page-addressed changes re-aimed after pages before them moved by ``by`` places."""
    return [SetFields((c.target[0], str(int(c.target[1]) + by)), c.values, c.label) for c in changes]


def move_page(issue: Issue, source: int, destination: int) -> Batch:
    """Move a page to another position; the pages keep the numbers of the positions (版次)."""
    numbers = [p.number for p in issue.pages]
    order = list(range(len(issue.pages)))
    order.insert(destination, order.pop(source))
    renumber = [SetFields(("page", str(new)), {"number": numbers[new]}, "renumber")
                for new, old in enumerate(order) if issue.pages[old].number != numbers[new]]
    return Batch([MovePage(source, destination, "move page"), *renumber], "move page")


def set_page(issue: Issue, index: int, **values: Any) -> SetFields:
    """Change a page's number, section (版名) or editors."""
    return SetFields(("page", str(index)), values, "page")
