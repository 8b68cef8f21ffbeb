"""Copy-fitting: how many grid lines an article needs at a width, before it is placed."""

from __future__ import annotations

import math

from layout.engine.article import layout_article
from layout.engine.block import set_block
from layout.model.document import Article, Issue, Page
from layout.model.frames import TextFrame


def _trial(issue: Issue, article: Article, page: Page, first: int, last: int, depth: int) -> tuple[int, int]:
    """The article's body set in a text frame over grid columns first..last, ``depth`` grid
    lines deep: the lines it fills and the characters left over."""
    area = page.type_area
    probe = TextFrame("copyfit-probe", page.grid.area(area, first, last, 0, depth), columns=last - first + 1)
    trial = Issue(paper=issue.paper, date=issue.date, line_breaking=issue.line_breaking, styles=issue.styles,
                  pages=[Page(page.number, page.width, page.height, page.margins, page.grid, frames=[probe])])
    trial.articles = [Article(article.id, article.headline, article.byline, article.paragraphs, [probe.id],
                              overrides=article.overrides)]
    laid = layout_article(trial, trial.articles[0])
    return laid.lines, laid.overset


def body_lines(issue: Issue, article: Article, page: Page, first: int, last: int) -> int:
    """Grid lines per column the article's body needs across grid columns first..last: the
    least depth at which all of it fits, its columns balanced (a column no deeper than
    the text needs; widow and orphan control and paragraphs kept together can ask for
    more than the lines over the columns). Beyond a whole page: a rough guess."""
    columns = last - first + 1
    full = page.grid.line_count(page.type_area)
    lines, overset = _trial(issue, article, page, first, last, full)
    if overset:
        return full + math.ceil(overset / max(1, columns * 13))
    low, high = max(1, math.ceil(lines / columns)) - 1, full  # too shallow, deep enough
    while high - low > 1:
        middle = (low + high) // 2 if high - low > 4 else low + 1
        if _trial(issue, article, page, first, last, middle)[1]:
            low = middle
        else:
            high = middle
    return high


def headline_lines(issue: Issue, article: Article, page: Page, first: int, last: int) -> int:
    """Grid lines the headline group takes across grid columns first..last, with one line of air."""
    group = article.headline
    parts = [(group.kicker, issue.style_in(article, "kicker")), (group.title, issue.style_in(article, "title")),
             (group.subtitle, issue.style_in(article, "subtitle"))]
    parts = [p for p in parts if p[0]]
    if not parts:
        return 0
    rect = page.grid.area(page.type_area, first, last, 0, page.grid.line_count(page.type_area))
    block = set_block(parts, rect, page.grid.line_pitch, headline=True)
    return block.lines + 1
