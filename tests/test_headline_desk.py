"""The headline desk's tools (issue 21): 长体/扁体, vertical text, text wrap around photos,
reverse type and tints, 花边 borders, balanced columns and copy-fit in lines; checked on
the engine's display list, on the example page's PDF with a reader library (pdfplumber),
and through the file format's migration."""

import dataclasses
import json
from pathlib import Path

import pdfplumber
import pytest

from layout.edit import operations as ops
from layout.engine import copyfit
from layout.engine.displaylist import BoxItem, GlyphRun, RuleItem, line_by_line
from layout.engine.frames import set_frame
from layout.engine.ornaments import border_items
from layout.engine.page import LayoutEngine
from layout.export.pdf_export import export_pdf
from layout.model import Article, BoxFrame, CaptionFrame, Colour, HeadlineFrame, Paragraph, PhotoFrame, TextFrame
from layout.model.colour import WHITE
from layout.model.document import HeadlineGroup
from layout.model.frames import BORDERS
from layout.model.geometry import Rect
from layout.model.migrations import CURRENT_VERSION, migrate
from layout.model.templates import new_issue
from layout.store.fileformat import from_dict, load, to_json_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "assets" / "examples" / "typography.layout.json"
COPY = [t for t in (ROOT / "tests" / "data" / "typography_copy.txt").read_text("utf-8").split("\n") if t.strip()]


def _page():
    issue = new_issue("tabloid", pages=2)
    del issue.pages[0]
    issue.pages[0].number = 1
    return issue, issue.pages[0]


def _runs(items):
    return [item for item in line_by_line(items) if isinstance(item, GlyphRun)]


# 7. 长体/扁体 and tracking

@pytest.mark.parametrize("scale", [60.0, 100.0, 140.0])
def test_a_headline_style_scales_its_glyphs_across(scale):
    issue, page = _page()
    issue.styles["wide"] = dataclasses.replace(issue.style("title"), hscale=scale, size=24)
    issue.articles.append(Article("a", HeadlineGroup(title="城市更新提速")))
    frame = HeadlineFrame("h", page.grid.area(page.type_area, 1, 6, 0, 6), article="a", title_style="wide")
    runs = _runs(set_frame(issue, page, frame).items)
    xs = [x for run in runs for x in run.xs]
    assert {round(run.hscale, 3) for run in runs} == {scale / 100}
    assert [b - a for a, b in zip(xs, xs[1:])] == pytest.approx([24 * scale / 100] * 5)


def test_horizontal_scale_goes_through_the_edit_operations_and_stays_in_range():
    issue, _ = _page()
    change = ops.set_style(issue, "title", hscale=80.0)
    change.apply(issue)
    assert issue.style("title").hscale == 80.0
    with pytest.raises(ops.EditError):
        ops.set_style(issue, "title", hscale=170.0)


# 8. Vertical text

def test_vertical_text_stands_in_a_column_with_vertical_marks_and_two_digits_across():
    issue, page = _page()
    frame = CaptionFrame("k", Rect(400, 100, 30, 300), text="聚焦“城市更新”12个街区", style="kicker", vertical=True)
    runs = _runs(set_frame(issue, page, frame).items)
    han = [run for run in runs if run.text in "聚焦城市更新个街区"]
    assert len({round(run.xs[0], 3) for run in han}) == 1
    ys = [run.y for run in han]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    texts = "".join(run.text for run in runs)
    assert "﹁" in texts and "﹂" in texts and "“" not in texts  # vertical quotes
    one, two = [run for run in runs if run.text in "12"]
    assert one.y == two.y and two.xs[0] > one.xs[0]  # 纵中横


