"""Headlines broken between words (jieba, with the newsroom's dictionary), never a lone character."""

from pathlib import Path

import pytest

from layout.engine.block import headline_setting, set_block
from layout.engine.headline import add_dictionary, joints, word_starts
from layout.model.geometry import Rect
from layout.model.styles import default_styles

HEADLINES = [line for line in (Path(__file__).parent / "data" / "long_headlines.txt").read_text("utf-8").splitlines()
             if line]
COLUMN, GUTTER = 13 * 9.0, 9.0


def _lines(text: str, columns: int) -> tuple[list[str], list[int]]:
    """The headline's lines in the title style across ``columns`` body columns, and the
    character offsets where lines 2, 3, … start."""
    para, _, starts = headline_setting(text, default_styles()["title"], columns * COLUMN + (columns - 1) * GUTTER)
    assert starts is not None, text
    p = para.prepared
    offsets = [p.char_at[start] for start in starts]
    return [text[a:b] for a, b in zip(offsets, [*offsets[1:], len(text)])], offsets[1:]


def _characters(line: str) -> int:
    return sum(ch.isalnum() for ch in line)


def test_thirty_long_headlines_split_no_word_and_leave_no_lone_character():
    assert len(HEADLINES) == 30
    for text in HEADLINES:
        for columns in (2, 3):
            lines, breaks = _lines(text, columns)
            assert set(breaks) <= set(word_starts(text)), (columns, lines)
            assert min(map(_characters, lines)) >= 2, (columns, lines)


def test_a_word_wider_than_the_column_breaks_only_at_its_finer_joints():
    for text in HEADLINES[:10]:
        lines, breaks = _lines(text, 1)
        assert set(breaks) <= set(word_starts(text)) | joints(text), lines
        assert min(map(_characters, lines)) >= 2, lines


@pytest.mark.parametrize("word", ["全国人大常委会", "生态环境保护", "科技创新中心", "国际影响力", "城市副中心"])
def test_the_newsroom_dictionary_keeps_names_whole(word):
    text = f"推进{word}建设"
    assert set(word_starts(text)) & set(range(3, 2 + len(word))) == set()


def test_the_user_can_add_words(tmp_path):
    assert 3 in word_starts("推动燃灯塔畔文旅发展")  # 燃|灯塔|畔
    words = tmp_path / "mine.dict"
    words.write_text("燃灯塔畔\n", "utf-8")
    add_dictionary(words)
    assert {2, 6} <= set(word_starts("推动燃灯塔畔文旅发展")) and 3 not in word_starts("推动燃灯塔畔文旅发展")


def test_a_multi_line_headline_has_its_own_leading_and_takes_whole_grid_lines():
    style = default_styles()["title"]
    rect = Rect(0, 0, 3 * COLUMN + 2 * GUTTER, 400)
    block = set_block([(HEADLINES[4], style)], rect, 13.5, headline=True)
    baselines = sorted({item.y for item in block.items})
    assert len(baselines) == 2
    assert baselines[1] - baselines[0] == pytest.approx(1.25 * style.size_pt)
    assert block.lines == 5  # (26 × 1.25 + 26 × 1.2) / 13.5 = 4.7, rounded up (two lines of 3 were 6)
