"""Nothing runs past its column: URLs, e-mail addresses, long words and numbers break."""

import pytest

from layout.engine.displaylist import line_by_line
from layout.engine.fonts import load_face
from layout.engine.page import LayoutEngine
from layout.export.preflight import ERROR, preflight
from layout.export.summary import format_summary, summary
from layout.model import Article, Paragraph, Rect, TextFrame
from layout.model.templates import new_issue

URL = "https://www.example.com.cn/news/2023/10/25/city-sub-centre_environment-report/index.html?from=weibo&id=8#top"
TEXTS = {
    "url": f"详见{URL}，欢迎访问。",
    "e-mail": "来稿请发至zhang.sanfeng.reporter.desk@newsroom-desk.example.com.cn，谢谢。",
    "word": "这个词是" + "abcdefghij" * 4 + "，很长。",
    "number": "编号为" + "1234567890" * 4 + "的文件。",
}


def _issue(text: str, width: float):
    issue = new_issue()
    page = issue.pages[0]
    page.frames.append(TextFrame("f", Rect(page.type_area.x, 200, width, 300)))
    issue.articles.append(Article("a", paragraphs=[Paragraph(text)], flow=["f"]))
    return issue, page.type_area.x + width


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_long_string_stays_inside_a_one_column_frame(name):
    issue, right = _issue(TEXTS[name], 13 * 9)
    runs = list(line_by_line(LayoutEngine().article(issue, "a").items[1]))
    assert "".join(run.text for run in runs) == TEXTS[name]
    for run in runs:
        face = load_face(run.font)
        ends = [x + face.advances.get(ord(ch), 1.0) * run.size for x, ch in zip(run.xs, run.text)]
        assert max(ends) <= right + 0.01, (run.text, max(ends) - right)
    assert preflight(issue) == []


def test_a_line_past_its_frame_is_an_error_in_preflight_and_in_info():
    issue, _ = _issue("一二“" + "abcdefghij" + "”三四", 4 * 9)  # a word that may not break, wider than the frame
    findings = [f for f in preflight(issue) if "past its column" in f.message]
    assert findings and findings[0].severity == ERROR and findings[0].object == "frame f"
    laid = LayoutEngine().layout(issue)
    assert "past its column" in format_summary(summary(issue, laid))


def test_a_url_breaks_after_its_slashes_and_no_line_starts_with_its_marks():
    from layout.engine.block import break_paragraph
    from layout.engine.styling import paragraph_for

    issue = new_issue()
    lines = ["".join(line.chars) for line in break_paragraph(paragraph_for(TEXTS["url"], issue.style("body")), 13 * 9)]
    assert "".join(lines) == TEXTS["url"] and len(lines) > 3
    inside = lines[1:-1]  # lines that both start and end inside the URL
    assert not [line for line in lines[1:] if line[0] in "/_-?&=#"]
    assert any(line.endswith("/") for line in inside)
    assert not [line for line in lines[1:] if line.startswith((".cn", ".com"))]
