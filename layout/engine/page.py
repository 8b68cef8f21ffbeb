"""Lay out a whole issue: every page's frames into display lists, with a report.

The engine remembers what it set: an article is laid out again only when its
text, its styles or the geometry of the frames it flows through change, and
any other frame only when something it shows changes (see ``frame_key``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.engine.article import ArticleLayout, layout_article, wrap_areas
from layout.engine.displaylist import BoxItem, ImageItem, Item, PageDisplay, PlaceholderItem, RuleItem
from layout.engine.frames import frame_key, page_key, set_frame
from layout.engine.result import FrameResult
from layout.model.document import Issue, Page
from layout.model.frames import Frame, HeadlineFrame, TextFrame


@dataclass
class Finding:
    """Something the layout could not do as asked, on a page and in a frame."""

    page: int
    frame: str
    message: str


@dataclass
class LayoutReport:
    """Overset per article (characters, and the lines they would take), underset (empty
    grid lines at the feet of its columns), characters no font has, other findings, and
    notes: what is worth a look but no error (widows and orphans the flow left)."""

    overset: dict[str, int] = field(default_factory=dict)
    overset_lines: dict[str, int] = field(default_factory=dict)
    underset_lines: dict[str, int] = field(default_factory=dict)
    missing_chars: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

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
    """Drawing order: tints and boxes, then photos, then rules, then text."""
    if isinstance(item, BoxItem):
        return 0
    if isinstance(item, (ImageItem, PlaceholderItem)):
        return 1
    if isinstance(item, RuleItem):
        return 2
    return 3


class LayoutEngine:
    """Lays out issues, remembering each article's and each frame's result between calls."""

    def __init__(self) -> None:
        self._articles: dict[str, tuple[str, ArticleLayout]] = {}
        self._frames: dict[str, tuple[str, FrameResult]] = {}
        self.articles_laid_out = 0
        self.frames_set = 0

    def _article_key(self, issue: Issue, article_id: str) -> str:
        article = issue.article(article_id)
        frames = []
        for frame_id in article.flow if article else ():
            found = issue.find_frame(frame_id)
            if found:
                page, frame = found
                areas = wrap_areas(page, frame) if isinstance(frame, TextFrame) else []
                frames.append((page.number, page.grid, page.margins, frame, areas))
        return repr((article, frames, issue.styles, issue.line_breaking))

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
                report.overset_lines[article_id] = laid.overset_lines
            elif laid.underset_lines:
                report.underset_lines[article_id] = laid.underset_lines
            report.note_missing(laid.missing, f"article {article_id}")
            report.findings += [Finding(page, frame, message) for page, frame, message in laid.problems]
            report.notes += [Finding(page, frame, message) for page, frame, message in laid.stranded]
        pages = [self._page(issue, page, articles, report) for page in issue.pages]
        return IssueLayout(pages, report)

    def _page(self, issue: Issue, page: Page, articles: dict[str, ArticleLayout],
              report: LayoutReport) -> PageDisplay:
        """Frames first, then each article's headline and body together, so that the
        PDF's content order is the reading order of each article."""
        items: list[Item] = []
        headlines: dict[str, list[Item]] = {}
        shared = page_key(issue, page)
        for frame in page.frames:
            drawn = self._frame(issue, page, frame, report, shared)
            if isinstance(frame, HeadlineFrame):
                headlines.setdefault(frame.article, []).extend(drawn)
            else:
                items.extend(drawn)
        for article_id, laid in articles.items():
            items.extend(headlines.pop(article_id, ()))
            items.extend(laid.items.get(page.number, ()))
        items.sort(key=_layer)
        return PageDisplay(page.number, page.width, page.height, items)

    def _frame(self, issue: Issue, page: Page, frame: Frame, report: LayoutReport, shared: str) -> list[Item]:
        """A frame's items, set again only when something it depends on changed."""
        key = frame_key(issue, page, frame, shared)
        cached = self._frames.get(frame.id)
        if cached is None or cached[0] != key:
            cached = (key, set_frame(issue, page, frame))
            self._frames[frame.id] = cached
            self.frames_set += 1
        result = cached[1]
        report.note_missing(result.missing, f"frame {frame.id}")
        report.findings.extend(Finding(page.number, frame.id, problem) for problem in result.problems)
        return result.items
