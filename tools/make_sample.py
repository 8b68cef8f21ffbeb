"""Build the sample issue assets/sample/tongzhou.layout.json from the sample text.

It imports ../shared/samples/000_67b37189da5fde6f.txt (or the copy in
assets/sample/) with the plain-text importer and places its four articles and
the city-management column with its 整治前后 pairs and 挂账督办 photos on one
对开 page with the 8-column grid. Run: python tools/make_sample.py
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from layout.engine import copyfit
from layout.importer.plaintext import read
from layout.model import (
    Article,
    BoxFrame,
    Colour,
    HeadlineFrame,
    Issue,
    Page,
    Photo,
    PhotoFrame,
    PhotoPair,
    Rect,
    RuleFrame,
    SeriesFrame,
    TextFrame,
)
from layout.model.styles import TextStyle
from layout.model.templates import FOLIO_LINES, new_issue
from layout.store.fileformat import save

ROOT = Path(__file__).resolve().parents[1]
TEXT = ROOT / "assets" / "sample" / "tongzhou.txt"
OUT = ROOT / "assets" / "sample" / "tongzhou.layout.json"
COLUMN_TOP = 59  # the grid line where the city-management column starts
ROAD_CAPTION = "台湖镇中建幸福里小区西侧道路拓宽后，增设人行通道和隔离桩，实现人车分流。"

# Captions follow assets/sample/photos/README.md (the scenes and places are made up).
PAIR_CAPTIONS = [
    "中仓街道某背街小巷：墙边堆积生活垃圾、纸箱和废旧家具。整治后垃圾全部清运，墙面重新粉刷，沿墙摆放花箱。",
    "新华街道某路段：围墙小广告、乱涂乱画较多，护栏破损锈蚀。整治后围墙清理粉刷一新，破损护栏已修复更换。",
    "梨园镇某路段：绿化带内车辆违规停放，绿地被碾压裸露。整治后绿地补植恢复，绿化带两侧加装隔离桩。",
    "永顺镇某小区旁空地：私搭彩钢房，堆放建筑垃圾。整治后违建拆除、垃圾清运，空地铺装并设置花箱、座椅。",
]
SUPERVISE_CAPTIONS = [
    "宋庄镇某垃圾中转站周边垃圾袋堆积，未及时清运。",
    "玉桥街道某路段人行道方砖破损、缺失，路面坑洼积水。",
    "北苑街道某路段人行道上车辆违规停放，占压盲道。",
    "张家湾镇某路段旁空地堆放建筑垃圾，苫盖不到位。",
    "潞城镇某排水沟渠水体浑浊，水面漂浮垃圾。",
    "中仓街道某街巷架空线缆杂乱，私拉乱挂。",
]


class Placer:
    """Puts frames on a page by grid columns (1-based) and grid lines (0-based)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def area(self, first: int, last: int, top: int, lines: int) -> Rect:
        """The rectangle of columns first..last, grid lines top..top+lines-1."""
        return self.page.grid.area(self.page.type_area, first, last, top, lines)

    def add(self, frame) -> None:
        """Put a frame on the page."""
        self.page.frames.append(frame)


def body_lines(issue: Issue, article: Article, placer: Placer, first: int, last: int) -> int:
    """Grid lines per column that the article's body needs at this width (copy-fitting)."""
    return copyfit.body_lines(issue, article, placer.page, first, last)


def place_article(issue: Issue, placer: Placer, article: Article, columns: tuple[int, int],
                  top: int, head_lines: int) -> int:
    """Headline and body of an article, the body just tall enough; return the next free line."""
    first, last = columns
    lines = body_lines(issue, article, placer, first, last)
    placer.add(HeadlineFrame(f"{article.id}-head", placer.area(first, last, top, head_lines), article=article.id))
    body = TextFrame(f"{article.id}-body", placer.area(first, last, top + head_lines, lines),
                     columns=last - first + 1)
    placer.add(body)
    article.flow = [body.id]
    return top + head_lines + lines


def place_articles(issue: Issue, placer: Placer, articles: list[Article]) -> None:
    """The four news articles above the column: three down the left, one on the right."""
    left = ((articles[0], 7), (articles[2], 7), (articles[3], 6))
    needed = sum(head + body_lines(issue, a, placer, 1, 5) + 1 for a, head in left)
    spare = max(0, COLUMN_TOP - 1 - FOLIO_LINES - needed)
    top = FOLIO_LINES
    for index, (article, head_lines) in enumerate(left):
        extra = spare // len(left) + (1 if index < spare % len(left) else 0)
        top = place_article(issue, placer, article, (1, 5), top, head_lines + extra) + 1
    bottom = place_article(issue, placer, articles[1], (6, 8), FOLIO_LINES, 10)
    photo = placer.area(6, 8, bottom + 1, COLUMN_TOP - bottom - 2)
    placer.add(PhotoFrame("road-photo", photo, image="photos/road.jpg", caption=ROAD_CAPTION))


def place_column(issue: Issue, placer: Placer, column: Article, labels: list[str], credit: str) -> None:
    """The city-management column: its title on a tint, its text across the page, and a
    series block with the 挂账督办 photos and the 整治前后 pairs, with the series credit."""
    top = COLUMN_TOP
    area = placer.page.type_area
    placer.add(RuleFrame("column-rule", Rect(area.x, placer.area(1, 8, top, 1).y - 4, area.w, 0), weight=2.0))
    placer.add(BoxFrame("column-band", placer.area(1, 8, top, 4), weight=0.0, colour=None,
                        fill=Colour(0, 0, 0, 0.08)))
    lines = place_article(issue, placer, column, (1, 8), top, 4)
    supervise_label, pairs_label = labels
    pairs = [
        PhotoPair(Photo(f"photos/pair{n}-before.jpg"), Photo(f"photos/pair{n}-after.jpg"), caption=caption)
        for n, caption in enumerate(PAIR_CAPTIONS, start=1)
    ]
    singles = [Photo(f"photos/supervise{n}.jpg", caption=caption)
               for n, caption in enumerate(SUPERVISE_CAPTIONS, start=1)]
    bottom = placer.page.grid.line_count(area)
    placer.add(SeriesFrame("city-series", placer.area(1, 8, lines + 1, bottom - lines - 1), title=pairs_label,
                           pairs=pairs, pair_columns=2, singles_title=supervise_label, singles=singles,
                           singles_columns=2, singles_span=2, credit=credit))


def build() -> None:
    """Write the sample issue."""
    imported = read(TEXT)
    issue = new_issue("broadsheet", paper="北京城市副中心报", when=date(2023, 2, 15), pages=0)
    issue.edition = "样张"
    issue.styles["section"] = TextStyle(font="hei-bold", size="小四", align="left")
    page = issue.templates["broadsheet"].new_page(2, section="城市副中心·综合新闻")
    issue.pages = [page]
    issue.articles = imported.articles
    placer = Placer(page)
    place_articles(issue, placer, imported.articles)
    place_column(issue, placer, imported.articles[4], imported.labels, imported.credits[0])
    save(issue, OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(build())
