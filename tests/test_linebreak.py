"""Chinese line breaking and justification (clreq, GB/T 15834-2011 §5.1)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.engine.chars import NO_END, NO_START, atomize
from tests.helpers import SIZE, line_texts, prepared, right_edge, set_text

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
CLOSERS = "，。、；：？！”’）》〉」』】"
OPENERS = "“‘（《〈「『【"


def _check_rules(lines):
    texts = line_texts(lines)
    for index, text in enumerate(texts):
        if index > 0:
            assert text[0] not in NO_START, f"line {index} starts with {text[0]!r}: {texts}"
        if index < len(texts) - 1:
            assert text[-1] not in NO_END, f"line {index} ends with {text[-1]!r}: {texts}"


def _check_flush(lines, measure_em):
    for index, line in enumerate(lines[:-1]):
        assert right_edge(line) == pytest.approx(measure_em * SIZE, abs=0.01), line_texts(lines)[index]


@pytest.mark.parametrize(("text", "expected"), [
    # A comma that would start line 2 is pushed in: 、 on the line gives up half an em (挤进).
    ("一二三、四五六七八九，十一二", ["一二三、四五六七八九，", "十一二"]),
    # With nothing to compress, the last character goes down with the comma (推出).
    ("一二三四五六七八九十，一二三", ["一二三四五六七八九", "十，一二三"]),
    # An opening quote never ends a line: it goes down with the character it opens.
    ("一二三四五六七八九“十一二”", ["一二三四五六七八九", "“十一二”"]),
    # 。” pushed in together: 、 and “ on the line give up half an em each.
    ("一、二三四五六“七八。”一二三", ["一、二三四五六“七八。”", "一二三"]),
    # —— is never split.
    ("一二三四五六七八九——十一二", ["一二三四五六七八九", "——十一二"]),
    # Latin words and numbers are never split; a standard's name and number part at a
    # cost, rather than leave a line spaced half an em; 2023年 may break after 2023.
    ("一二三四五六七GB/T 15834规定", ["一二三四五六七GB/T ", "15834规定"]),
    ("一二三四五六七八GB/T 15834规定", ["一二三四五六七八", "GB/T 15834规定"]),
    ("一二三四五六七八2023年十一二", ["一二三四五六七八", "2023年十一二"]),
])
def test_clreq_examples(text, expected):
    lines = set_text(text, 10)
    assert line_texts(lines) == expected
    _check_rules(lines)
    _check_flush(lines, 10)


def test_line_end_mark_is_half_width():
    lines = set_text("一二三四五六七八九，十一二三四五六七八九", 10)
    first = lines[0]
    assert "".join(first.chars) == "一二三四五六七八九，"
    gaps = [b - a for a, b in zip(first.xs, first.xs[1:])]
    assert gaps == pytest.approx([SIZE * (1 + 0.5 / 9)] * 9)  # the half em left over is spread evenly
    assert first.xs[-1] + SIZE / 2 == pytest.approx(10 * SIZE)


def test_adjacent_marks_take_one_and_a_half_em():
    lines = set_text("他说：“好。”一二三四五六七八九十", 30, align="left")
    chars, xs = lines[0].chars, lines[0].xs
    colon, quote = chars.index("："), chars.index("“")
    assert xs[quote] - xs[colon] == pytest.approx(0.5 * SIZE)  # ：“ = 1.5 em, the quote drawn half an em in
    stop, close = chars.index("。"), chars.index("”")
    assert xs[close] - xs[stop] == pytest.approx(0.5 * SIZE)


def test_quarter_em_between_han_and_latin():
    lines = set_text("增长5G网络", 30, align="left")
    chars, xs = lines[0].chars, lines[0].xs
    assert xs[chars.index("5")] - xs[chars.index("长")] == pytest.approx(1.25 * SIZE)


def test_no_single_character_alone_on_last_line():
    lines = set_text("一二三四五六七八九十一二三四五六七八九十一", 10)
    assert len(line_texts(lines)[-1]) > 1
    _check_flush(lines, 10)


def test_strict_level_keeps_dashes_off_line_start():
    basic = set_text("一二三四五六七八九十——一二三", 10)
    strict = set_text("一二三四五六七八九十——一二三", 10, strict=True)
    assert line_texts(basic)[1].startswith("——")
    assert not line_texts(strict)[1].startswith("——")


def test_indent_is_two_em_and_lines_are_flush():
    text = "会议指出，“两区”建设是首都北京“五子”联动服务和融入新发展格局的关键“子”，是推动高质量发展的重要抓手。"
    lines = set_text(text, 13, indent=2)
    assert lines[0].xs[0] == pytest.approx(2 * SIZE)
    assert lines[1].xs[0] == pytest.approx(0.0)
    _check_rules(lines)
    _check_flush(lines, 13)


_words = st.sampled_from(["GB/T 15834", "5G", "2023", "10.5%", "COVID-19", "iPhone", "——", "……"])
_pieces = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=12),
    st.sampled_from(list(CLOSERS)),
    st.builds(lambda o, t, c: o + t + c, st.sampled_from(list(OPENERS)),
              st.text(alphabet=HAN, min_size=1, max_size=6), st.sampled_from(list("”’）》〉」』】"))),
    _words,
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_pieces, min_size=1, max_size=40), measure=st.integers(min_value=8, max_value=40))
def test_random_text_obeys_the_rules(pieces, measure):
    text = "".join(pieces)
    lines = set_text(text, measure)
    assert "".join(line_texts(lines)) == text  # nothing lost, added or reordered
    _check_rules(lines)
    atoms = atomize(text)
    for line in lines:
        joined = "".join(line.chars)
        assert joined == "".join(atoms[line.start:line.end])  # atoms are never split
    p = prepared(text)
    for index, line in enumerate(lines[:-1]):
        if not any(p.breakable[line.start + 1:line.end]) and right_edge(line) > measure * SIZE:
            continue  # a word longer than the line: it overflows rather than break a rule
        stretch = p.batch.arrays["stretch"]
        if stretch[p.first + line.end] == stretch[p.first + line.start + 1]:
            continue  # no gap takes space: one word, or Latin words and numbers run together
        assert right_edge(line) == pytest.approx(measure * SIZE, abs=0.01), (line_texts(lines), index)


def test_flow_counts_every_line_it_sets():
    from layout.engine.displaylist import line_by_line
    from layout.engine.styling import paragraph_for
    from layout.engine.textflow import Slot, flow
    from layout.model.styles import default_styles

    para = paragraph_for("一二三四五六七八九十" * 5, default_styles()["body"])
    result = flow([para], [Slot(0, 0, 13 * SIZE, 100, 13.5)])
    lines = {item.y for item in line_by_line(result.items)}
    assert result.lines == len(lines) == 4  # 2 em indent: 11 + 13 + 13 + 13 characters


def _gaps_after(text: str) -> list[float]:
    """The space (pt) after each character of a one-line, unjustified setting of text,
    beyond the advance of its atom's glyphs."""
    line = set_text(text, 40, align="left")[0]
    return [round(b - a, 2) for a, b in zip(line.xs, line.xs[1:])]