def test_a_latin_word_in_vertical_text_is_turned_and_reads_down_the_column(tmp_path):
    issue, page = _page()
    text = "聚焦APEC峰会2024年"
    page.frames.append(CaptionFrame("k", Rect(300, 300, 40, 400), text=text, style="kicker", vertical=True))
    runs = _runs(set_frame(issue, page, page.frames[-1]).items)
    turned = [run for run in runs if run.rotation]
    assert [run.text for run in turned] == ["APEC", "2024"] and {run.rotation for run in turned} == {90}
    out = tmp_path / "vertical.pdf"
    export_pdf(issue, out)
    with pdfplumber.open(out) as pdf:
        chars = [c for c in pdf.pages[0].chars if 290 < c["x0"] < 345]
    assert "".join(c["text"] for c in sorted(chars, key=lambda c: c["top"])) == text
    latin = [c for c in chars if c["text"].isascii()]
    assert latin and not any(c["upright"] for c in latin)  # turned, as on screen
    assert max(c["x0"] for c in latin) - min(c["x0"] for c in latin) < 0.01
    tops = [c["top"] for c in sorted(chars, key=lambda c: c["top"])]
    assert all(b > a for a, b in zip(tops, tops[1:]))


# 9. Text around photos

def test_text_wraps_around_a_photo_and_keeps_whole_grid_lines():
    issue, page = _page()
    area, grid = page.type_area, page.grid
    issue.articles.append(Article("a", paragraphs=[Paragraph(t) for t in COPY * 2], flow=["t"]))
    photo_rect = grid.area(area, 2, 3, 6, 8)
    page.frames += [TextFrame("t", grid.area(area, 1, 4, 0, 30), columns=4),
                    PhotoFrame("p", photo_rect, wrap=4.5)]
    items = LayoutEngine().layout(issue).pages[0].items
    runs = [run for run in _runs(items) if run.size == 9.0 and run.font.startswith("NotoSerifSC")]
    keep_out = Rect(photo_rect.x - 4.5, photo_rect.y - 4.5, photo_rect.w + 9, photo_rect.h + 9)
    for run in runs:
        for x in run.xs:
            inside = keep_out.x < x + 4.5 < keep_out.right and keep_out.y < run.y - 4 < keep_out.bottom
            assert not inside, run.text
    columns_beside = {round(x) for run in runs for x in run.xs[:1] if photo_rect.y < run.y < photo_rect.bottom}
    assert columns_beside  # the columns the photo does not cut go on beside it
    below = [run for run in runs if run.y > photo_rect.bottom + 4.5 and photo_rect.x <= run.xs[0] < photo_rect.right]
    assert below  # and the cut columns go on below it
    offsets = {round((run.y - area.y) % grid.line_pitch, 3) for run in runs}
    assert len(offsets) == 1  # every line on the grid


def test_a_text_frame_set_into_a_story_pushes_its_text_away():
    issue, page = _page()
    area, grid = page.type_area, page.grid
    inset = grid.area(area, 2, 3, 8, 6)
    side = [Paragraph("链接：本市今年已建成社区食堂一百二十家。")]
    issue.articles += [Article("host", paragraphs=[Paragraph(t) for t in COPY * 2], flow=["host-body"]),
                       Article("side", paragraphs=side, flow=["side-body"])]
    page.frames += [TextFrame("host-body", grid.area(area, 1, 4, 0, 30), columns=4),
                    TextFrame("side-body", inset, columns=2, wrap=4.5)]
    laid = LayoutEngine().layout(issue)
    host = [run for run in _runs(laid.pages[0].items) if run.source and run.source.article == "host"]
    inside = [run.text for run in host
              if inset.x - 4.5 < run.xs[-1] < inset.right + 4.5 and inset.y - 4.5 < run.y - 4 < inset.bottom + 4.5]
    assert host and inside == []
    assert not laid.report.overset.get("side")


# 10. Reverse type, tints, 花边

def test_reverse_type_stands_in_paper_white_on_its_fill():
    issue, page = _page()
    issue.articles.append(Article("a", HeadlineGroup(title="反白标题")))
    red = Colour(0, 1, 1, 0)
    frame = HeadlineFrame("h", page.grid.area(page.type_area, 1, 2, 0, 4), article="a", fill=red, reverse=True)
    items = set_frame(issue, page, frame).items
    assert isinstance(items[0], BoxItem) and items[0].fill == red and items[0].rect == frame.rect
    assert {run.colour for run in _runs(items)} == {WHITE}


