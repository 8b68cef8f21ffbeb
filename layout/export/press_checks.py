"""Preflight of what a newspaper plant calls back about, on the laid-out pages:

- photos whose total ink, as separated for the print condition, is over its limit;
- rules thinner than 0.1 mm (they break up or vanish on newsprint);
- coloured rules under 0.5 pt (more than one ink, or a screened tint): misregistration
  of a coldset press (0.1–0.2 mm is usual) fringes them;
- text under 12 pt in more than one ink, or in rich black: it fringes the same way;
- white text under 8 pt reversed out of a fill of more than one ink: it fills in.

Each finding names the frame it concerns and says how to fix it. Sources of the
thresholds: ../shared/notes/typesetting-and-print.md §2a (McLaren Press / SNAP: black
type in black only, no reversed type under 10–12 pt out of 4 colours; niadhelp: 4-colour
type at least 10 pt, single-colour rules and type limits) and the issue's list.
"""

from __future__ import annotations

from pathlib import Path

from layout.engine.displaylist import BoxItem, GlyphLines, GlyphRun, ImageItem, Item, PageDisplay, RuleItem
from layout.engine.page import IssueLayout
from layout.export.colour_management import ink_over
from layout.export.conditions import OutputCondition
from layout.model.colour import Colour
from layout.model.document import Issue, Page
from layout.model.frames import BoxFrame
from layout.units import mm

ERROR, WARNING = "error", "warning"
MIN_RULE = mm(0.1)  # points
MIN_COLOUR_RULE = 0.5  # points
MIN_COLOUR_TEXT = 12.0  # points
MIN_REVERSED_TEXT = 8.0  # points
SMALL_TEXT = max(MIN_COLOUR_TEXT, MIN_REVERSED_TEXT)  # text of this size or larger is not checked
INK = 0.005  # an ink counts when it is above half a percent
INK_SHARE = 0.001  # photo pixels over the limit that are reported (a tenth of a percent)


def inks(colour: Colour) -> int:
    """How many of the four inks a colour uses."""
    return sum(1 for v in (colour.c, colour.m, colour.y, colour.k) if v > INK)


def rich_black(colour: Colour) -> bool:
    """Solid black with colour under it (e.g. 60/40/40/100)."""
    return colour.k >= 0.95 and inks(colour) > 1


def _where(page: Page, x: float, y: float) -> str:
    """The frame at a point of the page: the smallest that holds it, boxes last."""
    holding = [f for f in page.frames if f.rect.x <= x <= f.rect.right and f.rect.y <= y <= f.rect.bottom]
    if not holding:
        return "page"
    holding.sort(key=lambda f: (isinstance(f, BoxFrame), f.rect.w * f.rect.h))
    return f"frame {holding[0].id}"


def _runs(item: Item) -> list[GlyphRun]:
    """The item's text to check: none when it is too large for any check below."""
    if isinstance(item, GlyphRun):
        return [item] if item.size < SMALL_TEXT else []
    if isinstance(item, GlyphLines) and item.size < SMALL_TEXT:
        first = item.first_run()  # one line stands for the block: same font, size and colour
        return [first] if first is not None else []
    return []


def _run_place(page: Page, run: GlyphRun, x: float, y: float) -> str:
    """The frame a run of text is in: its own, or the one at its place on the page."""
    named = run.source.frame if run.source is not None else ""
    return f"frame {named}" if named else _where(page, x, y)


