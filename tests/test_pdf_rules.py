"""The print-side check: line-breaking rules read back from the exported PDF."""

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph

from layout.engine.fonts import ROLE_FILES
from layout.model import Article, Paragraph, TextFrame
from layout.model.templates import new_issue
from layout.render.pdf import register_font
from layout.store.fileformat import save
from tests.pdfcheck import check

TEXT = ("会议指出，“两区”建设是首都北京“五子”联动服务和融入新发展格局的关键“子”，是推动高质量发展的重要抓手。"
        "2022年以来，全区上下提高政治站位，强化责任担当，全面落实党中央、国务院和市委、市政府对北京城市副中心建设的重要指示。")


def test_exported_sample_obeys_the_rules(sample_pdf, sample_path):
    checked, problems = check(str(sample_path), str(sample_pdf))
    assert checked > 250
    assert problems == []


def test_the_check_catches_reportlab_line_breaks(tmp_path):
    """The same column set by reportlab's own CJK wrap breaks the rules: the check must say so."""
    issue = new_issue()
    page = issue.pages[0]
    frame = TextFrame("col", page.grid.area(page.type_area, 1, 1, 10, 40))
    page.frames.append(frame)
    issue.articles.append(Article("a", paragraphs=[Paragraph(TEXT)], flow=["col"]))
    document = tmp_path / "doc.layout.json"
    save(issue, document)

    pdf = tmp_path / "reportlab.pdf"
    font = register_font(ROLE_FILES["song"][0])
    canvas = Canvas(str(pdf), pagesize=(page.width, page.height))
    style = ParagraphStyle("body", fontName=font.fontName, fontSize=9, leading=13.5, wordWrap="CJK",
                           alignment=4)
    para = RLParagraph(TEXT, style)
    _, height = para.wrap(frame.rect.w, 1000)
    para.drawOn(canvas, frame.rect.x, page.height - frame.rect.y - height)
    canvas.save()

    checked, problems = check(str(document), str(pdf))
    assert checked >= 8
    assert problems, "reportlab's CJK wrap leaves ragged lines and marks at line starts"
