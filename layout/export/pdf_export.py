"""Export an issue to PDF in a profile: screen, press (one PDF/X-1a file a page) or proof.

Files appear only when complete (written to a scratch folder, then renamed
into place); progress is reported page by page through a callback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import string
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from layout import __version__
from layout.engine.block import set_block
from layout.engine.displaylist import GlyphLines, GlyphRun, ImageItem, Item, PageDisplay
from layout.engine.fonts import ROLE_FILES
from layout.engine.page import IssueLayout, LayoutEngine
from layout.export.against import marked_items
from layout.export.images import ImagePreparer
from layout.export.marks import Sheet, draw_crop_marks, sheet_for, slug_items
from layout.export.outputs import moving_into_place
from layout.export.pdfx import finish_pdf
from layout.export.profiles import PROFILES, ExportProfile, OutputCondition
from layout.export.proof import WATERMARK_ALPHA, ProofInfo, record_in_pdf, watermark_items
from layout.export.proof import slug_items as proof_slug
from layout.export.replies import add_replies
from layout.export.trail import user_name
from layout.model.document import Issue
from layout.model.geometry import Rect
from layout.model.styles import TextStyle
from layout.render.pdf import char_width, draw_page, register_font
from layout.render.pdftags import Tagger, add_structure
from layout.store.fileformat import dumps
from layout.store.files import write_atomic
from layout.store.scratch import SCRATCH_PREFIX, scratch

Progress = Callable[[int, int], None]
DEFAULT_NAME = "{date:%Y%m%d}-{page:02d}.pdf"
SLUG = TextStyle(font="hei", size=6.5, align="left")  # the press slug outside the trim


def document_title(issue: Issue, pages: list[int] | None = None) -> str:
    """"北京城市副中心报 2023-02-15 第3版": the paper, the date and the page (or pages)."""
    title = f"{issue.paper} {issue.date.isoformat()}"
    if not pages:
        return title
    if len(pages) == 1:
        return f"{title} 第{pages[0]}版"
    return f"{title} 第{pages[0]}–{pages[-1]}版"


_FIELD_SPECS = {  # what each field of a press file name may say after its colon
    "date": re.compile(r"(%[aAbBdmyYjUWu]|[^%{}/\\]){0,24}"),
    "page": re.compile(r"0?[1-4]?d?"),
    "paper": re.compile(r""),
}


def file_name(pattern: str, issue: Issue, page: int) -> str:
    """A press file name from a pattern such as ``{date:%Y%m%d}-{page:02d}.pdf``.

    The fields are ``date`` (with strftime codes), ``page`` (a width of at most 4)
    and ``paper``; anything else is refused before it is formatted. The name
    must end in ``.pdf`` and may not be hidden or name another folder."""
    _check_pattern(pattern)
    try:
        name = pattern.format(date=issue.date, page=page, paper=issue.paper)
    except (KeyError, ValueError, IndexError) as exc:
        raise ValueError(f"file name pattern {pattern!r}: {exc}") from None
    problem = _name_problem(name)
    if problem:
        raise ValueError(f"file name pattern {pattern!r} gives {name!r}, {problem}")
    return name


def _name_problem(name: str) -> str | None:
    """Why a press file name is refused, or None."""
    if "/" in name or "\\" in name:
        return "which names another folder"
    if not name.lower().endswith(".pdf"):
        return "which does not end in .pdf"
    if name.startswith("."):
        return "a hidden file"
    if len(name) > 255:
        return "longer than 255 characters"
    return None


def _check_pattern(pattern: str) -> None:
    """Refuse fields other than date, page and paper, and widths or codes they do not take."""
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        raise ValueError(f"file name pattern {pattern!r}: {exc}") from None
    for field, spec, conversion in fields:
        rule = _FIELD_SPECS.get(field)
        if rule is None or conversion:
            raise ValueError(f"file name pattern {pattern!r}: {{{field}}} is not one of "
                             f"{{date}}, {{page}}, {{paper}}")
        if not rule.fullmatch(spec or ""):
            raise ValueError(f"file name pattern {pattern!r}: {{{field}:{spec}}} is not a format it takes")


class PdfWriter:
    """Writes pages of a laid-out issue into one PDF file in a profile."""

    def __init__(self, issue: Issue, profile: ExportProfile, condition: OutputCondition, scratch: Path,
                 proof: ProofInfo | None = None) -> None:
        self.issue = issue
        self.profile = profile
        self.condition = condition
        self.scratch = scratch
        self.images = (ImagePreparer(profile, scratch, condition.profile_path(), ink_limit=condition.ink_limit)
                       if profile.image_ppi else None)
        self.exported = datetime.now()
        if proof is None and (profile.watermark or profile.slug):
            proof = ProofInfo(draft=issue.proofs[-1].draft if issue.proofs else 1, revision=issue.revision,
                              by=user_name(), time=f"{self.exported:%Y-%m-%d %H:%M}", band=profile.watermark_band)
        self.proof = proof

    def write(self, pages: list[PageDisplay], out: Path, progress: Callable[[], None] | None = None) -> None:
        """All the pages into ``out`` (through a scratch file)."""
        body_font = register_font(ROLE_FILES["song"][0])
        tmp = self.scratch / "export.pdf"
        canvas = Canvas(str(tmp), initialFontName=body_font.fontName, initialFontSize=9, pageCompression=1,
                        enforceColorSpace="cmyk" if self.profile.cmyk else None)
        title = document_title(self.issue, [p.number for p in pages])
        canvas.setTitle(title)
        canvas.setAuthor(self.issue.paper)
        canvas.setCreator(f"layout {__version__}")
        canvas.setSubject(self.issue.edition or "")
        self.tagger = Tagger(char_width)
        for page in pages:
            self._page(canvas, page)
            if progress:
                progress()
        if self.proof is not None and self.proof.comparison is not None and pages:
            self._change_list(canvas, pages[0])
        canvas.save()
        add_structure(str(tmp), self.tagger, [(a.id, a.headline.title) for a in self.issue.articles])
        if self.proof is not None:
            add_replies(str(tmp), self.issue.corrections, self.tagger)
        file_key = f"{self.issue.paper}|{self.issue.date.isoformat()}|{','.join(str(p.number) for p in pages)}"
        finish_pdf(tmp, file_key, title, self.condition if self.profile.pdfx else None)
        if self.proof is not None:
            record_in_pdf(tmp, self.issue, self.proof, dumps(self.issue))
        write_atomic(out, tmp.read_bytes())

    def _change_list(self, canvas: Canvas, first: PageDisplay) -> None:
        """A last page listing the changes since the previous draft (artifact text, not tagged)."""
        self.tagger.start_page(0.0)
        canvas.setPageSize((first.width, first.height))
        items = _change_list_items(self.issue, self.proof, first.width, first.height)
        draw_page(canvas, PageDisplay(0, first.width, first.height, items), rgb=True, tagger=self.tagger)
        key = "changes"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry("改动清单", key, level=0)
        canvas.showPage()

    def _press_slug(self, canvas: Canvas, page: PageDisplay, sheet: Sheet) -> None:
        """Paper, date, page, plate colour order and export time, under the bleed (outside the trim)."""
        when = self.issue.date
        text = (f"{self.issue.paper}  {when.year}年{when.month}月{when.day}日  第{page.number}版  "
                f"{self.condition.identifier} {self.condition.ink_limit:.0f}%  "
                f"色序 {' '.join(self.condition.plate_order)}  导出于 {self.exported:%Y-%m-%d %H:%M}  "
                f"layout {__version__}")
        items = slug_items(text, SLUG, page.width, page.height, self.profile.bleed, self.condition.plate_order)
        canvas.saveState()
        canvas.translate(sheet.offset, sheet.offset)
        draw_page(canvas, PageDisplay(page.number, page.width, page.height, items),
                  overprint_black=self.profile.overprint_black, tagger=self.tagger)
        canvas.restoreState()

    def _page(self, canvas: Canvas, page: PageDisplay) -> None:
        sheet = sheet_for(page.width, page.height, self.profile)
        canvas.setPageSize((sheet.width, sheet.height))
        if sheet.offset:
            canvas.setTrimBox(sheet.trim)
            canvas.setBleedBox(sheet.bleed)
        items = page.items
        if self.proof is not None and self.proof.comparison is not None:
            under, over = marked_items(page, self.issue, self.proof.comparison)
            first_text = next((i for i, item in enumerate(items) if isinstance(item, (GlyphRun, GlyphLines))),
                              len(items))
            items = [*items[:first_text], *under, *items[first_text:], *over]
        if self.proof is not None and self.profile.slug:
            items = [*items, *proof_slug(self.issue, page, self.proof)]
        if self.images is not None:
            self.images.prepare_all([i for i in items if isinstance(i, ImageItem)])
        self.tagger.start_page(sheet.offset)
        canvas.saveState()
        canvas.translate(sheet.offset, sheet.offset)
        draw_page(canvas, PageDisplay(page.number, page.width, page.height, items),
                  rgb=not self.profile.cmyk, overprint_black=self.profile.overprint_black,
                  prepare_image=self.images, tagger=self.tagger)
        if self.proof is not None and self.profile.watermark:
            canvas.setFillAlpha(WATERMARK_ALPHA)
            draw_page(canvas, PageDisplay(page.number, page.width, page.height,
                                          watermark_items(page, self.proof.band)), rgb=True, tagger=self.tagger)
        canvas.restoreState()
        if self.profile.crop_marks:
            canvas._code.append("/Artifact BMC")
            draw_crop_marks(canvas, sheet, self.profile.bleed)
            canvas._code.append("EMC")
        if self.profile.pdfx:
            self._press_slug(canvas, page, sheet)
        if not self.profile.one_file_per_page:
            key = f"page{page.number}"
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(f"第{page.number}版", key, level=0)
        canvas.showPage()


CHANGE_LIST = TextStyle(font="hei", size=10.5, align="left")
CHANGE_HEAD = TextStyle(font="hei-bold", size=16, align="left")


def _change_list_items(issue: Issue, proof: ProofInfo, width: float, height: float) -> list[Item]:
    """The change list page: the draft, what it was compared with, then each change by page."""
    comparison = proof.comparison
    since = f"修订 {comparison.revision}" if comparison.revision is not None else "上一稿"
    lines = [f"第{page}版　{text}" for page, text in sorted(comparison.changes, key=lambda c: c[0])] or ["无改动"]
    margin = 56.0
    parts = [(f"改动清单　第{proof.draft}稿（修订 {proof.revision}）与{since}相比", CHANGE_HEAD),
             ("\n".join(lines), CHANGE_LIST)]
    return set_block(parts, Rect(margin, margin, width - 2 * margin, height - 2 * margin), 18).items


def export_pdf(issue: Issue, out: str | Path, *, profile: ExportProfile | str = "screen",
               condition: OutputCondition | None = None, engine: LayoutEngine | None = None,
               progress: Progress | None = None, proof: ProofInfo | None = None) -> IssueLayout:
    """Lay out the issue and write all its pages into one PDF; return the layout."""
    profile = PROFILES[profile] if isinstance(profile, str) else profile
    laid = (engine or LayoutEngine()).layout(issue)
    done = [0]

    def step() -> None:
        done[0] += 1
        if progress:
            progress(done[0], len(laid.pages))

    out = Path(out)
    with naming_the_output(out), scratch(out.parent) as folder:
        PdfWriter(issue, profile, condition or OutputCondition(), folder, proof).write(laid.pages, out, step)
    return laid


DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


@contextlib.contextmanager
def naming_the_output(out: Path) -> Iterator[None]:
    """Let a full disk (or a failed write of a temporary file) name the output being written,
    not a temporary file of a library or none at all."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in DISK_FULL and exc.filename and SCRATCH_PREFIX not in str(exc.filename):
            raise
        raise OSError(exc.errno, f"{exc.strerror or exc}; nothing was written", str(out)) from None


