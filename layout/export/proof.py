"""What makes a PDF a proof (校样) for editors: the watermark, the slug, and what the proof records.

The watermark is a translucent, light blue-grey 校样 drawn over everything on
the page, photos included, so it cannot be hidden behind one; it stays light
enough that an editor's red pen mark on it keeps a contrast of at least 4.5:1
(WCAG 2.x's contrast ratio for text; ``PEN_RED`` is the red tested). A profile
may put it in a band in the margin instead (``proof-band``). The slug says the
paper, date and page, the draft (第N稿) and the document revision, who exported
the proof and when, and what changed since the previous draft.

Every proof records its document: the Info dictionary holds the revision and the
draft (``/LayoutRevision``, ``/LayoutDraft``), and the document itself is attached
(``document.layout.json``), so that a later proof can be compared with it
(``--against``).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

from layout.engine.block import set_block
from layout.engine.displaylist import Item, PageDisplay
from layout.model.colour import Colour
from layout.model.document import Issue
from layout.model.geometry import Rect
from layout.model.styles import TextStyle

WATERMARK_ALPHA = 0.22  # over white paper the blue-grey mark gives (0.89, 0.92, 0.97), luminance 0.82
PEN_RED = (0.8, 0.0, 0.0)  # #CC0000; pure #FF0000 reaches only 4.0:1 even on white paper
WATERMARK = TextStyle(font="hei-bold", size=200, align="center", colour=Colour(0.4, 0.25, 0, 0.15))  # blue-grey
BAND = TextStyle(font="hei-bold", size=14, align="left", colour=Colour(0.4, 0.25, 0, 0.15))
SLUG = TextStyle(font="hei", size=6.5, align="left")
ATTACHMENT = "document.layout.json"


@dataclass
class ProofInfo:
    """What a proof says about itself: draft, revision, who, when, and the changes in words."""

    draft: int
    revision: int
    by: str
    time: str
    changes: dict[int, str] = field(default_factory=dict)  # page number → what changed on it
    band: bool = False
    comparison: Any = None  # a layout.export.against.Comparison with the previous draft, if any


def watermark_items(page: PageDisplay, band: bool) -> list[Item]:
    """The 校样 mark: large across the page, or repeated down the outer margin band."""
    if not band:
        mark = set_block([("校样", WATERMARK)], Rect(0, 0, page.width, page.height), WATERMARK.size_pt * 1.2,
                         centre=True)
        return mark.items
    text = "　".join(["校样"] * max(1, int(page.height / (BAND.size_pt * 4))))
    mark = set_block([(text, BAND)], Rect(4, 4, page.width - 8, BAND.size_pt * 1.4), BAND.size_pt * 1.4)
    return mark.items


def slug_items(issue: Issue, page: PageDisplay, info: ProofInfo) -> list[Item]:
    """The slug in the bottom margin: the page, the draft, who and when, what changed."""
    model = next(p for p in issue.pages if p.number == page.number)
    when = issue.date
    changed = info.changes.get(page.number, "")
    first = (f"{issue.paper}  {when.year}年{when.month}月{when.day}日  第{page.number}版 {model.section}  "
             f"第{info.draft}稿（修订 {info.revision}）  {info.by} 导出于 {info.time}  校样，不可付印")
    second = f"改动：{changed}" if changed else "改动：无（与上一稿相同）" if info.draft > 1 else "改动：首稿"
    area = model.type_area
    block = set_block([(first, SLUG), (second, SLUG)], Rect(area.x, area.bottom + 4, area.w, 20), 9)
    return block.items


def record_in_pdf(path: Path, issue: Issue, info: ProofInfo, document_json: str) -> None:
    """Write the revision and draft into the proof's Info and attach the document."""
    with pikepdf.open(io.BytesIO(path.read_bytes())) as pdf:  # pikepdf takes no path that is not UTF-8
        pdf.docinfo["/LayoutRevision"] = str(info.revision)
        pdf.docinfo["/LayoutDraft"] = str(info.draft)
        pdf.docinfo["/LayoutExportedBy"] = info.by
        spec = pikepdf.AttachedFileSpec(pdf, document_json.encode("utf-8"), mime_type="application/json",
                                        description=f"the document, revision {info.revision}")
        pdf.attachments[ATTACHMENT] = spec
        made = io.BytesIO()
        pdf.save(made)
    path.write_bytes(made.getvalue())


def recorded_document(path: Path) -> dict | None:
    """The document attached to a proof, as parsed JSON (None when the PDF carries none)."""
    with pikepdf.open(io.BytesIO(Path(path).read_bytes())) as pdf:
        if ATTACHMENT not in pdf.attachments:
            return None
        return json.loads(pdf.attachments[ATTACHMENT].get_file().read_bytes().decode("utf-8"))


def contrast(rgb_a: tuple[float, float, float], rgb_b: tuple[float, float, float]) -> float:
    """WCAG 2.x contrast ratio of two sRGB colours (components 0..1)."""
    def luminance(rgb: tuple[float, float, float]) -> float:
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(rgb_a), luminance(rgb_b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