@pytest.mark.parametrize("border", BORDERS)
def test_every_border_is_drawn_as_vectors_around_its_box(border):
    rect = Rect(100, 100, 200, 120)
    items = border_items(rect, border, Colour(0, 1, 1, 0), 1.0)
    assert items and all(isinstance(item, (BoxItem, RuleItem)) for item in items)
    grown = Rect(rect.x - 3, rect.y - 3, rect.w + 6, rect.h + 6)
    for item in items:
        box = item.rect if isinstance(item, BoxItem) else Rect(min(item.x1, item.x2), min(item.y1, item.y2),
                                                                abs(item.x2 - item.x1), abs(item.y2 - item.y1))
        assert grown.x <= box.x and box.right <= grown.right and grown.y <= box.y and box.bottom <= grown.bottom


def test_a_tinted_box_keeps_its_tint_under_a_fancy_border():
    issue, page = _page()
    tint = Colour(0, 0.1, 0.2, 0)
    frame = BoxFrame("b", Rect(100, 100, 200, 120), fill=tint, border="wave")
    items = set_frame(issue, page, frame).items
    assert items[0].fill == tint and len(items) > 8


# 11. Balanced columns, 12. copy-fit in lines

def _article_in(columns: int, lines: int, balance: bool, texts: list[str] = COPY):
    issue, page = _page()
    issue.articles.append(Article("a", paragraphs=[Paragraph(t) for t in texts], flow=["t"], balance=balance))
    page.frames.append(TextFrame("t", page.grid.area(page.type_area, 1, columns, 0, lines), columns=columns))
    return issue, page


