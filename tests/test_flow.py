"""Flow through linked frames, across pages, with continuation lines and overset."""

import dataclasses
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.engine.displaylist import GlyphRun, line_by_line
from layout.engine.page import LayoutEngine
from layout.engine.prepare import forget_prepared
from layout.engine.styling import flow_paragraphs, paragraph_for, run_for
from layout.engine.textflow import Slot, flow
from layout.model import Article, Paragraph, Rect, TextFrame
from layout.model.styles import default_styles
from layout.model.templates import new_issue

TEXT = "会议强调，要进一步提升市场化、法治化、国际化营商环境建设，持续夯实产业链与人才链融合发展。" * 12


def _issue(lines_first: int, lines_second: int):
    issue = new_issue("broadsheet", pages=3)
    for page, lines, frame_id in ((issue.pages[0], lines_first, "f1"), (issue.pages[2], lines_second, "f2")):
        area = page.grid.area(page.type_area, 1, 2, 10, lines)
        page.frames.append(TextFrame(frame_id, area, columns=2))
    issue.articles.append(Article("a", paragraphs=[Paragraph(TEXT)], flow=["f1", "f2"]))
    return issue


def _page_text(laid, number):
    page = next(p for p in laid.pages if p.number == number)
    return page.text()


def test_article_jumps_to_another_page_with_continuation_lines():
    laid = LayoutEngine().layout(_issue(10, 40))
    first, third = _page_text(laid, 1), _page_text(laid, 3)
    assert "（转第3版）" in first
    assert "（上接第1版）" in third
    assert laid.report.overset == {}
    body = first.split("新报纸")[-1] + third
    assert body.replace("（转第3版）", "").replace("（上接第1版）", "").count("会议强调") == 12


def test_no_continuation_line_when_the_text_ends_on_the_first_page():
    laid = LayoutEngine().layout(_issue(60, 10))
    assert "转第" not in _page_text(laid, 1)
    assert "上接" not in _page_text(laid, 3)


def test_overset_counts_the_characters_that_did_not_fit():
    issue = _issue(3, 3)
    laid = LayoutEngine().article(issue, "a")
    set_text = "".join(item.text for items in laid.items.values() for item in items)
    for jump in ("（转第3版）", "（上接第1版）"):
        set_text = set_text.replace(jump, "")
    assert TEXT.startswith(set_text)
    assert laid.overset == len(TEXT) - len(set_text) > 0


def test_one_edit_lays_out_only_the_article_it_touches(sample_path):
    from layout.store.fileformat import load

    issue = load(sample_path)
    engine = LayoutEngine()
    engine.layout(issue)
    laid_before, set_before = engine.articles_laid_out, engine.frames_set
    issue.articles[1].paragraphs[0].text = "改" + issue.articles[1].paragraphs[0].text
    engine.layout(issue)
    assert engine.articles_laid_out == laid_before + 1
    assert engine.frames_set == set_before


def test_strict_line_breaking_is_a_document_setting(tmp_path):
    from layout.store.fileformat import load, save

    issue = new_issue()
    page = issue.pages[0]
    page.frames.append(TextFrame("f", Rect(page.type_area.x, 200, 6 * 9, 200)))
    issue.articles.append(Article("a", paragraphs=[Paragraph("一二三四五六——七八九")], flow=["f"]))
    issue.styles["body"].indent = 0
    basic = LayoutEngine().layout(issue).pages[0].text()
    issue.line_breaking = "strict"
    save(issue, tmp_path / "strict.layout.json")
    strict_issue = load(tmp_path / "strict.layout.json")
    assert strict_issue.line_breaking == "strict"
    strict = LayoutEngine().layout(strict_issue).pages[0].text()
    assert basic.endswith("一二三四五六——七八九")
    assert strict == basic  # the same characters in the same order …
    def line_starts(document):
        lines = {}
        for item in line_by_line(LayoutEngine().article(document, "a").items[1]):
            lines[item.y] = lines.get(item.y, "") + item.text
        return [text[:2] for text in lines.values()]

    issue.line_breaking = "basic"
    assert "——" in line_starts(issue)  # pushing 六 down would space 一二三四五 a quarter em apart
    assert "——" not in line_starts(strict_issue)  # … but no line starts with ——


def test_subheads_take_a_line_of_space_above_them():
    issue = new_issue()
    page = issue.pages[0]
    page.frames.append(TextFrame("f", page.grid.area(page.type_area, 1, 1, 10, 30)))
    issue.articles.append(Article("a", paragraphs=[
        Paragraph("一二三四五六七八九十一二。"), Paragraph("小标题", "subhead"), Paragraph("一二三。"),
    ], flow=["f"]))
    items = line_by_line(LayoutEngine().article(issue, "a").items[1])
    ys = {item.text: item.y for item in items}
    pitch = page.grid.line_pitch
    assert ys["小标题"] - ys["一二三四五六七八九十"] == pytest.approx(3 * pitch)  # 一二。 below it, then a gap
    assert ys["一二三。"] - ys["小标题"] == pytest.approx(pitch)


