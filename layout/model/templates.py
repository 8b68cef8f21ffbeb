"""Page templates: the size, grid and furniture (folio or masthead, rules) a page starts from.

An issue keeps its templates in the document, where they can be edited; a new
page copies its template's furniture. The built-in sizes follow
../shared/notes/typesetting-and-print.md §1e: a 对开 broadsheet page is about
390×540 mm with an 8-column grid of 13 characters of 小五 (9 pt) and
one-character gutters (352 mm of type); a 四开 tabloid page is about
270×390 mm. The line pitch is 1.5 times the body size (a 50 % line gap;
clreq's usual range is 50–100 %).
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from datetime import date

from layout.model.document import Issue, Page
from layout.model.frames import FolioFrame, Frame, RuleFrame
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.units import hao, mm

BODY_SIZE = hao("小五")
LINE_PITCH = BODY_SIZE * 1.5
FOLIO_LINES = 3
MASTHEAD_LINES = 8


@dataclass
class Template:
    """A page template: trimmed size, margins, grid, and furniture frames."""

    name: str
    title: str
    width: float
    height: float
    margins: Margins
    grid: Grid
    frames: list[Frame] = field(default_factory=list)

    def new_page(self, number: int, section: str = "") -> Page:
        """A page from this template; its furniture ids start with ``p<number>-``."""
        frames = [dataclasses.replace(copy.deepcopy(f), id=f"p{number}-{f.id}") for f in self.frames]
        return Page(number=number, width=self.width, height=self.height,
                    margins=dataclasses.replace(self.margins), grid=dataclasses.replace(self.grid),
                    section=section, frames=frames, template=self.name)


@dataclass(frozen=True)
class PaperSize:
    """A page size and its grid, counted in body characters and lines."""

    name: str
    title: str
    width_mm: float
    height_mm: float
    columns: int
    chars_per_column: int
    lines: int

    def grid(self) -> Grid:
        """Columns with one-character gutters on the body line pitch."""
        return Grid(columns=self.columns, gutter=BODY_SIZE, line_pitch=LINE_PITCH)

    def margins(self) -> Margins:
        """Margins that centre the type area on the page."""
        width, height = mm(self.width_mm), mm(self.height_mm)
        type_w = (self.columns * self.chars_per_column + self.columns - 1) * BODY_SIZE
        type_h = self.lines * LINE_PITCH
        side, head = round((width - type_w) / 2, 3), round((height - type_h) / 2, 3)
        return Margins(top=head, bottom=head, left=side, right=side)

    def template(self, front: bool) -> Template:
        """The inner-page template (folio line) or the front-page one (masthead)."""
        margins = self.margins()
        width = round(mm(self.width_mm), 3)
        type_w = width - margins.left - margins.right
        lines = MASTHEAD_LINES if front else FOLIO_LINES
        head = Rect(margins.left, margins.top, type_w, (lines - 1) * LINE_PITCH)
        rule_y = margins.top + (lines - 0.5) * LINE_PITCH
        frames: list[Frame] = [
            FolioFrame(id="masthead" if front else "folio", rect=head, masthead=front),
            RuleFrame(id="head-rule", rect=Rect(margins.left, rule_y, type_w, 0), weight=2.0 if front else 1.0),
        ]
        return Template(
            name=f"{self.name}-front" if front else self.name,
            title=f"{self.title}{'（头版）' if front else ''}",
            width=width, height=round(mm(self.height_mm), 3),
            margins=margins, grid=self.grid(), frames=frames,
        )


PAPER_SIZES: dict[str, PaperSize] = {
    "broadsheet": PaperSize("broadsheet", "对开 8 栏", 390, 540, 8, 13, 104),
    "tabloid": PaperSize("tabloid", "四开 6 栏", 270, 390, 6, 11, 72),
}


def builtin_templates() -> dict[str, Template]:
    """Inner and front-page templates for every paper size."""
    out: dict[str, Template] = {}
    for size in PAPER_SIZES.values():
        for front in (False, True):
            template = size.template(front)
            out[template.name] = template
    return out


TEMPLATES = builtin_templates()


def add_page(issue: Issue, template: str, section: str = "") -> Page:
    """Append a page made from one of the issue's own (editable) templates."""
    try:
        chosen = issue.templates[template]
    except KeyError:
        known = ", ".join(sorted(issue.templates)) or "none"
        raise ValueError(f"the issue has no template {template!r} (it has: {known})") from None
    number = max((p.number for p in issue.pages), default=0) + 1
    page = chosen.new_page(number, section)
    issue.pages.append(page)
    return page


def new_issue(template: str = "broadsheet", paper: str = "新报纸", when: date | None = None,
              pages: int = 1) -> Issue:
    """A new, empty issue keeping every built-in template; page 1 of a paper size
    gets its front-page template (masthead), the other pages the inner one."""
    if template not in PAPER_SIZES:
        known = ", ".join(sorted(PAPER_SIZES))
        raise ValueError(f"unknown template {template!r} (known: {known})")
    issue = Issue(paper=paper, date=when or date.today(), templates=builtin_templates())
    for number in range(1, pages + 1):
        name = f"{template}-front" if number == 1 else template
        issue.pages.append(issue.templates[name].new_page(number))
    return issue