def _column_feet(issue, page) -> list[float]:
    frame = page.frame("t")
    runs = [run for run in _runs(LayoutEngine().layout(issue).pages[0].items)
            if frame.rect.y < run.y < frame.rect.bottom and run.font.startswith("NotoSerifSC")]
    width = page.grid.column_width(page.type_area)
    feet: dict[int, float] = {}
    for run in runs:
        column = int((run.xs[0] - page.type_area.x + page.grid.gutter) // (width + page.grid.gutter))
        feet[column] = max(feet.get(column, 0.0), run.y)
    return [feet[k] for k in sorted(feet)]


def test_balanced_columns_end_on_the_same_line_or_only_the_last_is_short():
    issue, page = _article_in(4, 60, balance=True)
    feet = _column_feet(issue, page)
    pitch = page.grid.line_pitch
    # the same line, but where widow and orphan control gives a line up (two at most)
    assert len(feet) == 4 and max(feet[:-1]) - min(feet[:-1]) <= 2 * pitch + 1e-6 and feet[-1] <= max(feet) + 1e-6
    filled, _ = _article_in(4, 60, balance=False)
    assert len(_column_feet(filled, page)) < 4  # in turn, the text fills the first columns


def test_overset_and_underset_are_counted_in_lines():
    issue, _ = _article_in(2, 10, balance=False)
    laid = LayoutEngine().layout(issue)
    assert laid.report.overset["a"] > 0 and laid.report.overset_lines["a"] * 11 >= laid.report.overset["a"] * 0.8
    roomy, _ = _article_in(4, 60, balance=False)
    assert LayoutEngine().layout(roomy).report.underset_lines["a"] > 100


def test_fit_by_tracking_stays_within_the_style_and_makes_the_copy_fit():
    texts = [p.text for p in load(EXAMPLE).article("a1").paragraphs]
    issue, page = _article_in(4, 60, balance=False, texts=texts)
    depth = copyfit.body_lines(issue, issue.article("a"), page, 1, 4)
    page.frame("t").rect = page.grid.area(page.type_area, 1, 4, 0, depth - 1)  # overset by a little
    assert LayoutEngine().layout(issue).report.overset["a"]
    issue.styles["body"] = dataclasses.replace(issue.style("body"), fit_tracking=0.1)
    ops.fit_by_tracking(issue, "a").apply(issue)
    assert -0.1 <= issue.article("a").tracking < 0
    assert "a" not in LayoutEngine().layout(issue).report.overset


# The file format

def test_a_version_1_document_upgrades_with_the_defaults_written():
    issue, _ = _page()
    issue.articles.append(Article("a"))
    data = to_json_dict(issue)
    data["version"] = 1
    for style in data["styles"].values():
        del style["hscale"], style["fit_tracking"]
    for article in data["articles"]:
        del article["balance"], article["tracking"]
    upgraded = migrate(json.loads(json.dumps(data)))
    assert upgraded["version"] == CURRENT_VERSION  # and later steps after the typography one
    assert all(style["hscale"] == 100.0 for style in upgraded["styles"].values())
    assert upgraded["articles"][0]["balance"] is False
    assert from_dict(upgraded).article("a").tracking == 0.0


# The example page, read back from its PDF

@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("typography") / "page.pdf"
    export_pdf(load(EXAMPLE), out)
    with pdfplumber.open(out) as pdf:
        yield pdf.pages[0]


def test_the_example_holds_each_tool():
    issue = load(EXAMPLE)
    frames = issue.pages[0].frames
    assert any(isinstance(f, CaptionFrame) and f.vertical and len(f.text) >= 4 for f in frames)
    scales = {issue.style(f.title_style).hscale for f in frames if isinstance(f, HeadlineFrame)}
    assert min(scales) < 100 < max(scales)
    assert any(isinstance(f, PhotoFrame) and f.wrap > 0 for f in frames)
    assert any(isinstance(f, HeadlineFrame) and f.reverse and f.fill for f in frames)
    assert any(isinstance(f, BoxFrame) and f.fill and f.border not in ("solid", "dashed") for f in frames)
    assert any(a.balance for a in issue.articles)
    assert not LayoutEngine().layout(issue).report.overset


def test_the_vertical_kicker_reads_down_one_column(example_pdf):
    kicker = next(f for f in load(EXAMPLE).pages[0].frames if isinstance(f, CaptionFrame) and f.vertical)
    chars = [c for c in example_pdf.chars if c["text"] in kicker.text
             and kicker.rect.x - 1 <= c["x0"] and c["x1"] <= kicker.rect.right + 1]
    assert "".join(c["text"] for c in sorted(chars, key=lambda c: c["top"])) == kicker.text
    assert max(c["x0"] for c in chars) - min(c["x0"] for c in chars) < 0.01
    tops = [c["top"] for c in chars]
    assert all(b > a for a, b in zip(tops, tops[1:]))


def test_no_body_character_lies_inside_the_wrapped_photo(example_pdf):
    photo = next(f for f in load(EXAMPLE).pages[0].frames if isinstance(f, PhotoFrame) and f.wrap > 0)
    r = photo.rect
    body = [c for c in example_pdf.chars if abs(c["size"] - 9) < 0.01 and "Serif" in c["fontname"]]
    assert body
    inside = [c["text"] for c in body if c["x1"] > r.x and c["x0"] < r.right and c["bottom"] > r.y
              and c["top"] < r.bottom]
    assert inside == []


def test_scaled_glyphs_are_as_wide_in_the_pdf_as_their_scale(example_pdf):
    issue = load(EXAMPLE)
    for frame in (f for f in issue.pages[0].frames if isinstance(f, HeadlineFrame)):
        style = issue.style(frame.title_style)
        if style.hscale == 100:
            continue
        title = issue.article(frame.article).headline.title
        r = frame.rect
        chars = [c for c in example_pdf.chars if c["text"] in title and "\u4e00" <= c["text"] <= "\u9fff"
                 and r.y <= c["top"] and c["bottom"] <= r.bottom + 1 and abs(c["size"] - style.size_pt) < 0.5]
        assert chars, title
        for c in chars:
            assert c["x1"] - c["x0"] == pytest.approx(style.size_pt * style.hscale / 100, abs=0.2), c["text"]
