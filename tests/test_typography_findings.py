"""Issue 21's six findings on outside copy, each held on text of our own writing with the
same traits: text lost on import, list notices misread, figures in holes, loose lines
around what will not break, URLs and ranges, and the editor's space in a headline."""

import re
import statistics
from pathlib import Path

import pytest

from layout.cli import main
from layout.engine.block import headline_setting
from layout.engine.displaylist import line_by_line
from layout.engine.fonts import load_face
from layout.engine.page import LayoutEngine
from layout.engine.spacing import (
    full_lines,
    han_gaps,
    han_latin_gap_median_em,
    han_latin_gaps,
    stretch_ratio_latin_to_han,
)
from layout.engine.styling import flow_paragraphs, run_for
from layout.engine.textflow import Slot, flow
from layout.importer.plaintext import parse
from layout.model.templates import new_issue
from layout.store.fileformat import load
from tests.helpers import SIZE, line_texts, set_text

COPY = Path(__file__).with_name("data") / "typography_copy.txt"
WIDTH = 13 * SIZE


def _glyph_lines(texts: list[str], width: float = WIDTH) -> list[list[tuple[float, float, str]]]:
    style = new_issue().style("body")
    paragraphs = flow_paragraphs([((run_for(t, style),), style) for t in texts])
    lines: dict[float, list] = {}
    for run in line_by_line(flow(paragraphs, [Slot(0, 0, width, 10**4, 13.5)]).items):
        advances = load_face(run.font).advances
        lines.setdefault(run.y, []).extend((x, x + advances.get(ord(ch), 1.0) * run.size, ch)
                                           for x, ch in zip(run.xs, run.text))
    return [sorted(glyphs) for glyphs in lines.values()]


def _copy() -> list[str]:
    return [t for t in COPY.read_text("utf-8").split("\n") if t.strip()]


# 1. Text lost on import

SHORT = ("社区食堂开到家门口\n\n本报讯（记者 许文涛）昨天，和平街道第三家社区食堂正式营业，"
         "每天供应早午晚三餐，六十岁以上老人凭卡用餐可享九折优惠。\n")


@pytest.mark.parametrize("columns", ["1-6", "1-8", "1-4", "1-2"])
def test_a_short_article_imported_over_many_columns_is_placed_whole(tmp_path, columns, capsys):
    doc, text = tmp_path / "t.layout.json", tmp_path / "short.txt"
    text.write_text(SHORT, "utf-8")
    assert main(["new", "-o", str(doc)]) == 0
    assert main(["import-article", str(doc), str(text), "--page", "1", "--columns", columns, "--top", "60"]) == 0
    assert "overset" not in capsys.readouterr().err
    issue = load(doc)
    laid = LayoutEngine().article(issue, issue.articles[0].id)
    assert laid.overset == 0


def test_an_article_the_page_has_no_room_for_says_how_many_lines_are_missing(tmp_path, capsys):
    doc, text = tmp_path / "t.layout.json", tmp_path / "long.txt"
    body = "".join(_copy()) * 3
    text.write_text(f"地下管网改造提速\n\n本报讯（记者 许文涛）{body}\n", "utf-8")
    assert main(["new", "-o", str(doc)]) == 0
    assert main(["import-article", str(doc), str(text), "--page", "1", "--columns", "1-1", "--top", "300"]) == 0
    err = capsys.readouterr().err
    assert "overset by" in err and "lines missing" in err


# 2. List-heavy notices

NOTICE = """关于开展“我身边的城市管理”主题征文活动的通知

本报讯 为进一步推动城市管理工作共建共治共享，充分展示各街道、社区在精细化管理中的好做法，\
市城市管理委员会决定在全市开展主题征文活动，现将有关事项通知如下：
一、征文对象
全市城市管理系统干部职工、社区工作者和热心市民均可参加。
二、征文内容
（一）各区城市管理机构现状
围绕环境整治、垃圾分类、背街小巷治理等工作，讲述身边的真实故事。
（二）基层治理经验
1. 以小切口反映大变化；
（1）可配发照片；
② 每篇不超过3张。
征文要求：
第一，来稿请注明作者姓名和联系方式。
"""


