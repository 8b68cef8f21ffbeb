"""Page templates: the grid and furniture a new page starts from.

Sizes follow ../shared/notes/typesetting-and-print.md §1e: a 对开 broadsheet
page is about 390×540 mm with an 8-column grid of 13 characters of 小五 (9 pt)
and one-character gutters (352 mm of type); a 四开 tabloid page is about
270×390 mm. The line pitch is 1.5 times the body size (a 50 % line gap,
clreq's usual range is 50–100 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from layout.model.document import FolioFrame, Issue, Page, RuleFrame
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.units import hao, mm

BODY_SIZE = hao("小五")
LINE_PITCH = BODY_SIZE * 1.5
FOLIO_LINES = 3


@dataclass(frozen=True)
class PageTemplate:
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

    def new_page(self, number: int, section: str = "") -> Page:
        """An empty page with the folio line and the rule under it."""
        page = Page(
            number=number,
            width=round(mm(self.width_mm), 3),
            height=round(mm(self.height_mm), 3),
            margins=self.margins(),
            grid=self.grid(),
            section=section,
        )
        area = page.type_area
        folio = Rect(area.x, area.y, area.w, (FOLIO_LINES - 1) * LINE_PITCH)
        rule_y = area.y + (FOLIO_LINES - 0.5) * LINE_PITCH
        page.frames = [
            FolioFrame(id=f"p{number}-folio", rect=folio),
            RuleFrame(id=f"p{number}-folio-rule", rect=Rect(area.x, rule_y, area.w, 0), weight=1.0),
        ]
        return page


TEMPLATES: dict[str, PageTemplate] = {
    "broadsheet": PageTemplate("broadsheet", "对开 8 栏", 390, 540, 8, 13, 104),
    "tabloid": PageTemplate("tabloid", "四开 6 栏", 270, 390, 6, 11, 72),
}


def new_issue(template: str = "broadsheet", paper: str = "新报纸", when: date | None = None,
              pages: int = 1) -> Issue:
    """A new, empty issue whose pages come from a named template."""
    try:
        chosen = TEMPLATES[template]
    except KeyError:
        known = ", ".join(sorted(TEMPLATES))
        raise ValueError(f"unknown template {template!r} (known: {known})") from None
    issue = Issue(paper=paper, date=when or date.today())
    issue.pages = [chosen.new_page(n) for n in range(1, pages + 1)]
    return issue
