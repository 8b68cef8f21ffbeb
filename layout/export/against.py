"""What changed since a previous draft (``layout export --profile proof --against PREVIOUS``).

The previous draft is a document file, or a proof PDF that carries its document
(every proof attaches it, see :mod:`layout.export.proof`). Compared with it:

- text: each article's headline parts, byline and body paragraphs (paragraphs are
  matched as sequences, so an inserted paragraph does not mark all that follow);
  every line that shows a changed text is highlighted;
- frames: a frame that moved or changed size, a new frame, and a frame whose own
  content changed (a photo, a caption) is outlined;
- a list of the changes (article, what, where) ends the proof.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from layout.engine.displaylist import BoxItem, GlyphRun, Item, PageDisplay, line_by_line
from layout.export.proof import recorded_document
from layout.model.colour import Colour
from layout.model.document import Article, Issue
from layout.model.errors import DocumentError
from layout.model.geometry import Rect
from layout.render.pdf import char_width
from layout.store import store_for
from layout.store.fileformat import from_dict

HIGHLIGHT = Colour(0, 0.05, 0.45, 0)  # light yellow, under the text
OUTLINE = Colour(0.9, 0.45, 0, 0)  # blue, dashed, over everything
PARTS = ("kicker", "title", "subtitle", "byline")
KIND_NAMES = {"text": "正文框", "headline": "标题框", "photo": "图片框", "pair": "对比图框", "series": "组图框",
              "caption": "文字框", "rule": "线条", "box": "底纹框", "folio": "版头"}
PART_NAMES = {"kicker": "引题", "title": "主题", "subtitle": "副题", "byline": "署名"}


@dataclass
class Comparison:
    """What differs from the previous draft: the changed texts as (article, part, paragraph)
    keys, the frames to outline and the change list (page, words)."""

    revision: int | None
    texts: set[tuple[str, str, int]] = field(default_factory=set)
    frames: dict[str, str] = field(default_factory=dict)  # frame id → 移动 / 尺寸 / 新增 / 内容
    changes: list[tuple[int, str]] = field(default_factory=list)

    def page_words(self) -> dict[int, str]:
        """Each page's changes in a few words, for the slug."""
        words: dict[int, list[str]] = {}
        for page, text in self.changes:
            words.setdefault(page, []).append(text)
        return {page: "；".join(items[:4]) + ("……" if len(items) > 4 else "") for page, items in words.items()}


def load_previous(path: str | Path) -> Issue:
    """The previous draft's document, from a document file or a proof PDF that carries it."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such file")
    if path.read_bytes()[:5] == b"%PDF-":
        data = recorded_document(path)
        if data is None:
            raise DocumentError(path, "this PDF carries no document: compare with a proof made by layout, or "
                                      "with the document file")
        return from_dict(data, path)
    return store_for(path).read(path)


def _texts(article: Article) -> dict[tuple[str, int], str]:
    texts = {(part, 0): (article.byline if part == "byline" else getattr(article.headline, part)) for part in PARTS}
    return texts


def _page_of(issue: Issue, article: Article) -> int:
    for frame_id in article.flow:
        found = issue.find_frame(frame_id)
        if found:
            return found[0].number
    return issue.pages[0].number if issue.pages else 0


def compare(old: Issue, new: Issue) -> Comparison:
    """The differences between the previous draft and this one."""
    result = Comparison(old.revision)
    for article in new.articles:
        before = old.article(article.id)
        page = _page_of(new, article)
        title = f"《{article.headline.title or article.id}》"
        if before is None:
            result.texts |= {(article.id, part, 0) for part in PARTS}
            result.texts |= {(article.id, "body", i) for i in range(len(article.paragraphs))}
            result.changes.append((page, f"{title} 新增"))
            continue
        for (part, _), text in _texts(article).items():
            if text != _texts(before)[(part, 0)]:
                result.texts.add((article.id, part, 0))
                result.changes.append((page, f"{title} {PART_NAMES[part]}改动"))
        old_paras = [p.text for p in before.paragraphs]
        new_paras = [p.text for p in article.paragraphs]
        matcher = difflib.SequenceMatcher(a=old_paras, b=new_paras, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                continue
            result.texts |= {(article.id, "body", i) for i in range(b0, b1)}
            what = {"replace": "改动", "insert": "新增", "delete": "删除"}[tag]
            where = f"第{b0 + 1}段" if b1 - b0 <= 1 else f"第{b0 + 1}–{b1}段"
            if tag == "delete":
                where = f"原第{a0 + 1}段" if a1 - a0 <= 1 else f"原第{a0 + 1}–{a1}段"
            result.changes.append((page, f"{title} {where}{what}"))
    for article in old.articles:
        if new.article(article.id) is None:
            result.changes.append((_page_of(old, article), f"《{article.headline.title or article.id}》 删除"))
    _compare_frames(old, new, result)
    return result


def _compare_frames(old: Issue, new: Issue, result: Comparison) -> None:
    for page in new.pages:
        for frame in page.frames:
            found = old.find_frame(frame.id)
            if found is None:
                result.frames[frame.id] = "新增"
            elif found[1].rect != frame.rect:
                r0, r1 = found[1].rect, frame.rect
                moved = (r0.x, r0.y) != (r1.x, r1.y)
                sized = (r0.w, r0.h) != (r1.w, r1.h)
                result.frames[frame.id] = "移动并改变尺寸" if moved and sized else "移动" if moved else "改变尺寸"
            elif found[1] != frame:
                result.frames[frame.id] = "内容改动"
            else:
                continue
            name = KIND_NAMES.get(frame.kind, frame.kind)
            result.changes.append((page.number, f"{name} {frame.id} {result.frames[frame.id]}"))
    for page in old.pages:
        for frame in page.frames:
            if new.find_frame(frame.id) is None:
                result.changes.append((page.number, f"{KIND_NAMES.get(frame.kind, frame.kind)} {frame.id} 删除"))


def _line_rect(run: GlyphRun) -> Rect:
    xs = run.xs
    right = xs[-1] + char_width(run.font, run.text[-1], run.size) * run.hscale
    return Rect(xs[0] - 0.5, run.y - 0.9 * run.size, right - xs[0] + 1.0, 1.12 * run.size)


def marked_items(page: PageDisplay, new: Issue, comparison: Comparison) -> tuple[list[Item], list[Item]]:
    """Highlights for the lines of changed texts (to go under the text) and outlines of the
    changed frames (to go over everything)."""
    under: list[Item] = []
    for run in line_by_line(page.items):
        source = getattr(run, "source", None)
        if type(run) is not GlyphRun or source is None or not run.text:
            continue
        key = (source.article, source.part, source.paragraph)
        if source.article and key in comparison.texts or source.frame in comparison.frames \
                and comparison.frames[source.frame] == "内容改动":
            under.append(BoxItem(_line_rect(run), fill=HIGHLIGHT))
    model = next((p for p in new.pages if p.number == page.number), None)
    over: list[Item] = []
    for frame in model.frames if model else ():
        if frame.id in comparison.frames:
            over.append(BoxItem(frame.rect, stroke=OUTLINE, weight=1.2, dash=(4, 2)))
    return under, over
