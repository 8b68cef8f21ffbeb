"""Importing the newsroom's plain text: articles, headlines, bylines, clean-up."""

from layout.importer.cleanup import full_width_punctuation, join_split_paragraphs
from layout.importer.plaintext import classify_headline, parse, read
from tests.conftest import SAMPLE_TEXT


def test_sample_text_gives_its_articles():
    found = read(SAMPLE_TEXT)
    titles = [a.headline.title for a in found.articles]
    assert titles == [
        "通州区“两区”工作领导小组召开全体会议",
        "畅通消防通道 实现人车分流",
        "玉桥街道邀请专家学者“把脉”基层治理",
        "通州区第五届“社区邻里节”启动",
        "常态长效久久为功始终保持“创建状态”",
    ]
    assert [a.byline for a in found.articles] == [
        "本报讯（记者 赵紫楠）", "本报讯（记者 关一文）", "本报讯（记者 柴福娟 实习记者 黄溪）",
        "本报讯（记者 冯维静）", "",
    ]
    assert found.labels == ["挂账督办", "整治前后"]
    assert found.credits == ["（通州区城市管理委员会发布 第284期）（冯维静）（仲晓丹制图）"]


def test_headline_groups_are_classified():
    found = read(SAMPLE_TEXT)
    assert found.articles[0].headline.subtitle == "孟景伟讲话 郑皓参加"
    assert found.articles[1].headline.kicker == "推进“三大三强” 答好“二十年之问”"
    assert found.articles[1].headline.subtitle == "台湖镇：让居民走上「幸福路」"
    assert found.articles[3].headline.kicker == "以邻为伴 与邻为善 共建美好幸福家园"
    assert classify_headline(["只有主题"]).title == "只有主题"


def test_paragraphs_split_mid_sentence_are_joined():
    found = read(SAMPLE_TEXT)
    joined = [p.text for a in found.articles for p in a.paragraphs]
    assert any("全面落实党中央、国务院和市委" in p for p in joined)
    assert any("“数量”+“质量”双提升。" in p for p in joined)
    assert any("公厕等场所加强检查力度" in p for p in joined)
    assert len(found.articles[0].paragraphs) == 8


def test_half_width_punctuation_between_chinese_becomes_full_width():
    cleaned = full_width_punctuation("昨天下午,通州区(记者 赵紫楠)开会?是的:好;")
    assert cleaned == "昨天下午，通州区（记者 赵紫楠）开会？是的：好；"
    assert full_width_punctuation("version 1.2, (beta)") == "version 1.2, (beta)"
    assert full_width_punctuation("共10,000人") == "共10,000人"


def test_short_paragraphs_are_not_joined():
    assert join_split_paragraphs(["副区长王翔宇出席开幕式", "下一段。"]) == ["副区长王翔宇出席开幕式", "下一段。"]


def test_every_character_survives_import():
    raw = SAMPLE_TEXT.read_text("utf-8")
    found = parse(raw)
    kept = "".join(
        a.headline.kicker + a.headline.title + a.headline.subtitle + a.byline + "".join(p.text for p in a.paragraphs)
        for a in found.articles
    ) + "".join(found.labels) + "".join(found.credits)
    squash = lambda s: "".join(ch for ch in full_width_punctuation(s) if not ch.isspace())  # noqa: E731
    assert sorted(squash(kept)) == sorted(squash(raw))


def test_house_quotes_and_stray_spaces():
    from layout.importer.cleanup import drop_stray_spaces, house_quotes

    assert house_quotes('他说"这是\'心路\'"，don\'t') == "他说“这是‘心路’”，don’t"
    assert house_quotes('他说"好"', "corner") == "他说「好」"
    assert drop_stray_spaces("昨天 下午，通州区 召开会议") == "昨天下午，通州区召开会议"
    assert drop_stray_spaces("（记者 赵紫楠）") == "（记者 赵紫楠）"


