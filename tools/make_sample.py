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

from layout.importer.plaintext import read
from layout.model import CaptionFrame, HeadlineFrame, Page, PhotoFrame, Rect, RuleFrame, TextFrame
from layout.model.fileformat import save
from layout.model.styles import TextStyle
from layout.model.templates import TEMPLATES, new_issue

ROOT = Path(__file__).resolve().parents[1]
TEXT = ROOT / "assets" / "sample" / "tongzhou.txt"
OUT = ROOT / "assets" / "sample" / "tongzhou.layout.json"

PAIR_CAPTIONS = [
    "玉桥街道某小区背街小巷：堆放垃圾杂物，已清理干净。",
    "梨园镇某路段：墙面小广告、护栏破损，已粉刷墙面、修复护栏。",
    "台湖镇某路段：车辆占压绿化带，已恢复绿地、增设隔离桩。",
    "宋庄镇某村：私搭棚房、堆放渣土，已拆除清运并铺装绿化。",
]
SUPERVISE_CAPTIONS = [
    "某垃圾中转站周边垃圾散落",
    "某路段人行道铺装破损",
    "某小区门前机动车占用人行道",
    "某工地外建筑垃圾堆放",
    "某沟渠水体脏污",
    "某胡同架空线缆杂乱",
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


def place_articles(placer: Placer, articles) -> None:
    """The four news articles in the upper part of the page."""
    plan = [  # article, columns, headline (top, lines), body lines
        (articles[0], (1, 5), (3, 7), 17),
        (articles[2], (1, 5), (27, 7), 12),
        (articles[3], (1, 5), (46, 6), 6),
        (articles[1], (6, 8), (3, 13), 42),
    ]
    for article, (first, last), (top, head_lines), body_lines in plan:
        placer.add(HeadlineFrame(f"{article.id}-head", placer.area(first, last, top, head_lines),
                                 article=article.id))
        body = TextFrame(f"{article.id}-body", placer.area(first, last, top + head_lines, body_lines),
                         columns=last - first + 1)
        placer.add(body)
        article.flow = [body.id]


def place_column(placer: Placer, column, labels: list[str], credit: str) -> None:
    """The city-management column: title, text, 整治前后 pairs, 挂账督办 photos, credit."""
    top = 59
    area = placer.page.type_area
    placer.add(RuleFrame("column-rule", Rect(area.x, placer.area(1, 8, top, 1).y - 4, area.w, 0), weight=2.0))
    placer.add(HeadlineFrame(f"{column.id}-head", placer.area(1, 8, top, 4), article=column.id))
    body = TextFrame(f"{column.id}-body", placer.area(1, 2, top + 4, 15), columns=2)
    placer.add(body)
    column.flow = [body.id]
    supervise_label, pairs_label = labels
    placer.add(CaptionFrame("pairs-label", placer.area(3, 8, top + 4, 2), text=pairs_label, style="section"))
    for index in range(4):
        first = 3 if index % 2 == 0 else 6
        row = top + 6 + (index // 2) * 17
        for side, (name, label) in enumerate((("before", "整治前"), ("after", "整治后"))):
            left, width = placer.page.grid.column_span(area, first, first + 2)
            half = (width - placer.page.grid.gutter) / 2
            x = left + side * (half + placer.page.grid.gutter)
            photo = placer.area(first, first, row, 12)
            photo = Rect(x, photo.y, half, photo.h)
            placer.add(PhotoFrame(f"pair{index + 1}-{name}", photo, image=f"photos/pair{index + 1}-{name}.jpg"))
            placer.add(CaptionFrame(f"pair{index + 1}-{name}-label", Rect(x, photo.bottom, half, 13.5),
                                    text=label, style="label"))
        placer.add(CaptionFrame(f"pair{index + 1}-caption", placer.area(first, first + 2, row + 13, 3),
                                text=PAIR_CAPTIONS[index]))
    placer.add(CaptionFrame("supervise-label", placer.area(1, 2, top + 20, 2), text=supervise_label,
                            style="section"))
    for index in range(6):
        column_no, row = 1 + index % 2, top + 22 + (index // 2) * 8
        placer.add(PhotoFrame(f"supervise{index + 1}", placer.area(column_no, column_no, row, 5),
                              image=f"photos/supervise{index + 1}.jpg"))
        placer.add(CaptionFrame(f"supervise{index + 1}-caption", placer.area(column_no, column_no, row + 5, 3),
                                text=SUPERVISE_CAPTIONS[index]))
    placer.add(CaptionFrame("column-credit", placer.area(3, 8, top + 41, 2), text=credit, style="credit"))


def build() -> None:
    """Write the sample issue."""
    imported = read(TEXT)
    issue = new_issue("broadsheet", paper="北京城市副中心报", when=date(2023, 2, 15), pages=0)
    issue.edition = "样张"
    issue.styles["section"] = TextStyle(font="hei-bold", size="小四", align="left")
    page = TEMPLATES["broadsheet"].new_page(2, section="城市副中心·综合新闻")
    issue.pages = [page]
    issue.articles = imported.articles
    placer = Placer(page)
    place_articles(placer, imported.articles)
    place_column(placer, imported.articles[4], imported.labels, imported.credits[0])
    save(issue, OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(build())
