"""Every number that is a rule has one source: ``layout.model.settings.RULES``."""

from __future__ import annotations

import re
from pathlib import Path

from layout.cli import build_parser
from layout.edit.drag import FrameDrag
from layout.edit.snap import SnapTargets
from layout.export.conditions import CONDITIONS, resolve_condition
from layout.export.preflight import Settings
from layout.export.profiles import PROFILES
from layout.model.geometry import Rect
from layout.model.limits import MIN_FRAME_PT
from layout.model.settings import RULES
from layout.units import mm

LAYOUT = Path(__file__).resolve().parent.parent / "layout"
# a rule's number written out where it is used: 240 (%), 200 or 300 (ppi), MIN_SIDE/MIN_SIZE
RULE_LITERAL = re.compile(r"(?<![\w.])(240|200|300)(\.0)?\s*(?:[,)\]#]|$)|\bMIN_SIDE\b|\bMIN_SIZE\b")


def test_the_command_lines_defaults_are_the_rules():
    parser = build_parser()
    for command in ("export", "package"):
        assert parser.parse_args([command, "d.layout.json", "-o", "x"]).min_ppi == RULES.min_ppi
    args = parser.parse_args(["preflight", "d.layout.json"])
    assert (args.min_ppi, args.ink_limit, args.condition) == (RULES.min_ppi, None, None)  # None: the condition's
    assert resolve_condition(args.condition, None, args.ink_limit).ink_limit == RULES.press_ink_limit


def test_preflight_and_the_press_profile_read_the_rules():
    assert (Settings().min_ppi, Settings().total_ink) == (RULES.min_ppi, RULES.press_ink_limit)
    assert CONDITIONS[RULES.print_condition].ink_limit == RULES.press_ink_limit
    assert CONDITIONS["coated"].ink_limit == RULES.coated_ink_limit
    press = PROFILES["press"]
    assert (press.limit_ink, press.image_ppi, press.bleed) == (True, RULES.press_image_ppi, mm(RULES.bleed_mm))
    assert Settings().bleed == press.bleed
    assert PROFILES["proof"].image_ppi == RULES.proof_image_ppi


def test_the_smallest_frame_is_one_number():
    assert RULES.min_frame_side == MIN_FRAME_PT
    drag = FrameDrag({"a": Rect(0, 0, 50, 50)}, SnapTargets([], [], 0.0, 12.0), handle="se")
    shrunk = drag.update(-500, -500, snap=False).rects["a"]
    assert (shrunk.w, shrunk.h) == (RULES.min_frame_side, RULES.min_frame_side)


def test_no_rule_number_is_written_out_elsewhere():
    found = []
    for path in LAYOUT.rglob("*.py"):
        if path.name == "settings.py" or "gui" in path.parts:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#")[0]
            about_a_rule = re.search(r"ppi|dpi|ink|MIN_SI", line, re.IGNORECASE)
            if about_a_rule and RULE_LITERAL.search(code):
                found.append(f"{path.relative_to(LAYOUT)}:{number}: {line.strip()}")
    assert found == []