_PIECES = ["中文排版", "，", "。", "“引号”", "（括号）", "2023年", "10.5%", "GB/T 15834", "COVID-19", "——", "……", "、",
           "𠮷", " word ", "《书名》", "https://example.com/news/a.html", "Pneumonoultramicroscopic"]
_paragraph_text = st.lists(st.sampled_from(_PIECES), min_size=0, max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(_paragraph_text, min_size=1, max_size=8), width=st.integers(min_value=5, max_value=30))
def test_a_paragraph_sets_alike_alone_or_prepared_with_others(texts, width):
    """Paragraphs are prepared together (one batch per article); what a paragraph looks
    like must not depend on its neighbours in the batch."""
    style = default_styles()["body"]
    forget_prepared()  # else the cache hands back the paragraphs prepared alone in an earlier example
    together = flow(flow_paragraphs([((run_for(t, style),), style) for t in texts]),
                    [Slot(0, 0, width * 9.0, 10_000, 13.5)])
    forget_prepared()  # else the cache hands back the paragraphs prepared together
    alone = [paragraph_for(t, style) for t in texts]
    assert len({id(para.prepared.batch) for para in alone}) == len(set(texts))
    apart = flow(alone, [Slot(0, 0, width * 9.0, 10_000, 13.5)])
    together_items, apart_items = list(line_by_line(together.items)), list(line_by_line(apart.items))
    assert len(together_items) == len(apart_items)
    for a, b in zip(together_items, apart_items):
        assert type(a) is type(b)
        if isinstance(a, GlyphRun):
            assert (a.text, a.glyphs, a.font, a.y) == (b.text, b.glyphs, b.font, b.y)
            assert a.xs == pytest.approx(b.xs, abs=1e-9)
        else:
            assert a == b
    assert together.missing == apart.missing


_SETS_ALIKE_IN_A_FRESH_PROCESS = """
import json, sys
from layout.engine.displaylist import GlyphRun, line_by_line
from layout.engine.prepare import forget_prepared
from layout.engine.styling import flow_paragraphs, paragraph_for, run_for
from layout.engine.textflow import Slot, flow
from layout.model.styles import default_styles

style = default_styles()["body"]
unlike = []
for texts, width in json.load(sys.stdin):
    forget_prepared()
    together = flow_paragraphs([((run_for(t, style),), style) for t in texts])
    forget_prepared()
    alone = [paragraph_for(t, style) for t in texts]
    lines = [[(item.text, item.xs) for item in line_by_line(flow(paras, [Slot(0, 0, width * 9.0, 10_000, 13.5)]).items)
              if isinstance(item, GlyphRun)] for paras in (together, alone)]
    if lines[0] != lines[1]:
        unlike.append([texts, width, [[text for text, _ in one] for one in lines]])
json.dump(unlike, sys.stdout)
"""

# Batches that once set a paragraph otherwise than alone: a line of one character costed
# as a URL's piece (nothing) wherever another paragraph of the batch held a URL or a long word.
_ONCE_SET_APART = [
    (["", "中文排版GB/T 15834", "COVID-19COVID-192023年中文排版"], 5),
    (["。。中文排版《书名》中文排版COVID-19GB/T 15834COVID-19“引号”2023年、",
      "Pneumonoultramicroscopicsilicovolcanoconiosis"], 5),
    (["一二三四五六七八九十10.5%中。COVID-19 word ", "https://example.com/news/2023/index.html"], 3),
    (["——《书名》——（括号）文《书名》（括号）一二三四五六七八九十2023年COVID-19", "COVID-19COVID-192023"], 3),
]


