"""Export an issue to one PDF: every page laid out by the engine and drawn by reportlab."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from layout import __version__
from layout.engine.fonts import ROLE_FILES
from layout.engine.page import IssueLayout, LayoutEngine
from layout.model.document import Issue
from layout.model.fileformat import write_atomic
from layout.render.pdf import draw_page, register_font

Progress = Callable[[int, int], None]


def document_title(issue: Issue) -> str:
    """"北京城市副中心报 2023-02-15": the paper and the date."""
    return f"{issue.paper} {issue.date.isoformat()}"


def export_pdf(issue: Issue, out: str | Path, *, engine: LayoutEngine | None = None,
               progress: Progress | None = None) -> IssueLayout:
    """Lay out the issue and write it as one PDF; return the layout (with its report).

    The file appears only when it is complete: it is written to a temporary
    file first and renamed into place.
    """
    out = Path(out)
    laid = (engine or LayoutEngine()).layout(issue)
    body_font = register_font(ROLE_FILES["song"][0])
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch) / "export.pdf"
        canvas = Canvas(str(tmp), initialFontName=body_font.fontName, initialFontSize=9,
                        pageCompression=1)
        canvas.setTitle(document_title(issue))
        canvas.setAuthor(issue.paper)
        canvas.setCreator(f"layout {__version__}")
        canvas.setSubject(issue.edition or "")
        for index, page in enumerate(laid.pages, start=1):
            canvas.setPageSize((page.width, page.height))
            draw_page(canvas, page)
            canvas.showPage()
            if progress:
                progress(index, len(laid.pages))
        canvas.save()
        write_atomic(out, tmp.read_bytes())
    return laid
