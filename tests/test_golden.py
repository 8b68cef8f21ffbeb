"""Golden tests: the display list of each clreq example, as text, against tests/golden/.

Run with UPDATE_GOLDEN=1 to write the files after a deliberate change, then
read the diff: each file shows where every glyph of the example goes.
"""

import dataclasses
import os
from pathlib import Path

import pytest

from layout.engine.block import break_paragraph
from layout.engine.displaylist import dump_item
from layout.engine.runs import line_items
from layout.engine.styling import paragraph_for
from layout.model.styles import default_styles

GOLDEN = Path(__file__).parent / "golden"
PITCH = 13.5

CASES = {
    # name: (text, measure in em, style); body0 is the body style without its indent
    "push_in_comma": ("一二三、四五六七八九，十一二", 10, "body0"),
    "push_out_comma": ("一二三四五六七八九十，一二三", 10, "body0"),
    "opening_quote_never_ends_a_line": ("一二三四五六七八九“十一二”", 10, "body0"),
    "close_and_stop_pushed_in": ("一、二三四五六“七八。”一二三", 10, "body0"),
    "dash_never_split": ("一二三四五六七八九——十一二", 10, "body0"),
    "ellipsis_never_split": ("一二三四五六七八九……十一二", 10, "body0"),
    "latin_words_and_numbers": ("一二三四五六七GB/T 15834规定了10.5%和5G的写法", 10, "body0"),
    "line_end_mark_half_width": ("一二三四五六七八九，十一二三四五六七八九", 10, "body0"),
    "adjacent_marks": ("他说：“好。”（《人民日报》）一二三四", 30, "body0"),
    "no_lone_last_character": ("一二三四五六七八九十一二三四五六七八九十一", 10, "body0"),
    "indent_and_quotes": ("会议指出，“两区”建设是首都北京“五子”联动服务和融入新发展格局的关键“子”。", 13, "body"),
    "rare_characters_fall_back": ("王堃、李喆、张赟和𠮷野家来了。", 13, "body0"),
    "missing_from_every_font": ("一二😀三四\ue000五。", 13, "body0"),
    "headline_centred": ("通州区第五届“社区邻里节”启动", 20, "title"),
}


def render(text: str, measure_em: float, style_name: str) -> str:
    styles = default_styles()
    styles["body0"] = dataclasses.replace(styles["body"], indent=0.0)  # the examples have no indent
    style = styles[style_name]
    para = paragraph_for(text, style)
    out = []
    for number, line in enumerate(break_paragraph(para, measure_em * style.size_pt)):
        out.extend(dump_item(item) for item in line_items(line, PITCH * (number + 1)))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    got = render(*CASES[name])
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, "utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1"
    assert got == path.read_text("utf-8")