def test_a_paragraph_sets_alike_alone_or_with_others_from_a_fresh_process():
    """The first layouts of a process, with nothing remembered from earlier ones: each
    paragraph of a batch breaks and sets as it does alone, on batches that once differed
    and on random ones mixing Chinese with URLs and long words."""
    rng = random.Random(20231207)
    cases = list(_ONCE_SET_APART)
    for _ in range(40):
        texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(1, 4))]
        texts.insert(rng.randint(0, len(texts)), rng.choice(_PIECES[-2:]) * 2)  # longer than a line
        cases.append((texts, rng.randint(3, 12)))
    done = subprocess.run([sys.executable, "-c", _SETS_ALIKE_IN_A_FRESH_PROCESS], input=json.dumps(cases),
                          capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_paragraphs_edited_one_by_one_are_prepared_together_again():
    """Each edit prepares only what changed, until the article's paragraphs are spread over
    many batches; then the whole article is prepared as one batch again."""
    style = default_styles()["body"]
    texts = [f"第{n}段正文，有标点。" for n in range(8)]
    first = flow_paragraphs([((run_for(t, style),), style) for t in texts])
    assert len({id(p.prepared.batch) for p in first}) == 1
    batches = []
    for n in range(8):
        texts[n] = texts[n] + "改"
        now = flow_paragraphs([((run_for(t, style),), style) for t in texts])
        batches.append(len({id(p.prepared.batch) for p in now}))
    assert batches == [2, 3, 4, 1, 2, 3, 4, 1]


def test_a_flow_hands_over_lines_alike_as_blocks_in_reading_order():
    """Lines in one face come as GlyphLines; a line with a fallback glyph comes apart as
    glyph runs, between the blocks, so that reading order is kept."""
    style = default_styles()["body"]
    texts = ["一二三四五六七八九十" * 3, "甲乙丙丁𠮷戊己庚辛壬", "一二三四五六七八九十" * 3]
    paragraphs = flow_paragraphs([((run_for(t, style),), style) for t in texts])
    result = flow(paragraphs, [Slot(0, 0, 10 * 9.0, 100, 13.5)])
    assert [(type(item).__name__, item.text) for item in result.items] == [
        ("GlyphLines", texts[0]), ("GlyphRun", "甲乙丙丁"), ("GlyphRun", "𠮷"), ("GlyphRun", "戊己庚"),
        ("GlyphLines", "辛壬" + texts[2])]
    runs = list(line_by_line(result.items))
    assert "".join(run.text for run in runs) == "".join(texts)
    assert [run.y for run in runs] == sorted(run.y for run in runs)
    assert all(len(run.glyphs) == len(run.xs) == len(run.text) for run in runs)


def test_a_block_joins_lines_of_paragraphs_prepared_apart_in_their_batch():
    """Paragraphs cached from one batch, but not next to each other in it, still set in
    flow order, each line with its own characters."""
    style = default_styles()["body"]
    texts = ["甲" * 25, "乙" * 25, "丙" * 25]
    batch = flow_paragraphs([((run_for(t, style),), style) for t in texts])
    result = flow([batch[2], batch[0]], [Slot(0, 0, 10 * 9.0, 100, 13.5)])
    [block] = result.items
    assert block.text == "丙" * 25 + "甲" * 25
    assert [run.text for run in block.runs()] == ["丙" * 8, "丙" * 10, "丙" * 7, "甲" * 8, "甲" * 10, "甲" * 7]


def _columns(texts, keep=True, lines=3):
    """The characters set in each of two columns of ``lines`` grid lines, 10 em wide."""
    style = dataclasses.replace(default_styles()["body"], indent=0.0, keep_lines=keep)
    paragraphs = flow_paragraphs([((run_for(text, style),), style) for text in texts])
    result = flow(paragraphs, [Slot(0, 0, 90, lines, 13.5), Slot(100, 0, 90, lines, 13.5)])
    found = {0: [], 100: []}
    for item in line_by_line(result.items):
        found[0 if item.xs[0] < 95 else 100].append(item.text)
    return found, result.stranded


def test_a_column_ends_a_line_early_rather_than_leave_a_widow():
    text = "一二三四五六七八九十" * 3 + "一二三"  # four lines of 10 em
    found, stranded = _columns([text])
    assert [len(line) for line in found[0]] == [10, 10] and [len(line) for line in found[100]] == [10, 3]
    assert not stranded
    found, stranded = _columns([text], keep=False)
    assert [len(line) for line in found[100]] == [3] and stranded == ["a widow: 一二三"]


def test_a_first_line_alone_at_the_bottom_goes_to_the_next_column():
    texts = ["一二三四五六七八九十一二三", "四五六七八九十一二三四五六七八九十一二三四五六七八"]  # 2 lines, then 3
    found, stranded = _columns(texts)
    assert found[0] == ["一二三四五六七八九十", "一二三"] and found[100][0] == "四五六七八九十一二三"
    found, stranded = _columns(texts, keep=False)
    assert found[0][-1] == "四五六七八九十一二三" and stranded == ["an orphan: 四五六七八九十一二三"]



def _linked(text, keep=True):
    """The lines of a paragraph set in each of two linked one-column frames of three grid
    lines on one page, and the widows and orphans left."""
    from layout.engine.article import layout_article

    issue = new_issue("broadsheet", pages=1)
    page = issue.pages[0]
    issue.styles["body"] = dataclasses.replace(issue.style("body"), keep_lines=keep)
    frames = [TextFrame(f"f{column}", page.grid.area(page.type_area, column, column, 10, 3)) for column in (1, 3)]
    page.frames += frames
    issue.articles.append(Article("a", paragraphs=[Paragraph(text)], flow=["f1", "f3"]))
    laid = layout_article(issue, issue.articles[0])
    lines: list[list[str]] = [[], []]
    for run in line_by_line(laid.items[page.number]):
        lines[run.xs[0] > frames[1].rect.x - 1].append(run.text)
    return lines, [found[2] for found in laid.stranded]


def test_a_frame_ends_a_line_early_rather_than_leave_a_widow_in_the_next_linked_frame():
    first, full, _ = _linked("甲" * 60)[0][0]
    text = "甲" * (len(first) + 2 * len(full) + 2)  # four lines, the last two characters long
    lines, stranded = _linked(text, keep=False)
    assert lines == [[first, full, full], ["甲甲"]] and stranded == ["a widow: 甲甲"]
    lines, stranded = _linked(text)
    assert lines == [[first, full], [full, "甲甲"]] and not stranded
