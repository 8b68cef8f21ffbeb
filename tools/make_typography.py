"""Build assets/examples/typography.layout.json: the headline desk's tools on one page.

A 通栏 headline in a 长体 style across the page over a four-column article whose text
wraps around a photo in its middle (图文互斥); beside it a tinted box with a wave
花边 border holding a reverse-type heading on a fill in an 扁体 style, a vertical
kicker (竖排) and an article in balanced columns; below, an article across six
balanced columns in a box with corner ornaments. The copy is the team's own.
Run: python tools/make_typography.py
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from layout.model import Article, BoxFrame, CaptionFrame, Colour, HeadlineFrame, Paragraph, PhotoFrame, TextFrame
from layout.model.document import HeadlineGroup
from layout.model.templates import new_issue
from layout.store.fileformat import save

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "examples" / "typography.layout.json"
COPY = ROOT / "tests" / "data" / "typography_copy.txt"  # the copy the findings' tests set

MAIN = [
    "今年以来，本市把老旧管网改造作为城市更新的第一件实事来抓，全年计划改造雨水、污水和供水管线"
    "420公里，截至9月底已完成326公里，占年度任务的77.6%。施工单位采用非开挖修复、分段导流等工艺，"
    "多数路段做到了“白天通车、夜间施工”。",
    "在城东片区，记者看到一台小型顶管机正在地下作业，地面只留下两个不到10平方米的工作井。项目负责人"
    "介绍，过去开挖一条300米长的管线要封路一个多月，现在两周左右就能完工，周边商户基本不受影响。",
    "改造不只在地下。沿线的人行道同步铺设了透水砖，树池改成了下凹式绿地，雨水可以先渗进土壤，再排入"
    "管网。去年汛期曾经积水的12处点位，今年均未再出现明显积水。",
    "市民可以通过“城市服务”小程序查询施工路段和绕行建议，也可以拨打12319热线反映问题。市住建部门"
    "表示，下一步将把管网改造和架空线入地、道路大修统筹起来，争取“一次开挖、多项完成”，减少反复施工。",
    "据了解，2024—2025年全市还将改造老旧小区内部管网1800余处，优先安排居民反映集中、漏损率高的小区。"
    "改造完成后，这些小区的供水压力和水质将得到明显改善。",
    "“以前一下大雨，楼门口的水能没过脚面。”家住和平里的李阿姨说，管线换新以后，今年夏天几场大雨"
    "过后，小区里再没积过水。她还注意到，施工队每天收工前都会把路面清扫干净，围挡上贴着工期和"
    "负责人的电话，有事打过去很快就有人来处理。",
    "记者在现场看到，新换的管道外壁都喷上了编号，扫一扫就能查到材质、埋深和施工日期。运维人员说，"
    "这些信息都接入了城市管网数字平台，哪一段需要检修、哪一段快到使用年限，在屏幕上一目了然。",
    "业内人士认为，地下管网是城市的“里子”，平时看不见，出了问题却影响千家万户。把管网改造和"
    "道路、绿化、架空线入地等工程放在一起谋划，既能少挖几次路，也能节省不少财政资金。",
]
BOX = [
    "幸福里社区把闲置的自行车棚改成了“共享客厅”，老人白天来下棋读报，孩子放学后在这里写作业。",
    "改造由居民投票决定方案，从征集意见到开放只用了45天。社区还招募了20多名志愿者轮流值守，"
    "每周六晚上放映一场老电影。",
    "“以前车棚里堆满了破旧自行车，晚上黑乎乎的，大家都绕着走。”居民王大爷说，现在这里亮堂了，"
    "邻里之间见面的机会也多了。社区党委书记介绍，下一步还打算在客厅里开设理发、修补等便民服务，"
    "让老人少跑腿。",
    "记者了解到，全市已有30多个社区用类似办法盘活了闲置空间，改造费用大多来自社区公益金和"
    "驻区单位的支持，居民也出了不少力：有人捐来书架和棋桌，有人义务粉刷墙面。",
]
LOWER = [
    "记者从市体育局获悉，全市今年新建和改建的社区健身场地已达136处，其中利用桥下空间、边角地建成的"
    "“口袋运动场”有41处。这些场地大多免费开放，夜间照明延长到22时。",
    "在西河桥下，原本堆放杂物的空地铺上了塑胶地面，画出了两块篮球场和一条环形步道。附近居民说，"
    "以前晚饭后没地方去，现在每天都有上百人来这里打球、散步。",
    "市体育局有关负责人表示，明年将继续挖掘城市空间，让市民出家门步行15分钟就能找到合适的运动场地。",
    "为了让场地用得好、管得住，各街道还为每处“口袋运动场”配备了管理员，定期检查器材，及时清理"
    "积水和落叶。不少场地在入口处贴出了二维码，市民扫码就能预约时段、报修设施，也可以对场地管理"
    "提出建议。",
]


def build() -> None:
    """Write the example document."""
    issue = new_issue("tabloid", paper="新报纸", when=date(2024, 10, 16), pages=2)
    del issue.pages[0]
    page = issue.pages[0]
    page.number, page.section = 1, "城市·民生"
    grid, area = page.grid, page.type_area
    issue.styles["title-long"] = dataclasses.replace(issue.style("title"), size="初号", hscale=70.0, tracking=0.02)
    issue.styles["title-flat"] = dataclasses.replace(issue.style("title"), size="小二", hscale=125.0)
    issue.styles["kicker-vertical"] = dataclasses.replace(issue.style("kicker"), font="hei-bold", size="四号",
                                                          tracking=0.15)
    red = Colour(0, 1, 1, 0)

    main = Article("a1", HeadlineGroup(title="老旧管网改造提速 一次开挖多项完成"),
                   "本报讯（记者 许文涛）", [Paragraph(t) for t in MAIN], ["a1-body"])
    page.frames += [
        HeadlineFrame("a1-head", grid.area(area, 1, 6, 3, 7), article="a1", title_style="title-long"),
        TextFrame("a1-body", grid.area(area, 1, 4, 10, 30), columns=4),
        PhotoFrame("a1-photo", grid.area(area, 2, 3, 16, 17), image="photos/road.jpg",
                   caption="城东片区一处管网改造完工的路段，人行道铺上了透水砖。", credit="许文涛 摄", wrap=6.0),
    ]
    box_area = grid.area(area, 5, 6, 10, 30)
    inset = 6.0
    kicker_w = 28.0
    inner = dataclasses.replace(box_area, x=box_area.x + inset, w=box_area.w - 2 * inset)
    corner = Article("a2", HeadlineGroup(title="车棚变客厅"), "", [Paragraph(t) for t in BOX], ["a2-body"],
                     balance=True)
    page.frames += [
        BoxFrame("a2-box", box_area, weight=0.8, colour=red, fill=Colour(0, 0.06, 0.12, 0), border="wave"),
        HeadlineFrame("a2-head", dataclasses.replace(grid.area(area, 5, 6, 11, 4), x=inner.x, w=inner.w),
                      article="a2", title_style="title-flat", fill=red, reverse=True),
        CaptionFrame("a2-kicker", dataclasses.replace(grid.area(area, 5, 6, 16, 12), x=inner.right - kicker_w,
                                                       w=kicker_w),
                     text="社区微更新", style="kicker-vertical", vertical=True),
        TextFrame("a2-body", dataclasses.replace(grid.area(area, 5, 6, 16, 23), x=inner.x, w=inner.w - kicker_w - 6),
                  columns=2, gutter=6.0),
    ]
    lower = Article("a3", HeadlineGroup(kicker="出门十五分钟 就有运动场", title="桥下空地变身“口袋运动场”"),
                    "本报讯（记者 周若琳）", [Paragraph(t) for t in LOWER], ["a3-body"], balance=True)
    page.frames += [
        BoxFrame("a3-box", grid.area(area, 1, 6, 41, 14), weight=0.6, colour=Colour(0, 0, 0, 1), border="corners"),
        HeadlineFrame("a3-head", grid.area(area, 1, 6, 42, 6), article="a3"),
        TextFrame("a3-body", dataclasses.replace(grid.area(area, 1, 6, 48, 6), x=area.x + 9, w=area.w - 18),
                  columns=6),
    ]
    rain = Article("a4", HeadlineGroup(title="汛期积水点减少 排水设施“扩容”"), "",
                   [Paragraph(t) for t in COPY.read_text("utf-8").split("\n") if t.strip()], ["a4-body"],
                   balance=True)
    page.frames += [
        HeadlineFrame("a4-head", grid.area(area, 1, 6, 56, 5), article="a4", title_style="title-flat"),
        TextFrame("a4-body", grid.area(area, 1, 6, 61, 11), columns=6, column_rules=True),
    ]
    issue.articles += [main, corner, lower, rain]
    save(issue, OUT)


if __name__ == "__main__":
    build()
