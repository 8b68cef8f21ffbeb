"""The ranges a newspaper can use, checked on the whole document as it is read.

The JSON Schema says what shape a document has; this module says which values
make sense: every number finite, page and frame sizes, type sizes, leading,
tracking, rule weights, how deep the JSON nests and how long the strings are.
A value outside them is refused with the place named twice, as an editor reads
it and as a JSON path ("page 2, frame a3-body (pages[1].frames[4].rect): rect
width 1e+308 pt is larger than the page (max 5000 mm)"), so nothing absurd ever
reaches the engine, the renderers or the PDF.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from layout.model.settings import RULES
from layout.units import PT_PER_MM, UnitError, length

MAX_PAGE_MM = 5000.0  # larger than any press sheet
MIN_PAGE_MM = 10.0
MAX_DEPTH = 32  # the format itself nests 9 deep
MAX_INTEGER = 10**9
MAX_PARAGRAPH_CHARS = 200_000
MAX_STRING_CHARS = 20_000  # titles, captions, ids, bylines, …
MAX_ISSUE_CHARS = 20_000_000
MAX_ITEMS = 100_000  # entries of any one array or object
SIZE_PT = (1.0, 1000.0)  # type size and leading
TRACKING_EM = (-0.5, 5.0)
INDENT_EM = (0.0, 50.0)
WEIGHT_PT = (0.0, 100.0)
MIN_FRAME_PT = RULES.min_frame_side  # the smallest side of a frame that holds text or a photo
THIN_KINDS = ("rule", "box", "caption", "folio")  # may be 0 wide or high (a rule is)

Path = tuple[str | int, ...]


class LimitError(ValueError):
    """A value outside what a newspaper can use, with where it is."""

    def __init__(self, where: str, rule: str) -> None:
        self.where = where
        self.rule = rule
        super().__init__(f"{where}: {rule}")


def json_path(path: Path) -> str:
    """``pages[1].frames[4].rect`` for the keys and indexes leading to a value."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return text.lstrip(".") or "the document"


def describe(data: Any, path: Path) -> str:
    """Where a value is, in the editor's words and as a JSON path:
    ``page 2, frame a3-body (pages[1].frames[4].rect)``."""
    words: list[str] = []
    node: Any = data
    container: str | int | None = None
    for part in path:
        node = _child(node, part)
        if container == "pages" and isinstance(node, dict):
            words.append(f"page {node.get('number', part)}")
        elif container in ("frames", "articles") and isinstance(node, dict):
            words.append(f"{container[:-1]} {node.get('id', part)}")
        elif container in ("styles", "templates"):
            words.append(f"{container[:-1]} {part}")
        elif container == "paragraphs" and isinstance(part, int):
            words.append(f"paragraph {part + 1}")
        container = part
    place = json_path(path)
    return f"{', '.join(words)} ({place})" if words else place


def _child(node: Any, part: str | int) -> Any:
    try:
        return node[part]
    except (KeyError, IndexError, TypeError):
        return None


def check_values(data: Any) -> None:
    """Raise LimitError for a number that is not finite or absurdly large, nesting
    deeper than MAX_DEPTH, a string or array too long, or an issue too long to set."""
    total = 0
    for path, value in _walk(data):
        if isinstance(value, float) and not math.isfinite(value):
            raise LimitError(describe(data, path), f"{_show(value)} is not a finite number")
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            raise LimitError(describe(data, path), f"{_show(value)} is larger than {MAX_INTEGER:,}")
        if isinstance(value, str):
            limit = MAX_PARAGRAPH_CHARS if "paragraphs" in path else MAX_STRING_CHARS
            if len(value) > limit:
                raise LimitError(describe(data, path), f"{len(value):,} characters are more than {limit:,}")
            _check_characters(data, path, value)
            total += len(value)
            if total > MAX_ISSUE_CHARS:
                raise LimitError("the document", f"more than {MAX_ISSUE_CHARS:,} characters of text")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_characters(data: Any, path: Path, value: str) -> None:
    """Refuse a lone surrogate (half of a character a program broke in two: no file name,
    font or PDF can hold it) anywhere, and a NUL in a file name."""
    broken = _SURROGATE.search(value)
    if broken:
        raise LimitError(describe(data, path), f"holds U+{ord(broken.group()):04X} at character {broken.start() + 1}, "
                                               "half of a character (a lone surrogate), not a character")
    if path and path[-1] == "image" and "\0" in value:
        raise LimitError(describe(data, path), "a file name holds a NUL character (U+0000)")


