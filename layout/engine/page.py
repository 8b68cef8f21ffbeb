"""Lay out a whole issue: every page's frames into display lists, with a report.

The engine remembers what it set: an article is laid out again only when its
text, its styles or the geometry of the frames it flows through change, and
any other frame only when something it shows changes (see ``frame_key``).

An engine made with ``tracked=True`` (the editor's) keys what it remembers on the
issue's edit numbers (``Issue.touch``: every edit operation notes what it changed)
instead of on the whole of what a result depends on, and lays out lazily: a page
when it is asked for (the page shown), an article when a page it flows on is, the
report when it is read. Such an engine must see every change of the issue as an
edit operation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from layout.engine.article import ArticleLayout, layout_article, wrap_areas
from layout.engine.displaylist import BoxItem, ImageItem, Item, PageDisplay, PlaceholderItem, RuleItem
from layout.engine.frames import file_state, frame_key, page_key, photos_of, set_frame
from layout.engine.result import FrameResult
from layout.model.document import Issue, Page
from layout.model.frames import Frame, HeadlineFrame, TextFrame
from layout.model.masters import MASTER_PREFIX, shown_frames


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
    articles: dict[str, ArticleLayout] = field(default_factory=dict)

    def article_layout(self, article_id: str) -> ArticleLayout | None:
        """One article's layout, None for an article the issue lacks."""
        return self.articles.get(article_id)

    def overset_of(self, article_id: str) -> int:
        """Characters of the article that do not fit."""
        return self.report.overset.get(article_id, 0)


def _layer(item: Item) -> int:
    """Drawing order: tints and boxes, then photos, then rules, then text (a marker with what it marks)."""
    if isinstance(item, (BoxItem, RuleItem)) and item.layer is not None:
        return item.layer
    if isinstance(item, BoxItem):
        return 0
    if isinstance(item, (ImageItem, PlaceholderItem)):
        return 1
    if isinstance(item, RuleItem):
        return 2
    return 3


class LayoutEngine:
    """Lays out issues, remembering each article's and each frame's result between calls
    (keyed on edit numbers, and lazily, when ``tracked``)."""

    def __init__(self, tracked: bool = False) -> None:
        self.tracked = tracked
        self._articles: dict[str, tuple[object, ArticleLayout]] = {}
        self._frames: dict[str, tuple[object, FrameResult]] = {}
        self._pages: dict[int, tuple[object, PageDisplay]] = {}
        self._issue: Issue | None = None  # tracked: the issue whose edit numbers key the cache
        self.articles_laid_out = 0
        self.frames_set = 0
        self.pages_made = 0

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

    def forget(self) -> None:
        """Forget every result (the issue was changed otherwise than by edit operations)."""
        self._articles.clear()
        self._frames.clear()
        self._pages.clear()
        self._issue = None

    def layout(self, issue: Issue) -> IssueLayout | LazyIssueLayout:
        """Display lists for every page and the layout report (made when asked for, if tracked)."""
        if self.tracked:
            if issue is not self._issue:  # another issue: nothing remembered holds for it
                self._articles.clear()
                self._frames.clear()
                self._pages.clear()
                self._issue = issue
            return LazyIssueLayout(self, issue)
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
        return IssueLayout(pages, report, articles)

    def _page(self, issue: Issue, page: Page, articles: dict[str, ArticleLayout],
              report: LayoutReport) -> PageDisplay:
        """Frames first, then each article's headline and body together, so that the
        PDF's content order is the reading order of each article."""
        items: list[Item] = []
        headlines: dict[str, list[Item]] = {}
        shared = page_key(issue, page)
        for frame in shown_frames(issue, page):
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


class _Index:
    """Where every frame of an issue is and which article flows through it, found once a layout."""

    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        self.frames = {frame.id: (index, page, frame) for index, page in enumerate(issue.pages)
                       for frame in page.frames}
        self.articles = {article.id: article for article in issue.articles}
        self.flows = {frame_id: article.id for article in issue.articles for frame_id in article.flow}
        self.stamp = (issue.edit_of("issue"), issue.edit_of("styles"), issue.line_breaking)

    def article_key(self, article_id: str) -> tuple:
        """What an article's layout depends on, as edit numbers."""
        issue, places = self.issue, []
        for frame_id in self.articles[article_id].flow:
            found = self.frames.get(frame_id)
            if found is not None:
                index = found[0]
                places.append((frame_id, issue.edit_of("frame", frame_id), index, issue.edit_of("page", str(index))))
        return self.stamp, issue.edit_of("article", article_id), tuple(places)

    def frame_key(self, index: int, page: Page, frame: Frame) -> tuple:
        """What a frame's result depends on, as edit numbers (and its photos' files)."""
        issue = self.issue
        depends: tuple = (self.stamp, issue.edit_of("frame", frame.id), index, issue.edit_of("page", str(index)))
        if frame.id.startswith(MASTER_PREFIX):  # shown from the master page: its edits count
            depends += (issue.edit_of("template", page.master), page.master)
        if isinstance(frame, HeadlineFrame):
            depends += (issue.edit_of("article", frame.article), frame.article in self.articles)
        photos = photos_of(frame)
        if photos:
            depends += (issue.source, *(file_state(issue, photo) for photo in photos))
        return depends

    def page_articles(self, page: Page) -> tuple[list[str], list[str]]:
        """The articles with a headline on a page, and those that flow through its frames
        (in the issue's order)."""
        flowing = {self.flows[frame.id] for frame in page.frames if frame.id in self.flows}
        headed = {frame.article for frame in page.frames if isinstance(frame, HeadlineFrame)}
        order = [article.id for article in self.issue.articles]
        return [a for a in order if a in flowing or a in headed], [a for a in order if a in flowing]


