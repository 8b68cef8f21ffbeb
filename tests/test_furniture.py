"""Page furniture: boxes and tints, column rules, photo captions beside, the masthead."""

from layout.engine.displaylist import BoxItem, ImageItem, RuleItem
from layout.engine.page import LayoutEngine
from layout.model import BoxFrame, Colour, PhotoFrame, TextFrame
from layout.model.templates import new_issue
from tests.conftest import ROOT


def _page_items(issue):
    return LayoutEngine().layout(issue).pages[0].items


def test_boxes_draw_behind_and_double_borders_are_two_boxes():
    issue = new_issue()
    page = issue.pages[0]
    area = page.grid.area(page.type_area, 1, 3, 10, 20)
    page.frames.append(PhotoFrame("photo", area, image=None))
    page.frames.append(BoxFrame("box", area, weight=1.0, fill=Colour(0, 0, 0, 0.1), border="double"))
    page.frames.append(BoxFrame("dashed", page.grid.area(page.type_area, 4, 5, 10, 20), border="dashed"))
    items = _page_items(issue)
    boxes = [i for i in items if isinstance(i, BoxItem) and i.layer is None]  # not the empty photo's marker
    assert len(boxes) == 3
    assert items.index(boxes[-1]) < min(items.index(i) for i in items if not isinstance(i, BoxItem) or i.layer)
    outer, inner = boxes[0], boxes[1]
    assert outer.fill == Colour(0, 0, 0, 0.1) and inner.fill is None
    assert outer.rect.contains(inner.rect) and inner.rect.w < outer.rect.w
    assert boxes[2].dash


def test_column_rules_stand_in_the_gutters():
    issue = new_issue()
    page = issue.pages[0]
    area = page.grid.area(page.type_area, 1, 4, 10, 20)
    page.frames.append(TextFrame("text", area, columns=4, column_rules=True))
    rules = [i for i in _page_items(issue) if isinstance(i, RuleItem) and i.x1 == i.x2]
    assert len(rules) == 3
    width = page.grid.column_width(page.type_area)
    for n, rule in enumerate(rules, start=1):
        assert rule.x1 == area.x + n * width + (n - 0.5) * page.grid.gutter


def test_caption_beside_a_photo():
    issue = new_issue()
    issue.source = ROOT / "assets" / "sample" / "x.layout.json"
    page = issue.pages[0]
    area = page.grid.area(page.type_area, 1, 4, 10, 20)
    page.frames.append(PhotoFrame("p", area, image="photos/road.jpg", caption="道路拓宽后，增设人行通道。",
                                  caption_side="right", credit="本报记者 摄"))
    items = _page_items(issue)
    (photo,) = [i for i in items if isinstance(i, ImageItem)]
    caption = [i for i in items if getattr(i, "text", "").startswith("道路")]
    assert photo.rect.right < caption[0].xs[0] < area.right
    assert any(getattr(i, "text", "") == "本报记者 摄" for i in items)


def test_front_page_has_a_masthead_with_date_and_edition():
    issue = new_issue(paper="北京城市副中心报", pages=2)
    issue.edition = "第1234期"
    text = LayoutEngine().layout(issue).pages[0].text()
    assert "北京城市副中心报" in text and "第1234期" in text and "星期" in text
    inner = LayoutEngine().layout(issue).pages[1].text()
    assert inner.startswith("第2版")