def _walk(data: Any) -> Iterator[tuple[Path, Any]]:
    """Every value with its path, depth-first, without recursion; refuses deep nesting."""
    stack: list[tuple[Path, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, (dict, list)):
            if len(path) >= MAX_DEPTH:
                raise LimitError(json_path(path), f"nested more than {MAX_DEPTH} levels deep")
            if len(value) > MAX_ITEMS:
                raise LimitError(json_path(path), f"{len(value):,} entries are more than {MAX_ITEMS:,}")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((path + (key,), child) for key, child in reversed(list(items)))


def _show(value: float | int) -> str:
    """A number as short text: 1e+308, nan, inf, or the digits of a huge integer cut short."""
    if isinstance(value, int) and abs(value) > 10**15:
        return f"a number of {len(str(abs(value)))} digits"
    return f"{value:g}" if isinstance(value, float) else str(value)


def check_ranges(data: dict[str, Any]) -> None:
    """Raise LimitError for a size, type size, weight or rectangle no newspaper can use.
    ``data`` has passed the schema and :func:`check_values`."""
    for name, style in data.get("styles", {}).items():
        _check_style(data, ("styles", name), style)
    for i, page in enumerate(data.get("pages", [])):
        _check_sheet(data, ("pages", i), page)
    for name, template in data.get("templates", {}).items():
        _check_sheet(data, ("templates", name), template)


def _fail(data: Any, path: Path, rule: str) -> None:
    raise LimitError(describe(data, path), rule)


def _within(data: Any, path: Path, what: str, value: float, bounds: tuple[float, float], unit: str) -> None:
    low, high = bounds
    if not low <= value <= high:
        _fail(data, path, f"{what} {_show(value)} {unit} is outside {low:g} to {high:g} {unit}")


def _check_style(data: Any, path: Path, style: dict[str, Any]) -> None:
    for key in ("size", "leading"):
        if style.get(key) is None:
            continue
        try:
            points = length(style[key])
        except UnitError as exc:
            _fail(data, path + (key,), str(exc))
        if not math.isfinite(points):
            _fail(data, path + (key,), f"{key} {style[key]!r} is not a finite length")
        _within(data, path + (key,), key, points, SIZE_PT, "pt")
    _within(data, path + ("tracking",), "tracking", style.get("tracking", 0.0), TRACKING_EM, "em")
    _within(data, path + ("indent",), "indent", style.get("indent", 0.0), INDENT_EM, "em")


def _mm(points: float) -> str:
    return f"{points / PT_PER_MM:g} mm"


def _check_sheet(data: Any, path: Path, sheet: dict[str, Any]) -> None:
    """A page's or template's size, margins, grid and frames."""
    width, height = sheet["width"], sheet["height"]
    for key, size in (("width", width), ("height", height)):
        if not MIN_PAGE_MM * PT_PER_MM <= size <= MAX_PAGE_MM * PT_PER_MM:
            _fail(data, path + (key,), f"{key} {_show(size)} pt ({_mm(size)}) is outside "
                                       f"{MIN_PAGE_MM:g} to {MAX_PAGE_MM:g} mm")
    margins = sheet["margins"]
    if margins["left"] + margins["right"] >= width or margins["top"] + margins["bottom"] >= height:
        _fail(data, path + ("margins",), "the margins leave no type area on the page")
    grid = sheet["grid"]
    if grid["gutter"] * (grid["columns"] - 1) >= width - margins["left"] - margins["right"]:
        _fail(data, path + ("grid", "gutter"), "the gutters are wider than the type area")
    _within(data, path + ("grid", "line_pitch"), "line pitch", grid["line_pitch"], SIZE_PT, "pt")
    for j, frame in enumerate(sheet.get("frames", [])):
        _check_frame(data, path + ("frames", j), frame, max(width, height))


def min_side(kind: str) -> float:
    """The smallest width and height of a frame of this kind (0 for rules, boxes and the like)."""
    return 0.0 if kind in THIN_KINDS else MIN_FRAME_PT


def rect_problem(kind: str, rect: tuple[float, float, float, float], page: float) -> str | None:
    """What is wrong with a frame's rectangle (x, y, w, h) on a page whose larger side is
    ``page`` points, in words; None when the file format takes it. The one rule for every
    frame's geometry: files are checked by it as they are read, edits as they are made."""
    x, y, w, h = rect
    if not all(math.isfinite(v) for v in rect):
        return "rect holds a number that is not finite"
    limit = f"(max {MAX_PAGE_MM:g} mm)"
    for what, value in (("width", w), ("height", h)):
        if value > page:
            return f"rect {what} {_show(value)} pt is larger than the page {limit}"
        if value < 0:
            return f"rect {what} {_show(value)} pt is negative"
    for what, value in (("x", x), ("y", y)):
        if abs(value) > page:
            return f"rect {what} {_show(value)} pt lies off the page {limit}"
    if min(w, h) < min_side(kind):
        return f"a {kind} frame {_show(w)} × {_show(h)} pt is too small (at least {MIN_FRAME_PT:g} pt each way)"
    return None


def _check_frame(data: Any, path: Path, frame: dict[str, Any], page: float) -> None:
    problem = rect_problem(frame["kind"], tuple(frame["rect"]), page)
    if problem is not None:
        _fail(data, path + ("rect",), problem)
    if "weight" in frame:
        _within(data, path + ("weight",), "weight", frame["weight"], WEIGHT_PT, "pt")
    if frame.get("gutter") is not None and frame["gutter"] > page:
        _fail(data, path + ("gutter",), f"gutter {_show(frame['gutter'])} pt is larger than the page")