def _text_findings(page: Page, display: PageDisplay) -> list[tuple[str, int, str, str]]:
    found = []
    fills: list[BoxItem] = []
    for item in display.items:
        if isinstance(item, BoxItem) and item.fill is not None:
            fills.append(item)
        for run in _runs(item):
            x, y = run.xs[0], run.y - run.size * 0.4
            colour, size = run.colour, run.size
            if size < MIN_COLOUR_TEXT and rich_black(colour):
                found.append((WARNING, page.number, _run_place(page, run, x, y),
                              f"{size:g} pt text in rich black {colour.to_percent()}: it fringes when the "
                              "plates do not register; set it in 100 % K (black alone, overprinting)"))
            elif size < MIN_COLOUR_TEXT and inks(colour) > 1:
                found.append((WARNING, page.number, _run_place(page, run, x, y),
                              f"{size:g} pt text in {inks(colour)} inks {colour.to_percent()}: it fringes "
                              "when the plates do not register; use one ink, or make it 12 pt or larger"))
            if size < MIN_REVERSED_TEXT and inks(colour) == 0:
                under = next((b for b in reversed(fills) if b.rect.x <= x <= b.rect.right
                              and b.rect.y <= y <= b.rect.bottom), None)
                if under is not None and inks(under.fill) > 1:
                    found.append((WARNING, page.number, _run_place(page, run, x, y),
                                  f"{size:g} pt white text on a {inks(under.fill)}-ink fill "
                                  f"{under.fill.to_percent()}: it fills in on newsprint; make it 8 pt or "
                                  "larger, bold, or the fill one ink"))
    return found


def _rule_findings(page: Page, display: PageDisplay) -> list[tuple[str, int, str, str]]:
    found = []
    for item in display.items:
        if isinstance(item, RuleItem):
            weight, colour = item.weight, item.colour
            x, y = (item.x1 + item.x2) / 2, (item.y1 + item.y2) / 2
        elif isinstance(item, BoxItem) and item.stroke is not None:
            weight, colour = item.weight, item.stroke
            x, y = item.rect.x, item.rect.y
        else:
            continue
        if weight <= 0:
            continue
        if weight < MIN_RULE - 1e-6:
            found.append((ERROR, page.number, _where(page, x, y),
                          f"a {weight:g} pt rule is thinner than 0.1 mm (0.28 pt): it breaks up or vanishes "
                          "on newsprint; make it at least 0.3 pt"))
        elif weight < MIN_COLOUR_RULE and _coloured(colour):
            found.append((WARNING, page.number, _where(page, x, y),
                          f"a {weight:g} pt rule in {colour.to_percent()}: under 0.5 pt a rule in more than one "
                          "ink, or screened, fringes or breaks up; make it 100 % of one ink or 0.5 pt and more"))
    return found


def _coloured(colour: Colour) -> bool:
    """More than one ink, or one ink screened (a tint)."""
    values = [v for v in (colour.c, colour.m, colour.y, colour.k) if v > INK]
    return len(values) > 1 or (len(values) == 1 and values[0] < 0.995)


def _photo_findings(issue: Issue, laid: IssueLayout, condition: OutputCondition, limit: float,
                    frames_of: dict[int, dict[str, str]]) -> list[tuple[str, int, str, str]]:
    found = []
    seen: set[tuple[int, str]] = set()
    icc = condition.profile_path()
    for display in laid.pages:
        for item in display.items:
            if not isinstance(item, ImageItem) or (display.number, item.path) in seen:
                continue
            seen.add((display.number, item.path))
            try:
                over, most = ink_over(item.path, icc, limit)
            except (OSError, ValueError):
                continue  # an unreadable photo is reported by the layout findings
            if over < INK_SHARE:
                continue
            where = f"frame {frames_of.get(display.number, {}).get(item.path, '?')} ({Path(item.path).name})"
            found.append((WARNING, display.number, where,
                          f"{over:.1%} of the photo has more than {limit:.0f} % ink as separated for "
                          f"{condition.identifier} (up to {most:.0f} %); the press export brings it down "
                          "(grey moved to black, then less cyan, magenta and yellow), which flattens the "
                          "shadows: separate it with a profile made for the limit"))
    return found


def press_findings(issue: Issue, laid: IssueLayout, condition: OutputCondition, limit: float,
                   frames_of: dict[int, dict[str, str]]) -> list[tuple[str, int, str, str]]:
    """(severity, page, object, message) for every problem above."""
    found = _photo_findings(issue, laid, condition, limit, frames_of)
    pages = {p.number: p for p in issue.pages}
    for display in laid.pages:
        page = pages.get(display.number)
        if page is None:
            continue
        found += _rule_findings(page, display) + _text_findings(page, display)
    return found