def test_numbered_items_and_lead_ins_stay_paragraphs_of_their_article():
    found = parse(NOTICE)
    assert len(found.articles) == 1 and not found.labels
    texts = [p.text for p in found.articles[0].paragraphs]
    assert texts[0].endswith("如下：")  # the item after it is not swallowed
    for item in ("一、征文对象", "二、征文内容", "（一）各区城市管理机构现状", "（二）基层治理经验", "征文要求：",
                 "1. 以小切口反映大变化；", "（1）可配发照片；", "第一，来稿请注明作者姓名和联系方式。"):
        assert item in texts
    styles = {p.text: p.style for p in found.articles[0].paragraphs}
    assert styles["一、征文对象"] == styles["（一）各区城市管理机构现状"] == "subhead"
    assert styles["1. 以小切口反映大变化；"] == "body"


# 3. Figures in holes; 4. loose lines around what will not break

def test_stretch_goes_no_more_into_han_latin_gaps_than_between_chinese_characters():
    lines = _glyph_lines(_copy())
    assert stretch_ratio_latin_to_han(lines, WIDTH, SIZE) <= 1.0
    assert han_latin_gap_median_em(lines, WIDTH, SIZE) <= 0.28
    for glyphs in full_lines(lines, WIDTH, SIZE):
        han, latin = han_gaps(glyphs), han_latin_gaps(glyphs)
        if han and latin:
            assert statistics.mean(latin) - SIZE / 4 <= statistics.mean(han) + 0.01, "".join(g[2] for g in glyphs)


def test_a_word_space_between_latin_words_keeps_a_quarter_em():
    for measure in range(9, 16):
        for line in set_text("系统升级后，不少用户的笔记本装上了Windows 11 23H2版本，运行更加流畅。", measure):
            p = line.p
            for k in range(line.start + 1, line.end - 1):
                if p.atoms[k] == " " and p.atoms[k - 1].isascii() and p.atoms[k + 1].isascii():
                    i = k - line.start
                    assert line.atom_xs[i + 1] - line.atom_xs[i] >= SIZE / 4 - 1e-6


@pytest.mark.parametrize("text", [
    "本报讯（记者 周若琳 通讯员 韩立冬）今年以来，全市新建和改造雨水管网一百多公里。",
    "依据《城镇排水与污水处理条例》（GB 50014—2021）的有关规定，各区完成了清掏。",
])
def test_no_line_is_left_in_holes_around_bylines_and_standard_numbers(text):
    spreads = []
    for measure in range(10, 18):
        lines = _glyph_lines([text], measure * SIZE)
        spreads += [max(han_gaps(glyphs), default=0.0) / SIZE for glyphs in full_lines(lines, measure * SIZE, SIZE)]
    assert max(spreads) <= 0.15  # the outside copy had 0.2 and 0.5 em
    assert sum(spread > 0.1 + 1e-3 for spread in spreads) <= 2


# 5. URLs, e-mail addresses and ranges

def test_addresses_break_after_slashes_and_at_signs_never_before_their_last_labels():
    texts = ["可登录https://www.example-water.gov.cn/service/report查询办理进度。",
             "也可发送邮件至paishui_tousu@water-example.gov.cn反映情况。",
             "他们的建议通过www.hz-water.zj.cn平台汇总。"]
    for text in texts:
        for measure in range(8, 16):
            lines = line_texts(set_text(text, measure))
            for number, line in enumerate(lines[1:], 1):
                assert not line.startswith(("?", "/", "&", "=", "@")), (lines, measure)
                if line.startswith("."):  # three labels at least follow: never .cn, .gov.cn
                    name = re.match(r"[\w.-]+", "".join(lines[number:])).group()
                    assert name.count(".") >= 3, (lines, measure)


def test_a_number_range_stays_together_where_the_line_can_take_it():
    kept = 0
    for measure in range(9, 18):
        lines = line_texts(set_text("预计2025—2026年间分段通车，今年1—9月份共受理积水问题4127件。", measure))
        kept += not any(a.endswith(("2025", "2025—", "1", "1—")) and b[:1] in "—2"
                        for a, b in zip(lines, lines[1:]))
    assert kept >= 8


# 6. The editor's space in a headline

def test_a_space_typed_in_a_headline_is_where_it_breaks():
    style = new_issue().style("title")
    text = "今年前三季度全市快递业务量同比增长 18.6%城乡寄递网络更加完善"
    para, _, starts = headline_setting(text, style, 30 * 18)
    p = para.prepared
    assert len(starts) == 2 and p.atoms[starts[1] - 1] == " "
