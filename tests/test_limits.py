"""Whole-document validation: every hostile value of issue 13 is refused in one line
naming the file, the place (in words and as a JSON path) and the rule."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from layout.model import DocumentError
from layout.model.limits import MAX_DEPTH, MAX_PARAGRAPH_CHARS, describe, json_path
from layout.store.fileformat import load

Mutation = Callable[[dict], None]


def _document(sample_copy: Path, change: Mutation) -> Path:
    data = json.loads(sample_copy.read_text("utf-8"))
    change(data)
    sample_copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return sample_copy


def _refusal(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def _first_frame(data: dict, kind: str) -> dict:
    return next(f for p in data["pages"] for f in p["frames"] if f["kind"] == kind)


def _set(value: object, *path: str | int) -> Mutation:
    def change(data: dict) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return change


def _set_rect(kind: str, index: int, value: float) -> Mutation:
    def change(data: dict) -> None:
        _first_frame(data, kind)["rect"][index] = value
    return change


CASES = {
    "tracking_nan": (_set(float("nan"), "styles", "body", "tracking"), "styles.body.tracking", "not a finite"),
    "size_negative": (_set(-5, "styles", "body", "size"), "style body (styles.body.size)", "outside 1 to 1000"),
    "body_size_zero": (_set(0, "styles", "body", "size"), "styles.body.size", "outside"),
    "size_string_overflow": (_set("9" * 400 + "pt", "styles", "title", "size"), "styles.title.size", "finite"),
    "page_width_1e308": (_set(1e308, "pages", 0, "width"), "page 2 (pages[0].width)", "5000 mm"),
    "page_width_infinity": (_set(float("inf"), "pages", 0, "width"), "pages[0].width", "inf is not a finite"),
    "page_height_minus_infinity": (_set(float("-inf"), "pages", 0, "height"), "pages[0].height", "finite"),
    "margin_infinity": (_set(float("inf"), "pages", 0, "margins", "left"), "pages[0].margins.left", "finite"),
    "integer_10_to_400": (_set(10**400, "pages", 0, "margins", "top"), "pages[0].margins.top", "401 digits"),
    "frame_width_1e308": (_set_rect("text", 2, 1e308), "frames", "larger than the page (max 5000 mm)"),
    "frame_x_infinity": (_set_rect("headline", 0, float("inf")), "rect[0]", "not a finite"),
    "photo_rect_of_zeros": (lambda d: _first_frame(d, "photo").update(rect=[0, 0, 0, 0]), "rect",
                            "too small"),
    "rule_weight_infinity": (lambda d: _first_frame(d, "rule").update(weight=float("inf")), "weight", "finite"),
    "rule_weight_huge": (lambda d: _first_frame(d, "rule").update(weight=1e6), "weight", "outside 0 to 100"),
    "paragraph_of_50_mb": (lambda d: d["articles"][0]["paragraphs"].append("字" * (MAX_PARAGRAPH_CHARS + 1)),
                           "paragraph", "more than 200,000"),
    "title_of_one_long_word": (lambda d: d["articles"][0]["headline"].update(title="a" * 5_000_000),
                               "headline.title", "more than 20,000"),
    "margins_fill_the_page": (_set(2000, "pages", 0, "margins", "left"), "margins", "no type area"),
    "deep_nesting": (_set(json.loads("[" * 40 + "]" * 40), "edition"), "edition", "nested more than"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_value_is_refused_with_its_place(sample_copy, name):
    change, place, rule = CASES[name]
    message = _refusal(_document(sample_copy, change))
    assert place in message and rule in message, message


def test_1e400_is_refused_not_an_overflow(sample_copy):
    """Python's JSON parser reads 1e400 as infinity: refused, not an OverflowError later."""
    text = sample_copy.read_text("utf-8")
    assert '"rect": [' in text
    sample_copy.write_text(text.replace('"rect": [', '"rect": [1e400, ', 1), "utf-8")
    assert "inf is not a finite number" in _refusal(sample_copy)


def test_recursion_from_5000_nested_arrays(tmp_path):
    path = tmp_path / "deep.layout.json"
    path.write_text("[" * 5000 + "]" * 5000, "utf-8")
    message = _refusal(path)
    assert "nested" in message or "not a layout document" in message


def test_5000_nested_arrays_inside_a_document(sample_copy):
    text = sample_copy.read_text("utf-8")
    sample_copy.write_text(text.replace('"edition": ', '"edition": ' + "[" * 5000 + "]" * 5000 + ", \"x\": ", 1))
    assert "nested too deeply" in _refusal(sample_copy)


def test_integer_with_too_many_digits(sample_copy):
    text = sample_copy.read_text("utf-8")
    sample_copy.write_text(text.replace('"revision": ', '"revision": ' + "9" * 5000 + ", \"x\": ", 1))
    assert "too many digits" in _refusal(sample_copy)


def test_utf8_bom_is_accepted(sample_copy):
    sample_copy.write_bytes(b"\xef\xbb\xbf" + sample_copy.read_bytes())
    assert load(sample_copy).pages


def test_a_fifo_as_document_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.layout.json"
    os.mkfifo(fifo)
    assert "not a regular file" in _refusal(fifo)


def test_schema_errors_name_the_place_in_words(sample_copy):
    message = _refusal(_document(sample_copy, _set_rect("text", 2, "wide")))
    assert "page 2, frame " in message and "frames[" in message


def test_describe_and_json_path():
    data = {"pages": [{"number": 2, "frames": [{}, {"id": "a3-body"}]}]}
    assert json_path(("pages", 0, "frames", 1, "rect")) == "pages[0].frames[1].rect"
    assert describe(data, ("pages", 0, "frames", 1, "rect")) == "page 2, frame a3-body (pages[0].frames[1].rect)"
    assert MAX_DEPTH > 9


def test_the_longest_allowed_word_is_laid_out(sample_copy):
    """A paragraph of one 200,000-character word (the most allowed) is laid out, not
    refused and without a memory blow-up (about 1 s; a 50 MB one is refused above)."""
    from layout.engine.page import LayoutEngine

    data = json.loads(sample_copy.read_text("utf-8"))
    data["articles"][0]["paragraphs"].append("a" * MAX_PARAGRAPH_CHARS)
    sample_copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    issue = load(sample_copy)
    assert LayoutEngine().layout(issue).pages