def test_docx_gives_headline_group_byline_subheads_and_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("推进“三大三强” 答好“二十年之问”", level=2)
    document.add_paragraph("畅通消防通道 实现人车分流", style="Title")
    document.add_paragraph("台湖镇：让居民走上「幸福路」", style="Subtitle")
    document.add_paragraph("本报讯(记者 关一文)狭窄的道路被拓宽,增设人行通道实现人车分流。")
    document.add_paragraph().add_run("道路怎么修").bold = True
    document.add_paragraph("台湖镇副镇长张治国多次带领工作人员实地走访查看现场道路通行情况,组织社区、交通安委会等召开协调")
    document.add_paragraph('会,就出行难题进行讨论。他说"这条路是心路"。')
    path = tmp_path / "a.docx"
    document.save(path)
    from layout.importer.docx import read_docx

    (article,) = read_docx(path).articles
    assert article.headline.kicker == "推进“三大三强” 答好“二十年之问”"
    assert article.headline.title == "畅通消防通道 实现人车分流"
    assert article.headline.subtitle == "台湖镇：让居民走上「幸福路」"
    assert article.byline == "本报讯（记者 关一文）"
    assert [p.style for p in article.paragraphs] == ["body", "subhead", "body"]
    assert article.paragraphs[2].text.endswith("召开协调会，就出行难题进行讨论。他说“这条路是心路”。")


def test_not_a_docx_is_a_clear_error(tmp_path):
    import pytest

    from layout.importer.place import import_file

    fake = tmp_path / "fake.docx"
    fake.write_text("hello", "utf-8")
    with pytest.raises(ValueError, match="not a Word"):
        import_file(fake)
    with pytest.raises(ValueError, match="cannot import .pdf"):
        (tmp_path / "x.pdf").write_bytes(b"%PDF")
        import_file(tmp_path / "x.pdf")


def test_docx_kicker_typed_as_a_normal_paragraph(tmp_path):
    import docx

    from layout.importer.docx import read_docx

    document = docx.Document()
    document.add_paragraph("推进“三大三强” 答好“二十年之问”")
    document.add_paragraph("畅通消防通道 实现人车分流", style="Title")
    document.add_paragraph("本报讯(记者 关一文)狭窄的道路被拓宽,增设人行通道实现人车分流。")
    path = tmp_path / "b.docx"
    document.save(path)
    (article,) = read_docx(path).articles
    assert article.headline.kicker == "推进“三大三强” 答好“二十年之问”"
    assert article.headline.title == "畅通消防通道 实现人车分流"
    assert article.byline == "本报讯（记者 关一文）"
    assert [p.text for p in article.paragraphs] == ["狭窄的道路被拓宽，增设人行通道实现人车分流。"]


_FIRST = "短标题\n\n本报讯（记者 甲）第一篇的正文。\n\n"
_LONG_TITLE = "中国人民政治协商会议全国委员会常务委员会召开会议研究部署城市副中心生态环境保护和科技创新中心建设工作"


def test_a_sixty_character_headline_imports_as_a_headline():
    title = _LONG_TITLE[:60]
    found = parse(_FIRST + f"{title}\n\n本报讯（记者 乙）第二篇的正文。\n")
    assert [a.headline.title for a in found.articles] == ["短标题", title]
    assert found.articles[1].byline == "本报讯（记者 乙）"
    assert found.articles[0].paragraphs[-1].text == "第一篇的正文。"  # nothing merged into the first
    assert not found.warnings


def test_a_byline_without_a_headline_is_a_warning_with_its_line_number():
    found = parse(_FIRST + "本报讯（记者 乙）第二篇的正文。\n")
    assert [a.byline for a in found.articles] == ["本报讯（记者 甲）", "本报讯（记者 乙）"]
    assert found.articles[1].headline.title == ""
    assert found.warnings == ["line 5: a byline with no headline above it starts an article without a title: "
                              "本报讯（记者 乙）第二篇的正文。"]


def test_a_headline_longer_than_the_limit_above_a_byline_is_a_warning_not_body_text():
    title = _LONG_TITLE + "，" + _LONG_TITLE[:20]
    found = parse(_FIRST + f"{title}\n\n本报讯（记者 乙）第二篇的正文。\n")
    assert [a.headline.title for a in found.articles] == ["短标题", title]
    assert found.articles[0].paragraphs[-1].text == "第一篇的正文。"
    assert found.warnings == [f"line 5: a headline of {len(title)} characters, more than 64: {title[:20]}"]


def test_a_headline_without_body_is_a_warning():
    found = parse(_FIRST + "城市副中心生态环境保护工作会议召开\n")
    assert found.labels == ["城市副中心生态环境保护工作会议召开"]
    assert found.warnings == ["line 5: no article body follows it, kept as a label: 城市副中心生态环境保护工作会议召开"]