def export_pages(issue: Issue, folder: str | Path, *, profile: ExportProfile | str = "press",
                 condition: OutputCondition | None = None, name: str = DEFAULT_NAME,
                 engine: LayoutEngine | None = None,
                 progress: Progress | None = None) -> tuple[IssueLayout, list[Path]]:
    """One PDF a page into ``folder``, named for the print shop; return the layout and the files.

    The pages are written into a scratch folder inside ``folder`` and moved into
    place one by one at the end, so an export killed while it writes them leaves
    the previous set whole (and a scratch folder the next run removes). While they
    are moved, ``folder`` holds INCOMPLETE.txt (:func:`moving_into_place`): a kill
    then leaves a mixed set that says so, until an export into it completes."""
    profile = PROFILES[profile] if isinstance(profile, str) else profile
    folder = Path(folder)
    laid = (engine or LayoutEngine()).layout(issue)
    names = [folder / file_name(name, issue, page.number) for page in laid.pages]
    if len(set(names)) != len(names):
        raise ValueError(f"file name pattern {name!r} gives two pages the same name")
    with naming_the_output(folder), scratch(folder) as work:
        writer = PdfWriter(issue, profile, condition or OutputCondition(), work)
        (work / "pages").mkdir()
        for index, (page, path) in enumerate(zip(laid.pages, names), start=1):
            writer.write([page], work / "pages" / path.name)
            if progress:
                progress(index, len(laid.pages))
        with moving_into_place(folder, names):
            for path in names:
                os.replace(work / "pages" / path.name, path)
    return laid, names



def export_page(issue: Issue, laid: IssueLayout, number: int, out: Path, *,
                condition: OutputCondition | None = None) -> None:
    """One laid-out page as a press PDF at ``out`` (the file ``layout sign`` signs)."""
    page = next((p for p in laid.pages if p.number == number), None)
    if page is None:
        raise ValueError(f"the issue has no page {number}")
    with scratch(out.parent) as work:
        PdfWriter(issue, PROFILES["press"], condition or OutputCondition(), work).write([page], out)