class _Pages(Sequence):
    """The pages of a lazy layout: each laid out when first asked for."""

    def __init__(self, layout: LazyIssueLayout) -> None:
        self._layout = layout

    def __len__(self) -> int:
        return len(self._layout.issue.pages)

    def __getitem__(self, index: int) -> PageDisplay:  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self)
        if not -count <= index < count:
            raise IndexError(index)
        return self._layout.page(index % count)

    def __iter__(self) -> Iterator[PageDisplay]:
        return (self[i] for i in range(len(self)))


class LazyIssueLayout:
    """An issue's layout made as it is read (a tracked engine's): ``pages[i]`` lays out page i
    and the articles flowing on it, ``report`` everything, ``overset_of`` one article."""

    def __init__(self, engine: LayoutEngine, issue: Issue) -> None:
        self.engine, self.issue = engine, issue
        self.index = _Index(issue)
        self.pages = _Pages(self)
        self._made: dict[int, PageDisplay] = {}

    def article(self, article_id: str) -> ArticleLayout:
        """An article's layout, from the cache when no edit touched what it depends on."""
        engine = self.engine
        key = self.index.article_key(article_id)
        cached = engine._articles.get(article_id)
        if cached is None or cached[0] != key:
            cached = (key, layout_article(self.issue, self.index.articles[article_id]))
            engine._articles[article_id] = cached
            engine.articles_laid_out += 1
        return cached[1]

    def frame(self, index: int, page: Page, frame: Frame) -> FrameResult:
        """A frame's result, from the cache when no edit touched what it depends on."""
        engine = self.engine
        key = self.index.frame_key(index, page, frame)
        cached = engine._frames.get(frame.id)
        if cached is None or cached[0] != key:
            cached = (key, set_frame(self.issue, page, frame))
            engine._frames[frame.id] = cached
            engine.frames_set += 1
        return cached[1]

    def page(self, index: int) -> PageDisplay:
        """The display list of the page at ``index`` (the same object while nothing on it changed)."""
        made = self._made.get(index)
        if made is not None:
            return made
        issue, engine = self.issue, self.engine
        page = issue.pages[index]
        frames = [(frame, self.frame(index, page, frame)) for frame in shown_frames(issue, page)]
        shown, flowing = self.index.page_articles(page)
        laid = {article_id: self.article(article_id) for article_id in flowing}
        articles = [(article_id, laid.get(article_id, _NOTHING)) for article_id in shown]
        key = (self.index.stamp, index, page.number, issue.edit_of("page", str(index)), issue.edit_of("articles"),
               tuple(engine._frames[frame.id][0] for frame, _ in frames), tuple(shown),
               tuple(engine._articles[article_id][0] for article_id in flowing))
        cached = engine._pages.get(index)
        if cached is None or cached[0] != key:
            cached = (key, _assemble(page, frames, articles))
            engine._pages[index] = cached
            engine.pages_made += 1
        self._made[index] = cached[1]
        return cached[1]

    def overset_of(self, article_id: str) -> int:
        """Characters of the article that do not fit (laid out if need be)."""
        return self.article(article_id).overset if article_id in self.index.articles else 0

    def article_layout(self, article_id: str) -> ArticleLayout | None:
        """One article's layout (laid out if need be), None for an article the issue lacks."""
        return self.article(article_id) if article_id in self.index.articles else None

    @cached_property
    def report(self) -> LayoutReport:
        """The layout report of the whole issue (every article and frame laid out)."""
        report = LayoutReport()
        for article in self.issue.articles:
            laid = self.article(article.id)
            if laid.overset:
                report.overset[article.id] = laid.overset
                report.overset_lines[article.id] = laid.overset_lines
            elif laid.underset_lines:
                report.underset_lines[article.id] = laid.underset_lines
            report.note_missing(laid.missing, f"article {article.id}")
            report.findings += [Finding(page, frame, message) for page, frame, message in laid.problems]
            report.notes += [Finding(page, frame, message) for page, frame, message in laid.stranded]
        for index, page in enumerate(self.issue.pages):
            for frame in shown_frames(self.issue, page):
                result = self.frame(index, page, frame)
                report.note_missing(result.missing, f"frame {frame.id}")
                report.findings.extend(Finding(page.number, frame.id, problem) for problem in result.problems)
        return report


_NOTHING = ArticleLayout()  # an article with only a headline on a page has nothing else there


def _assemble(page: Page, frames: list[tuple[Frame, FrameResult]],
              articles: list[tuple[str, ArticleLayout]]) -> PageDisplay:
    """A page's display list from its frames' results and its articles' layouts, in the
    order the eager path makes it (frames, then each article's headline and body)."""
    items: list[Item] = []
    headlines: dict[str, list[Item]] = {}
    for frame, result in frames:
        if isinstance(frame, HeadlineFrame):
            headlines.setdefault(frame.article, []).extend(result.items)
        else:
            items.extend(result.items)
    for article_id, laid in articles:
        items.extend(headlines.pop(article_id, ()))
        items.extend(laid.items.get(page.number, ()))
    items.sort(key=_layer)
    return PageDisplay(page.number, page.width, page.height, items)
