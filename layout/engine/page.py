"""Lay out a whole issue: every page's frames into display lists, with a report.

Article bodies are cached per article: an article is laid out again only when
its text, its styles or the geometry of the frames it flows through change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from layout.engine.article import ArticleLayout, layout_article
from layout.engine.block import set_block
from layout.engine.displaylist import (
    BoxItem,
    ImageItem,
    Item,
    PageDisplay,
    PlaceholderItem,
    RuleItem,
)
from layout.engine.photo import place_photo
from layout.engine.styling import grid_lines_for
from layout.model.document import (
    CaptionFrame,
    FolioFrame,
    Frame,
    HeadlineFrame,
    Issue,
    Page,
    PhotoFrame,
    RuleFrame,
)

WEEKDAYS = "一二三四五六日"


@dataclass
class Finding:
    """Something the layout could not do as asked, on a page and in a frame."""

    page: int
    frame: str
    message: str


@dataclass
class LayoutReport:
    """Overset per article (characters), characters no font has, and other findings."""

    overset: dict[str, int] = field(default_factory=dict)
    missing_chars: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def note_missing(self, chars: list[str], where: str) -> None:
        """Record characters that no font has, and where they are."""
        for ch in chars:
            places = self.missing_chars.setdefault(ch, [])
            if where not in places:
                places.append(where)


@dataclass
class IssueLayout:
    """Display lists of all pages and the report."""

    pages: list[PageDisplay]
    report: LayoutReport


def _layer(item: Item) -> int:
    if isinstance(item, (ImageItem, PlaceholderItem, BoxItem)):
        return 0
    if isinstance(item, RuleItem):
        return 1
    return 2


def folio_parts(issue: Issue, page: Page) -> list[tuple[str, str]]:
    """The folio line's three parts (text, alignment): page and section, paper, date."""
    when = issue.date
    date_text = f"{when.year}年{when.month}月{when.day}日 星期{WEEKDAYS[when.weekday()]}"
    left = f"第{page.number}版 {page.section}".strip()
    right = date_text + (f"  {page.editors}" if page.editors else "")
    return [(left, "left"), (issue.paper, "center"), (right, "right")]


class LayoutEngine:
    """Lays out issues, remembering each article's layout between calls."""

    def __init__(self) -> None:
        self._articles: dict[str, tuple[str, ArticleLayout]] = {}
        self.articles_laid_out = 0

    def _article_key(self, issue: Issue, article_id: str) -> str:
        article = issue.article(article_id)
        frames = []
        for frame_id in article.flow if article else ():
            found = issue.find_frame(frame_id)
            if found:
                frames.append((found[0].number, found[0].grid, found[0].margins, found[1]))
        return repr((article, frames, issue.styles))

    def article(self, issue: Issue, article_id: str) -> ArticleLayout:
        """The article's layout, from the cache when nothing it depends on changed."""
        key = self._article_key(issue, article_id)
        cached = self._articles.get(article_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        article = issue.article(article_id)
        result = layout_article(issue, article) if article else ArticleLayout()
        self._articles[article_id] = (key, result)
        self.articles_laid_out += 1
        return result

    def layout(self, issue: Issue) -> IssueLayout:
        """Display lists for every page and the layout report."""
        report = LayoutReport()
        articles = {a.id: self.article(issue, a.id) for a in issue.articles}
        for article_id, laid in articles.items():
            if laid.overset:
                report.overset[article_id] = laid.overset
            report.note_missing(laid.missing, f"article {article_id}")
        pages = [self._page(issue, page, articles, report) for page in issue.pages]
        return IssueLayout(pages, report)

    def _page(self, issue: Issue, page: Page, articles: dict[str, ArticleLayout],
              report: LayoutReport) -> PageDisplay:
        """Frames first, then each article's headline and body together, so that the
        PDF's content order is the reading order of each article."""
        items: list[Item] = []
        headlines: dict[str, list[Item]] = {}
        for frame in page.frames:
            drawn = self._frame(issue, page, frame, report)
            if isinstance(frame, HeadlineFrame):
                headlines.setdefault(frame.article, []).extend(drawn)
            else:
                items.extend(drawn)
        for article_id, laid in articles.items():
            items.extend(headlines.pop(article_id, ()))
            items.extend(laid.items.get(page.number, ()))
        items.sort(key=_layer)
        return PageDisplay(page.number, page.width, page.height, items)

    def _frame(self, issue: Issue, page: Page, frame: Frame, report: LayoutReport) -> list[Item]:
        if isinstance(frame, HeadlineFrame):
            return self._headline(issue, page, frame, report)
        if isinstance(frame, CaptionFrame):
            return self._caption(issue, page, frame, report)
        if isinstance(frame, FolioFrame):
            return self._folio(issue, page, frame, report)
        if isinstance(frame, RuleFrame):
            return [_rule(frame)]
        if isinstance(frame, PhotoFrame):
            return self._photo(issue, page, frame, report)
        return []

    def _photo(self, issue: Issue, page: Page, frame: PhotoFrame, report: LayoutReport) -> list[Item]:
        path = issue.resolve(frame.image) if frame.image else None
        item, problem = place_photo(path, frame.rect, frame.fit)
        if problem:
            report.findings.append(Finding(page.number, frame.id, problem))
        if not isinstance(item, PlaceholderItem):
            return [item]
        style = issue.style("label")
        block = set_block([(item.message, style)], frame.rect, style.size_pt * 1.5, centre=True)
        return [item, *block.items]

    def _headline(self, issue: Issue, page: Page, frame: HeadlineFrame,
                  report: LayoutReport) -> list[Item]:
        article = issue.article(frame.article)
        if article is None:
            return []
        group = article.headline
        parts = [(group.kicker, issue.style("kicker")), (group.title, issue.style("title")),
                 (group.subtitle, issue.style("subtitle"))]
        block = set_block([p for p in parts if p[0]], frame.rect, page.grid.line_pitch,
                          top=page.grid.snap_y(page.type_area, frame.rect.y), centre=True)
        return self._block_items(block, page, frame, report)

    def _caption(self, issue: Issue, page: Page, frame: CaptionFrame,
                 report: LayoutReport) -> list[Item]:
        style = issue.style(frame.style)
        pitch = style.leading_pt or style.size_pt * 1.5
        block = set_block([(frame.text, style)], frame.rect, pitch)
        return self._block_items(block, page, frame, report)

    def _folio(self, issue: Issue, page: Page, frame: FolioFrame, report: LayoutReport) -> list[Item]:
        style = issue.style("folio")
        pitch = page.grid.line_pitch * grid_lines_for(style, page.grid.line_pitch)
        items: list[Item] = []
        for text, align in folio_parts(issue, page):
            part_style = dataclasses.replace(style, align=align, indent=0.0)
            block = set_block([(text, part_style)], frame.rect, pitch, centre=True)
            items.extend(self._block_items(block, page, frame, report))
        return items

    @staticmethod
    def _block_items(block, page: Page, frame: Frame, report: LayoutReport) -> list[Item]:
        report.note_missing(block.missing, f"frame {frame.id}")
        if block.overflow:
            report.findings.append(
                Finding(page.number, frame.id, f"{block.overflow} characters do not fit in the frame"))
        return block.items


def _rule(frame: RuleFrame) -> RuleItem:
    r = frame.rect
    if r.w >= r.h:
        y = r.y + r.h / 2
        return RuleItem(r.x, y, r.right, y, frame.weight, frame.colour)
    x = r.x + r.w / 2
    return RuleItem(x, r.y, x, r.bottom, frame.weight, frame.colour)