def test_no_han_latin_gap_at_a_solidus_between_chinese_words():
    gaps = _gaps_after("公里/小时")
    assert gaps[1] == SIZE  # 里 then / at once
    assert gaps[2] < SIZE / 2  # / (a narrow Latin glyph) then 小 at once


def test_full_width_digits_are_set_as_ideographs():
    assert _gaps_after("２０２３年") == [SIZE] * 4
    assert atomize("２０２３年") == ["２０２３", "年"]  # never split


@pytest.mark.parametrize("text", ["0.5℃", "0.5 ℃", "120㎡", "5°C", "10.5%", "3‰"])
def test_a_number_and_its_unit_symbol_are_one_atom(text):
    assert atomize("气温" + text) == ["气", "温", text]


def test_symbols_set_full_width_take_no_han_latin_gap():
    assert _gaps_after("Ⅱ期工程") == [SIZE] * 3
    assert _gaps_after("五℃") == [SIZE]


def test_a_number_keeps_its_unit_where_pushing_it_down_costs_little():
    assert line_texts(set_text("一二三四五六七八九十一二5万人参加", 13)) == ["一二三四五六七八九十一二", "5万人参加"]
    # Pushing 42.7 down would space the line by a quarter em: it stays (a cost, not a rule).
    assert line_texts(set_text("一二三四五六七八九十42.7万人参加", 13)) == ["一二三四五六七八九十42.7", "万人参加"]


def test_a_dash_starts_a_line_under_the_basic_rules_only_when_moving_it_costs_much():
    assert line_texts(set_text("一二三四五六七八九十一二三——四五六", 13)) == ["一二三四五六七八九十一二", "三——四五六"]
    assert line_texts(set_text("一二三四五六——七八九", 6)) == ["一二三四五六", "——七八九"]
    assert line_texts(set_text("一二三四五六——七八九", 6, strict=True)) == ["一二三四五", "六——七八九"]


def _widest_spacing(lines):
    """The largest space (em) added between two atoms on any but the last line."""
    found = 0.0
    for line in lines[:-1]:
        xs, width = line.atom_xs, line.p.width
        found = max([found, *((xs[k + 1] - xs[k] - width[line.start + k]) / SIZE for k in range(len(xs) - 1))])
    return found


def test_total_fit_spares_a_later_line_a_loose_setting(monkeypatch):
    from layout.engine import linebreak
    from layout.engine.prepare import forget_prepared

    text = "六七八九十一二三四Beijing186.4公里CBD。"
    forget_prepared()
    chosen = set_text(text, 10)
    monkeypatch.setattr(linebreak, "total_fit", lambda *args: None)
    forget_prepared()
    first_fit = set_text(text, 10)
    assert line_texts(first_fit)[0] == "六七八九十一二三四"
    assert _widest_spacing(chosen) < _widest_spacing(first_fit) / 2
    _check_rules(chosen)
